import { defaultReportForm, type TFollowUpDashboard, type TProgressReport, type TReportForm } from '@tahkim/contracts';
import { CALL_ID } from '../programme/test-fixtures';
import { indicators, milestones } from '../reports/test-fixtures';

export { CALL_ID, staffCallFixture } from '../programme/test-fixtures';

export const APPLICATION_ID = '7d2e9f5b-4c6f-4a0d-9b83-2e4f5a6b7c8d';
export const OTHER_APPLICATION_ID = '8e3f0a6c-5d7a-4b1e-8c94-3f5a6b7c8d9e';

/** Two winners, on the programme of the reports' fixtures: one has its mid-term report accepted and its final one waiting; the other is late. */
export function dashboardFixture(overrides: Partial<TFollowUpDashboard> = {}): TFollowUpDashboard {
  return {
    callId: CALL_ID,
    now: '2027-07-02T10:00:00.000Z',
    milestones,
    indicators,
    projects: [
      {
        applicationId: APPLICATION_ID,
        reference: 'FIS-2026-0001',
        title: 'Traiteur solidaire',
        region: 'MA-06',
        milestones: [
          { key: 'first_cohort', state: 'DONE', status: null, submittedAt: null, late: false },
          { key: 'midterm_report', state: 'DONE', status: 'ACCEPTED', submittedAt: '2027-01-20T10:00:00.000Z', late: false },
          { key: 'final_report', state: 'SUBMITTED', status: 'SUBMITTED', submittedAt: '2027-07-01T09:00:00.000Z', late: true },
        ],
        indicators: [
          { key: 'women_trained', points: [{ milestoneKey: 'midterm_report', dueAt: milestones[1]!.dueAt, value: 12, cumulative: 12 }], value: 12, target: 40, progress: 0.3 },
          { key: 'monthly_revenue', points: [{ milestoneKey: 'midterm_report', dueAt: milestones[1]!.dueAt, value: 950, cumulative: 950 }], value: 950, target: null, progress: null },
        ],
      },
      {
        applicationId: OTHER_APPLICATION_ID,
        reference: 'FIS-2026-0002',
        title: 'Coopérative d’argan',
        region: 'MA-09',
        milestones: [
          { key: 'first_cohort', state: 'DONE', status: null, submittedAt: null, late: false },
          { key: 'midterm_report', state: 'LATE', status: null, submittedAt: null, late: true },
          { key: 'final_report', state: 'LATE', status: 'DRAFT', submittedAt: null, late: true },
        ],
        indicators: [
          { key: 'women_trained', points: [], value: null, target: 40, progress: null },
          { key: 'monthly_revenue', points: [], value: null, target: null, progress: null },
        ],
      },
    ],
    totals: [
      { key: 'women_trained', value: 12, target: 80, projects: 1 },
      { key: 'monthly_revenue', value: 950, target: null, projects: 1 },
    ],
    regions: [
      { region: 'MA-06', projects: 1, values: { women_trained: 12, monthly_revenue: 950 } },
      { region: 'MA-09', projects: 1, values: { women_trained: null, monthly_revenue: null } },
    ],
    counts: { UPCOMING: 0, DUE: 0, LATE: 2, SUBMITTED: 1, CHANGES_REQUESTED: 0, DONE: 3 },
    ...overrides,
  };
}

export function reportFormFixture(overrides: Partial<TReportForm> = {}): TReportForm {
  return { callId: CALL_ID, version: 0, locked: false, definition: defaultReportForm(), ...overrides };
}

/** The first project's final report, submitted a day late and waiting for staff. */
export function reportFixture(overrides: Partial<TProgressReport> = {}): TProgressReport {
  return {
    applicationId: APPLICATION_ID,
    reference: 'FIS-2026-0001',
    title: 'Traiteur solidaire',
    callId: CALL_ID,
    milestone: milestones[2]!,
    state: 'SUBMITTED',
    status: 'SUBMITTED',
    version: 3,
    answers: { achievements: 'Deux cohortes formées, un deuxième local ouvert.', difficulties: '' },
    indicatorValues: { women_trained: 18, monthly_revenue: null },
    attachments: [
      {
        id: '9f4a1b7d-6e8b-4c2f-9da5-4a6b7c8d9e0f',
        fieldKey: 'evidence',
        fileName: 'feuilles-presence.pdf',
        mediaType: 'application/pdf',
        size: 20_480,
        uploadedAt: '2027-06-30T10:00:00.000Z',
      },
    ],
    formVersion: 1,
    submittedAt: '2027-07-01T09:00:00.000Z',
    late: true,
    reviewComment: null,
    reviewedAt: null,
    editable: false,
    form: reportFormFixture({ version: 1, locked: true }),
    indicators,
    history: [{ action: 'submitted', at: '2027-07-01T09:00:00.000Z', comment: null }],
    ...overrides,
  };
}
