import { Anchor, Stack, Text, Title } from '@mantine/core';
import type { TApplication, TFormDefinition } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { localized } from '../../calls/call-text';
import { useLocale } from '../../locale/use-locale';
import type { TAnswers } from '@tahkim/contracts';
import { formSteps } from '../answers';
import { applicationRequests } from '../mutations';
import { AnswerValue } from './answer-value';

interface AnswersListProps {
  form: TFormDefinition;
  application: Pick<TApplication, 'id' | 'attachments'>;
  answers: TAnswers;
  /** Per field key, the problem to show (missing, invalid); with `onGoToStep`, a link to fix it. */
  problems?: Record<string, string>;
  onGoToStep?: (index: number) => void;
}

/** Every question and its answer, step by step (review before submitting, and the submitted view). */
export function AnswersList({ form, application, answers, problems = {}, onGoToStep }: AnswersListProps) {
  const { t } = useTranslation('applications');
  const { locale } = useLocale();

  return (
    <Stack gap="xl">
      {formSteps(form).map((step, index) => (
        <Stack key={step.section.key} gap="sm" component="section" aria-labelledby={`review-${step.section.key}`}>
          <Title order={3} fz="lg" id={`review-${step.section.key}`}>
            {localized(step.section.title, locale)}
          </Title>
          <dl className="answers-list">
            {step.fields.map((field) => {
              const problem = problems[field.key];
              return (
                <div key={field.key} className="answer-row" data-problem={problem ? true : undefined}>
                  <dt>
                    <Text fw={600} size="sm">
                      {localized(field.label, locale)}
                      {field.required ? <span aria-hidden="true"> *</span> : null}
                    </Text>
                  </dt>
                  <dd>
                    <AnswerValue
                      field={field}
                      value={answers[field.key]}
                      attachments={application.attachments}
                      downloadPath={(file) => applicationRequests.attachmentDownloadPath(application.id, file.id)}
                    />
                    {problem ? (
                      <Text size="sm" c="red" fw={500}>
                        {problem}{' '}
                        {onGoToStep ? (
                          <Anchor component="button" type="button" size="sm" onClick={() => onGoToStep(index)}>
                            {t('review.fixLink', { step: localized(step.section.title, locale) })}
                          </Anchor>
                        ) : null}
                      </Text>
                    ) : null}
                  </dd>
                </div>
              );
            })}
          </dl>
        </Stack>
      ))}
    </Stack>
  );
}
