import { randomBytes, randomInt } from 'node:crypto';
import { test as base, expect, type BrowserContext, type BrowserContextOptions, type ConsoleMessage, type Page, type Request } from '@playwright/test';

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

/** How a CSP violation is reported: never allowed. */
const CSP_VIOLATION = '[CSP violation]';

/** Console errors a test expects on a page, e.g. the browser's line for a refusal the test provokes. */
const allowances = new WeakMap<Page, RegExp[]>();

/**
 * Lets `page` log console errors matching `pattern`: for a test whose flow ends in an error answer on
 * purpose (a 409 conflict, a 429 throttle...), the browser logs "Failed to load resource: the server
 * responded with a status of 409" for it. The pattern is matched against the message followed by
 * the URL it is about (`Failed to load resource: ... status of 409 (Conflict) at http://.../api/...`),
 * so make it name both the status and the route. CSP violations and uncaught errors are never allowed.
 */
export function allowConsoleErrors(page: Page, pattern: RegExp): void {
  allowances.set(page, [...(allowances.get(page) ?? []), pattern]);
}

function describeMessage(message: ConsoleMessage): string {
  const { url, lineNumber } = message.location();
  return url ? `${message.text()} at ${url}${lineNumber ? `:${lineNumber}` : ''}` : message.text();
}

/**
 * The email previews are sandboxed frames without scripts, on purpose: when a test's tools (the
 * language init script, axe-core) try to run in one, Chrome says it refused them. That is the sandbox
 * working, not an error of the app.
 */
const SANDBOX_REFUSED_TOOLS = /^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed and the 'allow-scripts' permission is not set\. at about:srcdoc$/u;

function isAllowed(page: Page | null, line: string): boolean {
  if (SANDBOX_REFUSED_TOOLS.test(line)) return true;
  if (!page) return false;
  return (allowances.get(page) ?? []).some((pattern) => pattern.test(line));
}

/**
 * Reports the page's CSP violations, even those a script caught (zod's probe for `eval` is one), from
 * the browser's own issue list: a script injected into the page could not run in sandboxed frames.
 */
async function watchCspViolations(page: Page, problems: string[]): Promise<void> {
  const session = await page.context().newCDPSession(page);
  session.on('Audits.issueAdded', ({ issue }) => {
    const details = issue.details.contentSecurityPolicyIssueDetails;
    if (issue.code !== 'ContentSecurityPolicyIssue' || !details) return;
    const blocked = details.blockedURL ?? details.contentSecurityPolicyViolationType;
    const where = details.sourceCodeLocation ? ` in ${details.sourceCodeLocation.url}:${details.sourceCodeLocation.lineNumber + 1}` : '';
    problems.push(`${CSP_VIOLATION} ${details.violatedDirective} refused ${blocked}${where}`);
  });
  // Issues raised before this point are sent on enabling, so a violation while the page loads is not missed.
  await session.send('Audits.enable');
}

/** Collects every console error, uncaught page error and CSP violation of the context's pages. */
function watchConsole(context: BrowserContext, problems: string[]): void {
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const line = describeMessage(message);
    if (!isAllowed(message.page(), line)) problems.push(line);
  });
  context.on('weberror', (error) => {
    problems.push(`Uncaught ${error.error().stack ?? error.error().message}`);
  });
  context.on('page', (page) => {
    watching.set(page, watchCspViolations(page, problems));
    trackApiCalls(page);
  });
}

/** The page's calls to the API still under way, and since when none has been. */
const apiCalls = new WeakMap<Page, { pending: Set<Request>; quietSince: number }>();

function trackApiCalls(page: Page): void {
  const state = { pending: new Set<Request>(), quietSince: Date.now() };
  apiCalls.set(page, state);
  page.on('request', (request) => {
    if (request.resourceType() === 'fetch' || request.resourceType() === 'xhr') state.pending.add(request);
  });
  const ended = (request: Request) => {
    if (state.pending.delete(request) && state.pending.size === 0) state.quietSince = Date.now();
  };
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
}

/**
 * Waits until the page has made no call to the API for `quietMs` (its data loaded, the queries it
 * starts once loaded answered too). Playwright's 'networkidle' also waits for the sandboxed email
 * preview frames and module preloads, and on a busy machine it sometimes never comes.
 */
export async function apiSettled(page: Page, quietMs = 500): Promise<void> {
  const state = apiCalls.get(page);
  if (!state) throw new Error('apiSettled: this page was not opened through the test fixtures');
  await expect
    .poll(() => state.pending.size === 0 && Date.now() - state.quietSince >= quietMs, { message: "the page's calls to the API end", timeout: 30_000, intervals: [100] })
    .toBe(true);
}

/** The CSP watch of each page, awaited before the page is used (see the `page` fixture). */
const watching = new WeakMap<Page, Promise<void>>();

interface Fixtures {
  /** Opens a browser window for another person: own cookies, own storage, own address. */
  newPerson: (options?: BrowserContextOptions) => Promise<Page>;
  /**
   * What the pages of the test logged as errors: the test fails when it is not empty at the end.
   * A flow that expects an error answer says so with `allowConsoleErrors`.
   */
  consoleErrors: string[];
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none here.
  extraHTTPHeaders: async ({}, use) => {
    await use({ 'X-Forwarded-For': visitorAddress() });
  },
  consoleErrors: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern: none here.
    async ({}, use, testInfo) => {
      const problems: string[] = [];
      await use(problems);
      // Checked after every page has closed, so an error logged while the test ended is counted too.
      if (problems.length > 0 && testInfo.status === testInfo.expectedStatus) {
        throw new Error(`The pages logged ${problems.length} error(s) to the console:\n${problems.map((line) => `  - ${line}`).join('\n')}`);
      }
      if (problems.length > 0) await testInfo.attach('console errors', { body: problems.join('\n'), contentType: 'text/plain' });
    },
    { auto: true },
  ],
  context: async ({ context, consoleErrors }, use) => {
    watchConsole(context, consoleErrors);
    await use(context);
  },
  page: async ({ page }, use) => {
    await watching.get(page);
    await use(page);
  },
  newPerson: async ({ browser, consoleErrors }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options = {}) => {
      // Contexts made in a test inherit the project's options (baseURL, locale, viewport).
      const context = await browser.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': visitorAddress() }, ...options });
      watchConsole(context, consoleErrors);
      contexts.push(context);
      const page = await context.newPage();
      await watching.get(page);
      return page;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});
