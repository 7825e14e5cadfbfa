import { Container, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';

const ADMIN_LINKS = [
  { to: '/admin', labelKey: 'nav.dashboard', end: true },
  { to: '/admin/calls', labelKey: 'nav.calls', end: false },
  { to: '/admin/invitations', labelKey: 'nav.invitations', end: false },
  { to: '/admin/emails', labelKey: 'nav.emails', end: false },
  { to: '/admin/audit', labelKey: 'nav.audit', end: false },
] as const;

/** The back office's own navigation, above each staff page. */
export function AdminLayout() {
  const { t } = useTranslation('admin');
  return (
    <Container size="lg" py="lg">
      <nav aria-label={t('nav.label')} className="subnav">
        <Group gap={4} component="ul" className="plain-list" wrap="wrap">
          {ADMIN_LINKS.map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end={link.end} className="subnav-link">
                {t(link.labelKey)}
              </NavLink>
            </li>
          ))}
        </Group>
      </nav>
      <Outlet />
    </Container>
  );
}
