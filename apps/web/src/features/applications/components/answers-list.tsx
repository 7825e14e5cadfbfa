import type { TAnswers, TApplication, TAttachment, TFormDefinition } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { localized } from '../../calls/call-text';
import { useLocale } from '../../locale/use-locale';
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
  /** The sections' heading level: 3 under the review step's own heading, 2 right under the page's. */
  headingLevel?: 2 | 3;
  /** Where a file is downloaded from: the application's attachments unless said otherwise (a progress report's). */
  downloadPath?: (attachment: TAttachment) => string;
}

/** Every question and its answer, step by step (review before submitting, and the submitted view). */
export function AnswersList({ form, application, answers, problems = {}, onGoToStep, headingLevel = 3, downloadPath }: AnswersListProps) {
  const { t } = useTranslation('applications');
  const { locale } = useLocale();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  return (
    <div className="stack gap-xl">
      {formSteps(form).map((step, index) => (
        <section key={step.section.key} className="stack gap-sm" aria-labelledby={`review-${step.section.key}`}>
          <Heading className="heading heading-lg" id={`review-${step.section.key}`}>
            {localized(step.section.title, locale)}
          </Heading>
          <dl className="answers-list">
            {step.fields.map((field) => {
              const problem = problems[field.key];
              return (
                <div key={field.key} className="answer-row" data-problem={problem ? true : undefined}>
                  <dt>
                    <p className="text text-sm text-strong">
                      {localized(field.label, locale)}
                      {field.required ? <span aria-hidden="true"> *</span> : null}
                    </p>
                  </dt>
                  <dd>
                    <AnswerValue
                      field={field}
                      value={answers[field.key]}
                      attachments={application.attachments}
                      downloadPath={downloadPath ?? ((file) => applicationRequests.attachmentDownloadPath(application.id, file.id))}
                    />
                    {problem ? (
                      <p className="text text-sm text-danger answer-problem">
                        {problem}{' '}
                        {onGoToStep ? (
                          <button type="button" className="link-button" onClick={() => onGoToStep(index)}>
                            {t('review.fixLink', { step: localized(step.section.title, locale) })}
                          </button>
                        ) : null}
                      </p>
                    ) : null}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </div>
  );
}
