import { z } from 'zod';
import { ZApplicationStatus, ZAttachment } from './applications';
import { ZFormDefinition } from './forms';
import { ZLocalizedText } from './locales';
import { ZCriterion, ZRoundStatus } from './rounds';

// ---- Staff: jurors of a round ----------------------------------------------------------------

export const ZJurorProgress = z.object({ assigned: z.number().int(), draft: z.number().int(), submitted: z.number().int() });

export const ZRoundJuror = z.object({
  id: z.string().describe('Juror membership id'),
  userId: z.string(),
  displayName: z.string(),
  email: z.string(),
  organisation: z.string().nullable(),
  joinedAt: z.iso.datetime(),
  progress: ZJurorProgress,
  /** Keys of the call's topics the juror knows. */
  expertise: z.array(z.string()),
});
export type TRoundJuror = z.infer<typeof ZRoundJuror>;
export const ZRoundJurorList = z.object({
  items: z.array(ZRoundJuror),
  /** Invitations sent for this round and not yet accepted. */
  pendingInvitations: z.array(z.object({ id: z.string(), email: z.string(), expiresAt: z.iso.datetime() })),
});

/** Adds jurors to a round by email: existing accounts join at once, others are invited by email. */
export const ZAddJurorsRequest = z.strictObject({
  emails: z.array(z.string().trim().toLowerCase().pipe(z.email())).min(1).max(200),
  locale: z.enum(['ar', 'fr', 'en']).optional(),
});
export const ZAddJurorsResult = z.object({
  added: z.array(z.string()).describe('emails of accounts that joined the round now'),
  invited: z.array(z.string()).describe('emails invited by email'),
  alreadyMembers: z.array(z.string()),
});

/** Details of a 409 JUROR_HAS_WORK: what the juror has submitted in the round. */
export const ZJurorHasWorkDetails = z.object({
  scorecards: z.number().int().describe('submitted scorecards'),
  ballot: z.boolean().describe('whether their final ballot is submitted'),
});
export type TJurorHasWorkDetails = z.infer<typeof ZJurorHasWorkDetails>;

/**
 * The rounds the signed-in person sits on as a juror, with how many applications are assigned to them
 * (whatever the round's status): their home says which jury they joined even before work is assigned.
 */
export const ZJuryMembershipList = z.object({
  items: z.array(
    z.object({
      round: z.object({ id: z.string(), name: ZLocalizedText, type: z.enum(['SCORING', 'BALLOT']), status: ZRoundStatus, closesAt: z.iso.datetime().nullable() }),
      call: z.object({ id: z.string(), title: ZLocalizedText }),
      assigned: z.number().int(),
      /** Bidding is open: the juror may say which applications they would like to read. */
      biddingOpen: z.boolean(),
      /** How many topics the call has, how many of them the juror declared, how many bids they made. */
      topics: z.number().int(),
      expertise: z.number().int(),
      bids: z.number().int(),
    }),
  ),
});
export type TJuryMembershipList = z.infer<typeof ZJuryMembershipList>;

// ---- Conflicts of interest -------------------------------------------------------------------

export const CONFLICT_SOURCES = ['DECLARED', 'STAFF', 'SUGGESTED'] as const;
export const CONFLICT_STATUSES = ['PENDING', 'CONFIRMED', 'DISMISSED'] as const;
export const ZConflict = z.object({
  id: z.string(),
  jurorUserId: z.string(),
  jurorName: z.string(),
  applicationId: z.string(),
  applicationReference: z.string().nullable(),
  reason: z.string().nullable(),
  source: z.enum(CONFLICT_SOURCES),
  status: z.enum(CONFLICT_STATUSES),
  createdAt: z.iso.datetime(),
});
export type TConflict = z.infer<typeof ZConflict>;
export const ZConflictList = z.object({ items: z.array(ZConflict) });

/** A juror declares a conflict on an application of their list (before or after opening it). */
export const ZDeclareConflictRequest = z.strictObject({
  assignmentId: z.string().uuid(),
  reason: z.string().trim().min(1).max(1000),
});
/** Staff record a conflict, or confirm/dismiss a suggested one. */
export const ZStaffConflictRequest = z.strictObject({
  jurorUserId: z.string().uuid(),
  applicationId: z.string().uuid(),
  reason: z.string().trim().max(1000).optional(),
});
export const ZReviewConflictRequest = z.strictObject({ status: z.enum(['CONFIRMED', 'DISMISSED']) });

// ---- Assignments -----------------------------------------------------------------------------

export const ZAssignmentPair = z.strictObject({ jurorId: z.string().uuid(), applicationId: z.string().uuid() });
export const ZStaffAssignment = z.object({
  id: z.string(),
  jurorId: z.string(),
  applicationId: z.string(),
  scorecardStatus: z.enum(['NONE', 'DRAFT', 'SUBMITTED']),
});
export const ZRoundAssignments = z.object({
  jurors: z.array(z.object({ id: z.string(), displayName: z.string() })),
  applications: z.array(z.object({ id: z.string(), reference: z.string().nullable(), title: z.string().nullable() })),
  assignments: z.array(ZStaffAssignment),
  /** Confirmed conflicts, as juror/application pairs: never assignable. */
  conflicts: z.array(z.object({ jurorId: z.string(), applicationId: z.string() })),
  /**
   * Suggested conflicts staff have not settled (the juror's organisation is the application's): never
   * assigned automatically; assigning one by hand needs a confirmation, which dismisses the suggestion.
   */
  suggestions: z.array(z.object({ jurorId: z.string(), applicationId: z.string(), conflictId: z.string(), reason: z.string().nullable() })),
});
export type TRoundAssignments = z.infer<typeof ZRoundAssignments>;
/**
 * Replaces the round's assignments by hand. Pairs with a submitted scorecard cannot be removed. A new
 * pair with a pending suggested conflict is refused (409 SUGGESTED_CONFLICT, details.pairs) unless it is
 * listed in `confirmSuggestedConflicts`: staff saw the suggestion and assign anyway (it is dismissed).
 */
export const ZPutAssignmentsRequest = z.strictObject({
  assignments: z.array(ZAssignmentPair).max(100_000),
  confirmSuggestedConflicts: z.array(ZAssignmentPair).max(100_000).default([]),
});
export type TPutAssignmentsRequest = z.input<typeof ZPutAssignmentsRequest>;
/** Details of a 409 SUGGESTED_CONFLICT: the new pairs that go against a pending suggestion. */
export const ZSuggestedConflictDetails = z.object({
  pairs: z.array(z.object({ jurorId: z.string(), applicationId: z.string(), conflictId: z.string(), reason: z.string().nullable() })),
});
export type TSuggestedConflictDetails = z.infer<typeof ZSuggestedConflictDetails>;


// ---- Juror workspace -------------------------------------------------------------------------

export const SCORECARD_STATUSES = ['DRAFT', 'SUBMITTED'] as const;
export const ZScorecardStatus = z.enum(SCORECARD_STATUSES);

/** One line of a juror's list. In a blind round `title` is the project's name only if not identifying. */
export const ZJuryAssignment = z.object({
  id: z.string(),
  round: z.object({ id: z.string(), name: ZLocalizedText, status: ZRoundStatus, closesAt: z.iso.datetime().nullable(), blind: z.boolean() }),
  call: z.object({ id: z.string(), title: ZLocalizedText }),
  applicationLabel: z.string().describe('Reference, or a neutral label in a blind round'),
  title: z.string().nullable(),
  scorecardStatus: z.enum(['TO_DO', 'DRAFT', 'SUBMITTED']),
  weightedScore: z.number().nullable(),
  /** Added by a second look: staff asked for one more reading where the shortlist is least certain. */
  secondLook: z.boolean(),
});
export type TJuryAssignment = z.infer<typeof ZJuryAssignment>;
export const ZJuryAssignmentList = z.object({
  items: z.array(ZJuryAssignment),
  progress: z.object({ total: z.number().int(), submitted: z.number().int(), draft: z.number().int() }),
});

/**
 * The application as this juror may see it. In a blind round, identifying fields (and email, phone and
 * URL questions) are absent from the form and the answers; the applicant's names, organisation, emails,
 * phones and sites are masked wherever else they are written, with any other email or phone number; file
 * names are neutral and the files come without document metadata.
 */
export const ZJuryApplicationView = z.object({
  assignmentId: z.string(),
  applicationLabel: z.string(),
  blind: z.boolean(),
  status: ZApplicationStatus,
  form: ZFormDefinition,
  answers: z.record(z.string(), z.unknown()),
  attachments: z.array(ZAttachment),
  criteria: z.array(ZCriterion),
});
export type TJuryApplicationView = z.infer<typeof ZJuryApplicationView>;

export const ZScoreValue = z.object({ criterionId: z.string(), value: z.number().nullable(), comment: z.string().nullable() });
export const ZScorecard = z.object({
  assignmentId: z.string(),
  status: ZScorecardStatus,
  version: z.number().int(),
  values: z.array(ZScoreValue),
  overallComment: z.string().nullable(),
  commentShareable: z.boolean(),
  /** DESIGN.md rule 1, over the criteria with a value (the full score once every criterion is scored). */
  weightedScore: z.number().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  reopenedAt: z.iso.datetime().nullable(),
  reopenReason: z.string().nullable(),
});
export type TScorecard = z.infer<typeof ZScorecard>;

/** A draft save (autosave) of a scorecard, with the version it was based on. */
export const ZPutScorecardRequest = z.strictObject({
  version: z.number().int().min(1),
  values: z
    .array(z.strictObject({ criterionId: z.string().uuid(), value: z.number().finite().nullable(), comment: z.string().trim().max(5000).nullable().default(null) }))
    .max(30),
  overallComment: z.string().trim().max(10_000).nullable().default(null),
  commentShareable: z.boolean().default(false),
});
export type TPutScorecardRequest = z.input<typeof ZPutScorecardRequest>;
export const ZSubmitScorecardRequest = z.strictObject({ version: z.number().int().min(1) });
export const ZReopenScorecardRequest = z.strictObject({ reason: z.string().trim().min(3).max(1000) });

/** The juror's own scorecards (submitted and drafts) ordered by weighted score, best first. */
export const ZJuryRanking = z.object({
  items: z.array(z.object({ assignmentId: z.string(), applicationLabel: z.string(), title: z.string().nullable(), status: ZScorecardStatus, weightedScore: z.number().nullable(), rank: z.number().int().nullable() })),
});

// ---- Staff: progress -------------------------------------------------------------------------

export const ZRoundProgress = z.object({
  overall: z.object({ required: z.number().int(), submitted: z.number().int(), percent: z.number() }),
  jurors: z.array(z.object({ jurorId: z.string(), displayName: z.string(), assigned: z.number().int(), draft: z.number().int(), submitted: z.number().int() })),
  applications: z.array(z.object({ applicationId: z.string(), reference: z.string().nullable(), title: z.string().nullable(), submitted: z.number().int(), required: z.number().int() })),
});
export type TRoundProgress = z.infer<typeof ZRoundProgress>;
export const ZSendRemindersRequest = z.strictObject({ jurorIds: z.array(z.string().uuid()).max(500).optional() });
export const ZSendRemindersResult = z.object({ sent: z.number().int() });

// ---- Staff: what an application's files tell jurors of a blind round ---------------------------

/**
 * NAMES_APPLICANT: the file's text names the applicant (or gives contact details); CLEAR: its text was
 * read and does not; NO_TEXT: nothing to read (a scan, a photo); UNREADABLE: the file could not be opened.
 */
export const FILE_IDENTITY_STATUSES = ['NAMES_APPLICANT', 'CLEAR', 'NO_TEXT', 'UNREADABLE'] as const;
export const ZFileIdentityStatus = z.enum(FILE_IDENTITY_STATUSES);
export const ZFileIdentityCheck = z.object({
  attachmentId: z.string(),
  fieldKey: z.string(),
  fileName: z.string(),
  status: ZFileIdentityStatus,
  excerpts: z.array(z.string()).describe('Up to three passages of the text around what names the applicant'),
});
export type TFileIdentityCheck = z.infer<typeof ZFileIdentityCheck>;
export const ZApplicationFileIdentity = z.object({ items: z.array(ZFileIdentityCheck) });
export type TApplicationFileIdentity = z.infer<typeof ZApplicationFileIdentity>;
