import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { TFollowUpDashboard } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { usePageTitle } from '../../../lib/use-page-title';
import { localized } from '../../call-admin/call-display';
import { callQuery } from '../../call-admin/queries';
import { useLocale } from '../../locale/use-locale';
import { FollowUpTools } from '../components/follow-up-tools';
import { IndicatorTotals } from '../components/indicator-totals';
import { ProjectIndicators } from '../components/project-indicators';
import { ProjectsMatrix } from '../components/projects-matrix';
import { RegionsTable } from '../components/regions-table';
import { StateCounts } from '../components/state-counts';
import { followUpDashboardQuery } from '../queries';
import '../follow-up.css';

function Section({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Title order={2} fz="h3" id={id}>
        {title}
      </Title>
      {intro ? (
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
      ) : null}
      {children}
    </Stack>
  );
}

function Dashboard({ dashboard, callId }: { dashboard: TFollowUpDashboard; callId: string }) {
  const { t } = useTranslation('followUp');
  if (dashboard.milestones.length === 0) {
    return (
      <Alert color="gray" variant="light" title={t('empty.programmeTitle')}>
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('empty.programme')}</Text>
          <Button component={Link} to={`/admin/calls/${callId}/programme`} size="xs">
            {t('links.programme')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (dashboard.projects.length === 0) {
    return (
      <Alert color="gray" variant="light" title={t('empty.projectsTitle')}>
        {t('empty.projects')}
      </Alert>
    );
  }
  const anyReport = dashboard.projects.some((project) => project.milestones.some((milestone) => milestone.status !== null));
  return (
    <Stack gap="xl">
      {anyReport ? null : (
        <Alert color="gray" variant="light" title={t('empty.reportsTitle')}>
          {t('empty.reports')}
        </Alert>
      )}
      <Section id="follow-up-counts" title={t('counts.title')} intro={t('counts.intro')}>
        <StateCounts counts={dashboard.counts} />
      </Section>
      <Section id="follow-up-matrix" title={t('matrix.title')} intro={t('matrix.intro')}>
        <ProjectsMatrix projects={dashboard.projects} milestones={dashboard.milestones} />
      </Section>
      {dashboard.indicators.length > 0 ? (
        <>
          <Section id="follow-up-totals" title={t('totals.title')} intro={t('totals.intro')}>
            <IndicatorTotals dashboard={dashboard} />
          </Section>
          <Section id="follow-up-regions" title={t('regions.title')}>
            <RegionsTable dashboard={dashboard} />
          </Section>
          <Section id="follow-up-projects" title={t('indicators.title')} intro={t('indicators.intro')}>
            <ProjectIndicators dashboard={dashboard} />
          </Section>
        </>
      ) : (
        <Text size="sm" c="dimmed">
          {t('indicators.none')}
        </Text>
      )}
    </Stack>
  );
}

/**
 * Staff: how a call's supported projects are doing, a year after the decision: each milestone's state for
 * each project (reports to review, late ones), and the impact indicators of accepted reports, per project,
 * in total and per region; with the exports and the reminders.
 */
export function FollowUpPage() {
  const { t } = useTranslation('followUp');
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const call = useQuery(callQuery(id));
  const dashboard = useQuery(followUpDashboardQuery(id));
  const title = call.data ? localized(call.data.title, locale) || call.data.slug : '';
  usePageTitle(title ? t('page.title', { call: title }) : t('page.heading'));

  if (call.isPending || dashboard.isPending) return <PageLoader />;
  if (call.isError) return <LoadError error={call.error} onRetry={() => void call.refetch()} />;
  if (dashboard.isError) return <LoadError error={dashboard.error} onRetry={() => void dashboard.refetch()} />;

  return (
    <Stack gap="lg" className="follow-up-page">
      <Stack gap={4}>
        <Text component={Link} to={`/admin/calls/${id}`} size="sm" c="tahkim.8">
          {t('page.backToCall', { call: title })}
        </Text>
        <Title order={1}>{t('page.heading')}</Title>
        <Text c="dimmed" dir="auto">
          {title}
        </Text>
        <Text size="sm">{t('page.intro')}</Text>
        <Group gap="xs" mt={4} wrap="wrap">
          <Button component={Link} to={`/admin/calls/${id}/programme`} size="xs" variant="default">
            {t('links.programme')}
          </Button>
          <Button component={Link} to={`/admin/calls/${id}/programme/report-form`} size="xs" variant="default">
            {t('links.reportForm')}
          </Button>
        </Group>
      </Stack>
      {dashboard.data.milestones.length > 0 && dashboard.data.projects.length > 0 ? <FollowUpTools callId={id} slug={call.data.slug} /> : null}
      <Dashboard dashboard={dashboard.data} callId={id} />
    </Stack>
  );
}
