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
      'GET /api/auth/me': () => json(200, staff),
      [`GET /api/admin/calls/${CALL_ID}`]: () => json(200, call),
      [`GET /api/calls/${CALL_ID}/form`]: () => json(200, form),
      [`GET /api/calls/${CALL_ID}/applications`]: () => json(200, { items: [row], total: 1, page: 1, pageSize: 25 }),
    });
    const { router } = renderApp(`/admin/calls/${CALL_ID}/applications?status=SUBMITTED&choice=legal_form:cooperative`);

    expect(await screen.findByRole('link', { name: 'FIS-2026-0001' })).toHaveAttribute('href', '/admin/applications/a1');
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
});
