import { Container, EmptyState, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ScaleIcon } from '../../../components/icons';
import { usePageTitle } from '../../../lib/use-page-title';
import { meQuery } from '../../auth/queries';

/** The juror's home. Assignments arrive with the rounds; until then, an empty state. */
export function JuryPage() {
  const { t } = useTranslation('jury');
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
          icon={<ScaleIcon size={28} />}
          title={t('emptyTitle')}
          description={t('emptyBody')}
          className="empty-state"
        />
      </Stack>
    </Container>
  );
}
