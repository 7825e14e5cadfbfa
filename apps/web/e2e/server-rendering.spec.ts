import type { TLocale } from '@tahkim/contracts';
import type { APIRequestContext } from '@playwright/test';
import { expectLanguage, switchLanguage } from './support/app';
import { applyTexts, DEMO_CALL_SLUG } from './support/apply';
import { texts } from './support/locales';
import { apiPerson } from './support/jury';
import { DEMO, expect, test } from './support/test';

/**
 * The public pages come with their content in the HTML the server sends: a visitor on a slow link
 * reads the call before any script has run, and a link shared on a social network shows a preview.
 * The browser then takes the page over (hydration) without a console error and without redrawing it.
 */

const CALL_PAGE = `/calls/${DEMO_CALL_SLUG}`;

interface PublicCall {
  title: Record<TLocale, string>;
  summary: Record<TLocale, string>;
  closesAt: string;
  closesAtLocal: { dateTime: string; offset: string };
}

async function publicCall(api: APIRequestContext): Promise<PublicCall> {
  const answer = await api.get(`/api/calls/${DEMO_CALL_SLUG}`);
  expect(answer.status(), await answer.text()).toBe(200);
  return (await answer.json()) as PublicCall;
}

/** The page as the server sends it, read as text: no script runs. */
async function rawPage(api: APIRequestContext, path: string, headers: Record<string, string> = {}) {
  const answer = await api.get(path, { headers: { accept: 'text/html', ...headers } });
  return { status: answer.status(), headers: answer.headers(), html: await answer.text() };
}

/** Text as it appears in HTML (the server escapes what markup would read). */
function inHtml(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;').replace(/'/gu, '&#x27;');
}

function metaContent(html: string, attribute: 'name' | 'property', key: string): string | undefined {
  return new RegExp(`<meta ${attribute}="${key}" content="([^"]*)"`, 'u').exec(html)?.[1];
}

test("the call's page is in the HTML: title, deadline and link preview, in Arabic from the language cookie", async ({ request }) => {
  const call = await publicCall(request);
  const { status, headers, html } = await rawPage(request, CALL_PAGE, { cookie: 'tahkim.locale=ar', 'accept-language': 'en' });
  expect(status).toBe(200);
  expect(headers['content-type']).toMatch(/^text\/html/u);
  expect(headers.vary).toMatch(/cookie/iu);
  expect(html).toContain('<html lang="ar" dir="rtl">');
  expect(html).toContain(`<title>${inHtml(texts.ar.common.documentTitle.replace('{{page}}', call.title.ar))}</title>`);
  expect(metaContent(html, 'property', 'og:title')).toBe(inHtml(call.title.ar));
  expect(metaContent(html, 'property', 'og:locale')).toBe('ar_MA');
  expect(metaContent(html, 'name', 'twitter:card')).toBe('summary');
  expect(metaContent(html, 'name', 'description')).toBeTruthy();

  const root = /<div id="root">([\s\S]*)<\/div>\s*<script type="application\/json" id="tahkim-state">/u.exec(html)?.[1] ?? '';
  expect(root).toMatch(new RegExp(`<h1[^>]*>${inHtml(call.title.ar)}</h1>`, 'u'));
  // The deadline, in Morocco's time as the server computed it, with its zone named.
  const deadline = new RegExp(`<time dateTime="${call.closesAt}">([^<]*)</time>`, 'u').exec(root)?.[1];
  const [, time] = call.closesAtLocal.dateTime.split('T');
  expect(deadline).toContain(time);
  expect(deadline).toContain(`UTC${call.closesAtLocal.offset}`);
  expect(root).toContain(inHtml(applyTexts.ar.calls.page.closesAt));
});

test('without a language cookie, the page follows the browser’s languages, else French', async ({ request }) => {
  const call = await publicCall(request);
  const english = await rawPage(request, CALL_PAGE, { 'accept-language': 'en-GB,en;q=0.8' });
  expect(english.html).toContain('<html lang="en" dir="ltr">');
  expect(english.html).toContain(inHtml(call.title.en));
  const other = await rawPage(request, '/calls', { 'accept-language': 'de' });
  expect(other.html).toContain('<html lang="fr" dir="ltr">');
  expect(other.html).toMatch(new RegExp(`<h1[^>]*>${inHtml(applyTexts.fr.calls.list.heading)}</h1>`, 'u'));
  expect(metaContent(other.html, 'property', 'og:url')).toMatch(/\/calls$/u);
});

test('an unknown call answers 404 with the page that says so; other pages are rendered in the browser, sent with their shell', async ({ request }) => {
  const unknown = await rawPage(request, '/calls/no-such-call', { cookie: 'tahkim.locale=fr' });
  expect(unknown.status).toBe(404);
  expect(unknown.html).toContain(inHtml(texts.fr.common.notFound.heading));

  // The header in the page's language and the loading indicator; no state: the browser renders the page.
  const signIn = await rawPage(request, '/login', { cookie: 'tahkim.locale=ar' });
  expect(signIn.status).toBe(200);
  expect(signIn.html).toContain('<html lang="ar" dir="rtl">');
  expect(signIn.html).toMatch(/<div id="root"><div class="site-body"><header class="site-header">/u);
  expect(signIn.html).toContain(inHtml(texts.ar.common.app.name));
  expect(signIn.html).toContain(`>${inHtml(applyTexts.ar.calls.nav.link)}</a>`);
  expect(signIn.html).toContain('role="status"');
  expect(signIn.html).not.toContain('tahkim-state');
  // A path the app does not know is index.html as built.
  const other = await rawPage(request, '/no-such-page');
  expect(other.html).toContain('<div id="root"></div>');
});

test("a signed-in applicant's form shows the header with their links before any script has run", async ({ browser, baseURL }) => {
  const api = await apiPerson(baseURL!);
  const signedIn = await api.post('/api/auth/login', { data: DEMO.applicant });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  const { cookies } = await api.storageState();
  await api.dispose();
  // A phone: the header's menu button shows.
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'fr-FR', viewport: { width: 360, height: 740 } });
  try {
    await context.addCookies(cookies);
    const page = await context.newPage();
    const answer = await page.goto('/portal/applications/00000000-0000-7000-8000-000000000000');
    expect(answer?.headers()['cache-control']).toBe('private, no-cache');
    const header = page.getByRole('banner');
    await expect(header.getByRole('link', { name: texts.fr.common.app.name })).toBeVisible();
    // On a phone the links are in the menu; they are in the HTML all the same.
    await expect(header.getByRole('link', { name: texts.fr.common.nav.portal, includeHidden: true })).toBeAttached();
    await expect(page.getByRole('main').getByRole('status')).toBeAttached();
    // Nothing there acts before the app does: the menu button waits, disabled.
    await expect(header.getByRole('button')).toBeDisabled();
  } finally {
    await context.close();
  }
});

test('with scripts off, a visitor reads the call and its deadline', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, locale: 'fr-FR' });
  try {
    const page = await context.newPage();
    const call = await publicCall(page.request);
    await page.goto(CALL_PAGE);
    await expect(page.getByRole('heading', { level: 1, name: call.title.fr })).toBeVisible();
    await expect(page.locator(`time[datetime="${call.closesAt}"]`)).toBeVisible();
  } finally {
    await context.close();
  }
});

test('the browser takes the calls list over: the language switcher works and links navigate without reloading', async ({ page }) => {
  const call = await publicCall(page.request);
  await page.goto('/calls');
  await expectLanguage(page, 'fr');
  await expect(page.getByRole('heading', { level: 1, name: applyTexts.fr.calls.list.heading })).toBeVisible();
  await page.evaluate(() => {
    (window as { sameDocument?: boolean }).sameDocument = true;
  });

  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 1, name: applyTexts.en.calls.list.heading })).toBeVisible();

  // The call's page, rendered in the browser this time: its texts with the Markdown renderer, loaded then.
  await page.getByRole('link', { name: call.title.en }).first().click();
  await expect(page).toHaveURL(new RegExp(`${CALL_PAGE}$`, 'u'));
  await expect(page.getByRole('heading', { level: 1, name: call.title.en })).toBeVisible();
  await expect(page).toHaveTitle(texts.en.common.documentTitle.replace('{{page}}', call.title.en));
  await expect(page.locator('[data-call-markdown]').first().locator('p').first()).toBeVisible();
  expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
});

test("the call's page is taken over as the server rendered it, without downloading the Markdown renderer", async ({ page }) => {
  const call = await publicCall(page.request);
  // The countdown shows the seconds left as of its first render: the browser's clock is set to the
  // server's instant of rendering, as if the page had arrived at once (see the report on countdown.tsx).
  const served = await rawPage(page.request, CALL_PAGE, { cookie: 'tahkim.locale=fr' });
  const state = JSON.parse(/<script type="application\/json" id="tahkim-state">([^<]*)<\/script>/u.exec(served.html)![1]!) as { renderedAt: number };
  await page.clock.setFixedTime(state.renderedAt);
  await page.route(`**${CALL_PAGE}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: served.html }));
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });

  await page.goto(CALL_PAGE);
  const description = page.locator('[data-call-markdown]').first();
  await expect(description.locator('p').first()).toBeVisible();
  const before = await description.innerHTML();
  await expect(page.getByRole('heading', { level: 1, name: call.title.fr })).toBeVisible();
  // Hydrated: the page's links are the router's.
  await page.evaluate(() => {
    (window as { sameDocument?: boolean }).sameDocument = true;
  });
  await page.getByRole('link', { name: applyTexts.fr.calls.page.backToList }).click();
  await expect(page.getByRole('heading', { level: 1, name: applyTexts.fr.calls.list.heading })).toBeVisible();
  expect(await page.evaluate(() => (window as { sameDocument?: boolean }).sameDocument)).toBe(true);
  expect(before).not.toBe('');
  expect(scripts.filter((url) => url.includes('call-markdown-renderer'))).toEqual([]);
});

test('a signed-out visitor hydrates the home page without a console error', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.getByRole('banner').getByRole('link', { name: texts.fr.common.app.name }).click();
  await expect(page).toHaveURL(/\/$/u);
});
