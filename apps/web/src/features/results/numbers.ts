import type { TLocale } from '@tahkim/contracts';

const INTL_LOCALES: Record<TLocale, string> = { ar: 'ar-MA', fr: 'fr-MA', en: 'en-GB' };

/** A number with exactly `digits` decimals in the reader's language (Western digits in Arabic too, as elsewhere in the app). */
export function formatNumber(value: number, locale: TLocale, digits = 0): string {
  // A value that rounds to zero is shown as 0, not "-0,00".
  const shown = Number(value.toFixed(digits)) === 0 ? 0 : value;
  return new Intl.NumberFormat(INTL_LOCALES[locale], { numberingSystem: 'latn', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(shown);
}

export function formatPercentShare(percent: number, locale: TLocale): string {
  return new Intl.NumberFormat(INTL_LOCALES[locale], { numberingSystem: 'latn', style: 'percent', maximumFractionDigits: 0 }).format(percent / 100);
}
