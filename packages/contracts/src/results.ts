import { z } from 'zod';
import { ZApplicationStatus } from './applications';
import { ZEligibilitySuggestion } from './eligibility';
import { ZLocalizedText, zLocalizedText } from './locales';
import { ZRound, ZRoundStatus, ZRoundType } from './rounds';

// ---- Ranking of a round (DESIGN.md "Scoring and ranking", rules 2-9) ----------------------------

/** `?method=` of the ranking routes: the order of the list. Both methods' scores and ranks are always returned. */
export const RANKING_QUERY_METHODS = ['normalised', 'mean'] as const;
export const ZRankingQueryMethod = z.enum(RANKING_QUERY_METHODS);
export type TRankingQueryMethod = z.infer<typeof ZRankingQueryMethod>;
/** The page's filters of the ranking: a flag, or `none` for rows without any flag. */
export const RANKING_FLAG_FILTERS = ['INCOMPLETE', 'DISAGREEMENT', 'none'] as const;
export const ZRankingFlagFilter = z.enum(RANKING_FLAG_FILTERS);
export type TRankingFlagFilter = z.infer<typeof ZRankingFlagFilter>;
/** Most rows in one page of the ranking. */
export const RANKING_PAGE_LIMIT = 500;
/**
 * `method` orders the rows (default the round's). Without any other parameter the answer holds every
 * row (the cached whole ranking); with `limit`, `offset` or a filter it holds one page of the rows the
 * filters let through, in that order, and `page` says where it sits.
 */
export const ZRankingQuery = z.strictObject({
  method: ZRankingQueryMethod.optional(),
  flag: ZRankingFlagFilter.optional(),
  region: z.string().trim().min(1).max(100).optional(),
  eligibility: ZEligibilitySuggestion.optional(),
  offset: z.coerce.number().int().min(0).max(10_000_000).optional(),
  limit: z.coerce.number().int().min(1).max(RANKING_PAGE_LIMIT).optional(),
});
export type TRankingQuery = z.infer<typeof ZRankingQuery>;

/**
 * The shortlist tools' bulk selection over the whole ranking (whichever page is shown), among the rows
 * the filters let through: `top` (the N best ranks of `method`, ties at the cut included) or `threshold`
 * (a score to reach, in the method's units), one of them.
 */
export const ZRankingSelectionQuery = ZRankingQuery.pick({ method: true, flag: true, region: true, eligibility: true })
  .extend({
    top: z.coerce.number().int().min(1).max(100_000).optional(),
    threshold: z.coerce.number().min(-1_000).max(1_000).optional(),
  })
  .refine((query) => (query.top === undefined) !== (query.threshold === undefined), { path: ['top'], message: 'top or threshold, one of them' });
export type TRankingSelectionQuery = z.infer<typeof ZRankingSelectionQuery>;

/** The applications selected, best ranked first. */
export const ZRankingSelection = z.object({ applicationIds: z.array(z.string()) });
export type TRankingSelection = z.infer<typeof ZRankingSelection>;
/** The exports' query: with `size`, a column gives each application's chance of being in the top `size` (shortlist confidence). */
export const ZRankingExportQuery = z.strictObject({ method: ZRankingQueryMethod.optional(), size: z.coerce.number().int().min(1).max(100_000).optional() });

export const RANKING_FLAGS = ['INCOMPLETE', 'DISAGREEMENT'] as const;
export const ZRankingFlag = z.enum(RANKING_FLAGS);
export type TRankingFlag = z.infer<typeof ZRankingFlag>;

export const RELIABILITY_READINGS = ['GOOD', 'TENTATIVE', 'LOW'] as const;
export const ZReliabilityReading = z.enum(RELIABILITY_READINGS);

export const ZRankingCriterion = z.object({
  id: z.string(),
  key: z.string(),
  label: ZLocalizedText,
  weight: z.number(),
  scaleMin: z.number().int(),
  scaleMax: z.number().int(),
});

/** One application of the round with both methods' results. */
export const ZRankingRow = z.object({
  applicationId: z.string(),
  reference: z.string().nullable(),
  title: z.string().nullable(),
  status: ZApplicationStatus,
  /** The answer of the form's REGION field (a region code), when the form has one. */
  region: z.string().nullable(),
  eligibilitySuggestion: ZEligibilitySuggestion.nullable(),
  /** Rank under the method asked for (`method`); null = unranked (no submitted scorecard), listed last. */
  rank: z.number().int().nullable(),
  meanRank: z.number().int().nullable(),
  normalisedRank: z.number().int().nullable(),
  /** meanRank - normalisedRank: positive when normalisation moves the application up. Null when unranked. */
  rankDifference: z.number().int().nullable(),
  /** Rule 2: mean weighted score, 0-100. */
  meanScore: z.number().nullable(),
  /** Rule 3: mean of the juror z-scores. */
  normalisedScore: z.number().nullable(),
  /** Rule 7: sample standard deviation / sqrt(n) of the weighted scores; null where n < 2. */
  standardError: z.number().nullable(),
  /** Population standard deviation of the weighted scores (what DISAGREEMENT compares). */
  spread: z.number().nullable(),
  submitted: z.number().int().describe('Submitted scorecards'),
  required: z.number().int().describe("The round's required scorecards per application"),
  assigned: z.number().int().describe('Jurors assigned'),
  flags: z.array(ZRankingFlag),
  /** Rule 6: mean raw value per criterion, in the order of `criteria`; null without a submitted scorecard. */
  criterionMeans: z.array(z.number().nullable()),
  /** Already taken into a later round of the call (shortlisted). */
  advanced: z.boolean(),
});
export type TRankingRow = z.infer<typeof ZRankingRow>;

/** Rule 8: Krippendorff's alpha (interval); null when undefined (fewer than 2 pairable values, or no variation). */
export const ZReliability = z.object({
  alpha: z.number().nullable(),
  reading: ZReliabilityReading.nullable(),
  /** Applications with at least 2 submitted scorecards (the units alpha can use). */
  pairableUnits: z.number().int(),
  /** Values in those units. */
  pairableValues: z.number().int(),
});
export type TReliability = z.infer<typeof ZReliability>;

/** Rule 9: a juror's severity over the round's submitted scorecards. Staff only. */
export const ZJurorSeverity = z.object({
  jurorId: z.string(),
  displayName: z.string(),
  email: z.string(),
  count: z.number().int(),
  meanScore: z.number(),
  /** Population standard deviation of the juror's weighted scores (flat: near 0). */
  spread: z.number(),
  minScore: z.number(),
  maxScore: z.number(),
  /** Mean of the juror's z-scores (0 by construction of rule 3; shown because rule 9 names it). */
  meanZ: z.number(),
  /** Mean of (S - mean S of the other jurors on the same application): negative = harsher than co-jurors. */
  meanDeviationFromPeers: z.number().nullable(),
});
export type TJurorSeverity = z.infer<typeof ZJurorSeverity>;

export const ZRanking = z.object({
  round: ZRound.pick({ id: true, callId: true, number: true, name: true, type: true, status: true, method: true, scorecardsRequired: true, disagreementThreshold: true, blind: true }),
  /** The order of `items`. */
  method: ZRankingQueryMethod,
  criteria: z.array(ZRankingCriterion),
  /** Every application of the round, ranked first (by `method`, ties by reference), unranked last. */
  items: z.array(ZRankingRow),
  reliability: z.object({ overall: ZReliability, criteria: z.array(ZReliability.extend({ criterionId: z.string() })) }),
  jurors: z.array(ZJurorSeverity),
  totals: z.object({ applications: z.number().int(), ranked: z.number().int(), submittedScorecards: z.number().int(), draftScorecards: z.number().int() }),
  /** The round applications are advanced into (number + 1), if it exists. */
  nextRound: z.object({ id: z.string(), number: z.number().int(), name: ZLocalizedText, status: ZRoundStatus, submittedScorecards: z.number().int() }).nullable(),
  /** The form's region field key (for filters), null without one. */
  regionFieldKey: z.string().nullable(),
  /** The applications' mean scores (0-100) in 10-point bins, over the whole round. */
  distribution: z.array(z.object({ from: z.number().int(), to: z.number().int(), count: z.number().int() })),
  /** A page of the ranking (see the query): the rows the filters let through (`total`) and where `items` start. Absent for the whole ranking. */
  page: z.object({ offset: z.number().int(), limit: z.number().int().nullable(), total: z.number().int() }).optional(),
});
export type TRanking = z.infer<typeof ZRanking>;

// ---- Shortlist confidence (DESIGN.md "Shortlist confidence and second look") -------------------

/** `?size=` (the k best) or `?threshold=` (a score to reach, in the method's units), one of them; `?method=` as the ranking's. */
export const ZShortlistConfidenceQuery = z
  .strictObject({
    method: ZRankingQueryMethod.optional(),
    size: z.coerce.number().int().min(1).max(100_000).optional(),
    threshold: z.coerce.number().min(-1_000).max(1_000).optional(),
  })
  .refine((query) => (query.size === undefined) !== (query.threshold === undefined), { path: ['size'], message: 'size or threshold, one of them' });
export type TShortlistConfidenceQuery = z.infer<typeof ZShortlistConfidenceQuery>;

/** Each application's probability of being in the shortlist, over bootstrap resamples of the submitted scorecards. */
export const ZShortlistConfidence = z.object({
  roundId: z.string(),
  method: ZRankingQueryMethod,
  size: z.number().int().nullable(),
  threshold: z.number().nullable(),
  resamples: z.number().int(),
  seed: z.number().int(),
  /** Every application of the round; probability null without a submitted scorecard. */
  items: z.array(z.object({ applicationId: z.string(), probability: z.number().min(0).max(1).nullable() })),
});
export type TShortlistConfidence = z.infer<typeof ZShortlistConfidence>;

/** Every scorecard of one application in a round, with the jurors' identities: staff only. */
export const ZApplicationScorecard = z.object({
  scorecardId: z.string(),
  juror: z.object({ id: z.string(), userId: z.string(), displayName: z.string(), email: z.string() }),
  status: z.enum(['DRAFT', 'SUBMITTED']),
  submittedAt: z.iso.datetime().nullable(),
  weightedScore: z.number().nullable(),
  overallComment: z.string().nullable(),
  commentShareable: z.boolean(),
  values: z.array(z.object({ criterionId: z.string(), value: z.number(), comment: z.string().nullable(), shareable: z.boolean() })),
});
export type TApplicationScorecard = z.infer<typeof ZApplicationScorecard>;
export const ZApplicationScorecardList = z.object({
  application: z.object({ id: z.string(), reference: z.string().nullable(), title: z.string().nullable() }),
  criteria: z.array(ZRankingCriterion),
  /** Jurors assigned who have not started a scorecard yet. */
  notStarted: z.array(z.object({ jurorId: z.string(), displayName: z.string() })),
  items: z.array(ZApplicationScorecard),
});

// ---- Shortlisting: advancing applications into the next round -------------------------------------

/** Advance applications of a round into the next one (created when missing); they become SHORTLISTED. */
export const ZAdvanceRequest = z.strictObject({
  applicationIds: z.array(z.string().uuid()).min(1).max(10000),
  /** Round to advance into; default: the round numbered one more (created as a DRAFT copy of the settings when missing). */
  targetRoundId: z.string().uuid().optional(),
  /**
   * Or a new round to create for them (DRAFT, numbered after the call's last round): a SCORING round copies
   * this round's settings and criteria, a BALLOT round its settings only. Not with `targetRoundId`.
   */
  newRound: z.strictObject({ kind: ZRoundType, name: zLocalizedText(200).optional() }).optional(),
}).refine((body) => !(body.targetRoundId && body.newRound), { path: ['newRound'], message: 'targetRoundId or newRound, not both' });
export type TAdvanceRequest = z.input<typeof ZAdvanceRequest>;

/**
 * Why an advance cannot be undone: already undone; the target round has a submitted scorecard (or, in a
 * BALLOT round, a submitted ballot); or some of its applications were advanced further from the target
 * round by an advance still in force.
 */
export const ADVANCE_UNDO_BLOCKS = ['ALREADY_UNDONE', 'TARGET_HAS_SUBMITTED_SCORECARDS', 'ADVANCED_FURTHER'] as const;
export const ZAdvanceUndoBlock = z.enum(ADVANCE_UNDO_BLOCKS);
export type TAdvanceUndoBlock = z.infer<typeof ZAdvanceUndoBlock>;

/** One advance (a shortlist taken into a round), undoable while the target round has no submitted scorecard. */
export const ZAdvance = z.object({
  id: z.string(),
  fromRoundId: z.string(),
  toRoundId: z.string(),
  toRoundNumber: z.number().int(),
  /** The applications this advance took into the target round (not those already in it); kept after an undo. */
  applicationIds: z.array(z.string()),
  createdAt: z.iso.datetime(),
  createdBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  undoneAt: z.iso.datetime().nullable(),
  /** False once the target round has a submitted scorecard, or already undone. */
  undoable: z.boolean(),
  /** Why it cannot be undone (the `details.reason` the undo route answers with); null when undoable. */
  undoBlockedBy: ZAdvanceUndoBlock.nullable(),
});
export type TAdvance = z.infer<typeof ZAdvance>;
export const ZAdvanceResult = z.object({
  advance: ZAdvance,
  /** Applications newly taken into the target round. */
  added: z.number().int(),
  /** Applications that were already in it (left as they are). */
  alreadyIn: z.number().int(),
  /** True when the target round did not exist and was created (DRAFT, criteria copied) by this advance. */
  roundCreated: z.boolean(),
});
export type TAdvanceResult = z.infer<typeof ZAdvanceResult>;
export const ZAdvanceList = z.object({ items: z.array(ZAdvance) });
export type TAdvanceList = z.infer<typeof ZAdvanceList>;
