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
    <div className="stack gap-lg">
      <div className="stack gap-2xs">
        <h2 className="heading heading-xl" ref={headingRef} tabIndex={-1}>
          {t('review.title')}
        </h2>
        <p className="text text-dimmed">{t('review.intro')}</p>
      </div>
      {closed ? (
        <div className="alert" data-color="red">
          {t('review.closed')}
        </div>
      ) : count > 0 ? (
        <div className="alert" data-color="orange">
          {t('review.problems', { count })}
        </div>
      ) : (
        <div className="alert" data-color="green">
          {t('review.ready')}
        </div>
      )}
      {error ? (
        <div className="alert" data-color="red" role="alert">
          {error}
        </div>
      ) : null}
      <AnswersList form={form} application={application} answers={values} problems={problems} onGoToStep={onGoToStep} />
    </div>
  );
}
