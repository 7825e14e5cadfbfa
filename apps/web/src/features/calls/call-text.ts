import { DEFAULT_LOCALE, textIn, type TLocale, type TLocalizedText } from '@tahkim/contracts';

/** A call's own text in the visitor's language; a text left blank in that language falls back to French. */
export function localized(text: TLocalizedText | undefined, locale: TLocale): string {
  return textIn(text, locale);
}

/** Whether the text shown is not in the visitor's language (so the page can mark its `lang`). */
export function localizedLang(text: TLocalizedText | undefined, locale: TLocale): TLocale {
  if (!text || text[locale]?.trim()) return locale;
  if (text[DEFAULT_LOCALE].trim()) return DEFAULT_LOCALE;
  return (Object.keys(text) as TLocale[]).find((key) => text[key].trim()) ?? locale;
}
