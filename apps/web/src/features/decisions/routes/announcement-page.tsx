import { Button, Card, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { InboxIcon } from '../../../components/icons';
import { LoadError, PageLoader } from '../../../components/page-state';
import { usePageTitle } from '../../../lib/use-page-title';
import { localized } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import { announcementCounts, type AnnouncedWinner } from '../announcement-view';
import { ProfileEditor } from '../components/profile-editor';
import { ResultsPublication } from '../components/results-publication';
import { WinnersTable } from '../components/winners-table';
import { callAnnouncementQuery } from '../queries';
import '../decisions.css';
import { CallPageHeader } from '../../admin/components/call-page-header';

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={title} data-testid={testId}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/**
 * Staff: the public announcement of a call's winners. Each winner gets a short presentation, which they
 * agree to, correct or refuse from their portal; the results page lists those who agreed once published.
 */
export function AnnouncementPage() {
  const { t } = useTranslation(['decisions', 'programme']);
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const announcement = useQuery(callAnnouncementQuery(id));
  const [editing, setEditing] = useState<AnnouncedWinner | null>(null);
  const title = announcement.data ? localized(announcement.data.call.title, locale) : '';
  usePageTitle(title ? t('announcement.page.title', { call: title }) : t('announcement.page.heading'));

  if (announcement.isPending) return <PageLoader />;
  if (announcement.isError) return <LoadError error={announcement.error} onRetry={() => void announcement.refetch()} />;
  const data = announcement.data;
  const counts = announcementCounts(data.winners);

  return (
    <Stack gap="lg">
      <CallPageHeader back={{ to: `/admin/calls/${id}`, label: t('page.backToCall', { call: title }) }} heading={t('announcement.page.heading')} subtitle={title}>
        <Text size="sm">{t('announcement.page.intro')}</Text>
        <Group gap="xs" mt={4}>
          <Button component={Link} to={`/admin/calls/${id}/decisions`} size="xs" variant="default">
            {t('announcement.page.decisionsLink')}
          </Button>
          <Button component={Link} to={`/admin/calls/${id}/programme`} size="xs" variant="default">
            {t('programme:entry.link')}
          </Button>
        </Group>
      </CallPageHeader>

      <Section title={t('announcement.publication.title')} testId="results-publication">
        <ResultsPublication announcement={data} />
      </Section>

      <Section title={t('announcement.winners.title')} testId="winners">
        {data.winners.length === 0 ? (
          <EmptyState withIndicatorBackground icon={<InboxIcon size={28} />} title={t('announcement.winners.emptyTitle')} description={t('announcement.winners.empty')} />
        ) : (
          <>
            {counts.NONE > 0 || counts.PENDING > 0 ? (
              <Stack gap={2} role="status" data-testid="winners-progress">
                {counts.NONE > 0 ? <Text size="sm">{t('announcement.winners.toWrite', { count: counts.NONE })}</Text> : null}
                {counts.PENDING > 0 ? <Text size="sm">{t('announcement.winners.awaiting', { count: counts.PENDING })}</Text> : null}
              </Stack>
            ) : null}
            <WinnersTable winners={data.winners} onEdit={setEditing} />
          </>
        )}
      </Section>
      <ProfileEditor callId={id} callLocales={data.call.locales} winner={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
