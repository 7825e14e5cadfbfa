import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp } from '../../../test/render';

const staff = { id: 'u2', email: 'karim@fondation.ma', displayName: 'Karim', locale: 'fr', roles: ['STAFF'] };
const CALL_ID = '4b0c2a9e-8d3f-4f51-9a57-2f1f3d6c7a10';
const text = (fr: string) => ({ ar: '', fr, en: '' });
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
  status: 'PUBLISHED',
  acceptingApplications: true,
  maxApplicationsPerApplicant: 1,
  referencePrefix: 'FIS',
  formVersion: 1,
  feedbackEnabled: false,
  eligibilityRules: [],
  applicationCounts: { draft: 0, submitted: 1 },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  publishedAt: null,
  closedAt: null,
};
const form = {
  callId: CALL_ID,
  version: 1,
  locked: true,
  definition: {
    sections: [
      {
        key: 'org',
        title: text('Organisation'),
        hidden: false,
        fields: [
          {
            key: 'legal_form',
            type: 'SINGLE_CHOICE',
            label: text('Forme juridique'),
            required: true,
            identifying: false,
            hidden: false,
            limits: {},
            options: [
              { value: 'association', label: text('Association') },
              { value: 'cooperative', label: text('Coopérative') },
            ],
          },
        ],
      },
    ],
  },
};
const row = {
  id: 'a1',
  reference: 'FIS-2026-0001',
  title: 'تعاونية أركان النساء',
  status: 'SUBMITTED',
  applicant: { id: 'p1', displayName: 'Khadija', email: 'khadija@example.ma' },
  region: 'MA-09',
  eligibilitySuggestion: 'UNSURE',
  submittedAt: '2026-03-10T10:00:00.000Z',
  createdAt: '2026-03-09T10:00:00.000Z',
};

// Whole pages in jsdom: slow on a loaded machine.
describe("a call's applications", { timeout: 15_000 }, () => {
  it('keeps filters in the URL and sends them to the API', async () => {
    const { calls } = mockApi({
      'GET /api/auth/session': () => json(200, { user: staff }),
      [`GET /api/admin/calls/${CALL_ID}`]: () => json(200, call),
      [`GET /api/calls/${CALL_ID}/form`]: () => json(200, form),
      [`GET /api/calls/${CALL_ID}/applications`]: () => json(200, { items: [row], total: 1, page: 1, pageSize: 25 }),
    });
    const { router } = renderApp(`/admin/calls/${CALL_ID}/applications?status=SUBMITTED&choice=legal_form:cooperative`);

    // The dossier's link carries the list's filters, for its "previous" and "next".
    expect(await screen.findByRole('link', { name: 'FIS-2026-0001' })).toHaveAttribute('href', '/admin/applications/a1?status=SUBMITTED&choice=legal_form%3Acooperative');
    const table = screen.getByRole('table');
    expect(within(table).getByText('À vérifier')).toBeInTheDocument();
    expect(within(table).getByText('Souss-Massa')).toBeInTheDocument();
    // The shared link's filters are shown and sent.
    expect(screen.getByLabelText('Statut')).toHaveValue('SUBMITTED');
    expect(screen.getByLabelText('Forme juridique')).toHaveValue('cooperative');
    const firstList = calls.find((request) => new URL(request.url).pathname.endsWith('/applications'));
    expect(new URL(firstList!.url).searchParams.get('status')).toBe('SUBMITTED');
    expect(new URL(firstList!.url).searchParams.getAll('choice')).toEqual(['legal_form:cooperative']);

    fireEvent.change(screen.getByLabelText('Région'), { target: { value: 'MA-09' } });
    await waitFor(() => expect(router.state.location.search).toContain('region=MA-09'));
    expect(router.state.location.search).toContain('status=SUBMITTED');
    await waitFor(() => {
      const last = calls.filter((request) => new URL(request.url).pathname.endsWith('/applications')).at(-1)!;
      expect(new URL(last.url).searchParams.get('region')).toBe('MA-09');
    });

    fireEvent.click(screen.getByRole('button', { name: /^Dossier/u }));
    await waitFor(() => expect(router.state.location.search).toContain('sort=reference'));
    expect(router.state.location.search).toContain('order=asc');
  });

  describe('bulk screening', () => {
    const second = { ...row, id: 'a2', reference: 'FIS-2026-0002', title: 'Vélo Médina' };
    const withdrawn = { ...row, id: 'a3', reference: 'FIS-2026-0003', title: 'Projet retiré', status: 'WITHDRAWN' };
    function api(options: { callOverrides?: Partial<typeof call>; screening?: () => Response } = {}) {
      return mockApi({
        'GET /api/auth/session': () => json(200, { user: staff }),
        [`GET /api/admin/calls/${CALL_ID}`]: () => json(200, { ...call, ...options.callOverrides }),
        [`GET /api/calls/${CALL_ID}/form`]: () => json(200, form),
        [`GET /api/calls/${CALL_ID}/applications`]: () => json(200, { items: [row, second, withdrawn], total: 3, page: 1, pageSize: 25 }),
        [`GET /api/calls/${CALL_ID}/applications/screenable-ids`]: () => json(200, { ids: ['a1', 'a2'], total: 2 }),
        [`POST /api/calls/${CALL_ID}/applications/screening`]: options.screening ?? (() => json(200, { screened: 2, decision: 'ELIGIBLE' })),
      });
    }

    it('selects every screenable application of the filter and marks them in one action, with one note', async () => {
      const { calls } = api();
      renderApp(`/admin/calls/${CALL_ID}/applications?status=SUBMITTED`);
      const bar = await screen.findByRole('region', { name: 'Tri en lot' });
      // A withdrawn application cannot be selected.
      expect(screen.getByRole('checkbox', { name: 'Sélectionner le dossier FIS-2026-0003' })).toBeDisabled();
      fireEvent.click(within(bar).getByRole('button', { name: 'Sélectionner tous les dossiers à trier de la liste' }));
      expect(await within(bar).findByText('2 dossiers sélectionnés')).toBeInTheDocument();
      expect(screen.getByRole('checkbox', { name: 'Sélectionner le dossier FIS-2026-0001' })).toBeChecked();
      const idsRequest = calls.find((request) => new URL(request.url).pathname.endsWith('/screenable-ids'))!;
      expect(new URL(idsRequest.url).searchParams.get('status')).toBe('SUBMITTED');

      fireEvent.click(within(bar).getByRole('button', { name: 'Marquer éligibles' }));
      const dialog = await screen.findByRole('dialog', { name: 'Marquer 2 dossiers éligibles ?' });
      // The deadline has passed: nothing to acknowledge.
      expect(within(dialog).queryByRole('checkbox')).not.toBeInTheDocument();
      fireEvent.change(within(dialog).getByRole('textbox', { name: /^Note de tri/u }), { target: { value: 'Pièces complètes' } });
      fireEvent.click(within(dialog).getByRole('button', { name: 'Marquer 2 dossiers éligibles' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      const post = calls.find((request) => request.method === 'POST')!;
      expect(await post.clone().json()).toEqual({ applicationIds: ['a1', 'a2'], decision: 'ELIGIBLE', note: 'Pièces complètes' });
      expect(await within(bar).findByText('0 dossier sélectionné')).toBeInTheDocument();
    });

    it('before the deadline, asks for the acknowledgement and sends it', async () => {
      const { calls } = api({ callOverrides: { closesAt: new Date(Date.now() + 10 * 86_400_000).toISOString() } });
      renderApp(`/admin/calls/${CALL_ID}/applications`);
      fireEvent.click(await screen.findByRole('checkbox', { name: 'Sélectionner les dossiers de cette page' }));
      const bar = screen.getByRole('region', { name: 'Tri en lot' });
      expect(within(bar).getByText('2 dossiers sélectionnés')).toBeInTheDocument();
      fireEvent.click(within(bar).getByRole('button', { name: 'Marquer inéligibles' }));
      const dialog = await screen.findByRole('dialog', { name: 'Marquer 2 dossiers inéligibles ?' });
      expect(within(dialog).getByText("La date limite de dépôt n'est pas passée")).toBeInTheDocument();
      const confirm = within(dialog).getByRole('button', { name: 'Marquer 2 dossiers inéligibles' });
      expect(confirm).toBeDisabled();
      fireEvent.click(within(dialog).getByRole('checkbox', { name: "J'ai compris : trier avant la date limite" }));
      fireEvent.click(confirm);
      await waitFor(() => expect(calls.some((request) => request.method === 'POST')).toBe(true));
      const post = calls.find((request) => request.method === 'POST')!;
      expect(await post.clone().json()).toEqual({ applicationIds: ['a1', 'a2'], decision: 'INELIGIBLE', acknowledgeEarly: true });
    });

    it('says in words that nothing changed, and which dossiers stand in the way', async () => {
      api({
        screening: () =>
          json(409, {
            statusCode: 409,
            code: 'CONFLICT',
            message: 'Conflit',
            details: { reason: 'NOT_SCREENABLE', applications: [{ id: 'a2', reference: 'FIS-2026-0002', status: 'SHORTLISTED' }] },
            requestId: 'r1',
          }),
      });
      renderApp(`/admin/calls/${CALL_ID}/applications`);
      const bar = await screen.findByRole('region', { name: 'Tri en lot' });
      fireEvent.click(within(bar).getByRole('button', { name: 'Sélectionner tous les dossiers à trier de la liste' }));
      await within(bar).findByText('2 dossiers sélectionnés');
      fireEvent.click(within(bar).getByRole('button', { name: 'Marquer éligibles' }));
      const dialog = await screen.findByRole('dialog');
      fireEvent.click(within(dialog).getByRole('button', { name: 'Marquer 2 dossiers éligibles' }));
      expect(await within(dialog).findByRole('alert')).toHaveTextContent(
        "Rien n'a été modifié : ces dossiers ne peuvent plus être triés (retirés, en évaluation ou décidés) : FIS-2026-0002.",
      );
    });
  });
});
