import { isRtl, type TCallStatus, type TCallTopic, type TLocale } from '@tahkim/contracts';
import { localized } from '../calls/call-text';

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
export { localized };

/**
 * Names a call's topics in the reader's language. A key the call no longer defines (or a topic without
 * a name) is shown as the key itself rather than hidden.
 */
export function topicLabeller(topics: readonly Pick<TCallTopic, 'key' | 'label'>[], locale: TLocale): (key: string) => string {
  const names = new Map(topics.map((topic) => [topic.key, localized(topic.label, locale)]));
  return (key) => names.get(key) || key;
}
