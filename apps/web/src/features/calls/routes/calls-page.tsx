import { Container, EmptyState, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FolderIcon } from '../../../components/icons';
import { LoadError, PageLoader } from '../../../components/page-state';
import { usePageTitle } from '../../../lib/use-page-title';
import { CallCard } from '../components/call-card';
import '../calls.css';
import { callPhase } from '../deadline';
import { callsQuery } from '../queries';

/** Public list of calls: those accepting applications (or about to), then the closed ones. */
export function CallsPage() {
  const { t } = useTranslation('calls');
  usePageTitle(t('list.title'));
  const calls = useQuery(callsQuery());

  const [loadedAt] = useState(() => Date.now());
  const open = (calls.data ?? []).filter((call) => callPhase(call, loadedAt) !== 'closed');
  const closed = (calls.data ?? []).filter((call) => callPhase(call, loadedAt) === 'closed');
  open.sort((a, b) => Date.parse(a.closesAt) - Date.parse(b.closesAt));
  closed.sort((a, b) => Date.parse(b.closesAt) - Date.parse(a.closesAt));

  return (
    <Container size="lg" py="lg">
      <Stack gap="xl">
        <Stack gap={4}>
          <Title order={1}>{t('list.heading')}</Title>
          <Text c="dimmed">{t('list.intro')}</Text>
        </Stack>
        {calls.isPending ? <PageLoader /> : null}
        {calls.isError ? <LoadError error={calls.error} onRetry={() => void calls.refetch()} /> : null}
        {calls.isSuccess ? (
          <>
            <Stack gap="md" component="section" aria-labelledby="open-calls-heading">
              <Title order={2} fz="xl" id="open-calls-heading">
                {t('list.openHeading')}
              </Title>
              {open.length === 0 ? (
                <EmptyState
                  withIndicatorBackground
                  icon={<FolderIcon size={28} />}
                  title={t('list.noneOpenTitle')}
                  description={t('list.noneOpenBody')}
                  className="empty-state"
                />
              ) : (
                <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                  {open.map((call) => (
                    <CallCard key={call.id} call={call} />
                  ))}
                </SimpleGrid>
              )}
            </Stack>
            {closed.length > 0 ? (
              <Stack gap="md" component="section" aria-labelledby="closed-calls-heading">
                <Title order={2} fz="xl" id="closed-calls-heading">
                  {t('list.closedHeading')}
                </Title>
                <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
                  {closed.map((call) => (
                    <CallCard key={call.id} call={call} />
                  ))}
                </SimpleGrid>
              </Stack>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Container>
  );
}
