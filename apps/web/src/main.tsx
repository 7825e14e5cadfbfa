import './app/zod-jitless';
import './app/styles';
import { isLocale, type TLocale } from '@tahkim/contracts';
import { startTransition, StrictMode, useEffect, type ReactNode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter, matchRoutes } from 'react-router';
import { App } from './app/app';
import { i18n, startI18n } from './app/i18n';
import { explicitLocale, initialLocale } from './app/locale-preference';
import { createQueryClient, hydrateFromServer, SERVER_STATE_ID, type ServerState } from './app/query-client';
import { AppRoutes, preloadRoutes, routes } from './app/routes';
import { meQuery } from './features/auth/queries';
import { keepServerRenderedMarkdown } from './features/calls/components/call-markdown';
import { startHydrationClock } from './lib/hydration-clock';
import { cachedTimeZoneData, timeZoneQuery } from './lib/time-zone';

/** The state of a page the server rendered (public pages), or nothing for a page rendered here. */
function serverState(): ServerState | undefined {
  const element = document.getElementById(SERVER_STATE_ID);
  if (!element?.textContent) return undefined;
  try {
    const state = JSON.parse(element.textContent) as Partial<ServerState>;
    return isLocale(state.locale) && state.queries ? (state as ServerState) : undefined;
  } catch {
    // A damaged state: the page is rendered again here, as a page the server did not render.
    return undefined;
  }
}

/**
 * The server renders in the language its cookie names; a choice made on this browser with the switcher
 * wins (see locale-preference.ts): once the page is hydrated, it switches to that choice if it differs.
 * (A wrapper, not a sibling of the routes: the tree stays the server's, so are the ids React gives.)
 */
function ExplicitLocaleAfterHydration({ rendered, children }: { rendered: TLocale | undefined; children: ReactNode }) {
  useEffect(() => {
    const explicit = explicitLocale();
    if (rendered && explicit && explicit !== rendered) void i18n.changeLanguage(explicit);
  }, [rendered]);
  return children;
}

/**
 * Starts the app in the browser. The page's code and its translations in the visitor's language are
 * loaded (in parallel) before the first paint, so nothing flashes untranslated or half-loaded. A page
 * the server rendered (its content is already on screen) is hydrated with the server's data and
 * language, so the first render here is the server's.
 */
async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element');
  const server = serverState();
  const queryClient = createQueryClient();
  // A page rendered here asks who is signed in first: that question leaves now, with the page's code.
  if (!server) void queryClient.prefetchQuery(meQuery());
  // Its shell (the server's header, see app-shell.tsx) stays until the first render, which is the page
  // itself: on a first visit, Morocco's time-zone table comes first, not a bare loading screen.
  const timeZone = server || cachedTimeZoneData() ? undefined : queryClient.prefetchQuery(timeZoneQuery());
  // The page's data is fetched while its code and translations download.
  await Promise.all([startI18n(server?.locale ?? initialLocale()), preloadRoutes(matchRoutes(routes, window.location) ?? [], queryClient), timeZone]);

  const app = (
    <StrictMode>
      <App queryClient={queryClient}>
        <BrowserRouter>
          <ExplicitLocaleAfterHydration rendered={server?.locale}>
            <AppRoutes />
          </ExplicitLocaleAfterHydration>
        </BrowserRouter>
      </App>
    </StrictMode>
  );
  if (server) {
    hydrateFromServer(queryClient, server.queries);
    startHydrationClock(server.renderedAt);
    keepServerRenderedMarkdown(root);
    hydrateRoot(root, app);
  } else {
    // Rendered as a transition, the first render yields to the browser every few milliseconds instead
    // of holding the main thread for hundreds on a slow phone; the shell stays until it is done.
    const reactRoot = createRoot(root);
    startTransition(() => reactRoot.render(app));
  }
}

void start();
