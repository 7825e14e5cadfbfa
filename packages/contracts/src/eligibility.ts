import { z } from 'zod';
import type { TAnswers } from './answers';
import { ZFieldKey } from './forms';

/**
 * Automatic eligibility rules of a call: they only pre-sort submitted applications into likely
 * eligible / likely ineligible; staff confirm every screening decision.
 */
export const ZEligibilityRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('IN_LIST'), fieldKey: ZFieldKey, values: z.array(z.string().min(1)).min(1).max(200) }),
  z.strictObject({ kind: z.literal('AT_MOST'), fieldKey: ZFieldKey, max: z.number().finite() }),
  z.strictObject({ kind: z.literal('AT_LEAST'), fieldKey: ZFieldKey, min: z.number().finite() }),
]);
export type TEligibilityRule = z.infer<typeof ZEligibilityRule>;
export const ZEligibilityRules = z.array(ZEligibilityRule).max(50);

export const ELIGIBILITY_SUGGESTIONS = ['ELIGIBLE', 'INELIGIBLE', 'UNSURE'] as const;
export const ZEligibilitySuggestion = z.enum(ELIGIBILITY_SUGGESTIONS);
export type TEligibilitySuggestion = z.infer<typeof ZEligibilitySuggestion>;

export interface EligibilityResult {
  suggestion: TEligibilitySuggestion;
  /** The rules an application fails, or cannot be judged on (unanswered), by index. */
  failed: number[];
  unanswered: number[];
}

/** INELIGIBLE when a rule fails; UNSURE when none fails but one could not be checked; else ELIGIBLE. */
export function evaluateEligibility(rules: readonly TEligibilityRule[], answers: TAnswers): EligibilityResult {
  const failed: number[] = [];
  const unanswered: number[] = [];
  rules.forEach((rule, index) => {
    const value = answers[rule.fieldKey];
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
      unanswered.push(index);
      return;
    }
    let ok: boolean;
    switch (rule.kind) {
      case 'IN_LIST':
        ok = Array.isArray(value) ? value.some((v) => rule.values.includes(String(v))) : rule.values.includes(String(value));
        break;
      case 'AT_MOST':
        ok = typeof value === 'number' && value <= rule.max;
        break;
      case 'AT_LEAST':
        ok = typeof value === 'number' && value >= rule.min;
        break;
    }
    if (!ok) failed.push(index);
  });
  const suggestion = failed.length > 0 ? 'INELIGIBLE' : unanswered.length > 0 ? 'UNSURE' : 'ELIGIBLE';
  return { suggestion, failed, unanswered };
}
