import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { ScaleIcon } from '../../components/icons';
import type { Me } from '../../features/auth/queries';
import { LanguageSwitcher } from '../../features/locale/components/language-switcher';
import { useHydrated } from '../../lib/use-hydrated';
import { navItemsFor } from './nav-items';
import { UserMenu } from './user-menu';

interface AppHeaderProps {
  user: Me | null | undefined;
  navOpened?: boolean;
  onToggleNav?: () => void;
  /**
   * The header in the HTML the server sends before the app runs (app-shell.tsx): the brand and the
   * links in place, the menu button disabled, the language and account menus not there yet.
   */
  shell?: boolean;
}

export function AppHeader({ user, navOpened = false, onToggleNav, shell = false }: AppHeaderProps) {
  const { t } = useTranslation(['common', 'calls']);
  const items = navItemsFor(user?.roles);
  const hydrated = useHydrated();

  return (
    <header className="site-header">
      <div className="cluster cluster-nowrap" style={{ '--cluster-gap': 'var(--mantine-spacing-sm)' } as CSSProperties}>
        <button
          type="button"
          className="burger hidden-desktop"
          onClick={onToggleNav}
          disabled={shell || !hydrated}
          aria-label={navOpened ? t('nav.closeMenu') : t('nav.openMenu')}
          aria-expanded={navOpened}
          aria-controls={shell ? undefined : 'mobile-navigation'}
        >
          <span />
          <span />
          <span />
        </button>
        <Link to="/" className="brand brand-link">
          <span className="cluster cluster-nowrap" style={{ '--cluster-gap': '8px' } as CSSProperties}>
            <span className="brand-mark" aria-hidden="true">
              <ScaleIcon size={18} />
            </span>
            <span className="brand-name">{t('app.name')}</span>
          </span>
        </Link>
        {items.length > 0 ? (
          <nav aria-label={t('nav.mainLabel')} className="hidden-mobile header-nav">
            <ul className="plain-list cluster cluster-nowrap" style={{ '--cluster-gap': '4px' } as CSSProperties}>
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} className="header-link">
                    {t(item.labelKey)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>

      {shell ? null : (
        <div className="cluster cluster-nowrap">
          <LanguageSwitcher />
          {user ? (
            <UserMenu user={user} />
          ) : user === null ? (
            <div className="cluster cluster-nowrap hidden-phone">
              <Link to="/login" className="btn" data-variant="default">
                {t('account.login')}
              </Link>
              <Link to="/register" className="btn">
                {t('account.register')}
              </Link>
            </div>
          ) : null}
        </div>
      )}
    </header>
  );
}
