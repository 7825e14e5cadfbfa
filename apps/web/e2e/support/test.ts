import { randomBytes, randomInt } from 'node:crypto';
import { test as base, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';

export { expect } from '@playwright/test';

/** The accounts of the demo data. Tests sign in with them but never change them or fail their sign-ins. */
export const DEMO = {
  staff: { email: 'staff@tahkim.example', password: 'Demo-staff-2026' },
  juror: { email: 'juror@tahkim.example', password: 'Demo-juror-2026' },
  applicant: { email: 'applicant@tahkim.example', password: 'Demo-applicant-2026' },
} as const;

export interface Credentials {
  email: string;
  password: string;
}

/** An address nobody else uses in this run, so every test creates its own people. */
export function uniqueEmail(who: string): string {
  return `${who}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}@e2e.tahkim.example`;
}

export function strongPassword(): string {
  return `E2e-${randomBytes(6).toString('hex')}`;
}

/**
 * Where a visitor browses from. The server trusts X-Forwarded-For from the test runner (TRUST_PROXY in
 * playwright.config.ts), so each test, and each extra person in it, has an address of its own and the
 * sign-in throttle (10 failures per address) one test trips does not lock out the others.
 */
function visitorAddress(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

interface Fixtures {
  /** Opens a browser window for another person: own cookies, own storage, own address. */
  newPerson: (options?: BrowserContextOptions) => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none here.
  extraHTTPHeaders: async ({}, use) => {
    await use({ 'X-Forwarded-For': visitorAddress() });
  },
  newPerson: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options = {}) => {
      // Contexts made in a test inherit the project's options (baseURL, locale, viewport).
      const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': visitorAddress() }, ...options });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});
