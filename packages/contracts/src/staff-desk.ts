import { z } from 'zod';
import { ZApplicationStatus, ZScreeningRequest } from './applications';
import { ZCallStatus } from './calls';
import { ZLocalizedText } from './locales';
import { ZRoundStatus, ZRoundType } from './rounds';

/** The most applications one bulk screening may carry (a call's whole intake, page after page). */
export const BULK_SCREENING_MAX = 2000;

/**
 * Screens many applications of one call with one decision and one note, all or nothing. Before the
 * call's deadline the caller must say it knows that applications may still arrive (`acknowledgeEarly`, as when opening a round early).
 */
export const ZBulkScreeningRequest = ZScreeningRequest.extend({
  applicationIds: z.array(z.uuid()).min(1).max(BULK_SCREENING_MAX),
});
export type TBulkScreeningRequest = z.input<typeof ZBulkScreeningRequest>;

export const ZBulkScreeningResult = z.object({
  screened: z.number().int(),
  decision: ZScreeningRequest.shape.decision,
});
export type TBulkScreeningResult = z.infer<typeof ZBulkScreeningResult>;

/** Why a bulk screening was refused (409 CONFLICT `details.reason`), so the page can say it in words. */
export const BULK_SCREENING_REFUSALS = ['SCREENING_BEFORE_DEADLINE', 'NOT_SCREENABLE'] as const;

/** The screenable applications of a call matching a filter, in the table's order (for "select all" before a bulk screening). */
export const ZStaffApplicationIds = z.object({ ids: z.array(z.string()), total: z.number().int() });
export type TStaffApplicationIds = z.infer<typeof ZStaffApplicationIds>;

/**
 * Where one application sits in the staff table as filtered and sorted: the ones before and after it,
 * and the next one still waiting for screening (after it in that order, else from the top).
 */
export const ZApplicationNeighbours = z.object({
  /** 1-based place in the filtered list; null when the application no longer matches the filter. */
  position: z.number().int().nullable(),
  total: z.number().int(),
  previousId: z.string().nullable(),
  nextId: z.string().nullable(),
  nextPendingId: z.string().nullable(),
  pending: z.number().int(),
});
export type TApplicationNeighbours = z.infer<typeof ZApplicationNeighbours>;

/** Where a call stands, in the words staff use. */
export const CALL_PHASES = ['DRAFT', 'UPCOMING', 'OPEN', 'CLOSED', 'IN_REVIEW', 'DECIDING', 'DECIDED', 'ARCHIVED'] as const;
export const ZCallPhase = z.enum(CALL_PHASES);
export type TCallPhase = z.infer<typeof ZCallPhase>;

/** The one thing to do next on a call, with what the button needs. */
export const NEXT_STEPS = [
  'BUILD_FORM',
  'PUBLISH',
  'WAIT_FOR_OPENING',
  'WAIT_FOR_APPLICATIONS',
  'SCREEN',
  'CREATE_ROUND',
  'ADD_JURORS',
  'ASSIGN',
  'OPEN_ROUND',
  'REMIND_JURORS',
  'READ_RANKING',
  'READ_BALLOT',
  'PUBLISH_DECISIONS',
  'DONE',
] as const;
export const ZNextStep = z.enum(NEXT_STEPS);
export type TNextStep = z.infer<typeof ZNextStep>;

export const ZCallRoundSummary = z.object({
  id: z.string(),
  number: z.number().int(),
  name: ZLocalizedText,
  type: ZRoundType,
  status: ZRoundStatus,
  closesAt: z.iso.datetime().nullable(),
  /** Applications under evaluation in the round. */
  applications: z.number().int(),
  jurors: z.number().int(),
  assignments: z.number().int(),
  scorecardsSubmitted: z.number().int(),
  /** Applications with at least the round's required number of submitted scorecards. */
  applicationsScored: z.number().int(),
  scorecardsRequired: z.number().int(),
  ballotsSubmitted: z.number().int(),
});
export type TCallRoundSummary = z.infer<typeof ZCallRoundSummary>;

export const ZCallSummary = z.object({
  callId: z.string(),
  status: ZCallStatus,
  phase: ZCallPhase,
  opensAt: z.iso.datetime(),
  closesAt: z.iso.datetime(),
  /** By the server's clock: applications can no longer arrive. */
  deadlinePassed: z.boolean(),
  visibleQuestions: z.number().int(),
  counts: z.object({
    draft: z.number().int(),
    /** Every application ever submitted (whatever happened to it since). */
    submitted: z.number().int(),
    pendingScreening: z.number().int(),
    eligible: z.number().int(),
    ineligible: z.number().int(),
    withdrawn: z.number().int(),
    shortlisted: z.number().int(),
    /** Decisions recorded, and those already sent to the applicants. */
    decided: z.number().int(),
    decisionsPublished: z.number().int(),
    byStatus: z.partialRecord(ZApplicationStatus, z.number().int()),
  }),
  rounds: z.array(ZCallRoundSummary),
  next: z.object({
    step: ZNextStep,
    /** The round the step is about, if any. */
    roundId: z.string().nullable(),
    roundNumber: z.number().int().nullable(),
    /** How many applications, scorecards or decisions the step concerns. */
    count: z.number().int().nullable(),
  }),
});
export type TCallSummary = z.infer<typeof ZCallSummary>;
