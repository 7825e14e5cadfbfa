import { DirectionProvider, MantineProvider } from '@mantine/core';
import { useNotifications } from '@mantine/notifications';
import { isRtl } from '@tahkim/contracts';
import { createContext, lazy, Suspense, use, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from './i18n';
import componentStyles from './mantine-components.css?inline';
import { cssVariablesResolver, localisedTheme } from './theme';

/**
 * Mantine's component styles arrive with this module and go before the app's own stylesheets, where a
 * `<link>` in the entry's place would have put them: the app's rules that adjust Mantine's components
 * (and its utility classes on them) keep winning at equal specificity. Done once, before any of
 * Mantine's components renders.
 */
function addComponentStyles(): void {
  if (typeof document === 'undefined' || document.getElementById('mantine-components')) return;
  const style = document.createElement('style');
  style.id = 'mantine-components';
  style.textContent = componentStyles;
  document.head.insertBefore(style, document.head.querySelector('link[rel="stylesheet"], style'));
}
addComponentStyles();

const Inside = createContext(false);

const NotificationsHost = lazy(() => import('./notifications-host'));

/** Mounts the notifications' container when the first notification is shown, and keeps it from then on. */
function NotificationsOnDemand() {
  const { notifications, queue } = useNotifications();
  const [wanted, setWanted] = useState(false);
  if (!wanted && notifications.length + queue.length > 0) setWanted(true);
  return wanted ? (
    <Suspense fallback={null}>
      <NotificationsHost />
    </Suspense>
  ) : null;
}

/**
 * Mantine for the pages built with it (sign-in, the applicant's form, the jury, the back office). The
 * public pages do without, so their first download carries no component library; this module comes
 * with the first page that needs it and stays around the pages from then on. Mantine's DirectionProvider
 * follows `<html dir>`, which the i18n layer sets on every language change, so components mirror with
 * the page. The theme's CSS variables are in a static stylesheet (theme-variables.css), shared with
 * the public pages.
 */
export function MantineArea({ children, env = 'default' }: { children: ReactNode; env?: 'default' | 'test' }) {
  if (use(Inside)) return children;
  return (
    <Inside value>
      <DirectionProvider initialDirection={isRtl(currentLocale()) ? 'rtl' : 'ltr'} detectDirection>
        <LocalisedMantine env={env}>{children}</LocalisedMantine>
      </DirectionProvider>
    </Inside>
  );
}

function LocalisedMantine({ children, env }: { children: ReactNode; env: 'default' | 'test' }) {
  const { t } = useTranslation('common');
  const closeLabel = t('dialog.close');
  const theme = useMemo(() => localisedTheme(closeLabel), [closeLabel]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} withCssVariables={false} env={env}>
      <NotificationsOnDemand />
      {children}
    </MantineProvider>
  );
}
