import type { TLocale } from '@tahkim/contracts';

export interface SignInLocaleInput {
  /** This browser's explicit choice (language switcher), if any. */
  explicit: TLocale | undefined;
  /** True when that explicit choice was made signed out and no account has received it yet. */
  unsaved: boolean;
  /** The language saved on the account that just signed in. */
  account: TLocale;
}

export interface SignInLocaleDecision {
  /** The language the interface shows from now on. */
  display: TLocale;
  /** Save this language to the account (PATCH /api/auth/me), when set. */
  saveToAccount?: TLocale;
}

/**
 * The rules of `app/locale-preference.ts` when a session starts: the browser's explicit choice wins
 * the display; a choice not yet saved to any account is saved to this one; without an explicit
 * choice, the account's language is adopted.
 */
export function decideLocaleOnSignIn({ explicit, unsaved, account }: SignInLocaleInput): SignInLocaleDecision {
  if (!explicit) return { display: account };
  if (unsaved && explicit !== account) return { display: explicit, saveToAccount: explicit };
  return { display: explicit };
}
