import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp } from '../../../test/render';

const staff = { id: 'u2', email: 'karim@fondation.ma', displayName: 'Karim', locale: 'fr', roles: ['STAFF'] };
const ROUND_ID = '7d1f3c2a-1b4e-4a51-9c57-2f1f3d6c7a10';
const text = (fr: string) => ({ ar: '', fr, en: '' });
const round = {
  id: ROUND_ID,
  callId: 'c1',
  number: 1,
  name: text('Tour 1'),
  type: 'SCORING',
  status: 'OPEN',
  blind: true,
  scorecardsRequired: 2,
  disagreementThreshold: 15,
  method: 'NORMALISED',
  instructions: null,
  opensAt: null,
  closesAt: null,
  criteriaLocked: false,
  biddingOpen: false,
  expertiseWeight: 3,
  bidWeight: 2,
  assignmentCap: null,
  counts: { applications: 2, jurors: 3, assignments: 2, submitted: 1 },
};
const criterion = (key: string, label: string, weight: number, position: number) => ({
  id: key,
  key,
  label: text(label),
  guidance: null,
  weight,
  scaleMin: 0,
  scaleMax: 5,
  position,
});
const assignments = {
  jurors: [
    { id: 'j1', displayName: 'Amina' },
    { id: 'j2', displayName: 'Youssef' },
    { id: 'j3', displayName: 'Salma' },
  ],
  applications: [
    { id: 'a1', reference: 'FIS-2026-0001', title: null },
    { id: 'a2', reference: 'FIS-2026-0002', title: null },
  ],
  assignments: [
    { id: 's1', jurorId: 'j1', applicationId: 'a1', scorecardStatus: 'SUBMITTED' },
    { id: 's2', jurorId: 'j2', applicationId: 'a2', scorecardStatus: 'NONE' },
  ],
  conflicts: [{ jurorId: 'j3', applicationId: 'a1' }],
  suggestions: [],
};

const topic = (key: string, fr: string) => ({ key, label: { ar: fr, fr, en: fr } });
const topics = { topics: [topic('agriculture', 'Agriculture'), topic('water', 'Eau')], fieldKey: 'sector', counts: { applications: 3, withTopic: 2 } };
const plan = (fingerprint: string) => ({
  fingerprint,
  created: 3,
  kept: 2,
  minLoad: 1,
  maxLoad: 2,
  cap: null,
  weights: { expertise: 3, bid: 2 },
  pairs: [
    { jurorId: 'j2', applicationId: 'a1', affinity: 5, topics: ['agriculture'], bid: 'WANT' },
    { jurorId: 'j3', applicationId: 'a2', affinity: 0, topics: [], bid: 'RATHER_NOT' },
    { jurorId: 'j1', applicationId: 'a3', affinity: 0, topics: [], bid: null },
  ],
  jurors: [
    { id: 'j1', displayName: 'Amina', expertise: [], kept: 1, added: 1 },
    { id: 'j2', displayName: 'Youssef', expertise: ['agriculture'], kept: 1, added: 1 },
    { id: 'j3', displayName: 'Salma', expertise: [], kept: 0, added: 1 },
  ],
  applications: [
    { id: 'a1', reference: 'FIS-2026-0001', title: 'Ferme solaire à Tiznit', topics: ['agriculture'] },
    { id: 'a2', reference: 'FIS-2026-0002', title: 'Irrigation goutte à goutte', topics: ['water'] },
    { id: 'a3', reference: 'FIS-2026-0003', title: null, topics: [] },
  ],
  unmatched: ['a2'],
  notReadByKnower: [],
  withoutTopic: ['a3'],
  totalAffinity: 5,
  upperBound: 8,
  avoidedUsed: 1,
  optimal: true,
  shortfalls: [
    { applicationId: 'a1', reference: 'FIS-2026-0001', assigned: 1, required: 2, reason: 'CONFLICTS' },
    { applicationId: 'a2', reference: 'FIS-2026-0002', assigned: 1, required: 2, reason: 'NOT_ENOUGH_JURORS' },
    { applicationId: 'a3', reference: 'FIS-2026-0003', assigned: 1, required: 2, reason: 'CAPACITY' },
  ],
});

function api(extra: Record<string, (request: Request) => Response | Promise<Response>> = {}) {
  return mockApi({
    'GET /api/auth/session': () => json(200, { user: staff }),
    [`GET /api/rounds/${ROUND_ID}`]: () => json(200, round),
    [`GET /api/rounds/${ROUND_ID}/criteria`]: () =>
      json(200, { items: [criterion('impact', 'Impact social', 3, 0), criterion('viability', 'Viabilité', 1, 1)], locked: false }),
    [`GET /api/rounds/${ROUND_ID}/assignments`]: () => json(200, assignments),
    'GET /api/calls/c1/topics': () => json(200, topics),
    ...extra,
  });
}

describe('a round of evaluation', { timeout: 15_000 }, () => {
  it("shows each weight's share as staff type, and saves the criteria in order", async () => {
    let saved: unknown;
    api({
      [`PUT /api/rounds/${ROUND_ID}/criteria`]: async (request) => {
        saved = await request.json();
        return json(200, { items: [], locked: false });
      },
    });
    renderApp(`/admin/rounds/${ROUND_ID}?tab=criteria`);

    expect(await screen.findByTestId('share-0')).toHaveTextContent('75 %');
    expect(screen.getByTestId('share-1')).toHaveTextContent('25 %');
    const weights = screen.getAllByLabelText('Poids');
    fireEvent.change(weights[1]!, { target: { value: '3' } });
    await waitFor(() => expect(screen.getByTestId('share-1')).toHaveTextContent('50 %'));
    expect(screen.getByTestId('share-0')).toHaveTextContent('50 %');

    fireEvent.click(screen.getByRole('button', { name: 'Monter le critère 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les critères' }));
    await waitFor(() => expect(saved).toBeDefined());
    const body = saved as { reset: boolean; criteria: Array<{ key: string; weight: number }> };
    expect(body.reset).toBe(false);
    expect(body.criteria.map((c) => [c.key, c.weight])).toEqual([
      ['viability', 3],
      ['impact', 3],
    ]);
  });

  it('lets staff toggle free cells only: conflicted and submitted cells stay as they are', async () => {
    let saved: unknown;
    api({
      [`PUT /api/rounds/${ROUND_ID}/assignments`]: async (request) => {
        saved = await request.json();
        return json(200, assignments);
      },
    });
    renderApp(`/admin/rounds/${ROUND_ID}?tab=assignment`);

    const conflicted = await screen.findByRole('checkbox', { name: 'Affecter Salma au dossier FIS-2026-0001' });
    expect(conflicted).toBeDisabled();
    expect(conflicted).not.toBeChecked();
    const submitted = screen.getByRole('checkbox', { name: 'Affecter Amina au dossier FIS-2026-0001' });
    expect(submitted).toBeDisabled();
    expect(submitted).toBeChecked();
    expect(screen.getAllByRole('img', { name: /Conflit d'intérêts/u })).toHaveLength(1);

    fireEvent.click(screen.getByRole('checkbox', { name: 'Affecter Youssef au dossier FIS-2026-0001' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Affecter Youssef au dossier FIS-2026-0002' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les affectations' }));
    await waitFor(() => expect(saved).toBeDefined());
    expect((saved as { assignments: unknown[] }).assignments).toEqual([
      { jurorId: 'j1', applicationId: 'a1' },
      { jurorId: 'j2', applicationId: 'a1' },
    ]);
  });

  it('asks for a confirmation, naming the juror and the application, before assigning against a suggested conflict', async () => {
    const bodies: Array<{ assignments: unknown[]; confirmSuggestedConflicts: unknown[] }> = [];
    const suggestion = { jurorId: 'j2', applicationId: 'a1', conflictId: 'c9', reason: 'Coopérative Tifawin' };
    api({
      [`GET /api/rounds/${ROUND_ID}/assignments`]: () => json(200, { ...assignments, suggestions: [suggestion] }),
      [`PUT /api/rounds/${ROUND_ID}/assignments`]: async (request) => {
        const body = (await request.json()) as (typeof bodies)[number];
        bodies.push(body);
        if (body.confirmSuggestedConflicts.length === 0) {
          return json(409, { statusCode: 409, code: 'SUGGESTED_CONFLICT', message: 'Conflit suggéré', requestId: 't', details: { pairs: [suggestion] } });
        }
        return json(200, { ...assignments, suggestions: [] });
      },
    });
    renderApp(`/admin/rounds/${ROUND_ID}?tab=assignment`);
    expect(await screen.findByRole('img', { name: /^Conflit d'intérêts suggéré \(organisation : .*Coopérative Tifawin/u })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Affecter Youssef au dossier FIS-2026-0001' }));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les affectations' }));

    const dialog = await screen.findByRole('dialog', { name: "Affecter malgré un conflit d'intérêts suggéré ?" });
    expect(within(dialog).getByTestId('suggested-conflicts')).toHaveTextContent('Youssef – FIS-2026-0001');
    expect(within(dialog).getByText('Coopérative Tifawin')).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Affecter quand même' }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]!.confirmSuggestedConflicts).toEqual([{ jurorId: 'j2', applicationId: 'a1' }]);
    expect(bodies[1]!.assignments).toEqual(bodies[0]!.assignments);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('previews the automatic assignment: unmatched applications with their topics, and each pair with its reasons', async () => {
    let committed = 0;
    api({
      [`POST /api/rounds/${ROUND_ID}/assignments/auto/preview`]: () => json(200, plan('fp-1')),
      [`POST /api/rounds/${ROUND_ID}/assignments/auto`]: () => {
        committed += 1;
        return json(200, plan('fp-1'));
      },
    });
    renderApp(`/admin/rounds/${ROUND_ID}?tab=assignment`);

    fireEvent.click(await screen.findByRole('button', { name: "Prévisualiser l'affectation automatique" }));
    const summary = await screen.findByTestId('plan-summary');
    expect(summary).toHaveTextContent('3 affectations à ajouter · 2 affectations existantes conservées');
    expect(summary).toHaveTextContent(/Affinité totale : 5 sur 8 au mieux \(63\s?%\)/u);
    expect(within(summary).getByText('Optimum prouvé')).toBeInTheDocument();
    expect(summary).toHaveTextContent("Une paire « plutôt pas » utilisée, nécessaire à la couverture ou à l'équilibre.");

    const unmatched = screen.getByTestId('plan-unmatched');
    expect(within(unmatched).getByText('1 dossier dont aucun juré ne connaît le domaine')).toBeInTheDocument();
    expect(within(unmatched).getByText(/Aucun juré du tour ne connaît leur domaine/u)).toBeInTheDocument();
    expect(within(unmatched).getByText('FIS-2026-0002')).toBeInTheDocument();
    expect(within(unmatched).getByText('Irrigation goutte à goutte').tagName).toBe('BDI');
    expect(within(unmatched).getByText('Eau')).toBeInTheDocument();
    expect(within(screen.getByTestId('plan-withoutTopic')).getByText('FIS-2026-0003')).toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'Paires proposées : juré, dossier, affinité et raisons' });
    const rows = within(table).getAllByRole('row').slice(1);
    // Sorted by juror: Amina, Salma, Youssef.
    expect(rows.map((row) => within(row).getAllByRole('cell')[0]!.textContent)).toEqual(['Amina', 'Salma', 'Youssef']);
    expect(within(rows[2]!).getByText('Expertise : \u2068Agriculture\u2069')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('A demandé à le lire')).toBeInTheDocument();
    expect(within(rows[1]!).getByText("Plutôt pas (nécessaire à l'équilibre)")).toBeInTheDocument();
    expect(within(rows[0]!).getByText('Équilibre des charges')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    await waitFor(() => expect(screen.queryByTestId('plan-summary')).not.toBeInTheDocument());
    expect(committed).toBe(0);
  });

  it("commits the previewed plan with its fingerprint and explains in words what it could not do", async () => {
    const fingerprints: Array<string | null> = [];
    api({
      [`POST /api/rounds/${ROUND_ID}/assignments/auto/preview`]: () => json(200, plan('fp-1')),
      [`POST /api/rounds/${ROUND_ID}/assignments/auto`]: (request) => {
        fingerprints.push(new URL(request.url).searchParams.get('fingerprint'));
        return json(200, plan('fp-1'));
      },
    });
    renderApp(`/admin/rounds/${ROUND_ID}?tab=assignment`);

    fireEvent.click(await screen.findByRole('button', { name: "Prévisualiser l'affectation automatique" }));
    fireEvent.click(await screen.findByRole('button', { name: 'Confirmer et affecter' }));
    const box = (await screen.findByText('Résultat de l\'affectation automatique')).closest('[role="status"]') as HTMLElement;
    expect(fingerprints).toEqual(['fp-1']);
    expect(screen.queryByTestId('plan-summary')).not.toBeInTheDocument();
    expect(within(box).getByText('3 affectations créées, 2 conservées.')).toBeInTheDocument();
    expect(within(box).getByText('Charge des jurés : de 1 à 2 dossiers.')).toBeInTheDocument();
    expect(
      within(box).getByText('\u2066FIS-2026-0001\u2069 : 1 jurés sur 2, les autres jurés sont en conflit d\'intérêts avec ce dossier (déclaré, ou suggéré et pas encore tranché).'),
    ).toBeInTheDocument();
    expect(within(box).getByText('\u2066FIS-2026-0002\u2069 : 1 jurés sur 2, le tour ne compte pas assez de jurés.')).toBeInTheDocument();
    expect(within(box).getByText('\u2066FIS-2026-0003\u2069 : 1 jurés sur 2, les autres jurés ont atteint le maximum de dossiers par juré.')).toBeInTheDocument();
  });

  it('when the data changed since the preview, says so and shows the new preview to confirm', async () => {
    const message = 'Les données ont changé depuis l’aperçu (jurés, dossiers, souhaits ou conflits) : relisez le nouvel aperçu puis confirmez.';
    let previews = 0;
    const fingerprints: Array<string | null> = [];
    api({
      [`POST /api/rounds/${ROUND_ID}/assignments/auto/preview`]: () => {
        previews += 1;
        return json(200, plan(`fp-${previews}`));
      },
      [`POST /api/rounds/${ROUND_ID}/assignments/auto`]: (request) => {
        const fingerprint = new URL(request.url).searchParams.get('fingerprint');
        fingerprints.push(fingerprint);
        if (fingerprint === 'fp-1') {
          return json(409, { statusCode: 409, code: 'CONFLICT', message, details: { reason: 'PLAN_CHANGED' }, requestId: 'r1' });
        }
        return json(200, plan(fingerprint ?? ''));
      },
    });
    renderApp(`/admin/rounds/${ROUND_ID}?tab=assignment`);

    fireEvent.click(await screen.findByRole('button', { name: "Prévisualiser l'affectation automatique" }));
    fireEvent.click(await screen.findByRole('button', { name: 'Confirmer et affecter' }));
    expect(await screen.findByText(message)).toBeInTheDocument();
    await waitFor(() => expect(previews).toBe(2));
    expect(await screen.findByTestId('plan-summary')).toBeInTheDocument();
    expect(screen.queryByText("Résultat de l'affectation automatique")).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Confirmer et affecter' }));
    expect(await screen.findByText("Résultat de l'affectation automatique")).toBeInTheDocument();
    expect(fingerprints).toEqual(['fp-1', 'fp-2']);
  });

  it('saves the automatic assignment settings: bidding, weights and the maximum per juror', async () => {
    let saved: Record<string, unknown> | undefined;
    api({
      [`PATCH /api/rounds/${ROUND_ID}`]: async (request) => {
        saved = (await request.json()) as Record<string, unknown>;
        return json(200, { ...round, ...saved });
      },
    });
    renderApp(`/admin/rounds/${ROUND_ID}?tab=settings`);

    // The label wraps the switch's description too: its name starts with the label.
    const bidding = await screen.findByRole('switch', { name: /^Souhaits de lecture ouverts/u });
    expect(bidding).not.toBeChecked();
    expect(screen.getByLabelText('Maximum de dossiers par juré')).toHaveValue('');
    fireEvent.click(bidding);
    fireEvent.change(screen.getByLabelText("Poids de l'expertise"), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText('Poids des souhaits'), { target: { value: '0' } });
    fireEvent.change(screen.getByLabelText('Maximum de dossiers par juré'), { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les réglages' }));
    await waitFor(() => expect(saved).toMatchObject({ biddingOpen: true, expertiseWeight: 5, bidWeight: 0, assignmentCap: 12 }));
  });

  it('sends no maximum per juror when the field is emptied (balanced loads)', async () => {
    let saved: Record<string, unknown> | undefined;
    api({
      [`GET /api/rounds/${ROUND_ID}`]: () => json(200, { ...round, assignmentCap: 6 }),
      [`PATCH /api/rounds/${ROUND_ID}`]: async (request) => {
        saved = (await request.json()) as Record<string, unknown>;
        return json(200, { ...round, ...saved });
      },
    });
    renderApp(`/admin/rounds/${ROUND_ID}?tab=settings`);

    const cap = await screen.findByLabelText('Maximum de dossiers par juré');
    expect(cap).toHaveValue('6');
    fireEvent.change(cap, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les réglages' }));
    await waitFor(() => expect(saved).toMatchObject({ assignmentCap: null, biddingOpen: false, expertiseWeight: 3, bidWeight: 2 }));
  });

  it('shows the stored dates day first and saves the typed ones as Casablanca wall-clock times', async () => {
    let saved: Record<string, unknown> | undefined;
    api({
      [`GET /api/rounds/${ROUND_ID}`]: () => json(200, { ...round, opensAt: '2026-03-01T09:00:00.000Z', opensAtLocal: { dateTime: '2026-03-01T09:00', offset: '+00:00' } }),
      [`PATCH /api/rounds/${ROUND_ID}`]: async (request) => {
        saved = (await request.json()) as Record<string, unknown>;
        return json(200, { ...round, opensAt: '2026-03-01T09:00:00.000Z', opensAtLocal: { dateTime: '2026-03-01T09:00', offset: '+00:00' }, closesAt: '2026-03-15T18:00:00.000Z', closesAtLocal: { dateTime: '2026-03-15T18:00', offset: '+00:00' } });
      },
    });
    renderApp(`/admin/rounds/${ROUND_ID}?tab=settings`);
    const opens = await screen.findByRole('group', { name: 'Ouverture' });
    expect(within(opens).getByRole('textbox', { name: /^Date/u })).toHaveValue('01/03/2026');
    expect(within(opens).getByRole('textbox', { name: /^Heure/u })).toHaveValue('09:00');

    const closes = screen.getByRole('group', { name: 'Clôture' });
    fireEvent.change(within(closes).getByRole('textbox', { name: /^Date/u }), { target: { value: '15/03/2026' } });
    fireEvent.change(within(closes).getByRole('textbox', { name: /^Heure/u }), { target: { value: '18h00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer les réglages' }));
    await waitFor(() => expect(saved).toMatchObject({ opensAt: '2026-03-01T09:00', closesAt: '2026-03-15T18:00' }));
  });
});

describe('opening a round', { timeout: 15_000 }, () => {
  const draft = { ...round, status: 'DRAFT', deletable: false, typeLocked: false };
  const callClosing = (closesAt: string) => json(200, { id: 'c1', slug: 'appel', title: text('Appel'), closesAt });

  it('opens after the deadline with a plain confirmation, and the settings no longer offer "open" as a status', async () => {
    const bodies: unknown[] = [];
    api({
      [`GET /api/rounds/${ROUND_ID}`]: () => json(200, draft),
      'GET /api/admin/calls/c1': () => callClosing('2020-01-15T23:59:00.000Z'),
      [`PATCH /api/rounds/${ROUND_ID}`]: async (request) => {
        bodies.push(await request.json());
        return json(200, { ...draft, status: 'OPEN' });
      },
    });
    renderApp(`/admin/rounds/${ROUND_ID}`);
    fireEvent.click(await screen.findByRole('combobox', { name: 'Statut' }));
    expect(await screen.findByRole('option', { name: 'Brouillon' })).toBeInTheDocument();
    expect(screen.queryByRole('option', { name: 'Ouvert' })).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: 'Ouvrir le tour' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ouvrir « Tour 1 » ?' });
    expect(within(dialog).queryByRole('checkbox')).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Ouvrir le tour' })).toHaveFocus();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ouvrir le tour' }));
    await waitFor(() => expect(bodies).toEqual([{ status: 'OPEN' }]));
    expect(await screen.findByText('« Tour 1 » est ouvert.')).toBeInTheDocument();
  });

  it('before the deadline, asks for the acknowledgement and sends it; a refusal by the server asks for it too', async () => {
    const bodies: Array<{ acknowledgeEarly?: boolean }> = [];
    api({
      [`GET /api/rounds/${ROUND_ID}`]: () => json(200, draft),
      // Past for this browser's clock, not for the server's: its refusal brings the acknowledgement.
      'GET /api/admin/calls/c1': () => callClosing('2020-01-15T23:59:00.000Z'),
      [`PATCH /api/rounds/${ROUND_ID}`]: async (request) => {
        const body = (await request.json()) as { acknowledgeEarly?: boolean };
        bodies.push(body);
        if (!body.acknowledgeEarly) {
          return json(409, { statusCode: 409, code: 'CONFLICT', message: 'La date limite de candidature n’est pas encore passée.', details: { reason: 'ROUND_OPENS_BEFORE_DEADLINE' }, requestId: 'r1' });
        }
        return json(200, { ...draft, status: 'OPEN' });
      },
    });
    renderApp(`/admin/rounds/${ROUND_ID}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Ouvrir le tour' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ouvrir « Tour 1 » ?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ouvrir le tour' }));
    const acknowledge = await within(dialog).findByRole('checkbox', { name: "J'ai compris : ouvrir ce tour avant la date limite" });
    expect(within(dialog).getByText("Les dossiers déposés après l'ouverture ne seront pas dans ce tour, sauf si vous les y ajoutez plus tard.")).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Ouvrir le tour' })).toBeDisabled();
    expect(within(dialog).queryByText('La date limite de candidature n’est pas encore passée.')).toBeNull();
    fireEvent.click(acknowledge);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ouvrir le tour' }));
    await waitFor(() => expect(bodies).toEqual([{ status: 'OPEN' }, { status: 'OPEN', acknowledgeEarly: true }]));
    expect(await screen.findByText('« Tour 1 » est ouvert.')).toBeInTheDocument();
  });
});
