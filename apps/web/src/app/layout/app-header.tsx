import { Anchor, Box, Burger, Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import { ScaleIcon } from '../../components/icons';
import type { Me } from '../../features/auth/queries';
import { LanguageSwitcher } from '../../features/locale/components/language-switcher';
import { navItemsFor } from './nav-items';
import { UserMenu } from './user-menu';

interface AppHeaderProps {
  user: Me | null | undefined;
  navOpened: boolean;
  onToggleNav: () => void;
}

export function AppHeader({ user, navOpened, onToggleNav }: AppHeaderProps) {
  const { t } = useTranslation(['common', 'calls']);
  const items = navItemsFor(user?.roles);

  return (
    <Group h="100%" px={{ base: 'xs', xs: 'md' }} gap="sm" wrap="nowrap" justify="space-between">
      <Group gap="sm" wrap="nowrap">
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label={navOpened ? t('nav.closeMenu') : t('nav.openMenu')}
          aria-expanded={navOpened}
          aria-controls="mobile-navigation"
        />
        <Anchor component={Link} to="/" underline="never" c="dark" className="brand">
          <Group gap={8} wrap="nowrap">
            <Box className="brand-mark" aria-hidden="true">
              <ScaleIcon size={18} />
            </Box>
            <span className="brand-name">{t('app.name')}</span>
          </Group>
        </Anchor>
        {items.length > 0 ? (
          <Box component="nav" aria-label={t('nav.mainLabel')} visibleFrom="sm" ms="md">
            <Group gap={4} component="ul" className="plain-list">
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} className="header-link">
                    {t(item.labelKey)}
                  </NavLink>
                </li>
              ))}
            </Group>
          </Box>
        ) : null}
      </Group>

      <Group gap="xs" wrap="nowrap">
        <LanguageSwitcher />
        {user ? (
          <UserMenu user={user} />
        ) : user === null ? (
          <Group gap="xs" wrap="nowrap" visibleFrom="sm">
            <Button component={Link} to="/login" variant="default">
              {t('account.login')}
            </Button>
            <Button component={Link} to="/register">
              {t('account.register')}
            </Button>
          </Group>
        ) : null}
      </Group>
    </Group>
  );
}
