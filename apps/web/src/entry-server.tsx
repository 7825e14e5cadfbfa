import './app/zod-jitless';
import { isRtl, LOCALES, type TCallPublic, type TLocale, type TPublicResults } from '@tahkim/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { renderToString } from 'react-dom/server';
import { matchRoutes, StaticRouter } from 'react-router';
import { App } from './app/app';
import { AppShell } from './app/layout/app-shell';
import { Providers } from './app/providers';
import { i18n, startI18n } from './app/i18n';
import { addAllTranslations } from './app/i18n-bundled';
import { CORE_NAMESPACES, type Namespace } from './app/i18n-resources';
import { createQueryClient, dehydrateForPage, keepRefusal, SERVER_STATE_ID, type ServerState } from './app/query-client';
import { AppRoutes, preloadRoutes, routes } from './app/routes';
import { meQuery } from './features/auth/queries';
import { localized } from './features/calls/call-text';
import CallMarkdownRenderer from './features/calls/components/call-markdown-renderer';
import { provideMarkdownRenderer } from './features/calls/components/call-markdown';
import { callPhase } from './features/calls/deadline';
import { callFormOutlineQuery, callQuery, callResultsQuery, callsQuery } from './features/calls/queries';
import { toApiError } from './lib/api';
import { timeZoneQuery } from './lib/time-zone';
import { endHydrationClock, startHydrationClock } from './lib/hydration-clock';

/**
 * The server's rendering of the public pages (built with `vite build --ssr` to dist-server/, imported
 * by the API): the same components as in the browser, rendered with the page's data already there, so
 * a visitor on a slow link reads the call before any script has run and a shared link shows a preview.
 * The browser then hydrates this HTML (main.tsx) from the state the page carries.
 */

/** One answer of the API, as the server got it for this visitor (their cookies, their language). */
export interface ApiAnswer {
  status: number;
  body: unknown;
}

/** What Vite's manifest (dist/.vite/manifest.json) says of a module of the browser's build. */
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

export interface RenderRequest {
  /** Path and query string, as requested. */
  url: string;
  /** The site's public origin, for the page's address in link previews. */
  origin: string;
  locale: TLocale;
  /** dist/index.html: the shell the browser's build wrote (its entry script and stylesheet). */
  template: string;
  manifest: Record<string, ManifestChunk>;
  fetchApi: (path: string) => Promise<ApiAnswer>;
}

export interface RenderedPage {
  status: number;
  html: string;
}

interface PageHead {
  status: number;
  title: string;
  description: string;
  type: 'website' | 'article';
  /** A picture for link previews, by its path on this site. */
  image?: string;
}

/** Translations by their full key (`calls:list.title`) in the page's language. */
type Translate = (key: string, options?: Record<string, unknown>) => string;

interface PublicPage {
  /** The page's module and its translations (as routes.tsx loads them): preloaded with the HTML. */
  module: string;
  namespaces: readonly Namespace[];
  /** Puts the page's data in the cache (as its queries would fetch it) and says what the page is. */
  prepare: (context: { queryClient: QueryClient; fetchApi: RenderRequest['fetchApi']; params: Record<string, string | undefined>; locale: TLocale; t: Translate }) => Promise<PageHead>;
}

/** The public pages rendered on the server, by route path; any other page is rendered in the browser. */
const PUBLIC_PAGES: Record<string, PublicPage> = {
  '/': {
    module: 'src/features/public/routes/home-page.tsx',
    namespaces: ['public'],
    async prepare({ queryClient, fetchApi, t }) {
      await prefetch(queryClient, callsQuery().queryKey, fetchApi, '/api/calls');
      return { status: 200, title: t('public:home.title'), description: t('public:home.heroBody'), type: 'website' };
    },
  },
  '/calls': {
    module: 'src/features/calls/routes/calls-page.tsx',
    namespaces: [],
    async prepare({ queryClient, fetchApi, t }) {
      await prefetch(queryClient, callsQuery().queryKey, fetchApi, '/api/calls');
      return { status: 200, title: t('calls:list.title'), description: t('calls:list.intro'), type: 'website' };
    },
  },
  '/calls/:slug': {
    module: 'src/features/calls/routes/call-page.tsx',
    namespaces: ['applications'],
    async prepare({ queryClient, fetchApi, params, locale, t }) {
      const slug = params.slug ?? '';
      await prefetch(queryClient, callQuery(slug).queryKey, fetchApi, `/api/calls/${encodeURIComponent(slug)}`);
      const call = queryClient.getQueryData<TCallPublic>(callQuery(slug).queryKey);
      if (!call) return { status: 404, title: t('common:notFound.title'), description: t('common:notFound.body'), type: 'website' };
      const phase = callPhase(call, Date.now());
      if (phase !== 'closed') await prefetch(queryClient, callFormOutlineQuery(call.id).queryKey, fetchApi, `/api/calls/${encodeURIComponent(call.id)}/form/outline`);
      return { status: 200, title: localized(call.title, locale), description: localized(call.summary, locale), type: 'article' };
    },
  },
  '/calls/:slug/results': {
    module: 'src/features/calls/routes/call-results-page.tsx',
    namespaces: [],
    async prepare({ queryClient, fetchApi, params, locale, t }) {
      const slug = params.slug ?? '';
      await prefetch(queryClient, callResultsQuery(slug).queryKey, fetchApi, `/api/calls/${encodeURIComponent(slug)}/results`);
      const results = queryClient.getQueryData<TPublicResults>(callResultsQuery(slug).queryKey);
      if (!results) return { status: 404, title: t('common:notFound.title'), description: t('common:notFound.body'), type: 'website' };
      const winners = results.winners.map((winner) => localized(winner.title, locale)).join(' · ');
      return {
        status: 200,
        title: t('calls:results.pageTitle', { title: localized(results.call.title, locale) }),
        description: winners || localized(results.call.summary, locale),
        type: 'article',
        image: results.winners.find((winner) => winner.photoUrl)?.photoUrl ?? undefined,
      };
    },
  },
};

/** Asks the API as the page's query would, and keeps the answer (or the refusal) under the same key. */
async function prefetch(queryClient: QueryClient, queryKey: readonly unknown[], fetchApi: RenderRequest['fetchApi'], path: string, pick: (body: unknown) => unknown = (body) => body): Promise<void> {
  await queryClient.prefetchQuery({
    queryKey,
    queryFn: async () => {
      const answer = await fetchApi(path);
      if (answer.status < 200 || answer.status >= 300) throw toApiError(answer.status, answer.body);
      return pick(answer.body);
    },
    retry: false,
  });
  if (queryClient.getQueryState(queryKey)?.status === 'error') keepRefusal(queryClient, queryKey);
}

// Every translation is in the server's memory from the start: a page renders in one synchronous pass.
const i18nReady = startI18n('fr', { bundled: true }).then(() => addAllTranslations(i18n));
provideMarkdownRenderer(CallMarkdownRenderer);

/** Whether the server renders the page at this path (the API sends index.html for the others). */
export function isServerRendered(pathname: string): boolean {
  return pageFor(pathname) !== undefined;
}

function pageFor(pathname: string) {
  const matches = matchRoutes(routes, pathname) ?? [];
  const leaf = matches.at(-1);
  const path = leaf ? (leaf.route.index ? '/' : `/${leaf.route.path ?? ''}`) : undefined;
  const page = path ? PUBLIC_PAGES[path] : undefined;
  return page && leaf ? { page, matches, params: leaf.params } : undefined;
}

export async function renderPage(request: RenderRequest): Promise<RenderedPage | undefined> {
  const pathname = new URL(request.url, 'http://localhost').pathname;
  const found = pageFor(pathname);
  if (!found) return undefined;
  await i18nReady;
  const { locale } = request;
  const translate = i18n.t as unknown as (key: string, options: Record<string, unknown>) => string;
  const t: Translate = (key, options) => translate(key, { ...options, lng: locale });
  const queryClient = createQueryClient();

  const [head] = await Promise.all([
    found.page.prepare({ queryClient, fetchApi: request.fetchApi, params: found.params, locale, t }),
    // Who is signed in (the header shows their menu) and Morocco's time-zone table (every date).
    prefetch(queryClient, meQuery().queryKey, request.fetchApi, '/api/auth/session', (body) => (body as { user?: unknown }).user ?? null),
    prefetch(queryClient, timeZoneQuery().queryKey, request.fetchApi, '/api/time-zone'),
    preloadRoutes(found.matches),
  ]);

  // The language is the i18n instance's, shared by all requests: it is set right before the render,
  // which is synchronous, so no other request's render can come in between.
  void i18n.changeLanguage(locale);
  if (i18n.resolvedLanguage !== locale) throw new Error(`The server could not switch its translations to ${locale}`);
  const renderedAt = Date.now();
  // Every time-dependent text (countdown, open/closed) shows this instant, which the browser hydrates with.
  startHydrationClock(renderedAt);
  let markup: string;
  try {
    markup = renderToString(
      <App queryClient={queryClient}>
        <StaticRouter location={request.url}>
          <AppRoutes />
        </StaticRouter>
      </App>,
    );
  } finally {
    endHydrationClock();
  }

  const state: ServerState = { locale, renderedAt, queries: dehydrateForPage(queryClient) };
  queryClient.clear();
  return { status: head.status, html: documentFor(request, found.page, head, t, markup, state) };
}

/** What the shell of a page rendered in the browser needs: the visitor's language and session. */
export type ShellRequest = Pick<RenderRequest, 'url' | 'locale' | 'template' | 'fetchApi'>;

/**
 * A page rendered in the browser (sign-in, the portal and the application form, the jury, the back
 * office) is sent with its shell (app-shell.tsx): the header in the visitor's language, with their
 * links, and the loading indicator, painted while the app's code downloads. It carries no state: the
 * browser renders the page in its place rather than hydrating it.
 */
export async function renderShell(request: ShellRequest): Promise<RenderedPage> {
  await i18nReady;
  const { locale } = request;
  const queryClient = createQueryClient();
  await prefetch(queryClient, meQuery().queryKey, request.fetchApi, '/api/auth/session', (body) => (body as { user?: unknown }).user ?? null);
  // Set right before the synchronous render, as for the public pages.
  void i18n.changeLanguage(locale);
  if (i18n.resolvedLanguage !== locale) throw new Error(`The server could not switch its translations to ${locale}`);
  const markup = renderToString(
    <Providers queryClient={queryClient}>
      <StaticRouter location={request.url}>
        <AppShell />
      </StaticRouter>
    </Providers>,
  );
  queryClient.clear();
  const html = request.template
    .replace(/<html[^>]*>/u, `<html lang="${locale}" dir="${isRtl(locale) ? 'rtl' : 'ltr'}">`)
    .replace('<div id="root"></div>', () => `<div id="root">${markup}</div>`);
  return { status: 200, html };
}

const OPEN_GRAPH_LOCALES: Record<TLocale, string> = { ar: 'ar_MA', fr: 'fr_MA', en: 'en_US' };

function documentFor(request: RenderRequest, page: PublicPage, head: PageHead, t: Translate, markup: string, state: ServerState): string {
  const { locale, template } = request;
  const title = t('common:documentTitle', { page: head.title });
  const description = head.description.replace(/\s+/gu, ' ').trim().slice(0, 300);
  const pageUrl = `${request.origin}${new URL(request.url, 'http://localhost').pathname}`;
  const meta = [
    `<title>${escapeHtml(title)}</title>`,
    `<meta name="description" content="${escapeHtml(description)}" />`,
    `<meta property="og:type" content="${head.type}" />`,
    `<meta property="og:site_name" content="${escapeHtml(t('common:app.name'))}" />`,
    `<meta property="og:title" content="${escapeHtml(head.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(description)}" />`,
    `<meta property="og:url" content="${escapeHtml(pageUrl)}" />`,
    `<meta property="og:locale" content="${OPEN_GRAPH_LOCALES[locale]}" />`,
    ...LOCALES.filter((other) => other !== locale).map((other) => `<meta property="og:locale:alternate" content="${OPEN_GRAPH_LOCALES[other]}" />`),
    ...(head.image ? [`<meta property="og:image" content="${escapeHtml(`${request.origin}${head.image}`)}" />`] : []),
    `<meta name="twitter:card" content="${head.image ? 'summary_large_image' : 'summary'}" />`,
    `<meta name="twitter:title" content="${escapeHtml(head.title)}" />`,
    `<meta name="twitter:description" content="${escapeHtml(description)}" />`,
    ...preloadLinks(request, page),
  ].join('\n    ');

  return template
    .replace(/<html[^>]*>/u, `<html lang="${locale}" dir="${isRtl(locale) ? 'rtl' : 'ltr'}">`)
    .replace(/<title>[^<]*<\/title>/u, () => meta)
    .replace(
      '<div id="root"></div>',
      () => `<div id="root">${markup}</div>\n    <script type="application/json" id="${SERVER_STATE_ID}">${jsonForHtml(state)}</script>`,
    );
}

/**
 * The page's own code, stylesheets and translations, announced in the head: the browser fetches them
 * while it parses the HTML instead of discovering them one after another once the entry runs.
 */
function preloadLinks(request: RenderRequest, page: PublicPage): string[] {
  const { manifest, template, locale } = request;
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    scripts.add(chunk.file);
    for (const css of chunk.css ?? []) styles.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (entry) visit(entry);
  visit(page.module);
  // The page's language (core namespaces and the page's), and each language's name for the switcher.
  for (const namespace of [...CORE_NAMESPACES, ...page.namespaces]) visit(`src/locales/${locale}/${namespace}.json`);
  for (const other of LOCALES) visit(`src/locales/${other}/common.json`);

  const href = (file: string) => `/${file}`;
  const notInTemplate = (file: string) => !template.includes(`"${href(file)}"`);
  return [
    ...[...styles].filter(notInTemplate).map((file) => `<link rel="stylesheet" crossorigin href="${href(file)}" />`),
    ...[...scripts].filter(notInTemplate).map((file) => `<link rel="modulepreload" crossorigin href="${href(file)}" />`),
  ];
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (character) => HTML_ESCAPES[character]!);
}

/** JSON that cannot end its `<script>` element nor be read as markup, whatever the texts hold. */
export function jsonForHtml(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</gu, '\\u003c')
    .replace(/>/gu, '\\u003e')
    .replace(/&/gu, '\\u0026')
    .replace(/\u2028/gu, '\\u2028')
    .replace(/\u2029/gu, '\\u2029');
}
