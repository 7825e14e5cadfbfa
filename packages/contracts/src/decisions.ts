import { z } from 'zod';
import { ZApplicationStatus } from './applications';
import { ZCallStatus } from './calls';
import { ZLocale, ZLocalizedText, zLocalizedText } from './locales';
import { ZRankingMethod, ZRoundStatus, ZRoundType } from './rounds';
import { ZEmailStatus } from './system';

// ---- Outcomes -------------------------------------------------------------------------------------

/** Final outcomes: recorded as a Decision, shown to the applicant only once published. */
export const DECISION_OUTCOMES = ['WINNER', 'NOT_SELECTED'] as const;
export const ZDecisionOutcome = z.enum(DECISION_OUTCOMES);
export type TDecisionOutcome = z.infer<typeof ZDecisionOutcome>;

/**
 * What staff may record for an application: a final outcome (WINNER, NOT_SELECTED: unpublished until
 * `notify-decisions`) or an intermediate status of the lifecycle (SHORTLISTED, IN_REVIEW: set at once,
 * removing an unpublished decision).
 */
export const RECORDABLE_OUTCOMES = ['WINNER', 'NOT_SELECTED', 'SHORTLISTED', 'IN_REVIEW'] as const;
export const ZRecordableOutcome = z.enum(RECORDABLE_OUTCOMES);
export type TRecordableOutcome = z.infer<typeof ZRecordableOutcome>;

export function isDecisionOutcome(value: string): value is TDecisionOutcome {
  return (DECISION_OUTCOMES as readonly string[]).includes(value);
}

export const DECISION_NOTE_MAX = 2000;
export const DECISION_MESSAGE_MAX = 2000;

/** `PUT /api/applications/{id}/decision`. A published decision cannot be changed (409, details.reason DECISION_PUBLISHED). */
export const ZRecordDecisionRequest = z.strictObject({
  outcome: ZRecordableOutcome,
  /** Internal note for staff; never shown to the applicant. null clears it. */
  note: z.string().trim().max(DECISION_NOTE_MAX).nullable().optional(),
  /** A personal line added to the decision email ({{message}}) and shown on the applicant's outcome page. */
  message: z.string().trim().max(DECISION_MESSAGE_MAX).nullable().optional(),
  /** The round whose results the decision rests on (a round of the application's call). */
  roundId: z.uuid().optional(),
});
export type TRecordDecisionRequest = z.input<typeof ZRecordDecisionRequest>;

/** A recorded final outcome, as staff read it. */
export const ZDecision = z.object({
  outcome: ZDecisionOutcome,
  note: z.string().nullable(),
  message: z.string().nullable(),
  roundId: z.string().nullable(),
  decidedBy: z.object({ id: z.string(), displayName: z.string() }),
  decidedAt: z.iso.datetime(),
  /** null until staff publish decisions (the applicant sees nothing before). */
  publishedAt: z.iso.datetime().nullable(),
});
export type TDecision = z.infer<typeof ZDecision>;

/** The application after a decision was recorded. */
export const ZRecordDecisionResult = z.object({
  applicationId: z.string(),
  status: ZApplicationStatus,
  /** null after an intermediate outcome (SHORTLISTED, IN_REVIEW). */
  decision: ZDecision.nullable(),
});
export type TRecordDecisionResult = z.infer<typeof ZRecordDecisionResult>;

/** `POST /api/calls/{id}/decisions`: the same outcome for many applications of the call, in one transaction. */
export const ZBulkDecisionRequest = z.strictObject({
  applicationIds: z.array(z.uuid()).min(1).max(10000),
  outcome: ZRecordableOutcome,
  note: z.string().trim().max(DECISION_NOTE_MAX).nullable().optional(),
  roundId: z.uuid().optional(),
});
export type TBulkDecisionRequest = z.input<typeof ZBulkDecisionRequest>;

export const ZBulkDecisionResult = z.object({
  outcome: ZRecordableOutcome,
  /** Applications whose decision or status was recorded (one audit row each). */
  recorded: z.number().int(),
});
export type TBulkDecisionResult = z.infer<typeof ZBulkDecisionResult>;

// ---- Staff's view of a call's decisions ------------------------------------------------------------

/** The letters a text is mostly written in: enough to tell Arabic from French or English. */
export const COMMENT_SCRIPTS = ['ARABIC', 'LATIN'] as const;
export type TCommentScript = (typeof COMMENT_SCRIPTS)[number];

/** A round of the call as decisions may rest on it: its kind, method and how many results it has. */
export const ZDecisionRound = z.object({
  id: z.string(),
  number: z.number().int(),
  name: ZLocalizedText,
  type: ZRoundType,
  status: ZRoundStatus,
  method: ZRankingMethod,
  /** Submitted scorecards (SCORING) or submitted ballots (BALLOT): the round has results when above 0. */
  results: z.number().int(),
});
export type TDecisionRound = z.infer<typeof ZDecisionRound>;

/** The decision email of an application (outbox row with dedupeKey `decision:<applicationId>`). */
export const ZDecisionEmail = z.object({
  status: ZEmailStatus,
  locale: ZLocale,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  queuedAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type TDecisionEmail = z.infer<typeof ZDecisionEmail>;

export const ZCallDecisionRow = z.object({
  applicationId: z.string(),
  reference: z.string().nullable(),
  title: z.string().nullable(),
  applicant: z.object({ displayName: z.string(), email: z.string(), locale: ZLocale }),
  status: ZApplicationStatus,
  decision: ZDecision.nullable(),
  email: ZDecisionEmail.nullable(),
  /**
   * The scripts of the jurors' shareable comments that feedback would send this applicant (ARABIC: mostly
   * Arabic letters, LATIN: mostly Latin letters), so staff can see a comment the applicant may not read.
   */
  sharedCommentScripts: z.array(z.enum(COMMENT_SCRIPTS)),
});
export type TCallDecisionRow = z.infer<typeof ZCallDecisionRow>;

export const ZCallDecisionCounts = z.object({
  applications: z.number().int(),
  winners: z.number().int(),
  notSelected: z.number().int(),
  /** Decisions recorded but not yet published. */
  pendingPublication: z.number().int(),
  published: z.number().int(),
  emailsQueued: z.number().int(),
  /** SENT or CAPTURED. */
  emailsSent: z.number().int(),
  emailsFailed: z.number().int(),
});
export type TCallDecisionCounts = z.infer<typeof ZCallDecisionCounts>;

/** `GET /api/calls/{id}/decisions`: every submitted application of the call (drafts excluded), by reference. */
export const ZCallDecisionList = z.object({
  call: z.object({
    id: z.string(),
    title: ZLocalizedText,
    status: ZCallStatus,
    feedbackEnabled: z.boolean(),
    decidedAt: z.iso.datetime().nullable(),
    /** The deadline for applications (moved to the moment of publication when decisions closed the call early). */
    closesAt: z.iso.datetime(),
    /** Published and before its deadline: publishing decisions now closes it early (see notify-decisions). */
    acceptingApplications: z.boolean(),
    /** Applications still in draft, which can no longer be submitted once the call is closed. */
    drafts: z.number().int(),
  }),
  /** Outcomes that have a saved template; an outcome published without one is sent with the proposed texts. */
  templatesSaved: z.array(ZDecisionOutcome),
  /** The call's rounds in order, with how many results each has. */
  rounds: z.array(ZDecisionRound),
  counts: ZCallDecisionCounts,
  items: z.array(ZCallDecisionRow),
});
export type TCallDecisionList = z.infer<typeof ZCallDecisionList>;

// ---- Decision email templates ----------------------------------------------------------------------

/** The placeholders a decision template may use; any other `{{name}}` is refused. */
export const DECISION_TEMPLATE_PLACEHOLDERS = ['displayName', 'reference', 'projectTitle', 'callTitle', 'feedback', 'message'] as const;
export type TDecisionTemplatePlaceholder = (typeof DECISION_TEMPLATE_PLACEHOLDERS)[number];

export const DECISION_SUBJECT_MAX = 200;
export const DECISION_BODY_MAX = 10000;

const PLACEHOLDER_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The `{{names}}` in a text that are not known placeholders, in order of appearance, without repeats. */
export function unknownPlaceholders(text: string): string[] {
  const known = DECISION_TEMPLATE_PLACEHOLDERS as readonly string[];
  const unknown = [...text.matchAll(PLACEHOLDER_PATTERN)].map((match) => match[1] ?? '').filter((name) => !known.includes(name));
  return [...new Set(unknown)];
}

/**
 * French is required (other languages fall back to it). Unknown placeholders are refused by the API
 * (400 VALIDATION_FAILED, issue code UNKNOWN_PLACEHOLDER naming it); forms check them with `unknownPlaceholders`.
 */
function frenchRequired<T extends z.ZodType<{ ar: string; fr: string; en: string }>>(schema: T, field: 'subject' | 'body') {
  return schema.superRefine((value, ctx) => {
    if (value.fr.trim() === '') ctx.addIssue({ code: 'custom', path: ['fr'], message: `The French ${field} is required (other languages fall back to it)` });
  });
}

/** Subject and body per language; an empty language falls back to French, which is required. */
export const ZDecisionTemplateRequest = z.strictObject({
  subject: frenchRequired(zLocalizedText(DECISION_SUBJECT_MAX), 'subject'),
  body: frenchRequired(zLocalizedText(DECISION_BODY_MAX), 'body'),
});
export type TDecisionTemplateRequest = z.input<typeof ZDecisionTemplateRequest>;

export const ZDecisionTemplate = z.object({
  outcome: ZDecisionOutcome,
  subject: ZLocalizedText,
  body: ZLocalizedText,
  /** false: nothing saved for this outcome yet; subject and body are a proposal to edit and save. */
  saved: z.boolean(),
  updatedAt: z.iso.datetime().nullable(),
});
export type TDecisionTemplate = z.infer<typeof ZDecisionTemplate>;

export const ZDecisionTemplateList = z.object({
  placeholders: z.array(z.enum(DECISION_TEMPLATE_PLACEHOLDERS)),
  /** One per outcome, WINNER first. */
  items: z.array(ZDecisionTemplate),
});
export type TDecisionTemplateList = z.infer<typeof ZDecisionTemplateList>;

/**
 * `POST /api/calls/{id}/decision-templates/{outcome}/preview`: the email for a real application of the
 * call, in the applicant's language (or `locale`), from the unsaved `subject`/`body` when given.
 */
export const ZDecisionPreviewRequest = z.strictObject({
  applicationId: z.uuid(),
  locale: ZLocale.optional(),
  subject: frenchRequired(zLocalizedText(DECISION_SUBJECT_MAX), 'subject').optional(),
  body: frenchRequired(zLocalizedText(DECISION_BODY_MAX), 'body').optional(),
});
export type TDecisionPreviewRequest = z.input<typeof ZDecisionPreviewRequest>;

export const ZDecisionPreview = z.object({
  locale: ZLocale,
  /** 'rtl' for Arabic. */
  dir: z.enum(['ltr', 'rtl']),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  /** A complete, escaped HTML document. */
  html: z.string(),
});
export type TDecisionPreview = z.infer<typeof ZDecisionPreview>;

// ---- Feedback opt-in and publication ----------------------------------------------------------------

/** `PUT /api/calls/{id}/feedback`: whether applicants see criterion means and shareable comments. */
export const ZFeedbackSettingRequest = z.strictObject({ enabled: z.boolean() });
export type TFeedbackSettingRequest = z.input<typeof ZFeedbackSettingRequest>;
export const ZFeedbackSetting = z.object({ feedbackEnabled: z.boolean() });

/**
 * `POST /api/calls/{id}/notify-decisions` body (optional). While the call still accepts applications,
 * publishing closes it at once: the API refuses (409 CONFLICT { reason: CALL_STILL_OPEN, closesAt, drafts })
 * unless `closeCallEarly` is true.
 */
export const ZPublishDecisionsRequest = z.strictObject({ closeCallEarly: z.boolean().optional() });
export type TPublishDecisionsRequest = z.input<typeof ZPublishDecisionsRequest>;

/** `POST /api/calls/{id}/notify-decisions`. Retrying publishes and queues nothing more. */
export const ZPublishDecisionsResult = z.object({
  /** Decisions published by this call. */
  published: z.number().int(),
  /** Emails queued by this call (one per applicant; none twice). */
  queued: z.number().int(),
  /** Decisions of the call published before this call. */
  alreadyPublished: z.number().int(),
  /** Outcomes whose emails used the proposed texts, their template never having been saved. */
  proposedTemplates: z.array(ZDecisionOutcome),
  /** Open rounds of the call closed by this publication. */
  roundsClosed: z.number().int(),
  /** Whether this publication closed the call before its deadline (the deadline is now the publication time). */
  callClosedEarly: z.boolean(),
});
export type TPublishDecisionsResult = z.infer<typeof ZPublishDecisionsResult>;

// ---- The applicant's view --------------------------------------------------------------------------

/** Criterion-level means and shareable jurors' comments; never a juror's identity, comments sorted by text. */
export const ZApplicationFeedback = z.object({
  criteria: z.array(z.object({ label: ZLocalizedText, mean: z.number(), scaleMin: z.number().int(), scaleMax: z.number().int() })),
  comments: z.array(z.string()),
});
export type TApplicationFeedback = z.infer<typeof ZApplicationFeedback>;

/** `GET /api/applications/{id}/outcome` (owner only): every field but `published` is null until publication. */
export const ZApplicationOutcome = z.object({
  published: z.boolean(),
  outcome: ZDecisionOutcome.nullable(),
  publishedAt: z.iso.datetime().nullable(),
  message: z.string().nullable(),
  /** null unless the call's feedback is enabled (and the decision published). */
  feedback: ZApplicationFeedback.nullable(),
});
export type TApplicationOutcome = z.infer<typeof ZApplicationOutcome>;
