import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp } from '../../../test/render';

const staff = { id: 'u2', email: 'karim@fondation.ma', displayName: 'Karim', locale: 'fr', roles: ['STAFF'] };
const CALL_ID = '4b0c2a9e-8d3f-4f51-9a57-2f1f3d6c7a10';
const text = (fr: string) => ({ ar: 'نص', fr, en: 'Text' });
const call = {
  id: CALL_ID,
  slug: 'innovation-sociale-2026',
  title: text('Innovation sociale 2026'),
  summary: text(''),
  description: text(''),
  eligibility: text(''),
  opensAt: '2026-03-01T09:00:00.000Z',
  closesAt: '2026-04-30T22:59:00.000Z',
  timezone: 'Africa/Casablanca',
  status: 'CLOSED',
  acceptingApplications: false,
  maxApplicationsPerApplicant: 1,
  referencePrefix: 'FIS',
  formVersion: 1,
  feedbackEnabled: false,
  eligibilityRules: [],
  applicationCounts: { draft: 0, submitted: 3 },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  publishedAt: null,
  closedAt: null,
};
const application = (id: string, reference: string, status: string) => ({
  id,
  callId: CALL_ID,
  call: { slug: call.slug, title: call.title, opensAt: call.opensAt, closesAt: call.closesAt, acceptingApplications: false },
  status,
  answers: {},
  version: 2,
  formVersion: 1,
  reference,
  submittedAt: '2026-03-10T10:00:00.000Z',
  withdrawnAt: null,
  createdAt: '2026-03-09T10:00:00.000Z',
  updatedAt: '2026-03-10T10:00:00.000Z',
  attachments: [],
  applicant: { id: 'p1', displayName: 'Khadija', email: 'khadija@example.ma', locale: 'ar' },
  eligibilitySuggestion: null,
  eligibilityReasons: null,
  screeningNote: null,
  screenedAt: null,
  screenedBy: null,
});

const topicLabel = (fr: string, ar: string, en: string) => ({ ar, fr, en });
const callTopics = {
  topics: [
    { key: 'agri', label: topicLabel('Agriculture', 'الفلاحة', 'Agriculture') },
    { key: 'eau_energie', label: topicLabel('Eau et énergie', 'الماء والطاقة', 'Water and energy') },
    { key: 'economie_sociale', label: topicLabel('Économie sociale', 'الاقتصاد الاجتماعي', 'Social economy') },
  ],
  fieldKey: 'secteur',
  counts: { applications: 3, withTopic: 1 },
};
/** The dossier's topics as the API gives them before anyone tags it: what its answer to "secteur" gives. */
const topicsMocks = (applicationId: string) => ({
  [`GET /api/calls/${CALL_ID}/topics`]: () => json(200, callTopics),
  [`GET /api/applications/${applicationId}/topics`]: () => json(200, { topics: ['agri'], source: 'FORM', fromForm: ['agri'] }),
});

describe("a dossier's page: moving through the list and screening the next one", { timeout: 15_000 }, () => {
  it('links to the previous and next dossiers of the same list, and after screening to the next one to screen', async () => {
    let screened = false;
    let sent: unknown;
    const { calls } = mockApi({
      'GET /api/auth/session': () => json(200, { user: staff }),
      ...topicsMocks('a2'),
      [`GET /api/admin/calls/${CALL_ID}`]: () => json(200, call),
      [`GET /api/calls/${CALL_ID}/form`]: () => json(200, { callId: CALL_ID, version: 1, locked: true, definition: { sections: [] } }),
      'GET /api/admin/applications/a2': () => json(200, application('a2', 'FIS-2026-0002', screened ? 'ELIGIBLE' : 'SUBMITTED')),
      'GET /api/admin/applications/a2/file-identity': () => json(200, { items: [] }),
      'GET /api/admin/applications/a2/neighbours': () =>
        json(200, { position: screened ? null : 2, total: screened ? 2 : 3, previousId: 'a1', nextId: 'a3', nextPendingId: 'a3', pending: screened ? 2 : 2 }),
      'POST /api/applications/a2/screening': async (request) => {
        sent = await request.json();
        screened = true;
        return json(200, application('a2', 'FIS-2026-0002', 'ELIGIBLE'));
      },
    });
    renderApp('/admin/applications/a2?status=SUBMITTED&sort=reference&order=asc');

    const nav = await screen.findByRole('navigation', { name: 'Parcourir les dossiers de la liste' });
    expect(within(nav).getByText('Dossier 2 sur 3')).toBeInTheDocument();
    expect(within(nav).getByRole('link', { name: '← Dossier précédent' })).toHaveAttribute('href', '/admin/applications/a1?status=SUBMITTED&sort=reference&order=asc');
    expect(within(nav).getByRole('link', { name: 'Dossier suivant →' })).toHaveAttribute('href', '/admin/applications/a3?status=SUBMITTED&sort=reference&order=asc');
    const neighboursRequest = calls.find((request) => new URL(request.url).pathname.endsWith('/neighbours'))!;
    expect(Object.fromEntries(new URL(neighboursRequest.url).searchParams)).toMatchObject({ status: 'SUBMITTED', sort: 'reference', order: 'asc' });
    // Nothing screened yet on this page: no "next to screen" shortcut.
    expect(screen.queryByRole('link', { name: /^Dossier suivant à trier/u })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Marquer éligible' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Confirmer' }));
    const next = await screen.findByRole('link', { name: 'Dossier suivant à trier → (2 en attente)' });
    expect(next).toHaveAttribute('href', '/admin/applications/a3?status=SUBMITTED&sort=reference&order=asc');
    await waitFor(() => expect(screen.queryByText('Dossier 2 sur 3')).not.toBeInTheDocument());
    // The deadline has passed: nothing to acknowledge.
    expect(sent).toEqual({ decision: 'ELIGIBLE' });
  });

  it('before the deadline, screening waits for the acknowledgement and sends it', async () => {
    const open = { ...call, status: 'PUBLISHED', acceptingApplications: true, closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString() };
    let sent: unknown;
    mockApi({
      'GET /api/auth/session': () => json(200, { user: staff }),
      ...topicsMocks('a2'),
      [`GET /api/admin/calls/${CALL_ID}`]: () => json(200, open),
      [`GET /api/calls/${CALL_ID}/form`]: () => json(200, { callId: CALL_ID, version: 1, locked: true, definition: { sections: [] } }),
      'GET /api/admin/applications/a2': () => json(200, application('a2', 'FIS-2026-0002', sent ? 'INELIGIBLE' : 'SUBMITTED')),
      'GET /api/admin/applications/a2/file-identity': () => json(200, { items: [] }),
      'GET /api/admin/applications/a2/neighbours': () => json(200, { position: 1, total: 1, previousId: null, nextId: null, nextPendingId: null, pending: 1 }),
      'POST /api/applications/a2/screening': async (request) => {
        sent = await request.json();
        return json(200, application('a2', 'FIS-2026-0002', 'INELIGIBLE'));
      },
    });
    renderApp('/admin/applications/a2');

    fireEvent.click(await screen.findByRole('button', { name: 'Marquer inéligible' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText("La date limite de dépôt n'est pas passée")).toBeInTheDocument();
    const confirm = within(dialog).getByRole('button', { name: 'Confirmer' });
    expect(confirm).toBeDisabled();
    fireEvent.click(within(dialog).getByRole('checkbox', { name: "J'ai compris : trier avant la date limite" }));
    expect(confirm).toBeEnabled();
    fireEvent.click(confirm);
    await waitFor(() => expect(sent).toEqual({ decision: 'INELIGIBLE', acknowledgeEarly: true }));
  });

  it("tags the dossier's topics, then follows the form's answer again", async () => {
    const sent: unknown[] = [];
    mockApi({
      'GET /api/auth/session': () => json(200, { user: staff }),
      ...topicsMocks('a2'),
      [`GET /api/admin/calls/${CALL_ID}`]: () => json(200, call),
      [`GET /api/calls/${CALL_ID}/form`]: () => json(200, { callId: CALL_ID, version: 1, locked: true, definition: { sections: [] } }),
      'GET /api/admin/applications/a2': () => json(200, application('a2', 'FIS-2026-0002', 'SUBMITTED')),
      'GET /api/admin/applications/a2/file-identity': () => json(200, { items: [] }),
      'GET /api/admin/applications/a2/neighbours': () => json(200, { position: 1, total: 1, previousId: null, nextId: null, nextPendingId: null, pending: 1 }),
      'PUT /api/applications/a2/topics': async (request) => {
        const body = (await request.json()) as { topics: string[] | null };
        sent.push(body);
        return json(200, body.topics === null ? { topics: ['agri'], source: 'FORM', fromForm: ['agri'] } : { topics: body.topics, source: 'STAFF', fromForm: ['agri'] });
      },
    });
    renderApp('/admin/applications/a2');

    const panel = await screen.findByRole('region', { name: 'Thématiques' });
    expect(await within(panel).findByText('Selon la réponse au formulaire')).toBeInTheDocument();
    expect(within(panel).getByText('Agriculture')).toBeInTheDocument();
    expect(within(panel).queryByRole('button', { name: 'Revenir à la réponse au formulaire' })).not.toBeInTheDocument();

    fireEvent.click(within(panel).getByRole('button', { name: 'Modifier les thématiques' }));
    const choices = within(panel).getByRole('group', { name: /^Thématiques de ce dossier/u });
    expect(within(choices).getByRole('checkbox', { name: 'Agriculture' })).toBeChecked();
    fireEvent.click(within(choices).getByRole('checkbox', { name: 'Agriculture' }));
    fireEvent.click(within(choices).getByRole('checkbox', { name: 'Économie sociale' }));
    fireEvent.click(within(choices).getByRole('checkbox', { name: 'Eau et énergie' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Enregistrer' }));

    expect(await within(panel).findByText("Attribuées par l'équipe")).toBeInTheDocument();
    // In the call's order, whatever order they were ticked in.
    expect(sent).toEqual([{ topics: ['eau_energie', 'economie_sociale'] }]);
    expect(within(panel).getByText('La réponse au formulaire donne :')).toBeInTheDocument();

    fireEvent.click(within(panel).getByRole('button', { name: 'Revenir à la réponse au formulaire' }));
    expect(await within(panel).findByText('Selon la réponse au formulaire')).toBeInTheDocument();
    expect(sent).toEqual([{ topics: ['eau_energie', 'economie_sociale'] }, { topics: null }]);
  });
});
