import { Container, EmptyState, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FolderIcon } from '../../../components/icons';
import { usePageTitle } from '../../../lib/use-page-title';
import { meQuery } from '../../auth/queries';

/** The applicant's home. Applications arrive with the calls; until then, an empty state. */
export function PortalPage() {
  const { t } = useTranslation('portal');
  usePageTitle(t('title'));
  const { data: user } = useQuery(meQuery());

  return (
    <Container size="lg" py="lg">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('heading')}</Title>
          {user ? <Text c="dimmed">{t('welcome', { name: user.displayName })}</Text> : null}
        </Stack>
        <EmptyState
          withIndicatorBackground
          icon={<FolderIcon size={28} />}
          title={t('emptyTitle')}
          description={t('emptyBody')}
          className="empty-state"
        />
      </Stack>
    </Container>
  );
}
