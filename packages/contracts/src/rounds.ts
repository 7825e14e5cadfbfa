import { z } from 'zod';
import { ZFieldKey } from './forms';
import { ZLocalizedText, zLocalizedText } from './locales';
import { ZDateTimeInput, ZWallClock } from './time-zone';

export const ROUND_TYPES = ['SCORING', 'BALLOT'] as const;
export const ZRoundType = z.enum(ROUND_TYPES);
export const ROUND_STATUSES = ['DRAFT', 'OPEN', 'CLOSED'] as const;
export const ZRoundStatus = z.enum(ROUND_STATUSES);
export type TRoundStatus = z.infer<typeof ZRoundStatus>;
export const RANKING_METHODS = ['NORMALISED', 'MEAN'] as const;
export const ZRankingMethod = z.enum(RANKING_METHODS);

/** An evaluation round of a call. Round 1 is created with the call. */
export const ZRound = z.object({
  id: z.string(),
  callId: z.string(),
  number: z.number().int(),
  name: ZLocalizedText,
  type: ZRoundType,
  status: ZRoundStatus,
  /** Blind: jurors never receive the applicant's identifying answers, in any response. */
  blind: z.boolean(),
  scorecardsRequired: z.number().int(),
  disagreementThreshold: z.number(),
  method: ZRankingMethod,
  instructions: ZLocalizedText.nullable(),
  opensAt: z.iso.datetime().nullable(),
  closesAt: z.iso.datetime().nullable(),
  /** The dates as Casablanca's clocks read them (server-computed). */
  opensAtLocal: ZWallClock.nullable(),
  closesAtLocal: ZWallClock.nullable(),
  /** True once a scorecard has been submitted: the criteria are then fixed (or reset, audited). */
  criteriaLocked: z.boolean(),
  counts: z.object({ applications: z.number().int(), jurors: z.number().int(), assignments: z.number().int(), submitted: z.number().int() }),
});
export type TRound = z.infer<typeof ZRound>;
export const ZRoundList = z.object({ items: z.array(ZRound) });

const roundFields = {
  name: zLocalizedText(200),
  blind: z.boolean(),
  scorecardsRequired: z.number().int().min(1).max(20),
  disagreementThreshold: z.number().min(0).max(100),
  method: ZRankingMethod,
  instructions: zLocalizedText(5000).nullable(),
  /** Wall-clock time in Africa/Casablanca ("2027-01-15T18:00") or an absolute instant. */
  opensAt: ZDateTimeInput.nullable(),
  closesAt: ZDateTimeInput.nullable(),
  status: ZRoundStatus,
};
export const ZCreateRoundRequest = z.strictObject({
  ...roundFields,
  type: ZRoundType.default('SCORING'),
  blind: roundFields.blind.default(true),
  scorecardsRequired: roundFields.scorecardsRequired.default(3),
  disagreementThreshold: roundFields.disagreementThreshold.default(15),
  method: roundFields.method.default('NORMALISED'),
  instructions: roundFields.instructions.default(null),
  opensAt: roundFields.opensAt.default(null),
  closesAt: roundFields.closesAt.default(null),
  status: roundFields.status.default('DRAFT'),
});
export type TCreateRoundRequest = z.input<typeof ZCreateRoundRequest>;
export const ZUpdateRoundRequest = z.strictObject(roundFields).partial();
export type TUpdateRoundRequest = z.input<typeof ZUpdateRoundRequest>;

/** A weighted criterion. Its share of the total weight is shown to staff and jurors as a percentage. */
export const ZCriterion = z.object({
  id: z.string(),
  key: z.string(),
  label: ZLocalizedText,
  guidance: ZLocalizedText.nullable(),
  weight: z.number(),
  scaleMin: z.number().int(),
  scaleMax: z.number().int(),
  position: z.number().int(),
});
export type TCriterion = z.infer<typeof ZCriterion>;
export const ZCriterionList = z.object({ items: z.array(ZCriterion), locked: z.boolean() });

export const ZCriterionInput = z
  .strictObject({
    key: ZFieldKey,
    label: zLocalizedText(300),
    guidance: zLocalizedText(5000).nullable().default(null),
    weight: z.number().positive().max(1000),
    scaleMin: z.number().int().min(-100).max(100),
    scaleMax: z.number().int().min(-100).max(100),
  })
  .refine((c) => c.scaleMax > c.scaleMin, { path: ['scaleMax'], message: 'scaleMax must be greater than scaleMin' });
/** Replaces the round's criteria (order = array order). Refused once a scorecard is submitted unless `reset`. */
export const ZPutCriteriaRequest = z
  .strictObject({
    criteria: z.array(ZCriterionInput).min(1).max(30),
    /** Explicit, audited reset: allowed after submissions, reopens every submitted scorecard of the round. */
    reset: z.boolean().default(false),
  })
  .superRefine((body, ctx) => {
    const keys = body.criteria.map((c) => c.key);
    keys.forEach((key, index) => {
      if (keys.indexOf(key) !== index) ctx.addIssue({ code: 'custom', path: ['criteria', index, 'key'], message: 'duplicate criterion key' });
    });
  });
export type TPutCriteriaRequest = z.input<typeof ZPutCriteriaRequest>;

/** Each criterion's share of the total weight, in percent (rounded for display by the caller). */
export function weightShares(criteria: ReadonlyArray<{ weight: number }>): number[] {
  const total = criteria.reduce((sum, c) => sum + (Number.isFinite(c.weight) && c.weight > 0 ? c.weight : 0), 0);
  return criteria.map((c) => (total > 0 && c.weight > 0 ? (100 * c.weight) / total : 0));
}
