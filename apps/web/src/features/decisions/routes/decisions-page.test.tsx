import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { TCallDecisionList } from '@tahkim/contracts';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../app/i18n';
import { json, mockApi, renderApp } from '../../../test/render';
import { rankingFixture } from '../../results/test-fixtures';
import { CALL_ID, decision, decisionsFixture, ROUND_ID, roundsFixture } from '../test-fixtures';

// Mantine's autosize textareas listen to font loading, which jsdom lacks.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', { value: { addEventListener: () => undefined, removeEventListener: () => undefined }, configurable: true });
}

const staff = { id: 'u2', email: 'karim@fondation.ma', displayName: 'Karim', locale: 'fr', roles: ['STAFF'] };
const URL = `/admin/calls/${CALL_ID}/decisions`;

function api(extra: Record<string, (request: Request) => Response | Promise<Response>> = {}, list: () => TCallDecisionList = decisionsFixture, locale = 'fr') {
  return mockApi({
    'GET /api/auth/me': () => json(200, { ...staff, locale }),
    [`GET /api/calls/${CALL_ID}/decisions`]: () => json(200, list()),
    [`GET /api/calls/${CALL_ID}/rounds`]: () => json(200, roundsFixture()),
    [`GET /api/rounds/${ROUND_ID}/ranking`]: () => json(200, rankingFixture()),
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
    expect(await screen.findByText('Rangs et scores moyens du tour « Présélection ».')).toBeInTheDocument();
    const counts = screen.getByTestId('decision-counts');
    expect(within(counts).getByText('Lauréats').nextElementSibling).toHaveTextContent('2');
    expect(within(counts).getByText('À publier').nextElementSibling).toHaveTextContent('2');

    await waitFor(() => expect(within(row('FIS-2026-0001')).getByText('71,3')).toBeInTheDocument());
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
    await waitFor(() => expect(within(row('FIS-2026-0001')).getByText('71,3')).toBeInTheDocument());
    fireEvent.change(screen.getByLabelText('Nombre'), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sélectionner les 2 premiers' }));
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
    api(
      {
        [`POST /api/calls/${CALL_ID}/notify-decisions`]: () => {
          published = true;
          return json(200, { published: 2, queued: 2, alreadyPublished: 1 });
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
    fireEvent.click(within(dialog).getByRole('button', { name: 'Publier et envoyer' }));

    expect(await screen.findByTestId('call-status')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('call-status')).toHaveTextContent('Résultats annoncés'));
    expect(screen.getAllByText("2 décisions publiées, 2 e-mails mis en file d'attente.").length).toBeGreaterThan(0);
    await waitFor(() => expect(within(row('FIS-2026-0001')).getByTestId('email-status')).toHaveTextContent(/^En file d'attente/u));
    // While an email is queued the list is read again until it is delivered.
    await waitFor(() => expect(within(row('FIS-2026-0001')).getByTestId('email-status')).toHaveTextContent(/^Capturé/u), { timeout: 8000 });
    expect(within(row('FIS-2026-0001')).getByRole('button', { name: 'Décider pour le dossier FIS-2026-0001' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Publier les décisions et prévenir les candidats' })).toBeDisabled();
  });

  it('cannot publish while a needed template is missing', async () => {
    api({}, () => decisionsFixture({ templatesSaved: ['WINNER'] }));
    renderApp(URL);
    expect(await screen.findByRole('button', { name: 'Publier les décisions et prévenir les candidats' })).toBeDisabled();
    expect(screen.getByTestId('missing-templates')).toHaveTextContent("Modèle d'e-mail à enregistrer avant de publier : Non retenu.");
    expect(screen.getByRole('link', { name: "Modifier les modèles d'e-mails" })).toHaveAttribute('href', `/admin/calls/${CALL_ID}/decisions/templates`);
  });

  it('reads right to left in Arabic', async () => {
    api({}, decisionsFixture, 'ar');
    await i18n.changeLanguage('ar');
    renderApp(URL);
    expect(await screen.findByRole('heading', { level: 1, name: 'القرارات' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(screen.getByText('صندوق المبادرات التضامنية')).toBeInTheDocument();
    expect(await screen.findByText('الرتب ومتوسطات النقاط مأخوذة من جولة «الانتقاء الأولي».')).toBeInTheDocument();
    expect(within(row('FIS-2026-0001')).getByText('فائز')).toBeInTheDocument();
    expect(within(row('FIS-2026-0001')).getByText('لم يُنشر بعد')).toBeInTheDocument();
    expect(within(row('FIS-2026-0002')).getByText('غير مقبول')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'نشر القرارات وإبلاغ المترشحين' })).toBeEnabled();
  });
});
