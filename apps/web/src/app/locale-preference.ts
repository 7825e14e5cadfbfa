import { DEFAULT_LOCALE, isLocale, pickLocale, type TLocale } from '@tahkim/contracts';

/**
 * How the interface language is chosen and remembered:
 *
 * 1. A choice made with the language switcher is this browser's explicit choice (localStorage) and
 *    always wins on this browser, signed in or not.
 * 2. Without an explicit choice, the first visit follows `navigator.languages` when it names a
 *    supported language, else French.
 * 3. Signed-in people also have a saved language on their account (used for their emails too).
 *    When the browser has no explicit choice, the account's language is adopted after sign-in.
 * 4. Switching while signed in saves the choice to the account at once. Switching while signed out
 *    is marked "not yet saved to an account": the next sign-in saves it to that account, since it is
 *    the person's latest explicit choice (someone who picks Arabic on the sign-in page wants Arabic
 *    emails too). An older explicit choice never overwrites the account on later sign-ins.
 */
const CHOICE_KEY = 'tahkim.locale';
const UNSAVED_KEY = 'tahkim.locale.unsaved';

function storage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    // Storage can be disabled (privacy settings): the choice then lasts for the page's lifetime only.
    return undefined;
  }
}

export function explicitLocale(): TLocale | undefined {
  const value = storage()?.getItem(CHOICE_KEY);
  return isLocale(value) ? value : undefined;
}

export function browserLocale(): TLocale | undefined {
  if (typeof navigator === 'undefined') return undefined;
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  return pickLocale(languages.filter(Boolean).join(','));
}

export function initialLocale(): TLocale {
  return explicitLocale() ?? browserLocale() ?? DEFAULT_LOCALE;
}

export function rememberExplicitLocale(locale: TLocale, options: { savedToAccount: boolean }): void {
  const store = storage();
  store?.setItem(CHOICE_KEY, locale);
  if (options.savedToAccount) store?.removeItem(UNSAVED_KEY);
  else store?.setItem(UNSAVED_KEY, '1');
}

/** The explicit choice made while signed out that no account has received yet, if any. */
export function unsavedExplicitLocale(): TLocale | undefined {
  return storage()?.getItem(UNSAVED_KEY) ? explicitLocale() : undefined;
}

export function markExplicitLocaleSaved(): void {
  storage()?.removeItem(UNSAVED_KEY);
}

/** The cookie that tells the server which language to render a page in (the language last shown here). */
export const LOCALE_COOKIE = 'tahkim.locale';

export function rememberLocaleForServer(locale: TLocale): void {
  if (typeof document === 'undefined') return;
  if (document.cookie.split('; ').includes(`${LOCALE_COOKIE}=${locale}`)) return;
  document.cookie = `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
