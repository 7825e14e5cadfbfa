import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TCallDecisionList } from '@tahkim/contracts';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../app/i18n';
import { json, mockApi, renderApp } from '../../../test/render';
import { rankingFixture } from '../../results/test-fixtures';
import { BALLOT_ID, ballotResultFixture, CALL_ID, decision, decisionRounds, decisionsFixture, ROUND_ID } from '../test-fixtures';


const staff = { id: 'u2', email: 'karim@fondation.ma', displayName: 'Karim', locale: 'fr', roles: ['STAFF'] };
const URL = `/admin/calls/${CALL_ID}/decisions`;

function api(extra: Record<string, (request: Request) => Response | Promise<Response>> = {}, list: () => TCallDecisionList = decisionsFixture, locale = 'fr') {
  return mockApi({
    'GET /api/auth/session': () => json(200, { user: { ...staff, locale } }),
    [`GET /api/calls/${CALL_ID}/decisions`]: () => json(200, list()),
    [`GET /api/rounds/${ROUND_ID}/ranking`]: () => json(200, rankingFixture()),
    [`GET /api/rounds/${BALLOT_ID}/ballot-result`]: () => json(200, ballotResultFixture()),
    ...extra,
  });
}

const row = (reference: string) => screen.getAllByTestId('decision-row').find((element) => within(element).queryByText(reference)) as HTMLElement;

describe('the decisions of a call', { timeout: 20_000 }, () => {
  it('lists applications with their rank, decision, publication and email (French)', async () => {
    api();
    renderApp(URL);
    expect(await screen.findByRole('heading', { level: 1, name: 'Décisions' })).toBeInTheDocument();
    expect(screen.getByText('Fonds d’initiatives solidaires')).toBeInTheDocument();
    // Round 2 (the final ballot) has no ballot yet: round 1's ranking is shown, and the page says why.
    expect(await screen.findByTestId('ranking-source')).toHaveTextContent(
      "Classement du tour 1 « Présélection » (méthode normalisée : rang et score z) : 5 grilles de notation soumises. C'est le dernier tour qui a des résultats. Sans résultats pour l'instant : tour 2 « Vote final ».",
    );
    expect(screen.queryByRole('combobox', { name: 'Tour affiché' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Annonce publique des lauréats' })).not.toBeInTheDocument();
    expect(await screen.findByRole('columnheader', { name: 'Rang · score z' })).toBeInTheDocument();
    const counts = screen.getByTestId('decision-counts');
    expect(within(counts).getByText('Lauréats').nextElementSibling).toHaveTextContent('2');
    expect(within(counts).getByText('À publier').nextElementSibling).toHaveTextContent('2');

    // The normalised method ranks: its z score sits beside the rank, never the mean.
    await waitFor(() => expect(within(row('FIS-2026-0001')).getByLabelText('Score normalisé (z) : +0,84')).toHaveTextContent('+0,84'));
    expect(within(row('FIS-2026-0003')).getByTestId('rank-cell')).toHaveTextContent('3−1,15');
    expect(within(row('FIS-2026-0001')).queryByText('71,3')).not.toBeInTheDocument();
    const first = row('FIS-2026-0001');
    expect(within(first).getByRole('link', { name: 'FIS-2026-0001' })).toHaveAttribute('href', '/admin/applications/a1');
    expect(within(first).getByText('Amina Idrissi')).toBeInTheDocument();
    expect(within(first).getByText('amina@example.ma')).toBeInTheDocument();
    expect(within(first).getByText('Langue : Français')).toBeInTheDocument();
    expect(within(first).getByText('Lauréat')).toBeInTheDocument();
    expect(within(first).getByText('Pas encore publiée')).toBeInTheDocument();
    expect(within(first).getByText('Unanimité du comité')).toBeInTheDocument();
    expect(within(row('FIS-2026-0002')).getByText('Langue : العربية')).toBeInTheDocument();
    expect(within(row('FIS-2026-0002')).getByText('Non retenu')).toBeInTheDocument();

    const published = row('FIS-2026-0004');
    expect(within(published).getByLabelText('Non classé')).toBeInTheDocument();
    expect(within(published).getByText(/^Publiée le/u)).toBeInTheDocument();
    expect(within(published).getByTestId('email-status')).toHaveTextContent(/^Envoyé/u);
    expect(within(published).getByTestId('email-status')).toHaveTextContent('Tentatives : 1');
    expect(within(published).getByRole('button', { name: 'Décider pour le dossier FIS-2026-0004' })).toBeDisabled();
    expect(within(row('FIS-2026-0005')).getByRole('button', { name: 'Décider pour le dossier FIS-2026-0005' })).toBeDisabled();
    expect(within(row('FIS-2026-0005')).getByRole('checkbox')).toBeDisabled();
  });

  it('records one decision with an internal note and a personal message, resting on the latest scoring round', async () => {
    let body: unknown;
    let url = '';
    api({
      'PUT /api/applications/a3/decision': async (request) => {
        body = await request.json();
        url = request.url;
        return json(200, { applicationId: 'a3', status: 'ELIGIBLE', decision: decision({ outcome: 'WINNER' }) });
      },
    });
    renderApp(URL);
    fireEvent.click(await screen.findByRole('button', { name: 'Décider pour le dossier FIS-2026-0003' }));
    const dialog = await screen.findByRole('dialog', { name: 'Décision pour le dossier FIS-2026-0003' });
    expect(within(dialog).getByText(/reste invisible pour le candidat jusqu'à la publication/u)).toBeInTheDocument();
    fireEvent.change(within(dialog).getByLabelText('Note interne'), { target: { value: 'Coup de cœur du jury' } });
    fireEvent.change(within(dialog).getByLabelText('Message personnel au candidat'), { target: { value: 'We look forward to meeting you.' } });
    expect(within(dialog).getByText(/Écrivez-le dans sa langue \(English\)/u)).toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer la décision' }));
    await waitFor(() => expect(body).toEqual({ outcome: 'WINNER', note: 'Coup de cœur du jury', message: 'We look forward to meeting you.', roundId: ROUND_ID }));
    expect(url).toContain('/api/applications/a3/decision');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('sets an intermediate status on its own, without note or message', async () => {
    let body: unknown;
    api({
      'PUT /api/applications/a3/decision': async (request) => {
        body = await request.json();
        return json(200, { applicationId: 'a3', status: 'SHORTLISTED', decision: null });
      },
    });
    renderApp(URL);
    fireEvent.click(await screen.findByRole('button', { name: 'Décider pour le dossier FIS-2026-0003' }));
    const dialog = await screen.findByRole('dialog', { name: 'Décision pour le dossier FIS-2026-0003' });
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Décision' }), { target: { value: 'SHORTLISTED' } });
    expect(await within(dialog).findByText(/Le statut du dossier change tout de suite/u)).toBeInTheDocument();
    expect(within(dialog).queryByLabelText('Note interne')).not.toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer la décision' }));
    await waitFor(() => expect(body).toEqual({ outcome: 'SHORTLISTED', roundId: ROUND_ID }));
  });

  it('shows why a decision was refused', async () => {
    api({
      'PUT /api/applications/a1/decision': () =>
        json(409, { statusCode: 409, code: 'CONFLICT', message: 'Cette décision est déjà publiée.', details: { reason: 'DECISION_PUBLISHED' }, requestId: 'r1' }),
    });
    renderApp(URL);
    fireEvent.click(await screen.findByRole('button', { name: 'Décider pour le dossier FIS-2026-0001' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText('Note interne')).toHaveValue('Unanimité du comité');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Enregistrer la décision' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Cette décision est déjà publiée.');
  });

  it('selects the top 2 by rank and marks them as not selected in one request', async () => {
    let body: unknown;
    api({
      [`POST /api/calls/${CALL_ID}/decisions`]: async (request) => {
        body = await request.json();
        return json(200, { outcome: 'NOT_SELECTED', recorded: 2 });
      },
    });
    renderApp(URL);
    await waitFor(() => expect(within(row('FIS-2026-0001')).getByText('+0,84')).toBeInTheDocument());
    fireEvent.change(screen.getByLabelText('Nombre'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sélectionner les 2 premiers' }));
    expect(screen.getByTestId('top-selection')).toHaveTextContent('Les 2 premiers du tour 1 sont sélectionnés.');
    expect(screen.getByRole('checkbox', { name: 'Sélectionner le dossier FIS-2026-0001' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Sélectionner le dossier FIS-2026-0002' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Sélectionner le dossier FIS-2026-0003' })).not.toBeChecked();

    const bar = screen.getByRole('region', { name: 'Décision groupée' });
    expect(within(bar).getByText('2 dossiers sélectionnés')).toBeInTheDocument();
    fireEvent.click(within(bar).getByRole('button', { name: 'Marquer 2 comme non retenus' }));
    await waitFor(() => expect(body).toEqual({ applicationIds: ['a1', 'a2'], outcome: 'NOT_SELECTED', roundId: ROUND_ID }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Décision groupée' })).not.toBeInTheDocument());
  });

  it('filters by outcome and publication on the page', async () => {
    api();
    renderApp(URL);
    await screen.findByRole('heading', { level: 1, name: 'Décisions' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Publication' }), { target: { value: 'PUBLISHED' } });
    await waitFor(() => expect(screen.getAllByTestId('decision-row')).toHaveLength(1));
    expect(screen.getByText('1 dossiers affichés sur 5')).toBeInTheDocument();
    expect(row('FIS-2026-0004')).toBeDefined();
  });

  it('turns feedback on for the applicants', async () => {
    let body: unknown;
    api({
      [`PUT /api/calls/${CALL_ID}/feedback`]: async (request) => {
        body = await request.json();
        return json(200, { feedbackEnabled: true });
      },
    });
    renderApp(URL);
    const toggle = await screen.findByRole('switch', { name: /^Partager un retour avec les candidats/u });
    expect(toggle).not.toBeChecked();
    expect(screen.getByText(/jamais le nom d'un juré/u)).toBeInTheDocument();
    fireEvent.click(toggle);
    await waitFor(() => expect(body).toEqual({ enabled: true }));
  });

  it('publishes after a confirmation naming the emails per outcome and language, then follows their delivery', async () => {
    let published = false;
    let reads = 0;
    let body: unknown;
    api(
      {
        [`POST /api/calls/${CALL_ID}/notify-decisions`]: async (request) => {
          body = await request.json();
          published = true;
          return json(200, { published: 2, queued: 2, alreadyPublished: 1, proposedTemplates: [], roundsClosed: 1, callClosedEarly: false });
        },
      },
      () => {
        if (!published) return decisionsFixture();
        reads += 1;
        const list = decisionsFixture();
        const status = reads === 1 ? ('QUEUED' as const) : ('CAPTURED' as const);
        list.call = { ...list.call, status: 'DECIDED', decidedAt: '2026-06-03T10:00:00.000Z' };
        list.items = list.items.map((item) =>
          item.decision && !item.decision.publishedAt
            ? {
                ...item,
                decision: { ...item.decision, publishedAt: '2026-06-03T10:00:00.000Z' },
                email: { status, locale: item.applicant.locale, attempts: status === 'QUEUED' ? 0 : 1, lastError: null, queuedAt: '2026-06-03T10:00:00.000Z', sentAt: status === 'QUEUED' ? null : '2026-06-03T10:00:02.000Z' },
              }
            : item,
        );
        return list;
      },
    );
    renderApp(URL);
    fireEvent.click(await screen.findByRole('button', { name: 'Publier les décisions et prévenir les candidats' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publier les décisions ?' });
    expect(within(dialog).getByText("2 décisions seront publiées et autant d'e-mails mis en file d'attente :")).toBeInTheDocument();
    const plan = within(dialog).getByTestId('publish-plan');
    expect(within(plan).getByText('Lauréat en \u2068Français\u2069 : 1')).toBeInTheDocument();
    expect(within(plan).getByText('Non retenu en \u2068العربية\u2069 : 1')).toBeInTheDocument();
    expect(within(dialog).getByText('Aucun retour du jury ne sera partagé.')).toBeInTheDocument();
    expect(within(dialog).getByText('Les tours encore ouverts seront clôturés : tour 2 « Vote final ».')).toBeInTheDocument();
    // The deadline has passed: nothing about closing the call early.
    expect(within(dialog).queryByTestId('confirm-early')).not.toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Publier et envoyer' }));
    await waitFor(() => expect(body).toEqual({ closeCallEarly: false }));

    expect(await screen.findByTestId('call-status')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('call-status')).toHaveTextContent('Résultats annoncés'));
    expect(screen.getAllByText("2 décisions publiées, 2 e-mails mis en file d'attente.").length).toBeGreaterThan(0);
    expect(screen.getByTestId('publish-result')).toHaveTextContent('Tours clôturés : 1.');
    // The counters follow the delivery by themselves, as the rows do.
    const counts = screen.getByTestId('decision-counts');
    await waitFor(() => expect(within(row('FIS-2026-0001')).getByTestId('email-status')).toHaveTextContent(/^En file d'attente/u));
    // While an email is queued the list is read again until it is delivered.
    await waitFor(() => expect(within(row('FIS-2026-0001')).getByTestId('email-status')).toHaveTextContent(/^Capturé/u), { timeout: 8000 });
    expect(within(counts).getByText("E-mails en file d'attente").nextElementSibling).toHaveTextContent('0');
    expect(within(row('FIS-2026-0001')).getByRole('button', { name: 'Décider pour le dossier FIS-2026-0001' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Publier les décisions et prévenir les candidats' })).toBeDisabled();
    // The winners known, their public announcement comes next.
    expect(screen.getByRole('link', { name: 'Annonce publique des lauréats' })).toHaveAttribute('href', `/admin/calls/${CALL_ID}/announcement`);
  });

  it('publishes with the proposed text of a template never saved, and says so before and in the confirmation', async () => {
    api({}, () => decisionsFixture({ templatesSaved: ['WINNER'] }));
    renderApp(URL);
    const button = await screen.findByRole('button', { name: 'Publier les décisions et prévenir les candidats' });
    expect(button).toBeEnabled();
    expect(screen.getByTestId('proposed-templates')).toHaveTextContent('Aucun modèle enregistré pour : Non retenu. Ces e-mails partiront avec le texte proposé.');
    expect(screen.getByRole('link', { name: "Relire ou modifier les modèles d'e-mails" })).toHaveAttribute('href', `/admin/calls/${CALL_ID}/decisions/templates`);
    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog', { name: 'Publier les décisions ?' });
    expect(within(dialog).getByText('Texte proposé utilisé (modèle jamais enregistré) : Non retenu.')).toBeInTheDocument();
  });

  it('before the deadline, the confirmation says that publishing closes the call now and what it means for late applicants', async () => {
    let body: unknown;
    api(
      {
        [`POST /api/calls/${CALL_ID}/notify-decisions`]: async (request) => {
          body = await request.json();
          return json(200, { published: 2, queued: 2, alreadyPublished: 1, proposedTemplates: [], roundsClosed: 1, callClosedEarly: true });
        },
      },
      () => decisionsFixture({ call: { ...decisionsFixture().call, status: 'PUBLISHED', acceptingApplications: true, closesAt: '2026-07-01T17:00:00.000Z', drafts: 3 } }),
    );
    renderApp(URL);
    expect(await screen.findByTestId('publish-early')).toHaveTextContent(/^L'appel accepte encore des candidatures jusqu'au .*2026.* : publier maintenant le clôturera tout de suite\.$/u);
    fireEvent.click(screen.getByRole('button', { name: 'Publier les décisions et prévenir les candidats' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publier les décisions ?' });
    const early = within(dialog).getByTestId('confirm-early');
    expect(early).toHaveTextContent("L'appel est encore ouvert");
    expect(early).toHaveTextContent(/plus aucun dossier ne pourra être déposé\. Les candidatures encore en brouillon \(3\) ne pourront plus être envoyées\.$/u);
    expect(within(dialog).queryByRole('button', { name: 'Publier et envoyer' })).not.toBeInTheDocument();
    fireEvent.click(within(dialog).getByRole('button', { name: "Clôturer l'appel et publier" }));
    await waitFor(() => expect(body).toEqual({ closeCallEarly: true }));
    expect(await screen.findByTestId('publish-result')).toHaveTextContent(/L'appel a été clôturé à la publication/u);
  });

  it('when the call turns out to be still open, reads the list again and asks to confirm the early closing', async () => {
    const bodies: unknown[] = [];
    let open = false;
    api(
      {
        [`POST /api/calls/${CALL_ID}/notify-decisions`]: async (request) => {
          bodies.push(await request.json());
          open = true;
          return json(409, { statusCode: 409, code: 'CONFLICT', message: 'Conflit.', details: { reason: 'CALL_STILL_OPEN', closesAt: '2026-07-01T17:00:00.000Z', drafts: 2 }, requestId: 'r1' });
        },
      },
      () => (open ? decisionsFixture({ call: { ...decisionsFixture().call, status: 'PUBLISHED', acceptingApplications: true, closesAt: '2026-07-01T17:00:00.000Z', drafts: 2 } }) : decisionsFixture()),
    );
    renderApp(URL);
    fireEvent.click(await screen.findByRole('button', { name: 'Publier les décisions et prévenir les candidats' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publier les décisions ?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Publier et envoyer' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/^L'appel accepte encore des candidatures : la confirmation ci-dessus/u);
    expect(await within(dialog).findByTestId('confirm-early')).toHaveTextContent(/candidatures encore en brouillon \(2\)/u);
    expect(within(dialog).getByRole('button', { name: "Clôturer l'appel et publier" })).toBeInTheDocument();
    expect(bodies).toEqual([{ closeCallEarly: false }]);
  });

  it("shows the final ballot's Schulze order and Borda points once it has a ballot, and lets staff go back to the scoring round", async () => {
    let recorded: unknown;
    api(
      {
        [`POST /api/calls/${CALL_ID}/decisions`]: async (request) => {
          recorded = await request.json();
          return json(200, { outcome: 'WINNER', recorded: 1 });
        },
      },
      () => decisionsFixture({ rounds: decisionRounds(2) }),
    );
    renderApp(URL);
    expect(await screen.findByTestId('ranking-source')).toHaveTextContent(
      "Résultat du vote final du tour 2 « Vote final » (ordre de Schulze, points Borda à côté) : 2 bulletins soumis. C'est le dernier tour qui a des résultats.",
    );
    expect(await screen.findByRole('columnheader', { name: 'Rang (Schulze) · points Borda' })).toBeInTheDocument();
    await waitFor(() => expect(within(row('FIS-2026-0002')).getByTestId('rank-cell')).toHaveTextContent('14 pts'));
    expect(within(row('FIS-2026-0001')).getByTestId('rank-cell')).toHaveTextContent('21 pts');
    // Ordered by the ballot: a2 first, the tie a1/a3 by reference, then the applications outside the ballot.
    expect(screen.getAllByTestId('decision-row').map((element) => within(element).getAllByRole('link')[0]!.textContent)).toEqual([
      'FIS-2026-0002', 'FIS-2026-0001', 'FIS-2026-0003', 'FIS-2026-0004', 'FIS-2026-0005',
    ]);
    fireEvent.change(screen.getByLabelText('Nombre'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sélectionner les 1 premiers du vote' }));
    expect(screen.getByRole('checkbox', { name: 'Sélectionner le dossier FIS-2026-0002' })).toBeChecked();
    fireEvent.click(within(screen.getByRole('region', { name: 'Décision groupée' })).getByRole('button', { name: 'Marquer 1 comme lauréats' }));
    // The decision rests on the round shown.
    await waitFor(() => expect(recorded).toEqual({ applicationIds: ['a2'], outcome: 'WINNER', roundId: BALLOT_ID }));

    const pick = screen.getByRole('combobox', { name: 'Tour affiché' });
    expect(within(pick).getAllByRole('option').map((option) => option.textContent)).toEqual(['tour 2 « Vote final » · vote final', 'tour 1 « Présélection » · notation']);
    fireEvent.change(pick, { target: { value: ROUND_ID } });
    await waitFor(() => expect(screen.getByTestId('ranking-source')).toHaveTextContent(/^Classement du tour 1 « Présélection ».*Tour choisi ; le dernier tour qui a des résultats est le tour 2 « Vote final »\.$/u));
    await waitFor(() => expect(within(row('FIS-2026-0001')).getByText('+0,84')).toBeInTheDocument());
  });

  it('says so when the top N selects nothing', async () => {
    const list = decisionsFixture();
    // Every ranked application already has a published decision.
    list.items = list.items.map((item) => (['a1', 'a2', 'a3'].includes(item.applicationId) ? { ...item, decision: decision({ outcome: 'NOT_SELECTED', publishedAt: '2026-06-02T10:00:00.000Z' }) } : item));
    api({}, () => list);
    renderApp(URL);
    await waitFor(() => expect(within(row('FIS-2026-0001')).getByText('+0,84')).toBeInTheDocument());
    fireEvent.click(screen.getByRole('button', { name: 'Sélectionner les 3 premiers' }));
    expect(screen.getByTestId('top-selection')).toHaveTextContent("Rien n'a été sélectionné : aucun dossier classé du tour 1 ne peut encore recevoir de décision.");
    expect(screen.queryByRole('region', { name: 'Décision groupée' })).not.toBeInTheDocument();
  });

  it('points out a shared jury comment written in another script than the applicant reads', async () => {
    const list = decisionsFixture({ call: { ...decisionsFixture().call, feedbackEnabled: true } });
    list.items = list.items.map((item) => (item.applicationId === 'a1' ? { ...item, sharedCommentScripts: ['ARABIC', 'LATIN'] } : item.applicationId === 'a2' ? { ...item, sharedCommentScripts: ['ARABIC'] } : item));
    api({}, () => list);
    renderApp(URL);
    expect(await within(await waitFor(() => row('FIS-2026-0001'))).findByTestId('other-script')).toHaveTextContent('Commentaire partageable du jury écrit en arabe');
    // a2's applicant reads Arabic: nothing to say.
    expect(within(row('FIS-2026-0002')).queryByTestId('other-script')).not.toBeInTheDocument();
    expect(screen.getByTestId('publish-other-script')).toHaveTextContent('1 candidats recevront un commentaire écrit dans une autre écriture que leur langue (\u2068FIS-2026-0001\u2069).');
  });

  it('reads right to left in Arabic', async () => {
    api({}, decisionsFixture, 'ar');
    await i18n.changeLanguage('ar');
    renderApp(URL);
    expect(await screen.findByRole('heading', { level: 1, name: 'القرارات' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(screen.getByText('صندوق المبادرات التضامنية')).toBeInTheDocument();
    expect(await screen.findByTestId('ranking-source')).toHaveTextContent(/^ترتيب الجولة 1 «الانتقاء الأولي» \(الطريقة المعيارية: الرتبة والنقطة المعيارية z\): عدد شبكات التقييم المُرسلة 5\. إنها آخر جولة لها نتائج\./u);
    expect(within(row('FIS-2026-0001')).getByText('فائز')).toBeInTheDocument();
    expect(within(row('FIS-2026-0001')).getByText('لم يُنشر بعد')).toBeInTheDocument();
    expect(within(row('FIS-2026-0002')).getByText('غير مقبول')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'نشر القرارات وإبلاغ المترشحين' })).toBeEnabled();
  });
});
