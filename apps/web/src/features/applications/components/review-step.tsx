import { Alert, Stack, Text, Title } from '@mantine/core';
import { allFields, checkAnswers, type TAnswers, type TApplication, type TFormDefinition } from '@tahkim/contracts';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { AnswersList } from './answers-list';
import { answerErrorMessage, answerErrors } from '../field-errors';

interface ReviewStepProps {
  headingRef: RefObject<HTMLHeadingElement | null>;
  form: TFormDefinition;
  application: Pick<TApplication, 'id' | 'attachments'>;
  values: TAnswers;
  errorFor: (key: string) => string | undefined;
  onGoToStep: (index: number) => void;
  error: string | null;
  closed: boolean;
}

/** Every answer before submitting; what is missing or wrong is highlighted, with a link to its step. */
export function ReviewStep({ headingRef, form, application, values, errorFor, onGoToStep, error, closed }: ReviewStepProps) {
  const { t } = useTranslation('applications');
  const fields = new Map(allFields(form).map((field) => [field.key, field]));
  const problems: Record<string, string> = {};
  for (const [key, error] of Object.entries(answerErrors(checkAnswers(form, values, 'submit')))) {
    const field = fields.get(key);
    if (field) problems[key] = answerErrorMessage(error, field, t) ?? '';
  }
  for (const key of fields.keys()) {
    const serverMessage = errorFor(key);
    if (serverMessage && !problems[key]) problems[key] = serverMessage;
  }
  const count = Object.keys(problems).length;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={2} fz="xl" ref={headingRef} tabIndex={-1}>
          {t('review.title')}
        </Title>
        <Text c="dimmed">{t('review.intro')}</Text>
      </Stack>
      {closed ? (
        <Alert color="red" variant="light">
          {t('review.closed')}
        </Alert>
      ) : count > 0 ? (
        <Alert color="orange" variant="light">
          {t('review.problems', { count })}
        </Alert>
      ) : (
        <Alert color="green" variant="light">
          {t('review.ready')}
        </Alert>
      )}
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      ) : null}
      <AnswersList form={form} application={application} answers={values} problems={problems} onGoToStep={onGoToStep} />
    </Stack>
  );
}
