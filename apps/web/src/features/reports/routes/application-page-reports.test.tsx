import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp } from '../../../test/render';
import { outcomeFixture } from '../../decisions/test-fixtures';
import { applicant, CALL_ID, reportsFixture } from '../test-fixtures';

const text = (fr: string) => ({ ar: '', fr, en: '' });

function application(status: string) {
  return {
    id: 'app1',
    callId: CALL_ID,
    call: { slug: 'fis-2026', title: text('Fonds d’initiatives solidaires'), opensAt: '2026-03-01T09:00:00.000Z', closesAt: '2026-04-30T22:59:00.000Z', acceptingApplications: false },
    status,
    answers: { nom: 'Traiteur solidaire' },
    version: 3,
    formVersion: 1,
    reference: 'FIS-2026-0007',
    submittedAt: '2026-04-10T10:00:00.000Z',
    withdrawnAt: null,
    createdAt: '2026-04-01T10:00:00.000Z',
    updatedAt: '2026-04-10T10:00:00.000Z',
    attachments: [],
  };
}

/** The applicant's page of their application, with its outcome as given. */
function show(status: string, outcome: unknown) {
  const { calls } = mockApi({
    'GET /api/auth/session': () => json(200, { user: applicant }),
    'GET /api/applications/app1': () => json(200, application(status)),
    [`GET /api/calls/${CALL_ID}/form`]: () =>
      json(200, {
        callId: CALL_ID,
        version: 1,
        locked: true,
        definition: { sections: [{ key: 'projet', title: text('Projet'), hidden: false, fields: [{ key: 'nom', type: 'SHORT_TEXT', label: text('Nom du projet'), required: true, identifying: false, hidden: false, limits: {}, options: [] }] }] },
      }),
    'GET /api/applications/app1/outcome': () => json(200, outcome),
    'GET /api/applications/app1/public-profile': () => json(200, { profile: null }),
    'GET /api/applications/app1/reports': () => json(200, reportsFixture()),
  });
  renderApp('/portal/applications/app1');
  return { calls };
}

const asked = (calls: Request[], path: string) => calls.some((request) => new URL(request.url).pathname === path);

describe("the application page's progress reports", { timeout: 30_000 }, () => {
  it("shows a winner's milestones under the application's outcome", async () => {
    show('WINNER', outcomeFixture());
    const card = await screen.findByTestId('progress-reports');
    expect(within(card).getAllByTestId('milestone')).toHaveLength(3);
    expect(within(card).getByRole('link', { name: 'Continuer' })).toHaveAttribute('href', '/portal/applications/app1/reports/midterm_report');
  });

  it('asks nothing about reports for an application that did not win', async () => {
    const { calls } = show('NOT_SELECTED', outcomeFixture({ outcome: 'NOT_SELECTED' }));
    expect(await screen.findByText('Traiteur solidaire')).toBeInTheDocument();
    await waitFor(() => expect(asked(calls, '/api/applications/app1/outcome')).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(asked(calls, '/api/applications/app1/reports')).toBe(false);
    expect(screen.queryByTestId('progress-reports')).not.toBeInTheDocument();
  });
});
