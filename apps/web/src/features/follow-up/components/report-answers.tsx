import { Card, Stack, Text, Title } from '@mantine/core';
import { isEmptyAnswer, type TProgressReport } from '@tahkim/contracts';
import { useLocale } from '../../locale/use-locale';
import { AnswerValue } from '../../applications/components/answer-value';
import { localized } from '../../call-admin/call-display';
import { followUpApi } from '../follow-up-api';

/** The report's answers step by step, read-only; its files link to the report's own download route. */
export function ReportAnswers({ report }: { report: TProgressReport }) {
  const { locale } = useLocale();
  const answered = (key: string) => !isEmptyAnswer(report.answers[key]) || report.attachments.some((file) => file.fieldKey === key);
  return (
    <Stack gap="md">
      {report.form.definition.sections.map((section) => {
        // Questions hidden since are still shown when the report answered them.
        const fields = section.fields.filter((field) => !(field.hidden || section.hidden) || answered(field.key));
        if (fields.length === 0) return null;
        return (
          <Card key={section.key} withBorder radius="md" padding="lg" component="section" aria-labelledby={`report-${section.key}`}>
            <Stack gap="sm">
              <Title order={3} fz="lg" id={`report-${section.key}`}>
                {localized(section.title, locale) || section.key}
              </Title>
              <dl className="follow-up-answers">
                {fields.map((field) => (
                  <div key={field.key}>
                    <dt>
                      <Text fw={600} size="sm">
                        {localized(field.label, locale) || field.key}
                      </Text>
                    </dt>
                    <dd>
                      <AnswerValue
                        field={field}
                        value={report.answers[field.key]}
                        attachments={report.attachments}
                        downloadPath={(file) => followUpApi.attachmentPath(report.applicationId, report.milestone.key, file.id)}
                      />
                    </dd>
                  </div>
                ))}
              </dl>
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
