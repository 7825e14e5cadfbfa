import { Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { usePageTitle } from '../../../lib/use-page-title';
import { localized } from '../../call-admin/call-display';
import { callQuery } from '../../call-admin/queries';
import { isAnnounceable } from '@tahkim/contracts';
import { useLocale } from '../../locale/use-locale';
import { ProgrammeEditor } from '../components/programme-editor';
import { callProgrammeQuery } from '../queries';
import '../programme.css';
import { CallPageHeader } from '../../admin/components/call-page-header';

/**
 * Staff: the support programme of a call's winners, a year of follow-up: the milestones (training
 * cohorts, progress reports, final report) with their due dates, and the impact indicators the
 * winners report on. Saved whole; progress reports refer to milestones by their key.
 */
export function ProgrammePage() {
  const { t } = useTranslation(['programme', 'decisions']);
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const call = useQuery(callQuery(id));
  const programme = useQuery(callProgrammeQuery(id));
  const title = call.data ? localized(call.data.title, locale) || call.data.slug : '';
  usePageTitle(title ? t('page.title', { call: title }) : t('page.heading'));

  if (call.isPending || programme.isPending) return <PageLoader />;
  if (call.isError) return <LoadError error={call.error} onRetry={() => void call.refetch()} />;
  if (programme.isError) return <LoadError error={programme.error} onRetry={() => void programme.refetch()} />;

  return (
    <Stack gap="lg">
      <CallPageHeader back={{ to: `/admin/calls/${id}`, label: t('page.backToCall', { call: title }) }} heading={t('page.heading')} subtitle={title}>
        <Text size="sm">{t('page.intro')}</Text>
        {isAnnounceable(call.data.status) ? (
          <Group gap="xs" mt={4}>
            <Button component={Link} to={`/admin/calls/${id}/follow-up`} size="xs" variant="default">
              {t('page.followUpLink')}
            </Button>
            <Button component={Link} to={`/admin/calls/${id}/programme/report-form`} size="xs" variant="default">
              {t('page.reportFormLink')}
            </Button>
            <Button component={Link} to={`/admin/calls/${id}/announcement`} size="xs" variant="default">
              {t('decisions:announcement.tool.label')}
            </Button>
          </Group>
        ) : null}
      </CallPageHeader>
      <ProgrammeEditor key={id} callId={id} saved={programme.data} />
    </Stack>
  );
}
