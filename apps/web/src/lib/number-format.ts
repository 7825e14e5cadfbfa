import type { TLocale } from '@tahkim/contracts';

/**
 * Numbers, amounts and percentages as each interface language writes them, the same in inputs and in
 * read-only views: Western digits in Arabic too (as Moroccan forms and banks write them), a comma for
 * decimals in Arabic and French, and thin no-break spaces between thousands ("150 000") rather than the
 * dot CLDR gives Morocco ("150.000"), which applicants would read as a decimal point.
 */
const INTL_NUMBER_LOCALES: Record<TLocale, string> = { ar: 'ar-MA', fr: 'fr-MA', en: 'en' };

/** A narrow no-break space: it keeps "150 000" on one line and is what French typography uses. */
const THIN_SPACE = '\u202F';

export interface NumberSeparators {
  decimal: string;
  thousands: string;
}

const SEPARATORS: Record<TLocale, NumberSeparators> = {
  ar: { decimal: ',', thousands: THIN_SPACE },
  fr: { decimal: ',', thousands: THIN_SPACE },
  en: { decimal: '.', thousands: ',' },
};

/** The separators number inputs use, so that what one types looks like what the views show. */
export function numberSeparators(locale: TLocale): NumberSeparators {
  return SEPARATORS[locale];
}

/** The Moroccan dirham as each language names it after an amount. */
const CURRENCY_UNIT: Record<TLocale, string> = { ar: 'درهم', fr: 'MAD', en: 'MAD' };

export function currencyUnit(locale: TLocale): string {
  return CURRENCY_UNIT[locale];
}

function format(value: number, locale: TLocale, options: Intl.NumberFormatOptions): string {
  const { decimal, thousands } = SEPARATORS[locale];
  // Intl gives the digits, rounding, signs and percent sign; the separators are the app's own.
  return new Intl.NumberFormat(INTL_NUMBER_LOCALES[locale], { numberingSystem: 'latn', ...options })
    .formatToParts(value)
    .map((part) => (part.type === 'group' ? thousands : part.type === 'decimal' ? decimal : part.value))
    .join('');
}

export interface NumberFormatOptions {
  /** Exactly this many decimals. */
  digits?: number;
  /** At most this many decimals (default 6), when `digits` is not given. */
  maxDigits?: number;
}

/** "150 000", "1 234,5" (fr/ar) or "150,000", "1,234.5" (en). A value that rounds to zero is 0, not "-0". */
export function formatNumber(value: number, locale: TLocale, options: NumberFormatOptions = {}): string {
  const { digits } = options;
  const max = digits ?? options.maxDigits ?? 6;
  const shown = Number(value.toFixed(Math.min(max, 20))) === 0 ? 0 : value;
  return format(shown, locale, { minimumFractionDigits: digits ?? 0, maximumFractionDigits: max });
}

/** "150 000 MAD", "150 000 درهم", "150,000 MAD": the amount then the unit, in every language. */
export function formatMoney(amount: number, locale: TLocale): string {
  return `${formatNumber(amount, locale, { maxDigits: 2 })}${'\u00A0'}${CURRENCY_UNIT[locale]}`;
}

/** A percentage given in percent (33.3 -> "33,3 %" / "33.3%"), at most `maxDigits` decimals. */
export function formatPercent(percent: number, locale: TLocale, maxDigits = 0): string {
  const shown = Number(percent.toFixed(maxDigits)) === 0 ? 0 : percent;
  return format(shown / 100, locale, { style: 'percent', maximumFractionDigits: maxDigits });
}
