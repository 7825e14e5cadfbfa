import './app/zod-jitless';
import './app/styles';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, matchRoutes } from 'react-router';
import { App } from './app/app';
import { startI18n } from './app/i18n';
import { initialLocale } from './app/locale-preference';
import { createQueryClient } from './app/query-client';
import { AppRoutes, preloadRoutes, routes } from './app/routes';

/**
 * Starts the app in the browser. The page's code and its translations in the visitor's language are
 * loaded (in parallel) before the first paint, so nothing flashes untranslated or half-loaded.
 */
async function start(): Promise<void> {
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element');
  await Promise.all([startI18n(initialLocale()), preloadRoutes(matchRoutes(routes, window.location) ?? [])]);

  createRoot(root).render(
    <StrictMode>
      <App queryClient={createQueryClient()}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </App>
    </StrictMode>,
  );
}

void start();
