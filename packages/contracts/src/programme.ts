import { z } from 'zod';
import { ZFieldKey } from './forms';
import { LOCALES } from './locale-codes';
import { ZDateTimeInput, ZWallClock } from './time-zone';

// ---- A call's support programme: milestones and impact indicators ----------------------------------

/** Whether a higher value of an indicator is progress (women trained) or a lower one (school drop-outs). */
export const INDICATOR_DIRECTIONS = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'] as const;
export const ZIndicatorDirection = z.enum(INDICATOR_DIRECTIONS);
export type TIndicatorDirection = z.infer<typeof ZIndicatorDirection>;

/**
 * How a project's values over its reports add up: SUM, each report gives what happened in its period (women
 * trained this period: the total is the sum); LATEST, each report gives the state at its date (monthly
 * revenue, jobs held: the latest value is the current one).
 */
export const INDICATOR_AGGREGATIONS = ['SUM', 'LATEST'] as const;
export const ZIndicatorAggregation = z.enum(INDICATOR_AGGREGATIONS);
export type TIndicatorAggregation = z.infer<typeof ZIndicatorAggregation>;

export const PROGRAMME_LIMITS = { milestones: 30, indicators: 20, title: 200, description: 2000, label: 200, unit: 40 } as const;

/** Per language, trimmed, each at most `max` characters; at least one language written when `required`. */
function zTexts(max: number, required: boolean) {
  const texts = z.strictObject({ ar: z.string().trim().max(max), fr: z.string().trim().max(max), en: z.string().trim().max(max) });
  return required ? texts.refine((text) => LOCALES.some((locale) => text[locale] !== ''), { message: 'Written in at least one language' }) : texts;
}

export const ZProgrammeMilestoneInput = z.strictObject({
  /** Stable across edits: reports and reminders refer to it. */
  key: ZFieldKey,
  title: zTexts(PROGRAMME_LIMITS.title, true),
  description: zTexts(PROGRAMME_LIMITS.description, false).optional(),
  /** Casablanca wall-clock time ("2027-03-31T23:59") or an ISO instant. */
  dueAt: ZDateTimeInput,
  /** Whether supported projects send a progress report for this milestone. */
  reportDue: z.boolean().default(true),
});
export type TProgrammeMilestoneInput = z.input<typeof ZProgrammeMilestoneInput>;

export const ZProgrammeIndicatorInput = z.strictObject({
  key: ZFieldKey,
  label: zTexts(PROGRAMME_LIMITS.label, true),
  /** "women", "MAD", "jobs"... per language; may be empty. */
  unit: zTexts(PROGRAMME_LIMITS.unit, false),
  /** What the foundation aims for by the end of the programme, per project; null: none. */
  target: z.number().finite().min(0).max(1e12).nullable(),
  direction: ZIndicatorDirection,
  aggregation: ZIndicatorAggregation,
});
export type TProgrammeIndicatorInput = z.input<typeof ZProgrammeIndicatorInput>;

/** `PUT /api/calls/{id}/programme` (staff): the whole programme, in order. `version` is the one read (0 before any). */
export const ZProgrammeRequest = z
  .strictObject({
    version: z.number().int().min(0),
    milestones: z.array(ZProgrammeMilestoneInput).max(PROGRAMME_LIMITS.milestones),
    indicators: z.array(ZProgrammeIndicatorInput).max(PROGRAMME_LIMITS.indicators),
  })
  .superRefine((programme, ctx) => {
    for (const list of ['milestones', 'indicators'] as const) {
      const seen = new Set<string>();
      programme[list].forEach((item, index) => {
        if (seen.has(item.key)) ctx.addIssue({ code: 'custom', path: [list, index, 'key'], message: 'Each key is used once' });
        seen.add(item.key);
      });
    }
  });
export type TProgrammeRequest = z.input<typeof ZProgrammeRequest>;

const ZTexts = z.object({ ar: z.string(), fr: z.string(), en: z.string() });

export const ZProgrammeMilestone = z.object({
  key: z.string(),
  title: ZTexts,
  description: ZTexts.nullable(),
  dueAt: z.iso.datetime(),
  dueAtLocal: ZWallClock,
  reportDue: z.boolean(),
});
export type TProgrammeMilestone = z.infer<typeof ZProgrammeMilestone>;

export const ZProgrammeIndicator = z.object({
  key: z.string(),
  label: ZTexts,
  unit: ZTexts,
  target: z.number().nullable(),
  direction: ZIndicatorDirection,
  aggregation: ZIndicatorAggregation,
});
export type TProgrammeIndicator = z.infer<typeof ZProgrammeIndicator>;

/** `GET /api/calls/{id}/programme` (staff): version 0 and empty lists before staff set it up. */
export const ZProgramme = z.object({
  callId: z.string(),
  version: z.number().int(),
  updatedAt: z.iso.datetime().nullable(),
  milestones: z.array(ZProgrammeMilestone),
  indicators: z.array(ZProgrammeIndicator),
});
export type TProgramme = z.infer<typeof ZProgramme>;
