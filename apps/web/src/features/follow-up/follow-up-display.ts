import type { TLocale, TProgrammeIndicator, TProgrammeMilestone } from '@tahkim/contracts';
import { formatNumber, formatPercent } from '../../lib/number-format';
import { localized } from '../call-admin/call-display';

/** One colour a milestone state, always shown with its words (and LATE filled): never colour alone. */
export { MILESTONE_STATE_COLORS as STATE_COLORS } from '../reports/milestone-state-colors';

export const milestoneTitle = (milestone: Pick<TProgrammeMilestone, 'key' | 'title'>, locale: TLocale) => localized(milestone.title, locale) || milestone.key;

export const indicatorLabel = (indicator: Pick<TProgrammeIndicator, 'key' | 'label'>, locale: TLocale) => localized(indicator.label, locale) || indicator.key;

/** "25 femmes", "12 000 MAD", "3,5" (no unit); null reads as an em dash. */
export function formatIndicatorValue(value: number | null, indicator: Pick<TProgrammeIndicator, 'unit'> | undefined, locale: TLocale): string {
  if (value === null) return '—';
  const unit = indicator ? localized(indicator.unit, locale) : '';
  const number = formatNumber(value, locale, { maxDigits: 2 });
  return unit ? `${number}\u00A0${unit}` : number;
}

/** A progress ratio (1 = target reached) as a percentage, "63 %". */
export const formatProgress = (progress: number, locale: TLocale) => formatPercent(progress * 100, locale);

/** The running figure of an indicator at each of the given milestones (null where no accepted report gave one). */
export function seriesAt(milestoneKeys: readonly string[], points: ReadonlyArray<{ milestoneKey: string; value: number | null; cumulative: number | null }>) {
  return milestoneKeys.map((key) => {
    const point = points.find((candidate) => candidate.milestoneKey === key);
    return { milestoneKey: key, value: point?.value ?? null, cumulative: point?.cumulative ?? null };
  });
}
