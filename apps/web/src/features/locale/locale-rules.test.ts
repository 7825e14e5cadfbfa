import { describe, expect, it } from 'vitest';
import { decideLocaleOnSignIn } from './locale-rules';

describe('language at sign-in', () => {
  it("adopts the account's language when the browser has no explicit choice", () => {
    expect(decideLocaleOnSignIn({ explicit: undefined, unsaved: false, account: 'ar' })).toEqual({ display: 'ar' });
  });

  it("keeps the browser's explicit choice without overwriting the account", () => {
    expect(decideLocaleOnSignIn({ explicit: 'en', unsaved: false, account: 'ar' })).toEqual({ display: 'en' });
  });

  it('saves a choice made while signed out to the account that signs in', () => {
    expect(decideLocaleOnSignIn({ explicit: 'ar', unsaved: true, account: 'fr' })).toEqual({
      display: 'ar',
      saveToAccount: 'ar',
    });
    expect(decideLocaleOnSignIn({ explicit: 'fr', unsaved: true, account: 'fr' })).toEqual({ display: 'fr' });
  });
});
