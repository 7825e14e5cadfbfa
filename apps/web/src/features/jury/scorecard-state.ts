import type { TCriterion, TLocale, TScorecard } from '@tahkim/contracts';
import { formatNumber } from '../../lib/number-format';
import { roundedShares } from '../../lib/shares';
import type { TScorecardSave } from './jury-api';
import { weightedScore } from '@tahkim/scoring';

/** What the scorecard form holds: a value and a comment per criterion, and the overall comment. */
export interface ScorecardDraft {
  values: Record<string, number | null>;
  comments: Record<string, string>;
  overallComment: string;
  commentShareable: boolean;
}

export function draftFrom(scorecard: TScorecard, criteria: readonly TCriterion[]): ScorecardDraft {
  const byId = new Map(scorecard.values.map((entry) => [entry.criterionId, entry]));
  return {
    values: Object.fromEntries(criteria.map((criterion) => [criterion.id, byId.get(criterion.id)?.value ?? null])),
    comments: Object.fromEntries(criteria.map((criterion) => [criterion.id, byId.get(criterion.id)?.comment ?? ''])),
    overallComment: scorecard.overallComment ?? '',
    commentShareable: scorecard.commentShareable,
  };
}

/** The PUT body for a draft, in the criteria's order (blank comments are sent as null). */
export function saveBody(draft: ScorecardDraft, criteria: readonly TCriterion[], version: number): TScorecardSave {
  return {
    version,
    values: criteria.map((criterion) => ({
      criterionId: criterion.id,
      value: draft.values[criterion.id] ?? null,
      comment: draft.comments[criterion.id]?.trim() ? (draft.comments[criterion.id] ?? null) : null,
    })),
    overallComment: draft.overallComment.trim() ? draft.overallComment : null,
    commentShareable: draft.commentShareable,
  };
}

/** Criteria in the round's order. */
export function orderedCriteria(criteria: readonly TCriterion[]): TCriterion[] {
  return [...criteria].sort((a, b) => a.position - b.position);
}

/** DESIGN.md rule 1 over the criteria scored so far (null when none is). */
export function liveScore(criteria: readonly TCriterion[], draft: Pick<ScorecardDraft, 'values'>): number | null {
  return weightedScore(criteria, draft.values);
}

/** "72,5" / "72.5": one decimal, as the interface language writes numbers (lib/number-format.ts). */
export function formatScore(score: number, locale: TLocale): string {
  return formatNumber(score, locale, { digits: 1 });
}

/** Each criterion's share of the total weight in whole percents that add up to exactly 100. */
export function sharesById(criteria: readonly TCriterion[]): Record<string, number> {
  const shares = roundedShares(criteria.map((criterion) => criterion.weight));
  return Object.fromEntries(criteria.map((criterion, index) => [criterion.id, shares[index] ?? 0]));
}

/** Criteria still without a value: submitting requires every one (DESIGN.md rule 10). */
export function missingCriteria(criteria: readonly TCriterion[], draft: Pick<ScorecardDraft, 'values'>): TCriterion[] {
  return criteria.filter((criterion) => {
    const value = draft.values[criterion.id];
    return value === null || value === undefined || value < criterion.scaleMin || value > criterion.scaleMax;
  });
}

/** Scales short enough to show every value as a button; longer ones get a number input. */
export const MAX_SEGMENTS = 11;
export function scaleValues(criterion: Pick<TCriterion, 'scaleMin' | 'scaleMax'>): number[] {
  const values: number[] = [];
  for (let value = criterion.scaleMin; value <= criterion.scaleMax; value += 1) values.push(value);
  return values;
}

/**
 * Typing digits on a focused criterion: "4" sets 4; on a 0..10 scale "1" then "0" typed quickly
 * sets 10. The typed digits are kept while they can still grow into a value of the scale.
 */
export function typeDigit(
  buffer: string,
  digit: string,
  scale: Pick<TCriterion, 'scaleMin' | 'scaleMax'>,
): { buffer: string; value: number | null } {
  const inScale = (text: string) => {
    const value = Number(text);
    return text !== '' && Number.isInteger(value) && value >= scale.scaleMin && value <= scale.scaleMax ? value : null;
  };
  const joined = buffer + digit;
  const joinedValue = inScale(joined);
  if (buffer && joinedValue !== null) return { buffer: joined, value: joinedValue };
  return { buffer: digit, value: inScale(digit) };
}

/** Arrow keys: up and the reading direction's "forward" raise the value; kept within the scale. */
export function stepValue(current: number | null, delta: number, scale: Pick<TCriterion, 'scaleMin' | 'scaleMax'>): number {
  if (current === null) return delta > 0 ? scale.scaleMin : scale.scaleMax;
  return Math.min(scale.scaleMax, Math.max(scale.scaleMin, current + delta));
}
