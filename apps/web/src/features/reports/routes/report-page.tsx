import { Alert, Group, Stack, Text, Title } from '@mantine/core';
import type { TProgressReport } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { UserText } from '../../../components/user-text';
import { ApiError } from '../../../lib/api';
import { usePageTitle } from '../../../lib/use-page-title';
import '../../applications/applications.css';
import { localized } from '../../calls/call-text';
import { CallDateTime } from '../../calls/components/call-dates';
import { useLocale } from '../../locale/use-locale';
import { NotFoundPage } from '../../system/routes/not-found-page';
import { MilestoneStateBadge } from '../components/milestone-state-badge';
import { ReportForm } from '../components/report-form';
import { ReportHistory } from '../components/report-history';
import { ReportView } from '../components/report-view';
import { progressReportQuery } from '../queries';
import '../reports.css';
import { useDraftForm } from '../use-draft-form';

/** The milestone, its due date and where it stands; a late report and staff's request for changes said plainly. */
function ReportHeading({ report, headingRef }: { report: TProgressReport; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const { t } = useTranslation('reports');
  const { locale } = useLocale();
  const { milestone } = report;
  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Text size="sm" c="dimmed">
          {t('page.eyebrow')}
          {report.title ? (
            <>
              {' · '}
              <bdi>{report.title}</bdi>
            </>
          ) : null}
        </Text>
        <Title order={1} fz={{ base: 24, sm: 32 }} className="report-title" ref={headingRef} tabIndex={-1} dir="auto">
          {localized(milestone.title, locale)}
        </Title>
        <Group gap="sm" wrap="wrap">
          <MilestoneStateBadge state={report.state} />
          {report.reference ? (
            <Text size="sm">
              {t('page.reference')}{' '}
              <Text span fw={700} dir="ltr">
                {report.reference}
              </Text>
            </Text>
          ) : null}
        </Group>
        <Text size="sm">
          <span className="text-strong">{t('page.due')}</span> <CallDateTime iso={milestone.dueAt} local={milestone.dueAtLocal} />
        </Text>
        {milestone.description && localized(milestone.description, locale) ? <Text dir="auto">{localized(milestone.description, locale)}</Text> : null}
      </Stack>
      {report.state === 'LATE' ? (
        <Alert color="red" variant="light" title={t('page.lateTitle')} data-testid="report-late">
          {t('page.late')}
        </Alert>
      ) : null}
      {report.status === 'CHANGES_REQUESTED' ? (
        <Alert color="orange" variant="light" title={t('page.changesTitle')} data-testid="report-changes-requested">
          <Stack gap="xs">
            <Text size="sm">{t('page.changesIntro')}</Text>
            {report.reviewComment ? (
              <blockquote className="report-comment">
                <UserText fw={500}>{report.reviewComment}</UserText>
              </blockquote>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}

function ReportContent({ report }: { report: TProgressReport }) {
  const form = useDraftForm(report.form.definition, report.indicators);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const onSubmitted = () => {
    // The form gives way to the report as sent: the heading takes the focus, the notice is read out.
    window.scrollTo({ top: 0 });
    requestAnimationFrame(() => headingRef.current?.focus());
  };
  return (
    <Stack gap="xl">
      <ReportHeading report={report} headingRef={headingRef} />
      {report.editable ? (
        <ReportForm key={`${report.applicationId}:${report.milestone.key}`} report={report} onSubmitted={onSubmitted} />
      ) : (
        <ReportView report={report} form={form} />
      )}
      <ReportHistory history={report.history} />
    </Stack>
  );
}

/** A milestone's progress report, in the supported project's area: written and sent while it may be, read afterwards. */
export function ReportPage() {
  const { id = '', milestoneKey = '' } = useParams();
  const { t } = useTranslation('reports');
  const { locale } = useLocale();
  const report = useQuery(progressReportQuery(id, milestoneKey));
  usePageTitle(report.data ? localized(report.data.milestone.title, locale) : t('page.title'));

  if (report.error instanceof ApiError && report.error.status === 404) return <NotFoundPage />;
  let content;
  if (report.error) content = <LoadError error={report.error} onRetry={() => void report.refetch()} />;
  else if (!report.data) content = <PageLoader />;
  else content = <ReportContent report={report.data} />;

  return (
    <div className="container container-md page-block">
      <div className="stack">
        <Link to={`/portal/applications/${encodeURIComponent(id)}`} className="link text-sm link-start">
          {t('page.back')}
        </Link>
        {content}
      </div>
    </div>
  );
}
