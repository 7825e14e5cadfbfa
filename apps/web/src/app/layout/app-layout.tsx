import { useQuery } from '@tanstack/react-query';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { PageLoader } from '../../components/page-state';
import { meQuery } from '../../features/auth/queries';
import { useLocaleSync } from '../../features/locale/use-locale';
import { useMantineArea } from '../mantine-area-loader';
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
  const MantineArea = useMantineArea();
  useLocaleSync();
  useFocusOnNavigation(pathname, 'main-content');
  useFocusRescue('main-content');
  useScrollToTop();

  // A page whose code or translations are still on their way waits here, never showing raw keys.
  const page = (
    <Suspense fallback={<PageLoader />}>
      <Outlet />
    </Suspense>
  );

  return (
    <div className="site-body">
      <a href="#main-content" className="skip-link">
        {t('nav.skipToContent')}
      </a>
      <AppHeader user={user} navOpened={navOpened} onToggleNav={toggleNav} />
      <MobileNav user={user} opened={navOpened} onNavigate={closeNav} />
      <main id="main-content" tabIndex={-1} className="main-content">
        {/* A module's component, the same from its first load on: not one made during render. */}
        {/* eslint-disable-next-line react-hooks/static-components */}
        {MantineArea ? <MantineArea>{page}</MantineArea> : page}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p className="text text-sm text-dimmed">{t('footer.text')}</p>
        </div>
      </footer>
    </div>
  );
}
