import type { Page } from '@playwright/test';
import { isRtl, type TLocale } from '@tahkim/contracts';
import { createApplicant, signIn } from './support/app';
import { startDraft } from './support/apply';
import { axeFindings, CHECKED_WIDTHS } from './support/axe';
import { apiPerson, createPublishedCall, signInStaffApi } from './support/jury';
import { allowConsoleErrors, apiSettled, DEMO, expect, test, type Credentials } from './support/test';

const DEMO_CALL = 'innovation-sociale-2026';
const PREVIOUS_EDITION = 'innovation-sociale-2025';

interface Visit {
  who: 'visitor' | 'applicant' | 'winner' | 'juror' | 'staff';
  /** What the test calls this part of the app. */
  part: string;
  /** The fewest pages it must have checked. */
  pages: number;
  /** Paths of the pages to check; a function when they depend on the demo data's ids. */
  paths: (page: Page) => Promise<string[]>;
}

/**
 * Who signs in: the demo juror and staff; for the applicant, a new account of this test with a draft on
 * the demo call and an application submitted to a call of its own, so that every applicant page exists.
 */
async function account(visit: Visit, locale: TLocale, baseURL: string): Promise<Credentials> {
  if (visit.who === 'juror') return DEMO.juror;
  if (visit.who === 'staff') return DEMO.staff;
  // Last year's demo edition: a winner with a presentation, progress reports sent and one to write.
  if (visit.who === 'winner') return { email: 'recyclerie.sale@tahkim.example', password: DEMO.applicant.password };
  const staffApi = await signInStaffApi(baseURL);
  const call = await createPublishedCall(staffApi);
  await staffApi.dispose();
  const api = await apiPerson(baseURL);
  try {
    const applicant = await createApplicant(api, locale, 'axe');
    const demo = await api.get(`/api/calls/${DEMO_CALL}`);
    await startDraft(api, ((await demo.json()) as { id: string }).id, { project_name: 'Atelier « Main verte » · ورشة اليد الخضراء' });
    const draft = await startDraft(api, call.id, { project_title: 'Cuisine solidaire · مطبخ تضامني' });
    const submitted = await api.post(`/api/applications/${draft.id}/submit`, { data: { version: draft.version } });
    expect(submitted.status(), await submitted.text()).toBe(200);
    return applicant;
  } finally {
    await api.dispose();
  }
}

async function json<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  expect(response.status(), url).toBe(200);
  return (await response.json()) as T;
}

/** The pages of the applicant, juror and staff flows, on the demo data. */
const VISITS: Visit[] = [
  {
    who: 'visitor',
    part: 'public',
    pages: 9,
    paths: async () => ['/', '/calls', `/calls/${DEMO_CALL}`, '/login', '/register', '/forgot-password', '/reset-password', '/invitations/no-such-invitation', '/no-such-page'],
  },
  {
    who: 'applicant',
    part: "applicant's",
    pages: 4,
    paths: async (page) => {
      const mine = await json<{ items: Array<{ id: string; status: string }> } | Array<{ id: string; status: string }>>(page, '/api/applications/mine');
      const items = Array.isArray(mine) ? mine : mine.items;
      const draft = items.find((item) => item.status === 'DRAFT');
      const submitted = items.find((item) => item.status !== 'DRAFT');
      return [
        '/portal',
        ...(draft ? [`/portal/applications/${draft.id}`] : []),
        ...(submitted ? [`/portal/applications/${submitted.id}`, `/portal/applications/${submitted.id}/submitted`] : []),
      ];
    },
  },
  {
    who: 'juror',
    part: "juror's",
    pages: 4,
    paths: async (page) => {
      const assignments = JSON.stringify(await json<unknown>(page, '/api/jury/assignments'));
      const found = assignments.match(/"(?:assignmentId|id)":"([0-9a-f-]{36})"/);
      const round = assignments.match(/"round":\{"id":"([0-9a-f-]{36})"/);
      // The round's preparation page too: expertise, and wishes when bidding is open.
      return ['/jury', ...(found ? [`/jury/assignments/${found[1]}`] : []), ...(round ? [`/jury/rounds/${round[1]}/ranking`, `/jury/rounds/${round[1]}/bidding`] : [])];
    },
  },
  {
    who: 'staff',
    part: "staff's call",
    pages: 8,
    paths: async (page) => {
      const { call } = await demoIds(page);
      const applications = await json<{ items: Array<{ id: string }> }>(page, `/api/calls/${call}/applications?pageSize=1`);
      return [
        '/admin',
        '/admin/calls',
        '/admin/calls/new',
        // The call's home, then its settings.
        `/admin/calls/${call}`,
        `/admin/calls/${call}/settings`,
        `/admin/calls/${call}/form`,
        `/admin/calls/${call}/applications`,
        ...applications.items.slice(0, 1).map((item) => `/admin/applications/${item.id}`),
      ];
    },
  },
  {
    who: 'staff',
    part: "staff's decision and administration",
    pages: 6,
    paths: async (page) => {
      const { call } = await demoIds(page);
      return [`/admin/calls/${call}/rounds`, `/admin/calls/${call}/decisions`, `/admin/calls/${call}/decisions/templates`, '/admin/invitations', '/admin/emails', '/admin/audit'];
    },
  },
  {
    who: 'winner',
    part: "winner's",
    pages: 3,
    paths: async (page) => {
      const mine = await json<{ items: Array<{ id: string; call: { slug: string } }> }>(page, '/api/applications/mine');
      const application = mine.items.find((item) => item.call.slug === PREVIOUS_EDITION)!.id;
      // The late mid-term report (to write) and the accepted first one (to read).
      return [`/portal/applications/${application}`, `/portal/applications/${application}/reports/midterm`, `/portal/applications/${application}/reports/first_cohort`];
    },
  },
  {
    who: 'staff',
    part: "staff's after-decision",
    pages: 5,
    paths: async (page) => {
      const edition = await editionId(page);
      const followUp = await json<{ projects: Array<{ applicationId: string; milestones: Array<{ key: string; status: string | null }> }> }>(page, `/api/calls/${edition}/follow-up`);
      const waiting = followUp.projects.flatMap((project) => project.milestones.filter((milestone) => milestone.status === 'SUBMITTED').map((milestone) => `/admin/applications/${project.applicationId}/reports/${milestone.key}`));
      return [
        `/admin/calls/${edition}/announcement`,
        `/admin/calls/${edition}/programme`,
        `/admin/calls/${edition}/programme/report-form`,
        `/admin/calls/${edition}/follow-up`,
        ...waiting.slice(0, 1),
      ];
    },
  },
  {
    who: 'staff',
    part: "staff's round",
    pages: 7,
    paths: async (page) => {
      const { round } = await demoIds(page);
      return [
        `/admin/rounds/${round}`,
        ...['criteria', 'jurors', 'conflicts', 'assignment', 'progress'].map((tab) => `/admin/rounds/${round}?tab=${tab}`),
        `/admin/rounds/${round}/ranking`,
      ];
    },
  },
];

/** Last year's demo edition, decided: its winners are announced and followed. */
async function editionId(page: Page): Promise<string> {
  return (await json<{ id: string }>(page, `/api/calls/${PREVIOUS_EDITION}`)).id;
}

/** The demo call and its first round. */
async function demoIds(page: Page): Promise<{ call: string; round: string }> {
  const calls = await json<{ items: Array<{ id: string; slug: string }> }>(page, '/api/calls');
  const call = (calls.items.find((item) => item.slug === DEMO_CALL) ?? calls.items[0]!).id;
  const rounds = await json<{ items: Array<{ id: string }> } | Array<{ id: string }>>(page, `/api/calls/${call}/rounds`);
  return { call, round: (Array.isArray(rounds) ? rounds : rounds.items)[0]!.id };
}

/** Each page at a phone's width and at a laptop's (the window resized on the page), checked with axe-core. */
async function checkPages(page: Page, visit: Visit, checked: string[], violations: string[]): Promise<void> {
  for (const path of await visit.paths(page)) {
    await page.goto(path);
    const heading = page.getByRole('main').getByRole('heading', { level: 1 }).first();
    await expect(heading).toBeVisible({ timeout: 15_000 });
    await apiSettled(page);
    const lang = await page.locator('html').getAttribute('lang');
    for (const width of CHECKED_WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      await expect(heading).toBeVisible();
      checked.push(`${visit.who} ${lang} ${width} px ${path}`);
      for (const finding of await axeFindings(page)) violations.push(`${lang} ${width} px ${path}: ${finding}`);
    }
  }
}

const LOCALES: TLocale[] = ['ar', 'fr', 'en'];

for (const locale of LOCALES) {
  test(`no axe-core violation (WCAG 2.2 A/AA) on the public pages in ${locale} at 360 and 1280 px`, async ({ newPerson }, testInfo) => {
    test.setTimeout(120_000);
    const checked: string[] = [];
    const violations: string[] = [];
    const page = await newPerson({ locale });
    // The unknown invitation's page is checked on purpose: the API refuses its token (400).
    allowConsoleErrors(page, /status of 400 \(Bad Request\) at \S+\/api\/invitations\/no-such-invitation$/u);
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('dir', isRtl(locale) ? 'rtl' : 'ltr');
    await checkPages(page, VISITS[0]!, checked, violations);
    await testInfo.attach('pages checked', { body: checked.join('\n'), contentType: 'text/plain' });
    expect(checked.length).toBe(VISITS[0]!.pages * CHECKED_WIDTHS.length);
    expect(violations).toEqual([]);
  });

  for (const visit of VISITS.slice(1)) {
    // The page's language is this browser's explicit choice, which leaves the demo accounts' own languages as they are.
    test(`no axe-core violation (WCAG 2.2 A/AA) on the ${visit.part} pages in ${locale} at 360 and 1280 px`, async ({ newPerson, baseURL }, testInfo) => {
      test.setTimeout(240_000);
      const checked: string[] = [];
      const violations: string[] = [];
      const page = await newPerson();
      await page.addInitScript((choice) => {
        // Init scripts also run in the sandboxed email previews, where storage is out of reach.
        if (window === window.top) window.localStorage.setItem('tahkim.locale', choice);
      }, locale);
      await signIn(page, locale, await account(visit, locale, baseURL!));
      await expect(page).not.toHaveURL(/\/login/);
      await checkPages(page, visit, checked, violations);
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      await testInfo.attach('pages checked', { body: checked.join('\n'), contentType: 'text/plain' });
      expect(checked.length).toBe(visit.pages * CHECKED_WIDTHS.length);
      expect(violations).toEqual([]);
    });
  }
}
