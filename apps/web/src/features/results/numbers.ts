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

/** A difference with its sign: "+4,5", "−12,0", "0,0" (a value that rounds to zero has no sign). */
export function formatSignedNumber(value: number, locale: TLocale, digits = 0): string {
  const magnitude = formatNumber(Math.abs(value), locale, digits);
  if (Number(Math.abs(value).toFixed(digits)) === 0) return magnitude;
  return `${value < 0 ? '\u2212' : '+'}${magnitude}`;
}
