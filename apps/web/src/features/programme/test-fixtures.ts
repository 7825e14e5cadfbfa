import type { TProgramme } from '@tahkim/contracts';

export const CALL_ID = '6c1d8f4a-3b5e-4f9c-8a72-1d3e4f5a6b7c';
const empty = { ar: '', fr: '', en: '' };
const text = (fr: string, ar = '', en = '') => ({ ar, fr, en });

/** The staff view of a decided call, as `GET /api/admin/calls/{id}` answers (the fields the page reads). */
export function staffCallFixture(status = 'DECIDED') {
  return {
    id: CALL_ID,
    slug: 'fonds-initiatives-solidaires-2026',
    title: text('Fonds d’initiatives solidaires', 'صندوق المبادرات التضامنية', 'Solidarity initiatives fund'),
    summary: text('Résumé'),
    description: text('Description'),
    eligibility: text('Tous'),
    opensAt: '2026-03-01T09:00:00.000Z',
    closesAt: '2026-04-30T22:59:00.000Z',
    opensAtLocal: { dateTime: '2026-03-01T09:00', offset: '+00:00' },
    closesAtLocal: { dateTime: '2026-04-30T23:59', offset: '+01:00' },
    timezone: 'Africa/Casablanca',
    status,
    acceptingApplications: false,
    maxApplicationsPerApplicant: 1,
    referencePrefix: 'FIS',
    formVersion: 1,
    feedbackEnabled: false,
    eligibilityRules: [],
    applicationCounts: { draft: 0, submitted: 12 },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    publishedAt: '2026-03-01T09:00:00.000Z',
    closedAt: '2026-04-30T22:59:00.000Z',
  };
}

/** Before staff set it up: version 0, nothing in it. */
export function emptyProgramme(): TProgramme {
  return { callId: CALL_ID, version: 0, updatedAt: null, milestones: [], indicators: [] };
}

/** A year of follow-up: a training cohort (no report), a mid-term report; women trained (added up), monthly revenue (latest). */
export function programmeFixture(overrides: Partial<TProgramme> = {}): TProgramme {
  return {
    callId: CALL_ID,
    version: 2,
    updatedAt: '2026-06-15T10:00:00.000Z',
    milestones: [
      {
        key: 'first_cohort',
        title: text('Formation de la première cohorte', 'تكوين الفوج الأول'),
        description: text('Trois jours à Casablanca pour les porteurs de projets.'),
        dueAt: '2026-10-31T18:00:00.000Z',
        dueAtLocal: { dateTime: '2026-10-31T18:00', offset: '+00:00' },
        reportDue: false,
      },
      {
        key: 'midterm_report',
        title: text('Rapport à mi-parcours'),
        description: null,
        dueAt: '2027-01-31T23:59:00.000Z',
        dueAtLocal: { dateTime: '2027-01-31T23:59', offset: '+00:00' },
        reportDue: true,
      },
    ],
    indicators: [
      {
        key: 'women_trained',
        label: text('Femmes formées', 'النساء المستفيدات من التكوين'),
        unit: text('femmes', 'امرأة'),
        target: 40,
        direction: 'HIGHER_IS_BETTER',
        aggregation: 'SUM',
      },
      {
        key: 'monthly_revenue',
        label: text('Chiffre d’affaires mensuel'),
        unit: { ...empty, fr: 'MAD' },
        target: null,
        direction: 'HIGHER_IS_BETTER',
        aggregation: 'LATEST',
      },
    ],
    ...overrides,
  };
}
