import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../lib/use-page-title';
import { InvitationsTable } from '../components/invitations-table';
import { InviteForm } from '../components/invite-form';

export function AdminInvitationsPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('invitations.title'));
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t('invitations.heading')}</Title>
        <Text c="dimmed" maw={760}>
          {t('invitations.intro')}
        </Text>
      </Stack>
      <InviteForm />
      <InvitationsTable />
    </Stack>
  );
}
