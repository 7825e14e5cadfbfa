import '../call-home.css';
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { usePageTitle } from '../../../lib/use-page-title';
import { useLocale } from '../../locale/use-locale';
import { CALL_STATUS_COLORS, localized } from '../call-display';
import { CallDate } from '../components/call-date';
import { CallLifecycleActions } from '../components/call-lifecycle-actions';
import { CallFigures } from '../components/home/call-figures';
import { CallRoundsSummary } from '../components/home/call-rounds-summary';
import { CallTools } from '../components/home/call-tools';
import { NextStepCard } from '../components/home/next-step-card';
import { callFormQuery, callQuery, callSummaryQuery } from '../queries';

/** Staff: a call's home, where it stands, its figures, the next step and every tool of the call. */
export function CallHomePage() {
  const { t } = useTranslation(['callHome', 'callAdmin']);
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const call = useQuery(callQuery(id));
  const summary = useQuery(callSummaryQuery(id));
  const form = useQuery(callFormQuery(id));
  const title = call.data ? localized(call.data.title, locale) || call.data.slug : '';
  usePageTitle(call.data ? t('title', { call: title }) : t('heading'));

  if (call.isPending || summary.isPending) return <PageLoader />;
  if (call.isError) return <LoadError error={call.error} onRetry={() => void call.refetch()} />;
  if (summary.isError) return <LoadError error={summary.error} onRetry={() => void summary.refetch()} />;
  const data = call.data;
  const phase = summary.data.phase;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Stack gap={4}>
          <Text component={Link} to="/admin/calls" size="sm" c="tahkim.8">
            {t('backToList')}
          </Text>
          <Group gap="sm" wrap="wrap">
            <Title order={1}>
              <bdi>{title}</bdi>
            </Title>
            <Badge color={CALL_STATUS_COLORS[data.status]} variant="light" style={{ minInlineSize: 'max-content' }}>
              {t(`callAdmin:status.${data.status}`)}
            </Badge>
          </Group>
          <Text fw={600}>{t(`phase.${phase}`)}</Text>
          <Text size="sm" c="dimmed">
            {t('dates.opens')} <CallDate iso={data.opensAt} local={data.opensAtLocal} style="short" /> · {t('dates.closes')}{' '}
            <CallDate iso={data.closesAt} local={data.closesAtLocal} style="short" />
          </Text>
        </Stack>
        {/* Publishing, when it is the next step, is the card's button below; otherwise publish or close early from here. */}
        {summary.data.next.step === 'PUBLISH' ? null : <CallLifecycleActions call={data} form={form.data} unsavedChanges={false} />}
      </Group>
      <NextStepCard summary={summary.data} call={data} form={form.data} />
      <CallFigures summary={summary.data} />
      <CallRoundsSummary summary={summary.data} />
      <CallTools call={data} summary={summary.data} />
    </Stack>
  );
}
