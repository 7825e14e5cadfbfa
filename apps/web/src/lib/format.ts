import type { TLocale } from '@tahkim/contracts';
import { formatInCasablanca } from './time-zone';

/**
 * Dates are shown in Morocco's time, as the foundations' deadlines are, with the server's time-zone
 * data (lib/time-zone.ts), never the browser's.
 */
const INTL_LOCALES: Record<TLocale, string> = { ar: 'ar-MA', fr: 'fr-MA', en: 'en-GB' };

export function formatDateTime(iso: string, locale: TLocale): string {
  return formatInCasablanca(iso, INTL_LOCALES[locale], { dateStyle: 'long', timeStyle: 'short' });
}

export function formatDate(iso: string, locale: TLocale): string {
  return formatInCasablanca(iso, INTL_LOCALES[locale], { dateStyle: 'medium' });
}

const listFormats = new Map<TLocale, Intl.ListFormat>();

/** "A, B and C" in the language's own way ("A، B و C" in Arabic). */
export function formatList(items: readonly string[], locale: TLocale): string {
  let format = listFormats.get(locale);
  if (!format) {
    // Building a formatter loads the language's patterns: slow on a phone, so once per language.
    format = new Intl.ListFormat(INTL_LOCALES[locale], { type: 'conjunction' });
    listFormats.set(locale, format);
  }
  return format.format(items);
}

/** A calendar date answer ("2025-03-01", no time of day, so no time zone): "1 mars 2025", "1 March 2025". */
export function formatCalendarDate(isoDate: string, locale: TLocale): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  // A draft may hold a date still being typed: shown as typed.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate) || Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], { dateStyle: 'long', timeZone: 'UTC', numberingSystem: 'latn' }).format(date);
}
