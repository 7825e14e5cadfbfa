import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../app/i18n';
import { json, mockApi, renderApp } from '../../../test/render';
import { NEXT_ROUND_ID, rankingAnswer, rankingFixture, rankingRow, ROUND_ID, selectionAnswer } from '../test-fixtures';

const staff = { id: 'u2', email: 'karim@fondation.ma', displayName: 'Karim', locale: 'fr', roles: ['STAFF'] };

const scorecards = {
  application: { id: 'a2', reference: 'FIS-2026-0002', title: 'Coopérative d’argan' },
  criteria: rankingFixture().criteria,
  notStarted: [{ jurorId: 'j9', displayName: 'Omar' }],
  items: [
    {
      scorecardId: 's1',
      juror: { id: 'j1', userId: 'u10', displayName: 'Amina Harsh', email: 'amina@jury.example' },
      status: 'SUBMITTED',
      submittedAt: '2026-05-02T10:00:00.000Z',
      weightedScore: 62.5,
      overallComment: 'Projet solide, modèle économique fragile.',
      commentShareable: false,
      values: [
        { criterionId: 'k1', value: 3, comment: 'Impact réel sur les femmes formées', shareable: false },
        { criterionId: 'k2', value: 4, comment: null, shareable: false },
      ],
    },
    {
      scorecardId: 's2',
      juror: { id: 'j2', userId: 'u11', displayName: 'Youssef Lenient', email: 'youssef@jury.example' },
      status: 'DRAFT',
      submittedAt: null,
      weightedScore: null,
      overallComment: null,
      commentShareable: false,
      values: [],
    },
  ],
};

/** a1 sure, a2 uncertain, a3 out, a4 without a scorecard. */
function confidence(size: number, method: 'mean' | 'normalised') {
  return {
    roundId: ROUND_ID,
    method,
    size,
    threshold: null,
    resamples: 500,
    seed: 1,
    items: [
      { applicationId: 'a1', probability: 0.98 },
      { applicationId: 'a2', probability: 0.55 },
      { applicationId: 'a3', probability: 0.02 },
      { applicationId: 'a4', probability: null },
    ],
  };
}

const plan = {
  roundId: ROUND_ID,
  stamp: '7',
  method: 'normalised',
  size: 2,
  threshold: null,
  total: 2,
  perJuror: null,
  cut: 0.1,
  picks: [
    { applicationId: 'a4', reference: 'FIS-2026-0004', title: 'Ferme pédagogique', jurorId: 'j1', jurorName: 'Amina Harsh', reason: 'INCOMPLETE', score: null, standardError: null, distance: null },
    { applicationId: 'a2', reference: 'FIS-2026-0002', title: 'Coopérative d’argan', jurorId: 'j3', jurorName: 'Salma Flat', reason: 'NEAR_CUT', score: 0.2, standardError: 0.4, distance: 0.25 },
  ],
  jurors: [
    { jurorId: 'j1', displayName: 'Amina Harsh', before: 3, added: 1, after: 4 },
    { jurorId: 'j3', displayName: 'Salma Flat', before: 3, added: 1, after: 4 },
  ],
  unplaced: 0,
};

function api(extra: Record<string, (request: Request) => Response | Promise<Response>> = {}, locale = 'fr') {
  return mockApi({
    'GET /api/auth/session': () => json(200, { user: { ...staff, locale } }),
    [`GET /api/rounds/${ROUND_ID}/ranking`]: (request) => json(200, rankingAnswer(new URL(request.url).searchParams)),
    [`GET /api/rounds/${ROUND_ID}/ranking/selection`]: (request) => json(200, selectionAnswer(new URL(request.url).searchParams)),
    [`GET /api/rounds/${ROUND_ID}/advances`]: () => json(200, { items: [] }),
    [`GET /api/rounds/${ROUND_ID}/applications/a2/scorecards`]: () => json(200, scorecards),
    [`GET /api/rounds/${ROUND_ID}/shortlist-confidence`]: (request) => {
      const query = new URL(request.url).searchParams;
      return json(200, confidence(Number(query.get('size')), query.get('method') === 'mean' ? 'mean' : 'normalised'));
    },
    [`GET /api/rounds/${ROUND_ID}/second-looks`]: () => json(200, { items: [] }),
    ...extra,
  });
}

const references = () => screen.getAllByTestId('ranking-row').map((row) => within(row).getByText(/^FIS-/u).textContent);

describe('the ranking of a round', { timeout: 20_000 }, () => {
  it('shows both methods side by side, flags with their reasons, reliability in words and accessible charts (French)', async () => {
    api();
    renderApp(`/admin/rounds/${ROUND_ID}/ranking`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Classement' })).toBeInTheDocument();
    expect(screen.getByTestId('ranking-totals')).toHaveTextContent('4 dossiers · 3 classés · 5 grilles remises · 1 brouillons');
    expect(screen.getByText(/Méthode retenue pour ce tour : Méthode normalisée \(scores z des jurés\)/u)).toBeInTheDocument();
    expect(references()).toEqual(['FIS-2026-0001', 'FIS-2026-0002', 'FIS-2026-0003', 'FIS-2026-0004']);

    const [first, second, third, unranked] = screen.getAllByTestId('ranking-row') as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    // Ranked by the normalised method: its score (z 0.84) sits beside the rank; the mean (71.25 ± 3.2)
    // is a second, labelled column; mean rank 2, one place lower than under normalisation, said in words.
    expect(screen.getByRole('columnheader', { name: 'Score normalisé (z), qui classe' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Score moyen /100 ± erreur type, pour comparer' })).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: /z moyen/u })).toBeNull();
    expect(within(first).getByTestId('ranking-score')).toHaveTextContent(/^0,84$/u);
    expect(within(first).getByTestId('ranking-secondary-score')).toHaveTextContent(/^71,3 ± 3,2$/u);
    expect(within(first).getByTestId('ranking-rank')).toHaveTextContent(/^1\D/u);
    expect(within(first).getByTestId('ranking-shift')).toHaveTextContent(/^1 place plus haut qu'avec la moyenne$/u);
    expect(within(first).getByText('Présélectionné')).toBeInTheDocument();
    expect(within(second).getByTestId('ranking-shift')).toHaveTextContent("1 place plus bas qu'avec la moyenne");
    expect(within(third).getByTestId('ranking-shift')).toHaveTextContent("même rang qu'avec la moyenne");
    expect(within(unranked).queryByTestId('ranking-shift')).toBeNull();
    expect(within(second).getByText(/Désaccord/u)).toHaveTextContent('Les notes des jurés s\'écartent de σ = 16,2 points, au-delà du seuil de 15');
    expect(within(third).getByText(/Incomplet/u)).toHaveTextContent('1 grilles remises sur les 2 requises');
    expect(within(unranked).getAllByLabelText('Non classé')).toHaveLength(1);
    expect(screen.getByRole('columnheader', { name: /^Impact social \(75\s%\)$/u })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /^Viabilité \(25\s%\)$/u })).toBeInTheDocument();

    const reliability = screen.getByTestId('reliability');
    expect(within(reliability).getByLabelText('Alpha global : 0,72')).toBeInTheDocument();
    expect(within(reliability).getAllByText('Accord à confirmer').length).toBeGreaterThan(0);
    expect(within(reliability).getByText(/tirez des conclusions avec prudence/u)).toBeInTheDocument();
    expect(within(reliability).getByText('Bon accord')).toBeInTheDocument();
    expect(within(reliability).getByText('Pas assez de données')).toBeInTheDocument();

    const severity = screen.getByRole('img', { name: /^Sévérité des jurés : 3 jurés/u });
    expect(severity.getAttribute('aria-label')).toContain('Sévères : Amina Harsh. Indulgents : Youssef Lenient. Notes peu différenciées : Salma Flat.');
    const severityRows = screen.getAllByTestId('severity-row');
    expect(within(severityRows[0]!).getByText('Sévère')).toBeInTheDocument();
    expect(within(severityRows[1]!).getByText('Indulgent')).toBeInTheDocument();
    expect(within(severityRows[2]!).getByText('Peu différencié')).toBeInTheDocument();
    // How jurors differ, signed: below 0 harsher than co-jurors on the same applications.
    expect(within(severityRows[0]!).getByTestId('severity-peers')).toHaveTextContent('\u221212,5');
    expect(within(severityRows[1]!).getByTestId('severity-peers')).toHaveTextContent('+9,0');
    expect(screen.getByRole('columnheader', { name: 'Écart aux autres jurés sur les mêmes dossiers' })).toBeInTheDocument();
    expect(screen.getByTestId('severity-explanation')).toHaveTextContent(/négatif : plus sévère/u);

    const distribution = screen.getByRole('img', { name: /^Répartition des scores moyens de 3 dossiers/u });
    expect(distribution.getAttribute('aria-label')).toContain('40 à 50 : 1');
    expect(distribution.getAttribute('aria-label')).toContain('70 à 80 : 2');
  });

  it('switches methods through the URL and re-orders the list', async () => {
    const { calls } = api();
    const { router } = renderApp(`/admin/rounds/${ROUND_ID}/ranking`);
    await screen.findByRole('heading', { level: 1, name: 'Classement' });

    fireEvent.click(screen.getByRole('radio', { name: 'Moyenne' }));
    await waitFor(() => expect(references()).toEqual(['FIS-2026-0002', 'FIS-2026-0001', 'FIS-2026-0003', 'FIS-2026-0004']));
    expect(router.state.location.search).toBe('?method=mean');
    // The API orders the whole ranking and sends the first page of it, under the round's method then the one chosen.
    const rankingCalls = calls.filter((request) => new URL(request.url, 'http://localhost').pathname.endsWith('/ranking'));
    expect(rankingCalls.map((request) => new URL(request.url, 'http://localhost').search)).toEqual(['?offset=0&limit=50', '?offset=0&limit=50&method=mean']);
    const [first] = screen.getAllByTestId('ranking-row') as [HTMLElement];
    expect(within(first).getByTestId('ranking-shift')).toHaveTextContent("1 place plus haut qu'avec la méthode normalisée");
    // Ranked by the mean: the mean's score is the one beside the rank now.
    expect(screen.getByRole('columnheader', { name: 'Score moyen /100 ± erreur type, qui classe' })).toBeInTheDocument();
    expect(within(first).getByTestId('ranking-score')).toHaveTextContent(/^78,5 ± 11,4$/u);
    expect(within(first).getByTestId('ranking-secondary-score')).toHaveTextContent(/^0,31$/u);
  });

  it('shows a long ranking 50 rows at a time: the pages ask the API for their rows, the filters go back to the first page', async () => {
    const many = Array.from({ length: 120 }, (_, i) =>
      rankingRow({ applicationId: `m${i}`, reference: `FIS-2026-${String(i + 1).padStart(4, '0')}`, meanRank: i + 1, normalisedRank: i + 1, rank: i + 1, meanScore: 90 - i / 2, normalisedScore: 1 - i / 100, submitted: 2, required: 2, criterionMeans: [3, 3] }),
    );
    const { calls } = api({
      [`GET /api/rounds/${ROUND_ID}/ranking`]: (request) => {
        const query = new URL(request.url).searchParams;
        const rows = query.get('flag') === 'INCOMPLETE' ? [] : many;
        const offset = Number(query.get('offset'));
        return json(200, { ...rankingFixture(), items: rows.slice(offset, offset + 50), totals: { applications: 120, ranked: 120, submittedScorecards: 240, draftScorecards: 0 }, page: { offset, limit: 50, total: rows.length } });
      },
    });
    const { router } = renderApp(`/admin/rounds/${ROUND_ID}/ranking`);
    await screen.findByRole('heading', { level: 1, name: 'Classement' });
    expect(references()).toHaveLength(50);
    expect(screen.getByText('120 dossiers affichés sur 120')).toBeInTheDocument();
    const pages = screen.getByRole('navigation', { name: 'Pages du classement' });
    fireEvent.click(within(pages).getByRole('button', { name: 'Page 3' }));
    await waitFor(() => expect(references()).toEqual(many.slice(100).map((row) => row.reference)));
    expect(router.state.location.search).toBe('?page=3');
    expect(calls.some((request) => new URL(request.url, 'http://localhost').search === '?offset=100&limit=50')).toBe(true);

    fireEvent.change(screen.getByLabelText('Signalement'), { target: { value: 'INCOMPLETE' } });
    await waitFor(() => expect(router.state.location.search).toBe('?flag=INCOMPLETE'));
    expect(await screen.findByText('Aucun dossier ne correspond à ces filtres.')).toBeInTheDocument();
  });

  it('filters by flag and region from the URL', async () => {
    api();
    renderApp(`/admin/rounds/${ROUND_ID}/ranking?flag=INCOMPLETE&region=MA-06`);
    await screen.findByRole('heading', { level: 1, name: 'Classement' });
    expect(references()).toEqual(['FIS-2026-0003']);
    expect(screen.getByText('1 dossiers affichés sur 4')).toBeInTheDocument();
  });

  it("opens an application's scorecards: every juror, values with comments, drafts marked", async () => {
    api();
    renderApp(`/admin/rounds/${ROUND_ID}/ranking`);
    fireEvent.click(await screen.findByRole('button', { name: 'Voir les grilles du dossier FIS-2026-0002' }));

    const drawer = await screen.findByRole('dialog', { name: 'Grilles du dossier FIS-2026-0002' });
    const amina = await within(drawer).findByRole('region', { name: 'Grille de Amina Harsh' });
    expect(within(amina).getByText('amina@jury.example')).toBeInTheDocument();
    expect(within(amina).getByText('62,5 / 100')).toBeInTheDocument();
    expect(within(amina).getByText('Impact réel sur les femmes formées')).toBeInTheDocument();
    expect(within(amina).getByText('3 (échelle 0–5)')).toBeInTheDocument();
    expect(within(amina).getByText('Projet solide, modèle économique fragile.')).toBeInTheDocument();
    const youssef = within(drawer).getByRole('region', { name: 'Grille de Youssef Lenient' });
    expect(within(youssef).getByText('Brouillon : cette grille ne compte pas dans le classement.')).toBeInTheDocument();
    expect(within(drawer).getByText('Pas encore commencé : Omar')).toBeInTheDocument();
    expect(within(drawer).getByRole('link', { name: 'Ouvrir le dossier complet' })).toHaveAttribute('href', '/admin/applications/a2');
  });

  it('selects the top 2 and advances them into a new round 2, then links to it', async () => {
    let body: unknown;
    api({
      [`POST /api/rounds/${ROUND_ID}/advance`]: async (request) => {
        body = await request.json();
        return json(201, {
          advance: { id: 'adv1', fromRoundId: ROUND_ID, toRoundId: NEXT_ROUND_ID, toRoundNumber: 2, applicationIds: ['a1', 'a2'], createdAt: '2026-05-03T09:00:00.000Z', createdBy: { id: 'u2', displayName: 'Karim' }, undoneAt: null, undoable: true },
          added: 1,
          alreadyIn: 1,
        });
      },
    });
    renderApp(`/admin/rounds/${ROUND_ID}/ranking`);
    await screen.findByRole('heading', { level: 1, name: 'Classement' });

    fireEvent.change(screen.getByLabelText('Nombre'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sélectionner les 2 premiers' }));
    // The API selects over the whole ranking, whichever page is shown.
    await waitFor(() => expect(screen.getByRole('checkbox', { name: 'Sélectionner le dossier FIS-2026-0001' })).toBeChecked());
    expect(screen.getByRole('checkbox', { name: 'Sélectionner le dossier FIS-2026-0002' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Sélectionner le dossier FIS-2026-0003' })).not.toBeChecked();

    fireEvent.click(screen.getByRole('button', { name: 'Faire passer 2 dossiers dans un nouveau tour 2' }));
    const dialog = await screen.findByRole('dialog', { name: 'Présélectionner pour un tour suivant' });
    expect(within(dialog).getByText('1 de ces dossiers y est déjà : il restera tel quel.')).toBeInTheDocument();
    // A new round scores by default.
    expect(within(dialog).getByRole('radio', { name: 'Tour de notation' })).toBeChecked();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirmer la présélection' }));

    await waitFor(() => expect(body).toEqual({ applicationIds: ['a1', 'a2'], newRound: { kind: 'SCORING' } }));
    expect(await screen.findByRole('link', { name: 'Aller au tour 2 →' })).toHaveAttribute('href', `/admin/rounds/${NEXT_ROUND_ID}`);
    expect(screen.getByRole('checkbox', { name: 'Sélectionner le dossier FIS-2026-0001' })).not.toBeChecked();
  });

  it('advances into an existing later round of the call, chosen among those not closed, or into a new final ballot', async () => {
    const bodies: unknown[] = [];
    const round = (id: string, number: number, type: 'SCORING' | 'BALLOT', status: 'DRAFT' | 'OPEN' | 'CLOSED', name: string) => ({
      id, callId: 'c1', number, name: { ar: name, fr: name, en: name }, type, status, blind: true, scorecardsRequired: 2, disagreementThreshold: 15, method: 'NORMALISED',
      instructions: null, opensAt: null, closesAt: null, opensAtLocal: null, closesAtLocal: null, criteriaLocked: false,
      counts: { applications: 0, jurors: 0, assignments: 0, submitted: 0 }, deletable: true, typeLocked: false,
    });
    api({
      'GET /api/calls/c1/rounds': () =>
        json(200, { items: [round(ROUND_ID, 1, 'SCORING', 'CLOSED', 'Présélection'), round('r2', 2, 'SCORING', 'CLOSED', 'Tour 2'), round('r3', 3, 'BALLOT', 'DRAFT', 'Vote final')] }),
      [`POST /api/rounds/${ROUND_ID}/advance`]: async (request) => {
        bodies.push(await request.json());
        return json(201, {
          advance: { id: 'adv1', fromRoundId: ROUND_ID, toRoundId: 'r3', toRoundNumber: 3, applicationIds: ['a1'], createdAt: '2026-05-03T09:00:00.000Z', createdBy: null, undoneAt: null, undoable: true },
          added: 1,
          alreadyIn: 0,
          roundCreated: false,
        });
      },
    });
    renderApp(`/admin/rounds/${ROUND_ID}/ranking`);
    await screen.findByRole('heading', { level: 1, name: 'Classement' });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Sélectionner le dossier FIS-2026-0003' }));
    // The closed round 2 cannot receive a shortlist: the open ballot round 3 is proposed.
    fireEvent.click(await screen.findByRole('button', { name: 'Faire passer 1 dossier au tour 3' }));
    const dialog = await screen.findByRole('dialog', { name: 'Présélectionner pour un tour suivant' });
    const target = within(dialog).getByRole('combobox', { name: 'Tour de destination' });
    expect(target).toHaveValue('Vote final · Vote final (Brouillon)');
    expect(within(dialog).queryByRole('radio')).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirmer la présélection' }));
    await waitFor(() => expect(bodies).toEqual([{ applicationIds: ['a3'], targetRoundId: 'r3' }]));

    // Or a new round 4, here a final ballot.
    fireEvent.click(screen.getByRole('checkbox', { name: 'Sélectionner le dossier FIS-2026-0003' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Faire passer 1 dossier au tour 3' }));
    const again = await screen.findByRole('dialog', { name: 'Présélectionner pour un tour suivant' });
    fireEvent.click(within(again).getByRole('combobox', { name: 'Tour de destination' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Un nouveau tour 4' }));
    fireEvent.click(within(again).getByRole('radio', { name: 'Vote final' }));
    expect(within(again).getByText(/^Ce tour de vote final sera créé en brouillon/u)).toBeInTheDocument();
    fireEvent.click(within(again).getByRole('button', { name: 'Confirmer la présélection' }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toEqual({ applicationIds: ['a3'], newRound: { kind: 'BALLOT' } });
  });

  it('lists advances and shows why an undo was refused', async () => {
    api({
      [`GET /api/rounds/${ROUND_ID}/advances`]: () =>
        json(200, {
          items: [
            { id: 'adv1', fromRoundId: ROUND_ID, toRoundId: NEXT_ROUND_ID, toRoundNumber: 2, applicationIds: ['a1'], createdAt: '2026-05-03T09:00:00.000Z', createdBy: { id: 'u2', displayName: 'Karim' }, undoneAt: null, undoable: true },
          ],
        }),
      [`POST /api/rounds/${ROUND_ID}/advances/adv1/undo`]: () =>
        json(409, { statusCode: 409, code: 'CONFLICT', message: 'Le tour 2 a déjà des grilles remises.', requestId: 'r1' }),
    });
    renderApp(`/admin/rounds/${ROUND_ID}/ranking`);
    const row = await screen.findByTestId('advance-row');
    expect(within(row).getByText('Karim')).toBeInTheDocument();
    fireEvent.click(within(row).getByRole('button', { name: 'Annuler la présélection' }));
    const dialog = await screen.findByRole('dialog', { name: 'Annuler cette présélection ?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuler la présélection' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Le tour 2 a déjà des grilles remises.');
  });

  it('reads right to left in Arabic, with the charts labelled in Arabic', async () => {
    api({}, 'ar');
    await i18n.changeLanguage('ar');
    renderApp(`/admin/rounds/${ROUND_ID}/ranking`);
    expect(await screen.findByRole('heading', { level: 1, name: 'الترتيب' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(screen.getByText('الانتقاء الأولي')).toBeInTheDocument();
    const [, second] = screen.getAllByTestId('ranking-row') as [HTMLElement, HTMLElement];
    expect(within(second).getByText(/اختلاف/u)).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /^الأثر الاجتماعي \(75\u200e?%\u200e?\)$/u })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^صرامة أعضاء اللجنة: 3 أعضاء/u }).getAttribute('aria-label')).toContain('صارمون: Amina Harsh');
    expect(screen.getByRole('img', { name: /^توزيع متوسطات نتائج 3 ملفات/u })).toBeInTheDocument();
    expect(within(screen.getByTestId('reliability')).getAllByText('اتفاق مبدئي').length).toBeGreaterThan(0);
    // The charts read 0 → 100 left to right, like their numbers, in every language.
    expect(screen.getByTestId('severity-chart').parentElement).toHaveAttribute('dir', 'ltr');
  });

  it("shows each application's chance of being in the shortlist, and previews, commits and undoes a second look", async () => {
    let committed: Record<string, unknown> | null = null;
    let previewed: unknown = null;
    const { calls } = api({
      // An open round: jurors can still take more scorecards.
      [`GET /api/rounds/${ROUND_ID}/ranking`]: () => json(200, { ...rankingFixture(), round: { ...rankingFixture().round, status: 'OPEN' } }),
      [`POST /api/rounds/${ROUND_ID}/second-look/preview`]: async (request) => {
        previewed = await request.json();
        return json(200, { ...plan, ...(previewed as object) });
      },
      [`POST /api/rounds/${ROUND_ID}/second-looks`]: async (request) => {
        committed = (await request.json()) as Record<string, unknown>;
        return json(201, { ...plan, id: 'l1', createdAt: '2026-05-03T09:00:00.000Z', createdBy: { id: 'u2', displayName: 'Karim' }, assignments: 2, submitted: 0, undoable: true });
      },
      [`GET /api/rounds/${ROUND_ID}/second-looks`]: () =>
        json(200, { items: committed ? [{ ...plan, id: 'l1', createdAt: '2026-05-03T09:00:00.000Z', createdBy: { id: 'u2', displayName: 'Karim' }, assignments: 2, submitted: 0, undoable: true }] : [] }),
      [`DELETE /api/rounds/${ROUND_ID}/second-looks/l1`]: () => {
        committed = null;
        return new Response(null, { status: 204 });
      },
    });
    renderApp(`/admin/rounds/${ROUND_ID}/ranking`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Classement' })).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Taille de la présélection'), { target: { value: '2' } });
    expect(await screen.findByRole('columnheader', { name: 'Dans les 2 premiers, part des rééchantillonnages' })).toBeInTheDocument();
    const cells = await screen.findAllByTestId('ranking-confidence');
    const byReference = new Map(screen.getAllByTestId('ranking-row').map((row, i) => [within(row).getByText(/^FIS-/u).textContent, cells[i]!]));
    expect(byReference.get('FIS-2026-0002')).toHaveTextContent(/55.*incertain/u);
    expect(byReference.get('FIS-2026-0001')).not.toHaveTextContent(/incertain/u);
    expect(byReference.get('FIS-2026-0004')).toHaveTextContent('—');
    expect(calls.some((call) => call.url.includes('shortlist-confidence') && call.url.includes('size=2'))).toBe(true);

    const section = screen.getByTestId('second-look');
    fireEvent.change(within(section).getByLabelText('Grilles supplémentaires'), { target: { value: '2' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Prévisualiser le second regard' }));
    const picks = await within(section).findAllByTestId('second-look-pick');
    expect(picks.map((row) => row.textContent)).toEqual([expect.stringMatching(/FIS-2026-0004.*Grilles manquantes.*Amina Harsh/u), expect.stringMatching(/FIS-2026-0002.*Proche de la limite.*0,25.*Salma Flat/u)]);
    expect(within(section).getByTestId('second-look-loads')).toHaveTextContent('Amina Harsh 3 → 4');
    fireEvent.click(within(section).getByRole('button', { name: 'Affecter ces 2 grilles' }));
    expect(await within(section).findByText('2 affectations ajoutées : les jurés les voient marquées « second regard ».')).toBeInTheDocument();
    expect(committed).toEqual({ method: 'normalised', size: 2, total: 2, stamp: '7' });
    fireEvent.click(await within(section).findByRole('button', { name: 'Défaire' }));
    const dialog = await screen.findByRole('dialog', { name: 'Annuler ce second regard ?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Défaire' }));
    await waitFor(() => expect(within(section).getByText('Aucun second regard pour l’instant.')).toBeInTheDocument());

    // A budget per juror instead of one in all.
    fireEvent.click(within(section).getByText('Par juré'));
    fireEvent.change(within(section).getByLabelText('Grilles supplémentaires par juré'), { target: { value: '1' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Prévisualiser le second regard' }));
    await within(section).findByTestId('second-look-plan');
    expect(previewed).toEqual({ method: 'normalised', size: 2, perJuror: 1 });
  });

  it('says plainly when no scorecard has been submitted yet, listing the applications unranked', async () => {
    api({
      [`GET /api/rounds/${ROUND_ID}/ranking`]: () =>
        json(200, {
          ...rankingFixture(),
          items: [rankingRow({ applicationId: 'a1', reference: 'FIS-2026-0001', criterionMeans: [null, null] })],
          jurors: [],
          reliability: { overall: { alpha: null, reading: null, pairableUnits: 0, pairableValues: 0 }, criteria: [] },
          totals: { applications: 1, ranked: 0, submittedScorecards: 0, draftScorecards: 0 },
          distribution: rankingFixture().distribution.map((bin) => ({ ...bin, count: 0 })),
          page: { offset: 0, limit: 50, total: 1 },
        }),
    });
    renderApp(`/admin/rounds/${ROUND_ID}/ranking`);
    expect(await screen.findByText('Aucune grille remise pour l\'instant')).toBeInTheDocument();
    expect(references()).toEqual(['FIS-2026-0001']);
    expect(screen.getByText('Aucune grille remise : la sévérité des jurés apparaîtra ici.')).toBeInTheDocument();
    expect(screen.getByText('Aucun dossier noté pour l\'instant.')).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: /Sévérité des jurés/u })).not.toBeInTheDocument();
  });
});
