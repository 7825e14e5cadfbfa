import { z } from 'zod';
import { ZLocalizedText } from './locales';

/**
 * Final ballot round (DESIGN.md "Final ballot"): each juror orders the round's applications from best
 * to worst; staff read the Schulze order with Borda points beside it and the pairwise matrix.
 */

export const BALLOT_STATUSES = ['DRAFT', 'SUBMITTED'] as const;
export const ZBallotStatus = z.enum(BALLOT_STATUSES);
export type TBallotStatus = z.infer<typeof ZBallotStatus>;

/** Where a juror stands on a ballot: not opened yet, a saved draft, or submitted. */
export const ZBallotProgress = z.enum(['TO_DO', 'DRAFT', 'SUBMITTED']);
export type TBallotProgress = z.infer<typeof ZBallotProgress>;

/** One line of the juror's list of final ballots (OPEN rounds of type BALLOT they sit on). */
export const ZJuryBallotRound = z.object({
  roundId: z.string(),
  name: ZLocalizedText,
  call: z.object({ id: z.string(), title: ZLocalizedText }),
  closesAt: z.iso.datetime().nullable(),
  status: ZBallotProgress,
  submittedAt: z.iso.datetime().nullable(),
});
export type TJuryBallotRound = z.infer<typeof ZJuryBallotRound>;
export const ZJuryBallotRoundList = z.object({ items: z.array(ZJuryBallotRound) });
export type TJuryBallotRoundList = z.infer<typeof ZJuryBallotRoundList>;

/** An application to order. In a blind round `title` is the project's name only if not identifying, masked. */
export const ZBallotCandidate = z.object({
  applicationId: z.string(),
  applicationLabel: z.string().describe('Reference of the application'),
  title: z.string().nullable(),
});
export type TBallotCandidate = z.infer<typeof ZBallotCandidate>;

/** The juror's ballot: `order` lists every application they may order, best first. */
export const ZBallot = z.object({
  status: ZBallotStatus,
  version: z.number().int(),
  order: z.array(z.string()),
  comment: z.string().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  /** False until the juror first saves: `order` is then a default order (by reference). */
  saved: z.boolean(),
});
export type TBallot = z.infer<typeof ZBallot>;

/** A finalist the juror has a conflict of interest with: left out of their ballot. */
export const ZBallotConflict = z.object({
  applicationId: z.string(),
  applicationLabel: z.string().describe('Reference of the application'),
  reason: z.string().nullable(),
});
export type TBallotConflict = z.infer<typeof ZBallotConflict>;

/** The ballot round as its juror sees it: the applications to order (conflicts left out) and their ballot. */
export const ZJuryBallot = z.object({
  round: z.object({ id: z.string(), name: ZLocalizedText, instructions: ZLocalizedText.nullable(), closesAt: z.iso.datetime().nullable(), blind: z.boolean() }),
  call: z.object({ id: z.string(), title: ZLocalizedText }),
  candidates: z.array(ZBallotCandidate),
  ballot: ZBallot,
  /** The round's finalists the juror is conflicted on, by reference. */
  conflicts: z.array(ZBallotConflict),
});
export type TJuryBallot = z.infer<typeof ZJuryBallot>;

/** A draft save (autosave): the full order, best first, with the version it was based on. */
export const ZPutBallotRequest = z.strictObject({
  version: z.number().int().min(1),
  order: z.array(z.string().uuid()).max(1000),
  comment: z.string().trim().max(5000).nullable().default(null),
});
export type TPutBallotRequest = z.input<typeof ZPutBallotRequest>;
export const ZSubmitBallotRequest = z.strictObject({ version: z.number().int().min(1) });
export type TSubmitBallotRequest = z.input<typeof ZSubmitBallotRequest>;
export const ZReopenBallotRequest = z.strictObject({ reason: z.string().trim().min(3).max(1000) });
/**
 * The juror declares a conflict of interest with one of the ballot's finalists: it leaves their ballot
 * (draft or submitted) at once, and every other assignment of theirs to that application.
 */
export const ZDeclareBallotConflictRequest = z.strictObject({
  applicationId: z.string().uuid(),
  reason: z.string().trim().min(1).max(1000),
});
export type TDeclareBallotConflictRequest = z.input<typeof ZDeclareBallotConflictRequest>;
export type TReopenBallotRequest = z.input<typeof ZReopenBallotRequest>;

// ---- Staff: the result ------------------------------------------------------------------------

export const ZBallotResultRow = z.object({
  applicationId: z.string(),
  reference: z.string().nullable(),
  title: z.string().nullable(),
  /** Schulze rank: 1 + the number of applications that beat this one; an unresolved tie shares it. */
  rank: z.number().int(),
  /** Borda points: n-1 for a juror's first, down to 0 (n = the length of that juror's ballot). */
  borda: z.number().int(),
  /** Applications this one beats by strongest path. */
  wins: z.number().int(),
});
export type TBallotResultRow = z.infer<typeof ZBallotResultRow>;

export const ZBallotJuror = z.object({
  jurorId: z.string(),
  displayName: z.string(),
  status: ZBallotProgress,
  submittedAt: z.iso.datetime().nullable(),
  /** The juror's order, best first (applications they are conflicted on are absent); empty when not started. */
  order: z.array(z.string()),
  /** Applications this juror is conflicted on (left out of their ballot). */
  conflicts: z.array(z.string()),
});
export type TBallotJuror = z.infer<typeof ZBallotJuror>;

/** The result of a ballot round, over SUBMITTED ballots only. Matrices are indexed like `candidates`. */
export const ZBallotResult = z.object({
  round: z.object({ id: z.string(), callId: z.string(), name: ZLocalizedText, status: z.string() }),
  candidates: z.array(z.object({ applicationId: z.string(), reference: z.string().nullable(), title: z.string().nullable() })),
  /** pairwise[i][j]: submitted ballots ranking candidate i above candidate j. */
  pairwise: z.array(z.array(z.number().int())),
  /** strongest[i][j]: strength of the strongest path from i to j; i beats j when it exceeds strongest[j][i]. */
  strongest: z.array(z.array(z.number().int())),
  /** Every candidate by Schulze rank, then Borda points. */
  ranking: z.array(ZBallotResultRow),
  submitted: z.number().int(),
  jurors: z.array(ZBallotJuror),
});
export type TBallotResult = z.infer<typeof ZBallotResult>;
