import { Button, Card, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FolderIcon, InboxIcon, MailIcon } from '../../../components/icons';
import { usePageTitle } from '../../../lib/use-page-title';
import { meQuery } from '../../auth/queries';
import { HealthCard } from '../components/health-card';

function ToolCard({ icon, title, body, to, action }: { icon: ReactNode; title: string; body: string; to: string; action: string }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section">
      <Stack gap="sm" align="flex-start" h="100%">
        <ThemeIcon size={40} radius="md" variant="light" aria-hidden="true">
          {icon}
        </ThemeIcon>
        <Title order={2} fz="lg">
          {title}
        </Title>
        <Text style={{ flexGrow: 1 }}>{body}</Text>
        <Button component={Link} to={to} variant="light">
          {action}
        </Button>
      </Stack>
    </Card>
  );
}

export function AdminDashboardPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('dashboard.title'));
  const { data: user } = useQuery(meQuery());

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('dashboard.heading')}</Title>
        {user ? <Text c="dimmed">{t('dashboard.welcome', { name: user.displayName })}</Text> : null}
      </Stack>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <ToolCard
          icon={<FolderIcon size={22} />}
          title={t('dashboard.callsCard.title')}
          body={t('dashboard.callsCard.body')}
          to="/admin/calls"
          action={t('dashboard.callsCard.action')}
        />
        <ToolCard
          icon={<MailIcon size={22} />}
          title={t('dashboard.invitationsCard.title')}
          body={t('dashboard.invitationsCard.body')}
          to="/admin/invitations"
          action={t('dashboard.invitationsCard.action')}
        />
        <ToolCard
          icon={<InboxIcon size={22} />}
          title={t('dashboard.emailsCard.title')}
          body={t('dashboard.emailsCard.body')}
          to="/admin/emails"
          action={t('dashboard.emailsCard.action')}
        />
        <HealthCard />
      </SimpleGrid>
    </Stack>
  );
}
