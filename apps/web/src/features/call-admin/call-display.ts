import { isRtl, type TCallStatus, type TLocale } from '@tahkim/contracts';

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
export { localized } from '../calls/call-text';
