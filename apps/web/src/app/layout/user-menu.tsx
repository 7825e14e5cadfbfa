import { Avatar, Button, Group, Menu, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ChevronDownIcon, LogoutIcon } from '../../components/icons';
import { useLogoutMutation } from '../../features/auth/mutations';
import type { Me } from '../../features/auth/queries';
import { useLocale } from '../../features/locale/use-locale';
import { formatList } from '../../lib/format';

function initials(name: string): string {
  return name
    .split(/\s+/u)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}

export function UserMenu({ user }: { user: Me }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const logout = useLogoutMutation();

  const onLogout = () =>
    logout.mutate(undefined, {
      onSuccess: () => void navigate('/'),
      onError: (error) => notifications.show({ color: 'red', title: t('account.logoutFailed'), message: error.message }),
    });

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="dark"
          px="xs"
          className="header-menu-button"
          rightSection={<ChevronDownIcon size={14} />}
          aria-label={t('account.menuLabel', { name: user.displayName })}
        >
          <Group gap="xs" wrap="nowrap">
            <Avatar size="sm" color="tahkim" radius="xl" aria-hidden="true">
              {initials(user.displayName)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="sm" truncate maw={160}>
              <bdi>{user.displayName}</bdi>
            </Text>
          </Group>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark">
            <bdi>{user.displayName}</bdi>
          </Text>
          <Text size="xs" c="dimmed">
            {t('account.signedInAs', { email: user.email })}
          </Text>
          <Text size="xs" c="dimmed">
            {formatList(
              user.roles.map((role) => t(`roles.${role}`)),
              locale,
            )}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item leftSection={<LogoutIcon size={16} />} onClick={onLogout} disabled={logout.isPending}>
          {t('account.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
