import { isRtl, type TCallStatus, type TLocale, type TLocalizedText } from '@tahkim/contracts';

/** The writing direction of a text in that language (Arabic inputs are right-to-left whatever the interface). */
export function textDirection(locale: TLocale): 'rtl' | 'ltr' {
  return isRtl(locale) ? 'rtl' : 'ltr';
}

export const CALL_STATUS_COLORS: Record<TCallStatus, string> = {
  DRAFT: 'gray',
  PUBLISHED: 'tahkim',
  CLOSED: 'orange',
  DECIDED: 'blue',
  ARCHIVED: 'dark',
};

/** A text in the reader's language, or in another one rather than nothing. */
export function localized(text: TLocalizedText | undefined, locale: TLocale): string {
  if (!text) return '';
  return text[locale] || text.fr || text.ar || text.en;
}
