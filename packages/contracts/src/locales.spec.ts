import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_MESSAGES, ERROR_HTTP_STATUS } from './errors';
import { LOCALES, pickLocale } from './locales';
import { ZLoginRequest, ZRegisterRequest } from './auth';

describe('pickLocale', () => {
  it.each([
    ['ar-MA,ar;q=0.9,fr;q=0.8', 'ar'],
    ['fr-FR', 'fr'],
    ['de-DE,en;q=0.5,fr;q=0.7', 'fr'],
    ['en;q=0.1, ar;q=0.2', 'ar'],
    ['de, es', undefined],
    ['ar;q=0', undefined],
    ['', undefined],
  ])('%s -> %s', (header, expected) => {
    expect(pickLocale(header)).toBe(expected);
  });
});

describe('error codes', () => {
  it('have a status and a message in every language', () => {
    for (const code of ERROR_CODES) {
      expect(ERROR_HTTP_STATUS[code]).toBeGreaterThanOrEqual(400);
      for (const locale of LOCALES) expect(ERROR_MESSAGES[code][locale].length).toBeGreaterThan(5);
    }
  });
});

describe('auth schemas', () => {
  it('normalise emails and refuse unknown fields', () => {
    expect(ZLoginRequest.parse({ email: ' Salma@Fondation.MA ', password: 'x' }).email).toBe('salma@fondation.ma');
    expect(ZRegisterRequest.safeParse({ email: 'a@b.ma', password: 'long-enough', displayName: 'A', roles: ['ADMIN'] }).success).toBe(false);
    expect(ZRegisterRequest.safeParse({ email: 'a@b.ma', password: 'short', displayName: 'A' }).success).toBe(false);
  });
});
