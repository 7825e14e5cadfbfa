import { Alert, Card, Stack } from '@mantine/core';
import type { TFormDefinition, TProgressReport } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { formValuesFrom } from '../../applications/answers';
import { AnswersList } from '../../applications/components/answers-list';
import { formatCallDateTime } from '../../calls/deadline';
import { useLocale } from '../../locale/use-locale';
import { draftAnswersOf } from '../report-draft';
import { reportAttachmentRoutes } from '../reports-api';

/** Where a report that can no longer be changed stands: sent and waiting, accepted, or not sent (read by staff). */
function ReportNotice({ report }: { report: TProgressReport }) {
  const { t } = useTranslation('reports');
  const { locale } = useLocale();
  if (report.status === 'SUBMITTED' && report.submittedAt) {
    return (
      <Alert color="violet" variant="light" role="status" data-testid="report-notice">
        {t('view.submitted', { date: formatCallDateTime(report.submittedAt, locale) })}
      </Alert>
    );
  }
  if (report.status === 'ACCEPTED') {
    return (
      <Alert color="green" variant="light" data-testid="report-notice">
        {report.reviewedAt ? t('view.acceptedOn', { date: formatCallDateTime(report.reviewedAt, locale) }) : t('view.accepted')}
      </Alert>
    );
  }
  return (
    <Alert color="gray" variant="light" data-testid="report-notice">
      {t('view.notEditable')}
    </Alert>
  );
}

/** A report read-only: every answer and indicator value as given, the files downloadable. */
export function ReportView({ report, form }: { report: TProgressReport; form: TFormDefinition }) {
  const routes = reportAttachmentRoutes(report.applicationId, report.milestone.key);
  const values = formValuesFrom(form, { answers: draftAnswersOf(report), attachments: report.attachments });
  return (
    <Stack gap="lg">
      <ReportNotice report={report} />
      <Card withBorder radius="md" padding="md">
        <AnswersList
          form={form}
          application={{ id: report.applicationId, attachments: report.attachments }}
          answers={values}
          headingLevel={2}
          downloadPath={(file) => routes.downloadPath(file.id)}
        />
      </Card>
    </Stack>
  );
}
