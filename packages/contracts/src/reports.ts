import { z } from 'zod';
import { ZAttachment } from './applications';
import { ZFormDefinition, type TFormDefinition } from './forms';
import { ZProgrammeIndicator, ZProgrammeMilestone } from './programme';

// ---- Progress reports: what a supported project tells the foundation at each milestone ------------------

/**
 * DRAFT: being written by the project (autosaved). SUBMITTED: sent, waiting for staff. CHANGES_REQUESTED: staff
 * asked for changes (with a comment): the project amends and submits again. ACCEPTED: staff accepted it; its
 * indicator values count on the follow-up dashboard.
 */
export const REPORT_STATUSES = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'ACCEPTED'] as const;
export const ZReportStatus = z.enum(REPORT_STATUSES);
export type TReportStatus = z.infer<typeof ZReportStatus>;

/**
 * Where a milestone stands for one project, by the database clock: UPCOMING (more than 7 days ahead), DUE (due
 * within 7 days), LATE (due date passed, nothing submitted), SUBMITTED (waiting for staff), CHANGES_REQUESTED,
 * DONE (report accepted; or, for a milestone without a report, its date passed).
 */
export const MILESTONE_STATES = ['UPCOMING', 'DUE', 'LATE', 'SUBMITTED', 'CHANGES_REQUESTED', 'DONE'] as const;
export const ZMilestoneState = z.enum(MILESTONE_STATES);
export type TMilestoneState = z.infer<typeof ZMilestoneState>;

/** How long before its due date a report counts as due (and the first reminder goes). */
export const REPORT_DUE_SOON_DAYS = 7;
const DAY_MS = 86_400_000;

/** A milestone's state for one project at `now` (the database's clock), from its report's status (null: none yet). */
export function milestoneState(milestone: { dueAt: string | Date; reportDue: boolean }, status: TReportStatus | null, now: string | Date): TMilestoneState {
  const due = new Date(milestone.dueAt).getTime();
  const at = new Date(now).getTime();
  if (!milestone.reportDue) return at > due ? 'DONE' : due - at <= REPORT_DUE_SOON_DAYS * DAY_MS ? 'DUE' : 'UPCOMING';
  if (status === 'ACCEPTED') return 'DONE';
  if (status === 'SUBMITTED') return 'SUBMITTED';
  if (status === 'CHANGES_REQUESTED') return 'CHANGES_REQUESTED';
  if (at > due) return 'LATE';
  return due - at <= REPORT_DUE_SOON_DAYS * DAY_MS ? 'DUE' : 'UPCOMING';
}

/** An indicator value given in a report: a finite number, or null (not measured this period). */
export const ZIndicatorValue = z.number().finite().min(-1e12).max(1e12).nullable();
export const ZIndicatorValues = z.record(z.string(), ZIndicatorValue);
export type TIndicatorValues = z.infer<typeof ZIndicatorValues>;

export const REPORT_LIMITS = { comment: 5000 } as const;

/** The report form a programme's projects fill (built with the form builder), with its version (0: never saved, the default one). */
export const ZReportForm = z.object({
  callId: z.string(),
  version: z.number().int(),
  /** Once a report was submitted, fields can be hidden or added, never deleted or retyped. */
  locked: z.boolean(),
  definition: ZFormDefinition,
});
export type TReportForm = z.infer<typeof ZReportForm>;

/** `PUT /api/calls/{id}/programme/report-form` (staff). A stale `version` gets 409 VERSION_CONFLICT { current }. */
export const ZPutReportFormRequest = z.strictObject({
  version: z.number().int().min(0),
  definition: ZFormDefinition,
});
export type TPutReportFormRequest = z.input<typeof ZPutReportFormRequest>;

/** The report form a programme starts with: what was done, what comes next, documents. */
export function defaultReportForm(): TFormDefinition {
  const text = (ar: string, fr: string, en: string) => ({ ar, fr, en });
  return {
    sections: [
      {
        key: 'report',
        title: text('تقرير المرحلة', "Rapport d'étape", 'Progress report'),
        hidden: false,
        fields: [
          {
            key: 'achievements',
            type: 'LONG_TEXT',
            label: text('ما الذي أنجزتم خلال هذه الفترة؟', 'Qu’avez-vous réalisé pendant cette période ?', 'What did you achieve during this period?'),
            required: true,
            identifying: false,
            hidden: false,
            limits: { maxLength: 5000 },
            options: [],
          },
          {
            key: 'difficulties',
            type: 'LONG_TEXT',
            label: text('ما الصعوبات التي واجهتموها؟', 'Quelles difficultés avez-vous rencontrées ?', 'What difficulties did you meet?'),
            required: false,
            identifying: false,
            hidden: false,
            limits: { maxLength: 5000 },
            options: [],
          },
          {
            key: 'evidence',
            type: 'FILE',
            label: text('وثائق داعمة (صور، لوائح الحضور، فواتير)', 'Pièces justificatives (photos, feuilles de présence, factures)', 'Supporting documents (photos, attendance sheets, invoices)'),
            required: false,
            identifying: false,
            hidden: false,
            limits: { maxFiles: 5, acceptedMediaTypes: ['application/pdf', 'image/jpeg', 'image/png', 'image/webp'] },
            options: [],
          },
        ],
      },
    ],
  };
}

/** One project's report for one milestone, as its owner and staff read it (version 0: nothing saved yet). */
export const ZProgressReport = z.object({
  applicationId: z.string(),
  reference: z.string().nullable(),
  /** The project's name (from the application). */
  title: z.string().nullable(),
  callId: z.string(),
  milestone: ZProgrammeMilestone,
  state: ZMilestoneState,
  status: ZReportStatus,
  version: z.number().int(),
  answers: z.record(z.string(), z.unknown()),
  indicatorValues: ZIndicatorValues,
  attachments: z.array(ZAttachment),
  /** The report form's version the answers were last saved against. */
  formVersion: z.number().int().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  /** Submitted after the due date, or not submitted and the due date passed (database clock). */
  late: z.boolean(),
  /** Staff's comment when they asked for changes (kept until the next review). */
  reviewComment: z.string().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
  /** Whether the caller may change it now: the owner, while DRAFT or CHANGES_REQUESTED. */
  editable: z.boolean(),
  form: ZReportForm,
  indicators: z.array(ZProgrammeIndicator),
  /** Every step so far, oldest first (from the audit trail). */
  history: z.array(
    z.object({
      action: z.enum(['submitted', 'changes_requested', 'accepted']),
      at: z.iso.datetime(),
      comment: z.string().nullable(),
    }),
  ),
});
export type TProgressReport = z.infer<typeof ZProgressReport>;

/** `PUT /api/applications/{id}/reports/{milestoneKey}`: an autosave (the owner). `version` 0 creates the report. */
export const ZSaveReportRequest = z.strictObject({
  version: z.number().int().min(0),
  answers: z.record(z.string(), z.unknown()),
  indicatorValues: ZIndicatorValues,
});
export type TSaveReportRequest = z.input<typeof ZSaveReportRequest>;

/**
 * `details.reason` of a 409 CONFLICT about reports: REPORT_NOT_EDITABLE, the report was sent (SUBMITTED) or
 * accepted, so its answers and files no longer change (`details.status` says which); REPORT_NOT_SUBMITTED, a
 * review of a report that is not waiting for one; MILESTONE_HAS_REPORTS, the programme's save would remove
 * milestones projects already reported on (`details.keys`).
 */
export const REPORT_CONFLICT_REASONS = ['REPORT_NOT_EDITABLE', 'REPORT_NOT_SUBMITTED', 'MILESTONE_HAS_REPORTS'] as const;
export type TReportConflictReason = (typeof REPORT_CONFLICT_REASONS)[number];

/** `details` of 409 VERSION_CONFLICT on a report: what is saved now. */
export const ZReportConflictDetails = z.object({ current: ZProgressReport });

/** `POST /api/applications/{id}/reports/{milestoneKey}/submit` (the owner). */
export const ZSubmitReportRequest = z.strictObject({ version: z.number().int().min(1) });
export type TSubmitReportRequest = z.input<typeof ZSubmitReportRequest>;

/** `POST /api/applications/{id}/reports/{milestoneKey}/review` (staff): accept, or ask for changes with a comment. */
export const ZReviewReportRequest = z
  .strictObject({
    version: z.number().int().min(1),
    decision: z.enum(['ACCEPT', 'REQUEST_CHANGES']),
    comment: z.string().trim().max(REPORT_LIMITS.comment).default(''),
  })
  .refine((review) => review.decision === 'ACCEPT' || review.comment !== '', { path: ['comment'], message: 'Say what should change' });
export type TReviewReportRequest = z.input<typeof ZReviewReportRequest>;

/** `GET /api/applications/{id}/reports` (owner, staff): the project's milestones and where each stands. */
export const ZApplicationReports = z.object({
  applicationId: z.string(),
  callId: z.string(),
  now: z.iso.datetime(),
  milestones: z.array(
    z.object({
      milestone: ZProgrammeMilestone,
      state: ZMilestoneState,
      status: ZReportStatus.nullable(),
      submittedAt: z.iso.datetime().nullable(),
      late: z.boolean(),
      reviewComment: z.string().nullable(),
    }),
  ),
  indicators: z.array(ZProgrammeIndicator),
});
export type TApplicationReports = z.infer<typeof ZApplicationReports>;

// ---- Follow-up dashboard ---------------------------------------------------------------------------------

/** One indicator of one project: its accepted values per milestone, its current value and the target. */
export const ZProjectIndicator = z.object({
  key: z.string(),
  /** Accepted reports' values in milestone order; `cumulative` is the running SUM, or the value itself for LATEST. */
  points: z.array(z.object({ milestoneKey: z.string(), dueAt: z.iso.datetime(), value: z.number().nullable(), cumulative: z.number().nullable() })),
  value: z.number().nullable(),
  target: z.number().nullable(),
  /** value / target (null without either); for LOWER_IS_BETTER, target / value. */
  progress: z.number().nullable(),
});
export type TProjectIndicator = z.infer<typeof ZProjectIndicator>;

export const ZFollowUpProject = z.object({
  applicationId: z.string(),
  reference: z.string().nullable(),
  title: z.string().nullable(),
  region: z.string().nullable(),
  milestones: z.array(z.object({ key: z.string(), state: ZMilestoneState, status: ZReportStatus.nullable(), submittedAt: z.iso.datetime().nullable(), late: z.boolean() })),
  indicators: z.array(ZProjectIndicator),
});
export type TFollowUpProject = z.infer<typeof ZFollowUpProject>;

/** `GET /api/calls/{id}/follow-up` (staff). Counts accepted reports only. */
export const ZFollowUpDashboard = z.object({
  callId: z.string(),
  now: z.iso.datetime(),
  milestones: z.array(ZProgrammeMilestone),
  indicators: z.array(ZProgrammeIndicator),
  projects: z.array(ZFollowUpProject),
  /** Across projects: each indicator's total (sum of the projects' values) against the sum of their targets. */
  totals: z.array(z.object({ key: z.string(), value: z.number().nullable(), target: z.number().nullable(), projects: z.number().int() })),
  /** Per region (null: not given): the projects and each indicator's total. */
  regions: z.array(z.object({ region: z.string().nullable(), projects: z.number().int(), values: z.record(z.string(), z.number().nullable()) })),
  /** Milestone states counted over every project and milestone with a report. */
  counts: z.record(ZMilestoneState, z.number().int()),
});
export type TFollowUpDashboard = z.infer<typeof ZFollowUpDashboard>;

/** `GET /api/calls/{id}/follow-up/export?format=csv|xlsx` (staff): one row per project and indicator. */
export const ZFollowUpExportQuery = z.strictObject({ format: z.enum(['csv', 'xlsx']).default('csv') });

/** `POST /api/calls/{id}/programme/reminders` (staff): runs the reminder pass for the call now. */
export const ZReminderRun = z.object({ queued: z.number().int(), alreadySent: z.number().int() });
export type TReminderRun = z.infer<typeof ZReminderRun>;

/** Which reminder a project gets for a milestone's report: 7 days before, on the due day, or once late. */
export const REMINDER_STEPS = ['DUE_IN_7_DAYS', 'DUE_TODAY', 'LATE'] as const;
export type TReminderStep = (typeof REMINDER_STEPS)[number];
