import { Alert, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { TProgressReport } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { UserText } from '../../../components/user-text';
import { formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/use-page-title';
import { useLocale } from '../../locale/use-locale';
import { milestoneTitle } from '../follow-up-display';
import { MilestoneStateBadge } from '../components/milestone-state-badge';
import { ReportAnswers } from '../components/report-answers';
import { ReportHistory } from '../components/report-history';
import { ReportIndicators } from '../components/report-indicators';
import { ReviewActions } from '../components/review-actions';
import { progressReportQuery } from '../queries';
import '../follow-up.css';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function Review({ report }: { report: TProgressReport }) {
  const { t } = useTranslation('followUp');
  const { locale } = useLocale();
  const milestone = milestoneTitle(report.milestone, locale);
  return (
    <Stack gap="lg" className="follow-up-page">
      <Stack gap={4}>
        <Text component={Link} to={`/admin/calls/${report.callId}/follow-up`} size="sm" c="tahkim.8">
          {t('review.back')}
        </Text>
        <Title order={1}>
          {t('review.heading')} · <bdi>{milestone}</bdi>
        </Title>
        <Text fw={600}>
          <Text component="span" dir="ltr" inherit>
            {report.reference ?? t('project.noReference')}
          </Text>{' '}
          <Text component="span" dir="auto" inherit>
            {report.title || t('project.untitled')}
          </Text>
        </Text>
      </Stack>
      <Card withBorder radius="md" padding="md">
        <Group gap="xl" wrap="wrap" align="flex-start">
          <Fact label={t('review.state')}>
            <MilestoneStateBadge state={report.state} late={report.late} />
          </Fact>
          <Fact label={t('review.status')}>
            <Badge variant="outline" color="gray">
              {t(`status.${report.status}`)}
            </Badge>
          </Fact>
          <Fact label={t('review.dueAt')}>
            <time dateTime={report.milestone.dueAt}>{formatDateTime(report.milestone.dueAt, locale)}</time>
          </Fact>
          <Fact label={t('review.submittedAt')}>
            {report.submittedAt ? <time dateTime={report.submittedAt}>{formatDateTime(report.submittedAt, locale)}</time> : t('review.notSubmitted')}
          </Fact>
          {report.late ? (
            <Fact label={t('review.lateLabel')}>
              <Text component="span" c="red.8" fw={700} size="sm">
                {t('review.late')}
              </Text>
            </Fact>
          ) : null}
        </Group>
      </Card>
      <ReviewActions report={report} />
      {report.status === 'CHANGES_REQUESTED' && report.reviewComment ? (
        <Alert color="orange" variant="light" title={t('review.requestedTitle')}>
          <UserText size="sm">{report.reviewComment}</UserText>
        </Alert>
      ) : null}
      <Stack gap="sm" component="section" aria-labelledby="report-answers">
        <Title order={2} fz="h3" id="report-answers">
          {t('review.answers')}
        </Title>
        {report.status === 'DRAFT' ? (
          <Text size="sm" c="dimmed">
            {t('review.draft')}
          </Text>
        ) : null}
        <ReportAnswers report={report} />
      </Stack>
      {report.indicators.length > 0 ? (
        <Stack gap="sm" component="section" aria-labelledby="report-indicators">
          <Title order={2} fz="h3" id="report-indicators">
            {t('review.indicators')}
          </Title>
          <ReportIndicators report={report} />
        </Stack>
      ) : null}
      <Stack gap="sm" component="section" aria-labelledby="report-history">
        <Title order={2} fz="h3" id="report-history">
          {t('review.history')}
        </Title>
        <ReportHistory history={report.history} />
      </Stack>
    </Stack>
  );
}

/** Staff: one project's progress report for one milestone, to read and accept or send back with a comment. */
export function ReportReviewPage() {
  const { t } = useTranslation('followUp');
  const { locale } = useLocale();
  const { id = '', milestoneKey = '' } = useParams();
  const report = useQuery(progressReportQuery(id, milestoneKey));
  const milestone = report.data ? milestoneTitle(report.data.milestone, locale) : '';
  usePageTitle(report.data ? t('review.title', { project: report.data.reference ?? report.data.title ?? '', milestone }) : t('review.heading'));

  if (report.isPending) return <PageLoader />;
  if (report.isError) return <LoadError error={report.error} onRetry={() => void report.refetch()} />;
  return <Review report={report.data} />;
}
