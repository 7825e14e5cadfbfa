import { allFields, type TAnswers, type TApplication, type TAttachment, type TFormDefinition } from '@tahkim/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, useWatch, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../../lib/api';
import { answersResolver } from '../answers-resolver';
import { answersToSave, formSteps, formValuesFrom, missingPerStep } from '../answers';
import { applicationAttachmentRoutes } from '../attachment-routes';
import { createDraftStore, startingPoint } from '../draft-storage';
import { answerErrorMessage } from '../field-errors';
import { applicationRequests, storeApplication } from '../mutations';
import { applicationKeys, applicationQuery } from '../queries';
import { useAutosave, useFormAutosave } from '../use-autosave';
import { withMantine } from '../../../app/with-mantine';
import { ReviewStep } from './review-step';
import { SaveStatusIndicator } from './save-status';
import { StepFields } from './step-fields';
import { StepProgress } from './step-progress';


/** Shown only when two saves conflict: its code (and Mantine's) come then. */
const ConflictScreen = withMantine(() => import('./conflict-screen').then((module) => module.ConflictScreen));

interface ApplicationFormProps {
  application: TApplication;
  form: TFormDefinition;
}

/** The multi-step application form: one step per section, then the review; saves by itself. */
export function ApplicationForm({ application, form }: ApplicationFormProps) {
  const { t } = useTranslation('applications');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const steps = useMemo(() => formSteps(form), [form]);
  const [params, setParams] = useSearchParams();
  const stepParam = params.get('step');
  const current = stepParam === 'review' ? steps.length : Math.min(Math.max(Number(stepParam ?? '1') - 1 || 0, 0), steps.length);
  const onReview = current === steps.length;

  const [store] = useState(() => createDraftStore(application.id));
  const [start] = useState(() => startingPoint(form, application, store));
  const [attachmentRoutes] = useState(() => applicationAttachmentRoutes(application.id));
  const savedRef = useRef<TAnswers>(application.answers);
  const [attachments, setAttachments] = useState<TAttachment[]>(application.attachments);
  const [invalidCount, setInvalidCount] = useState(0);

  const { controller, state } = useAutosave(
    { version: application.version, answers: answersToSave(form, formValuesFrom(form, application)) },
    {
      save: (answers, version) => applicationRequests.save(application.id, { version, answers }),
      savedAnswersOf: (saved) => answersToSave(form, formValuesFrom(form, saved)),
      onSaved: (saved) => {
        savedRef.current = saved.answers;
        queryClient.setQueryData(applicationKeys.detail(saved.id), saved);
      },
      store,
    },
  );

  const reviewRef = useRef(onReview);
  reviewRef.current = onReview;
  const resolver = useMemo(() => answersResolver(form, () => (reviewRef.current ? 'submit' : 'draft')), [form]);

  const rhf = useForm<TAnswers>({ defaultValues: start.values, resolver, mode: 'onTouched' });
  const values = useWatch({ control: rhf.control }) as TAnswers;
  const missing = missingPerStep(steps, values);

  // Every change goes to the autosave (and this browser's copy) as it happens.
  useFormAutosave({ form, subscribe: (push) => rhf.watch((next) => push(next as TAnswers)), controller, start, saved: application, savedRef, onInvalidCount: setInvalidCount });

  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
    window.scrollTo({ top: 0 });
  }, [current]);

  const goTo = (index: number) => {
    void controller.flush();
    const next = new URLSearchParams(params);
    next.set('step', index >= steps.length ? 'review' : String(index + 1));
    setParams(next);
  };

  const onFilesChange = (fieldKey: string, files: TAttachment[]) => {
    setAttachments((previous) => [...previous.filter((file) => file.fieldKey !== fieldKey), ...files]);
    rhf.setValue(fieldKey, files.map((file) => file.id), { shouldValidate: true, shouldDirty: true });
    // An upload may move the application's version: continue from it when nothing else changed.
    void queryClient
      .fetchQuery({ ...applicationQuery(application.id), staleTime: 0 })
      .then((fresh) => controller.serverChanged(fresh))
      .catch(() => undefined);
  };

  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const submittingRef = useRef(false);
  const onSubmit = async () => {
    if (submittingRef.current) return;
    submittingRef.current = true;
    setSubmitting(true);
    setSubmitError(null);
    try {
      if (!(await rhf.trigger())) {
        setSubmitError(t('review.fixFirst'));
        return;
      }
      if (!(await controller.flush())) {
        setSubmitError(t('review.notSaved'));
        return;
      }
      const submitted = await applicationRequests.submit(application.id, controller.getState().version);
      store.clear();
      void navigate(`/portal/applications/${application.id}/submitted`, { replace: true });
      void storeApplication(queryClient, submitted);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : null;
      if (apiError?.code === 'VALIDATION_FAILED') {
        const keys = new Set(allFields(form).map((field) => field.key));
        for (const issue of apiError.issues) {
          const path = issue.path[0] === 'answers' ? issue.path.slice(1) : issue.path;
          const key = String(path[0] ?? '');
          if (keys.has(key)) rhf.setError(key, { type: issue.code, message: issue.message });
        }
      }
      if (apiError?.code === 'VERSION_CONFLICT') {
        const current = (apiError.details as { current?: TApplication } | undefined)?.current;
        if (current) controller.showConflict(current, answersToSave(form, rhf.getValues()));
      }
      setSubmitError(apiError?.message ?? t('review.submitFailed'));
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  };

  const errorFor = (key: string) => {
    const field = allFields(form).find((candidate) => candidate.key === key);
    const error = rhf.formState.errors[key] as FieldError | undefined;
    return field ? answerErrorMessage(error, field, t) : undefined;
  };

  const status = state.status;

  // The heading (call, deadline) is the page's (ApplicationHeading), shown before the form arrives.
  return (
    <div className="stack gap-lg">
      <SaveStatusIndicator status={status} invalidCount={invalidCount} />
      {start.restored ? (
        <div className="alert" data-color="blue">
          {t('form.restored')}
        </div>
      ) : null}
      {status.kind === 'conflict' ? (
        <ConflictScreen
          form={form}
          mine={status.mine}
          base={status.base}
          current={status.current}
          saving={false}
          onResolve={(merged) => {
            const fresh = formValuesFrom(form, { answers: merged, attachments: status.current.attachments });
            savedRef.current = status.current.answers;
            setAttachments(status.current.attachments);
            rhf.reset(fresh);
            void controller.resolveConflict(answersToSave(form, fresh), status.current);
          }}
        />
      ) : (
        <>
          <StepProgress steps={steps} current={current} missing={missing} onSelect={goTo} />
          <form noValidate onSubmit={(event) => event.preventDefault()}>
            <div className="stack gap-lg">
              {onReview ? (
                <ReviewStep
                  headingRef={headingRef}
                  form={form}
                  application={{ id: application.id, attachments }}
                  values={values}
                  errorFor={errorFor}
                  onGoToStep={goTo}
                  error={submitError}
                  closed={!application.call.acceptingApplications}
                />
              ) : (
                <StepFields
                  headingRef={headingRef}
                  step={steps[current]!}
                  control={rhf.control}
                  attachmentRoutes={attachmentRoutes}
                  attachments={attachments}
                  errorFor={errorFor}
                  onFilesChange={onFilesChange}
                />
              )}
              <div className="cluster cluster-nowrap cluster-between form-actions">
                {current > 0 ? (
                  <button type="button" className="btn" data-variant="default" onClick={() => goTo(current - 1)}>
                    {t('form.previous')}
                  </button>
                ) : (
                  <span />
                )}
                {onReview ? (
                  <button
                    type="button"
                    className="btn"
                    onClick={() => void onSubmit()}
                    data-loading={submitting || undefined}
                    aria-busy={submitting || undefined}
                    disabled={submitting || !application.call.acceptingApplications}
                  >
                    {submitting ? <span className="spinner" aria-hidden="true" /> : null}
                    {t('review.submit')}
                  </button>
                ) : (
                  <button type="button" className="btn" onClick={() => goTo(current + 1)}>
                    {current + 1 === steps.length ? t('form.toReview') : t('form.next')}
                  </button>
                )}
              </div>
            </div>
          </form>
        </>
      )}
    </div>
  );
}
