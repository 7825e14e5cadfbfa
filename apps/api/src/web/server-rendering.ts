import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { DEFAULT_LOCALE, isLocale, pickLocale, type TLocale } from '@tahkim/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The public pages (home, the calls, a call, a call's results) are sent with their content in the HTML: the web app's
 * server build (apps/web/dist-server, an ES module) renders them with the visitor's data, fetched from
 * this API as the browser would. The app's other pages are rendered in the browser; their HTML carries
 * the site's header in the visitor's language (the web's renderShell) so the screen is not blank while
 * their code downloads. Any other path gets index.html.
 */

/** What apps/web/src/entry-server.tsx exports (the web's build is not a dependency of the API). */
interface WebServerEntry {
  renderPage(request: {
    url: string;
    origin: string;
    locale: TLocale;
    template: string;
    manifest: Record<string, unknown>;
    fetchApi: (path: string) => Promise<{ status: number; body: unknown }>;
  }): Promise<{ status: number; html: string } | undefined>;
  /** Absent from a server build older than the API (the page is then served as index.html). */
  renderShell?(request: {
    url: string;
    locale: TLocale;
    template: string;
    fetchApi: (path: string) => Promise<{ status: number; body: unknown }>;
  }): Promise<{ status: number; html: string }>;
}

/** The paths of the pages rendered on the server (the web's entry decides for each what it renders). */
export const SERVER_RENDERED_ROUTES = ['/', '/calls', '/calls/:slug', '/calls/:slug/results'] as const;

/** The paths of the pages rendered in the browser, sent with their shell (see apps/web/src/app/routes.tsx). */
export const SHELL_ROUTES = [
  '/login',
  '/register',
  '/forgot-password',
  '/reset-password',
  '/invitations/:token',
  '/portal',
  '/portal/*',
  '/jury',
  '/jury/*',
  '/admin',
  '/admin/*',
] as const;

/** The cookie the web app writes on every language change (apps/web/src/app/locale-preference.ts). */
const LOCALE_COOKIE = 'tahkim.locale';
const SESSION_COOKIE = /(^|; *)(__Host-)?tahkim_session=/;

export interface ServerRenderingOptions {
  webDistDir: string;
  /** dist/index.html as built. */
  template: string;
  /** The site's public origin (APP_URL), for the pages' addresses in link previews. */
  origin: string;
  /** How every other page is served (index.html), also the answer when the server build is missing. */
  serveIndex: (request: FastifyRequest, reply: FastifyReply) => boolean;
}

/**
 * Loads the web's server build, if it was built beside dist/ (dist-server/ and dist/.vite/manifest.json);
 * without it (API tests, a build of the API alone) the public pages are served as index.html, as any other.
 */
export async function loadWebServerEntry(webDistDir: string): Promise<{ entry: WebServerEntry; manifest: Record<string, unknown> } | undefined> {
  const entryFile = path.join(path.dirname(webDistDir), 'dist-server', 'entry-server.js');
  const manifestFile = path.join(webDistDir, '.vite', 'manifest.json');
  if (!existsSync(entryFile) || !existsSync(manifestFile)) return undefined;
  // A real dynamic import (TypeScript keeps it as is under module nodenext): the entry is an ES module.
  const entry = (await import(pathToFileURL(entryFile).href)) as WebServerEntry;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, unknown>;
  return { entry, manifest };
}

/** The language a page is rendered in: the one last shown on this browser, else its preferred one, else French. */
export function pageLocale(request: FastifyRequest): TLocale {
  const chosen = request.cookies?.[LOCALE_COOKIE];
  if (isLocale(chosen)) return chosen;
  return pickLocale(request.headers['accept-language']) ?? DEFAULT_LOCALE;
}

export async function registerServerRenderedPages(fastify: FastifyInstance, options: ServerRenderingOptions): Promise<void> {
  const loaded = await loadWebServerEntry(options.webDistDir);
  if (!loaded) fastify.log.warn('The web app has no server build (apps/web/dist-server): public pages are rendered in the browser only');

  /** The API as the visitor's browser would ask it: their session, their language. */
  const apiFor = (request: FastifyRequest, locale: TLocale) => {
    const cookie = request.headers.cookie;
    return async (apiPath: string) => {
      const answer = await fastify.inject({
        method: 'GET',
        url: apiPath,
        headers: { accept: 'application/json', 'accept-language': locale, ...(cookie ? { cookie } : {}) },
      });
      return { status: answer.statusCode, body: parseJson(answer.body) };
    };
  };

  const send = (request: FastifyRequest, reply: FastifyReply, page: { status: number; html: string }, started: number) => {
    const cookie = request.headers.cookie;
    return (
      reply
        .status(page.status)
        .type('text/html; charset=utf-8')
        // The page holds the visitor's header (signed in or not) and language: never shared between them.
        .header('cache-control', cookie && SESSION_COOKIE.test(cookie) ? 'private, no-cache' : 'no-cache')
        .header('vary', 'Cookie, Accept-Language')
        .header('server-timing', `render;dur=${(performance.now() - started).toFixed(1)}`)
        .send(page.html)
    );
  };

  const render = (kind: 'page' | 'shell') => async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!String(request.headers.accept ?? '').includes('text/html')) return reply.callNotFound();
    const started = performance.now();
    const locale = pageLocale(request);
    let page: { status: number; html: string } | undefined;
    try {
      if (kind === 'page') {
        page = await loaded?.entry.renderPage({
          url: request.url,
          origin: options.origin,
          locale,
          template: options.template,
          manifest: loaded.manifest,
          fetchApi: apiFor(request, locale),
        });
      } else {
        page = await loaded?.entry.renderShell?.({ url: request.url, locale, template: options.template, fetchApi: apiFor(request, locale) });
      }
    } catch (error) {
      // The browser can still render the page from index.html: the visitor sees it, a little later.
      request.log.error({ err: error }, kind === 'page' ? 'Server rendering of a public page failed' : "Server rendering of a page's shell failed");
    }
    if (!page) {
      if (!options.serveIndex(request, reply)) return reply.callNotFound();
      return reply;
    }
    return send(request, reply, page, started);
  };

  for (const route of SERVER_RENDERED_ROUTES) fastify.get(route, render('page'));
  for (const route of SHELL_ROUTES) fastify.get(route, render('shell'));
}

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}
