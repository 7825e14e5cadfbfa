import type { TLocale } from '@tahkim/contracts';
import { formatNumber as formatLocaleNumber, formatPercent } from '../../lib/number-format';

/** A number with exactly `digits` decimals in the reader's language (lib/number-format.ts). */
export function formatNumber(value: number, locale: TLocale, digits = 0): string {
  return formatLocaleNumber(value, locale, { digits });
}

/** A whole-percent share ("25 %", "25%"). */
export function formatPercentShare(percent: number, locale: TLocale): string {
  return formatPercent(percent, locale, 0);
}
