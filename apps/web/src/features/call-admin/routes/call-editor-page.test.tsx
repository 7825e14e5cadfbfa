import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp } from '../../../test/render';

const staff = { id: 'u2', email: 'karim@fondation.ma', displayName: 'Karim', locale: 'fr', roles: ['STAFF'] };


/** Types a date and a time of day into the date-time field named `label`, as a person types them. */
function typeDateTime(label: RegExp, date: string, time: string) {
  const group = screen.getByRole('group', { name: label });
  fireEvent.change(within(group).getByRole('textbox', { name: /^Date \(jj\/mm\/aaaa\)/u }), { target: { value: date } });
  fireEvent.change(within(group).getByRole('textbox', { name: /^Heure \(hh:mm, 24 h\)/u }), { target: { value: time } });
}

// Whole pages in jsdom: slow on a loaded machine.
describe('new call', { timeout: 15_000 }, () => {
  it('sends the dates as typed in Morocco time (the API converts them), and shows the API refusal on its field', async () => {
    const { calls } = mockApi({
      'GET /api/auth/session': () => json(200, { user: staff }),
      'POST /api/calls': () =>
        json(400, {
          statusCode: 400,
          code: 'VALIDATION_FAILED',
          message: 'Certaines données envoyées ne sont pas valides.',
          details: [{ path: ['slug'], message: 'Cet identifiant est déjà pris.', code: 'custom' }],
          requestId: 'r',
        }),
    });
    renderApp('/admin/calls/new');
    expect(await screen.findByRole('heading', { name: 'Nouvel appel à projets', level: 1 })).toBeInTheDocument();

    fireEvent.change(screen.getAllByLabelText('Titre')[1]!, { target: { value: 'Innovation sociale 2026' } });
    fireEvent.change(screen.getByLabelText(/^Identifiant dans l'adresse/u), { target: { value: 'innovation-sociale-2026' } });
    fireEvent.change(screen.getByLabelText(/^Préfixe des numéros/u), { target: { value: 'fis' } });
    // 1 March 2026 is in Ramadan (UTC+0); 30 June is UTC+1.
    // Day/month/year and a 24-hour time on the French page, whatever the browser's language.
    typeDateTime(/^Ouverture des candidatures/u, '01/03/2026', '09:00');
    typeDateTime(/^Date limite de dépôt/u, '30/06/2026', '23:59');
    expect(screen.getByText('Heure du Maroc (Africa/Casablanca), soit UTC+00:00 à cette date.')).toBeInTheDocument();
    expect(screen.getByText('Heure du Maroc (Africa/Casablanca), soit UTC+01:00 à cette date.')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: "Créer l'appel" }));

    expect(await screen.findByText('Cet identifiant est déjà pris.')).toBeInTheDocument();
    const post = calls.find((request) => request.method === 'POST');
    const body = (await post!.clone().json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      slug: 'innovation-sociale-2026',
      referencePrefix: 'FIS',
      opensAt: '2026-03-01T09:00',
      closesAt: '2026-06-30T23:59',
      title: { ar: '', fr: 'Innovation sociale 2026', en: '' },
    });
  });

  it('refuses a deadline before the opening without calling the API', async () => {
    const { calls } = mockApi({ 'GET /api/auth/session': () => json(200, { user: staff }) });
    renderApp('/admin/calls/new');
    await screen.findByRole('heading', { name: 'Nouvel appel à projets', level: 1 });
    fireEvent.change(screen.getByLabelText(/^Identifiant dans l'adresse/u), { target: { value: 'appel-test' } });
    fireEvent.change(screen.getByLabelText(/^Préfixe des numéros/u), { target: { value: 'AT' } });
    typeDateTime(/^Ouverture des candidatures/u, '30/06/2026', '10:00');
    typeDateTime(/^Date limite de dépôt/u, '01/06/2026', '10:00');
    fireEvent.click(screen.getByRole('button', { name: "Créer l'appel" }));
    expect(await screen.findByText("La date limite doit être postérieure à l'ouverture.")).toBeInTheDocument();
    await waitFor(() => expect(calls.some((request) => request.method === 'POST')).toBe(false));
  });

  it('reads Arabic-Indic digits as the same date and time', async () => {
    const { calls } = mockApi({ 'GET /api/auth/session': () => json(200, { user: staff }), 'POST /api/calls': () => json(500, {}) });
    renderApp('/admin/calls/new');
    await screen.findByRole('heading', { name: 'Nouvel appel à projets', level: 1 });
    fireEvent.change(screen.getAllByLabelText('Titre')[1]!, { target: { value: 'Appel test' } });
    fireEvent.change(screen.getByLabelText(/^Identifiant dans l'adresse/u), { target: { value: 'appel-test' } });
    fireEvent.change(screen.getByLabelText(/^Préfixe des numéros/u), { target: { value: 'AT' } });
    typeDateTime(/^Ouverture des candidatures/u, '٠١/٠٣/٢٠٢٥', '١٨:٠٠');
    typeDateTime(/^Date limite de dépôt/u, '۳۱/۰۳/۲۰۲۵', '۲۳:۵۹');
    fireEvent.click(screen.getByRole('button', { name: "Créer l'appel" }));
    await waitFor(() => expect(calls.some((request) => request.method === 'POST')).toBe(true));
    const body = (await calls.find((request) => request.method === 'POST')!.clone().json()) as Record<string, unknown>;
    expect(body).toMatchObject({ opensAt: '2025-03-01T18:00', closesAt: '2025-03-31T23:59' });
  });

  it('says which part cannot exist, an impossible date or time, and saves nothing', async () => {
    const { calls } = mockApi({ 'GET /api/auth/session': () => json(200, { user: staff }) });
    renderApp('/admin/calls/new');
    await screen.findByRole('heading', { name: 'Nouvel appel à projets', level: 1 });
    fireEvent.change(screen.getByLabelText(/^Identifiant dans l'adresse/u), { target: { value: 'appel-test' } });
    fireEvent.change(screen.getByLabelText(/^Préfixe des numéros/u), { target: { value: 'AT' } });
    typeDateTime(/^Ouverture des candidatures/u, '31/02/2026', '09:00');
    typeDateTime(/^Date limite de dépôt/u, '30/06/2026', '24:30');
    fireEvent.click(screen.getByRole('button', { name: "Créer l'appel" }));

    const opens = screen.getByRole('group', { name: /^Ouverture des candidatures/u });
    expect(await within(opens).findByText("Cette date n'existe pas. Saisissez le jour, le mois et l'année, par exemple 01/03/2025.")).toBeInTheDocument();
    expect(within(opens).getByRole('textbox', { name: /^Date/u })).toHaveAttribute('aria-invalid', 'true');
    expect(within(opens).getByRole('textbox', { name: /^Heure/u })).not.toHaveAttribute('aria-invalid', 'true');
    const closes = screen.getByRole('group', { name: /^Date limite de dépôt/u });
    expect(within(closes).getByText('Cette heure n\'existe pas. Saisissez les heures et les minutes sur 24 h, par exemple 18:00.')).toBeInTheDocument();
    expect(within(closes).getByRole('textbox', { name: /^Heure/u })).toHaveAttribute('aria-invalid', 'true');

    // Corrected, the error goes; the other one stays until it is corrected too. Nothing was sent.
    typeDateTime(/^Ouverture des candidatures/u, '28/02/2026', '09:00');
    await waitFor(() => expect(within(opens).queryByText(/Cette date n'existe pas/u)).not.toBeInTheDocument());
    expect(within(closes).getByText(/Cette heure n'existe pas/u)).toBeInTheDocument();
    expect(calls.some((request) => request.method === 'POST')).toBe(false);
  });
});

const CALL_ID = '4b0c2a9e-8d3f-4f51-9a57-2f1f3d6c7a10';
const text = (fr: string, ar = 'نص', en = fr) => ({ ar, fr, en });
const call = {
  id: CALL_ID,
  slug: 'innovation-sociale-2026',
  title: text('Innovation sociale 2026'),
  summary: text(''),
  description: text(''),
  eligibility: text(''),
  opensAt: '2026-03-01T09:00:00.000Z',
  closesAt: '2026-04-30T22:59:00.000Z',
  opensAtLocal: { dateTime: '2026-03-01T09:00', offset: '+00:00' },
  closesAtLocal: { dateTime: '2026-04-30T23:59', offset: '+01:00' },
  timezone: 'Africa/Casablanca',
  status: 'PUBLISHED',
  acceptingApplications: true,
  maxApplicationsPerApplicant: 1,
  referencePrefix: 'FIS',
  formVersion: 1,
  feedbackEnabled: false,
  eligibilityRules: [],
  applicationCounts: { draft: 2, submitted: 40 },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  publishedAt: '2026-01-02T00:00:00.000Z',
  closedAt: null,
};
const field = (key: string, type: string, label: ReturnType<typeof text>, options: { value: string; label: ReturnType<typeof text> }[] = []) => ({
  key,
  type,
  label,
  required: false,
  identifying: false,
  hidden: false,
  limits: {},
  options,
});
const callForm = {
  callId: CALL_ID,
  version: 1,
  locked: true,
  definition: {
    sections: [
      {
        key: 'projet',
        title: text('Projet'),
        hidden: false,
        fields: [
          field('nom_projet', 'SHORT_TEXT', text('Nom du projet')),
          field('secteur', 'MULTIPLE_CHOICE', text('Secteur', 'القطاع', 'Sector'), [
            { value: 'agri', label: text('Agriculture', 'الفلاحة', 'Agriculture') },
            { value: 'eau_energie', label: text('Eau et énergie', 'الماء والطاقة', 'Water and energy') },
            { value: 'Autre-Secteur', label: text('Autre', 'آخر', 'Other') },
          ]),
        ],
      },
    ],
  },
};

function editPageApi(put: (request: Request) => Response | Promise<Response>) {
  return mockApi({
    'GET /api/auth/session': () => json(200, { user: staff }),
    [`GET /api/admin/calls/${CALL_ID}`]: () => json(200, call),
    [`GET /api/calls/${CALL_ID}/form`]: () => json(200, callForm),
    [`GET /api/calls/${CALL_ID}/topics`]: () => json(200, { topics: [], fieldKey: null, counts: { applications: 40, withTopic: 0 } }),
    [`PUT /api/calls/${CALL_ID}/topics`]: put,
  });
}

describe("a call's topics", { timeout: 15_000 }, () => {
  it('creates topics from a choice question, derives a new key from its label, and saves them with the question', async () => {
    let sent: unknown;
    editPageApi(async (request) => {
      sent = await request.json();
      const body = sent as { topics: unknown[]; fieldKey: string };
      return json(200, { ...body, counts: { applications: 40, withTopic: 12 } });
    });
    renderApp(`/admin/calls/${CALL_ID}/settings`);
    const card = await screen.findByRole('region', { name: 'Thématiques des projets' });
    expect(await within(card).findByText("Candidatures déposées ayant au moins une thématique : 0 sur 40.")).toBeInTheDocument();

    fireEvent.change(within(card).getByRole('combobox', { name: /^Question des thématiques/u }), { target: { value: 'secteur' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Créer les thématiques à partir des options de cette question' }));
    expect(within(card).getByText(/^2 thématiques ajoutées\./u)).toHaveTextContent(/1 option écartée/u);
    expect(within(card).getByRole('group', { name: 'Thématique 1' })).toBeInTheDocument();
    expect(within(within(card).getByRole('group', { name: 'Thématique 2' })).getByLabelText(/^Clé/u)).toHaveValue('eau_energie');

    fireEvent.click(within(card).getByRole('button', { name: 'Ajouter une thématique' }));
    const third = within(card).getByRole('group', { name: 'Thématique 3' });
    expect(within(third).getByLabelText('Libellé en arabe')).toHaveAttribute('dir', 'rtl');
    fireEvent.change(within(third).getByLabelText('Libellé en français'), { target: { value: 'Économie sociale' } });
    fireEvent.change(within(third).getByLabelText('Libellé en arabe'), { target: { value: 'الاقتصاد الاجتماعي' } });
    expect(within(third).getByLabelText(/^Clé/u)).toHaveValue('economie_sociale');
    // Keyboard and touch: no dragging needed to put the new topic first.
    fireEvent.click(within(card).getByRole('button', { name: 'Monter la thématique 3' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Monter la thématique 2' }));

    fireEvent.click(within(card).getByRole('button', { name: 'Enregistrer les thématiques' }));
    await waitFor(() =>
      expect(sent).toEqual({
        topics: [
          { key: 'economie_sociale', label: { ar: 'الاقتصاد الاجتماعي', fr: 'Économie sociale', en: '' } },
          { key: 'agri', label: { ar: 'الفلاحة', fr: 'Agriculture', en: 'Agriculture' } },
          { key: 'eau_energie', label: { ar: 'الماء والطاقة', fr: 'Eau et énergie', en: 'Water and energy' } },
        ],
        fieldKey: 'secteur',
      }),
    );
    expect(await within(card).findByText('Candidatures déposées ayant au moins une thématique : 12 sur 40.')).toBeInTheDocument();
    // Saved, a topic keeps its key; a new one still gets an editable key.
    const savedKey = within(within(card).getByRole('group', { name: 'Thématique 2' })).getByLabelText(/^Clé/u);
    expect(savedKey).toHaveValue('agri');
    expect(savedKey).toHaveAttribute('readonly');
    expect(savedKey).toHaveAccessibleDescription("La clé d'une thématique enregistrée ne peut plus changer : l'expertise des jurés et les thématiques des dossiers y renvoient.");
    fireEvent.click(within(card).getByRole('button', { name: 'Ajouter une thématique' }));
    expect(within(within(card).getByRole('group', { name: 'Thématique 4' })).getByLabelText(/^Clé/u)).not.toHaveAttribute('readonly');
  });

  it("refuses an invalid key without calling the API, and shows the API's refusal of the topic question", async () => {
    const message = 'La question des thématiques doit être une question à choix (unique ou multiple) du formulaire de cet appel.';
    const { calls } = editPageApi(() => json(409, { statusCode: 409, code: 'CONFLICT', message, details: { reason: 'NOT_A_CHOICE_FIELD', fieldKey: 'secteur' }, requestId: 'r' }));
    renderApp(`/admin/calls/${CALL_ID}/settings`);
    const card = await screen.findByRole('region', { name: 'Thématiques des projets' });
    fireEvent.change(await within(card).findByRole('combobox', { name: /^Question des thématiques/u }), { target: { value: 'secteur' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Ajouter une thématique' }));
    const key = within(within(card).getByRole('group', { name: 'Thématique 1' })).getByLabelText(/^Clé/u);
    fireEvent.change(key, { target: { value: 'Eau-Énergie' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Enregistrer les thématiques' }));
    expect(await within(card).findByText('Utilisez des minuscules sans accents et des chiffres, reliés par « _ ».')).toBeInTheDocument();
    expect(calls.some((request) => request.method === 'PUT')).toBe(false);

    fireEvent.change(key, { target: { value: 'eau' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Enregistrer les thématiques' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent(message);
    expect(calls.some((request) => request.method === 'PUT')).toBe(true);
  });
});
