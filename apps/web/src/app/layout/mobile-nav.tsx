import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Me } from '../../features/auth/queries';
import { navItemsFor } from './nav-items';

/** The burger menu's content on small screens: the same links as the header, plus sign-in links. */
export function MobileNav({ user, opened, onNavigate }: { user: Me | null | undefined; opened: boolean; onNavigate: () => void }) {
  const { t } = useTranslation(['common', 'calls']);
  const links = [
    { to: '/', label: t('nav.home'), end: true },
    ...navItemsFor(user?.roles).map((item) => ({ to: item.to, label: t(item.labelKey), end: false })),
    ...(user === null
      ? [
          { to: '/login', label: t('account.login'), end: true },
          { to: '/register', label: t('account.register'), end: true },
        ]
      : []),
  ];

  return (
    // Closed, the menu slides off screen: `inert` keeps its links out of the tab order too.
    <nav id="mobile-navigation" aria-label={t('nav.mainLabel')} className="mobile-nav" data-opened={opened || undefined} inert={!opened}>
      <ul className="plain-list stack" style={{ '--stack-gap': '4px', padding: 'var(--mantine-spacing-md)' } as CSSProperties}>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end} className="mobile-nav-link" onClick={onNavigate}>
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
