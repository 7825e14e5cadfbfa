import { defaultReportForm, type TApplicationReports, type TProgrammeIndicator, type TProgrammeMilestone, type TProgressReport } from '@tahkim/contracts';

export const APPLICATION_ID = 'app1';
export const CALL_ID = '6c1d8f4a-3b5e-4f9c-8a72-1d3e4f5a6b7c';
export const EVIDENCE_ID = '3f1c2b7a-9d4e-4c8f-8a1b-2c3d4e5f6a7b';
const text = (fr: string, ar = '', en = '') => ({ ar, fr, en });

export const applicant = { id: 'u9', email: 'amina@example.ma', displayName: 'Amina Idrissi', locale: 'fr', roles: ['APPLICANT'] };

/** A year of follow-up (Morocco keeps UTC+0 all year since September 2026): a training cohort (no report), a mid-term report, a final report. */
export const milestones: TProgrammeMilestone[] = [
  {
    key: 'first_cohort',
    title: text('Formation de la première cohorte', 'تكوين الفوج الأول'),
    description: null,
    dueAt: '2026-10-31T18:00:00.000Z',
    dueAtLocal: { dateTime: '2026-10-31T18:00', offset: '+00:00' },
    reportDue: false,
  },
  {
    key: 'midterm_report',
    title: text('Rapport à mi-parcours', 'تقرير منتصف المدة'),
    description: text('Six mois après le démarrage.'),
    dueAt: '2027-01-31T23:59:00.000Z',
    dueAtLocal: { dateTime: '2027-01-31T23:59', offset: '+00:00' },
    reportDue: true,
  },
  {
    key: 'final_report',
    title: text('Rapport final', 'التقرير النهائي'),
    description: null,
    dueAt: '2027-06-30T23:59:00.000Z',
    dueAtLocal: { dateTime: '2027-06-30T23:59', offset: '+00:00' },
    reportDue: true,
  },
];

/** Women trained (added up over reports, with a target), monthly revenue (the latest value; only in French). */
export const indicators: TProgrammeIndicator[] = [
  {
    key: 'women_trained',
    label: text('Femmes formées', 'النساء المستفيدات من التكوين', 'Women trained'),
    unit: text('femmes', 'امرأة', 'women'),
    target: 40,
    direction: 'HIGHER_IS_BETTER',
    aggregation: 'SUM',
  },
  {
    key: 'monthly_revenue',
    label: text('Chiffre d’affaires mensuel'),
    unit: text('MAD'),
    target: null,
    direction: 'HIGHER_IS_BETTER',
    aggregation: 'LATEST',
  },
];

/** The mid-term report as its owner reads it: nothing saved yet, due within a week. */
export function reportFixture(overrides: Partial<TProgressReport> = {}): TProgressReport {
  return {
    applicationId: APPLICATION_ID,
    reference: 'FIS-2026-0007',
    title: 'Traiteur solidaire de Tanger',
    callId: CALL_ID,
    milestone: milestones[1]!,
    state: 'DUE',
    status: 'DRAFT',
    version: 0,
    answers: {},
    indicatorValues: {},
    attachments: [],
    formVersion: null,
    submittedAt: null,
    late: false,
    reviewComment: null,
    reviewedAt: null,
    editable: true,
    form: { callId: CALL_ID, version: 1, locked: false, definition: defaultReportForm() },
    indicators,
    history: [],
    ...overrides,
  };
}

/** The project's milestones: the cohort done, the mid-term report being written, the final one ahead. */
export function reportsFixture(overrides: Partial<TApplicationReports> = {}): TApplicationReports {
  const entry = (index: number, state: TApplicationReports['milestones'][number]['state'], status: TApplicationReports['milestones'][number]['status']) => ({
    milestone: milestones[index]!,
    state,
    status,
    submittedAt: null,
    late: false,
    reviewComment: null,
  });
  return {
    applicationId: APPLICATION_ID,
    callId: CALL_ID,
    now: '2027-01-27T10:00:00.000Z',
    milestones: [entry(0, 'DONE', null), entry(1, 'DUE', 'DRAFT'), entry(2, 'UPCOMING', null)],
    indicators,
    ...overrides,
  };
}
