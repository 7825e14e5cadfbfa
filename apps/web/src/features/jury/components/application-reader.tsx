import { Stack, Text, Title } from '@mantine/core';
import type { TJuryApplicationView } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { formSteps } from '../../applications/answers';
import { AnswerValue } from '../../applications/components/answer-value';
import { localized } from '../../calls/call-text';
import { useLocale } from '../../locale/use-locale';
import { juryRequests } from '../jury-api';

/**
 * The application as the API lets this juror see it: answers in the form's order and the files as
 * download links (with the neutral names the API gives in a blind round).
 */
export function ApplicationReader({ view }: { view: TJuryApplicationView }) {
  const { t } = useTranslation('jury');
  const { locale } = useLocale();
  const steps = formSteps(view.form);

  return (
    <Stack gap="xl" component="section" aria-labelledby="reader-heading">
      <Stack gap={4}>
        <Title order={2} fz="h3" id="reader-heading">
          {t('reader.heading')}
        </Title>
        {view.blind ? (
          <Text size="sm" c="dimmed">
            {t('reader.blind')}
          </Text>
        ) : null}
      </Stack>
      {steps.map((step) => (
        <Stack key={step.section.key} gap="sm" component="section" aria-labelledby={`reader-${step.section.key}`}>
          <Title order={3} fz="lg" id={`reader-${step.section.key}`}>
            {localized(step.section.title, locale)}
          </Title>
          <dl className="answers-list">
            {step.fields.map((field) => (
              <div key={field.key} className="answer-row">
                <dt>
                  <Text fw={600} size="sm">
                    {localized(field.label, locale)}
                  </Text>
                </dt>
                <dd>
                  <AnswerValue
                    field={field}
                    value={view.answers[field.key]}
                    attachments={view.attachments}
                    downloadPath={(file) => juryRequests.attachmentDownloadPath(view.assignmentId, file.id)}
                  />
                </dd>
              </div>
            ))}
          </dl>
        </Stack>
      ))}
    </Stack>
  );
}
