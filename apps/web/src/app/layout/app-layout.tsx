import { AppShell, Container, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { PageLoader } from '../../components/page-state';
import { meQuery } from '../../features/auth/queries';
import { useLocaleSync } from '../../features/locale/use-locale';
import { AppHeader } from './app-header';
import { MobileNav } from './mobile-nav';
import { useFocusOnNavigation } from './use-focus-on-navigation';
import { useFocusRescue } from './use-focus-rescue';
import { useScrollToTop } from './use-scroll-to-top';

export function AppLayout() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  // The mobile menu belongs to the page it was opened on: any navigation closes it.
  const [navOpenedAt, setNavOpenedAt] = useState<string | null>(null);
  const navOpened = navOpenedAt === pathname;
  const toggleNav = () => setNavOpenedAt(navOpened ? null : pathname);
  const closeNav = () => setNavOpenedAt(null);
  const me = useQuery(meQuery());
  // When the API cannot be reached, the public pages still work for an anonymous visitor.
  const user = me.isError ? null : me.data;
  useLocaleSync();
  useFocusOnNavigation(pathname, 'main-content');
  useFocusRescue('main-content');
  useScrollToTop();

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 280, breakpoint: 'sm', collapsed: { mobile: !navOpened, desktop: true } }}
      padding={0}
    >
      <a href="#main-content" className="skip-link">
        {t('nav.skipToContent')}
      </a>
      <AppShell.Header>
        <AppHeader user={user} navOpened={navOpened} onToggleNav={toggleNav} />
      </AppShell.Header>
      {/* Closed, the menu slides off screen: `inert` keeps its links out of the tab order too. */}
      <AppShell.Navbar hiddenFrom="sm" inert={!navOpened}>
        <MobileNav user={user} onNavigate={closeNav} />
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1} className="main-content">
        {/* A page whose translations are still on their way waits here, never showing raw keys. */}
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      <footer className="site-footer">
        <Container size="lg">
          <Text size="sm" c="dimmed">
            {t('footer.text')}
          </Text>
        </Container>
      </footer>
    </AppShell>
  );
}
