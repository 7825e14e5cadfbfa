import type { TLocale } from '@tahkim/contracts';

/** Dates are shown in Morocco's time zone, as the foundations' deadlines are (Western digits in Arabic too). */
const INTL_LOCALES: Record<TLocale, string> = { ar: 'ar-MA', fr: 'fr-MA', en: 'en-GB' };
export const DISPLAY_TIME_ZONE = 'Africa/Casablanca';

export function formatDateTime(iso: string, locale: TLocale): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: DISPLAY_TIME_ZONE,
  }).format(new Date(iso));
}

export function formatDate(iso: string, locale: TLocale): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], { dateStyle: 'medium', timeZone: DISPLAY_TIME_ZONE }).format(
    new Date(iso),
  );
}

/** "A, B and C" in the language's own way ("A، B و C" in Arabic). */
export function formatList(items: readonly string[], locale: TLocale): string {
  return new Intl.ListFormat(INTL_LOCALES[locale], { type: 'conjunction' }).format(items);
}
