import type { Page } from '@playwright/test';
import { isRtl, type TLocale } from '@tahkim/contracts';
import { signIn } from './support/app';
import { axeFindings } from './support/axe';
import { DEMO, expect, test, type Credentials } from './support/test';

const DEMO_CALL = 'innovation-sociale-2026';

interface Visit {
  who: 'visitor' | 'applicant' | 'juror' | 'staff';
  /** Paths of the pages to check; a function when they depend on the demo data's ids. */
  paths: (page: Page) => Promise<string[]>;
}

const accounts: Record<Exclude<Visit['who'], 'visitor'>, Credentials> = {
  applicant: DEMO.applicant,
  juror: DEMO.juror,
  staff: DEMO.staff,
};

async function json<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

/** The pages of the applicant, juror and staff flows, on the demo data. */
const VISITS: Visit[] = [
  { who: 'visitor', paths: async () => ['/', '/calls', `/calls/${DEMO_CALL}`, '/login', '/register', '/forgot-password'] },
  {
    who: 'applicant',
    paths: async (page) => {
      const mine = await json<{ items: Array<{ id: string }> } | Array<{ id: string }>>(page, '/api/applications/mine');
      const items = Array.isArray(mine) ? mine : mine.items;
      return ['/portal', ...items.slice(0, 1).map((item) => `/portal/applications/${item.id}`)];
    },
  },
  {
    who: 'juror',
    paths: async (page) => {
      const found = JSON.stringify(await json<unknown>(page, '/api/jury/assignments')).match(/"(?:assignmentId|id)":"([0-9a-f-]{36})"/);
      return ['/jury', ...(found ? [`/jury/assignments/${found[1]}`] : [])];
    },
  },
  {
    who: 'staff',
    paths: async (page) => {
      const calls = await json<{ items: Array<{ id: string }> }>(page, '/api/calls');
      const call = calls.items[0]!.id;
      const rounds = await json<{ items: Array<{ id: string }> } | Array<{ id: string }>>(page, `/api/calls/${call}/rounds`);
      const round = (Array.isArray(rounds) ? rounds : rounds.items)[0]!.id;
      const applications = await json<{ items: Array<{ id: string }> }>(page, `/api/calls/${call}/applications?pageSize=1`);
      return [
        '/admin',
        '/admin/calls',
        `/admin/calls/${call}`,
        `/admin/calls/${call}/form`,
        `/admin/calls/${call}/applications`,
        ...applications.items.slice(0, 1).map((item) => `/admin/applications/${item.id}`),
        `/admin/calls/${call}/rounds`,
        `/admin/rounds/${round}`,
        `/admin/rounds/${round}/ranking`,
        `/admin/calls/${call}/decisions`,
        '/admin/emails',
        '/admin/audit',
      ];
    },
  },
];

async function checkPages(page: Page, visit: Visit, checked: string[], violations: string[]): Promise<void> {
  for (const path of await visit.paths(page)) {
    await page.goto(path);
    await expect(page.getByRole('main').getByRole('heading', { level: 1 }).first()).toBeVisible({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    const lang = await page.locator('html').getAttribute('lang');
    checked.push(`${visit.who} ${lang} ${path}`);
    for (const finding of await axeFindings(page)) violations.push(`${lang} ${path}: ${finding}`);
  }
}

const LOCALES: TLocale[] = ['ar', 'fr', 'en'];
const WIDTHS = [360, 1280];

for (const width of WIDTHS) {
  for (const locale of LOCALES) {
    test(`no axe-core violation (WCAG 2.2 A/AA) on the public pages in ${locale} at ${width} px`, async ({ newPerson }, testInfo) => {
      const checked: string[] = [];
      const violations: string[] = [];
      const page = await newPerson({ locale, viewport: { width, height: 800 } });
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('dir', isRtl(locale) ? 'rtl' : 'ltr');
      await checkPages(page, VISITS[0]!, checked, violations);
      await testInfo.attach('pages checked', { body: checked.join('\n'), contentType: 'text/plain' });
      expect(checked.length).toBe(6);
      expect(violations).toEqual([]);
    });
  }

  for (const locale of LOCALES) {
    // The page's language is this browser's explicit choice, which leaves the demo accounts' own languages as they are.
    test(`no axe-core violation (WCAG 2.2 A/AA) on the applicant, juror and staff pages in ${locale} at ${width} px`, async ({ newPerson }, testInfo) => {
      test.setTimeout(240_000);
      const checked: string[] = [];
      const violations: string[] = [];
      for (const visit of VISITS.slice(1)) {
        const page = await newPerson({ viewport: { width, height: 800 } });
        await page.addInitScript((choice) => window.localStorage.setItem('tahkim.locale', choice), locale);
        await signIn(page, locale, accounts[visit.who as keyof typeof accounts]);
        await expect(page).not.toHaveURL(/\/login/);
        await checkPages(page, visit, checked, violations);
        expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      }
      await testInfo.attach('pages checked', { body: checked.join('\n'), contentType: 'text/plain' });
      expect(checked.length).toBeGreaterThanOrEqual(15);
      expect(violations).toEqual([]);
    });
  }
}
