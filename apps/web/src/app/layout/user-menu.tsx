import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ChevronDownIcon, LogoutIcon } from '../../components/icons';
import { MenuButton, MenuDivider, MenuItem, MenuLabel } from '../../components/menu-button';
import { useLogoutMutation } from '../../features/auth/mutations';
import type { Me } from '../../features/auth/queries';
import { useLocale } from '../../features/locale/use-locale';
import { formatList } from '../../lib/format';
import { notify } from '../../lib/notify';

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
  const navigate = useNavigate();
  const logout = useLogoutMutation();

  const onLogout = () =>
    logout.mutate(undefined, {
      onSuccess: () => void navigate('/'),
      onError: (error) => notify({ color: 'red', title: t('account.logoutFailed'), message: error.message }),
    });

  return (
    <MenuButton
      label={t('account.menuLabel', { name: user.displayName })}
      className="btn header-menu-button"
      button={
        <>
          <span className="avatar" aria-hidden="true">
            {initials(user.displayName)}
          </span>
          <span className="text-sm truncate hidden-phone">
            <bdi>{user.displayName}</bdi>
          </span>
          <span className="header-menu-chevron">
            <ChevronDownIcon size={14} />
          </span>
        </>
      }
    >
      <MenuLabel>
        <span className="text-sm text-strong" style={{ color: 'var(--mantine-color-black)' }}>
          <bdi>{user.displayName}</bdi>
        </span>
        <br />
        {t('account.signedInAs', { email: user.email })}
        <br />
        <RolesList roles={user.roles} />
      </MenuLabel>
      <MenuDivider />
      <MenuItem
        icon={<LogoutIcon size={16} />}
        disabled={logout.isPending}
        onSelect={onLogout}
      >
        {t('account.logout')}
      </MenuItem>
    </MenuButton>
  );
}

/** The account's roles, written out only when the menu shows them (not on every render of the header). */
function RolesList({ roles }: { roles: Me['roles'] }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return formatList(
    roles.map((role) => t(`roles.${role}`)),
    locale,
  );
}
