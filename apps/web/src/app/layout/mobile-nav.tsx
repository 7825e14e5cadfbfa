import { NavLink as MantineNavLink, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Me } from '../../features/auth/queries';
import { navItemsFor } from './nav-items';

/** The burger menu's content on small screens: the same links as the header, plus sign-in links. */
export function MobileNav({ user, onNavigate }: { user: Me | null | undefined; onNavigate: () => void }) {
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
    <nav id="mobile-navigation" aria-label={t('nav.mainLabel')}>
      <Stack gap={4} p="md">
        {links.map((link) => (
          <MantineNavLink
            key={link.to}
            component={NavLink}
            to={link.to}
            end={link.end}
            label={link.label}
            onClick={onNavigate}
          />
        ))}
      </Stack>
    </nav>
  );
}
