import { Alert, Button, Text } from '@mantine/core';
import { allFields, isEmptyAnswer, type TAnswers, type TAttachment, type TProgressReport } from '@tahkim/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { answersToSave, formSteps, formValuesFrom } from '../../applications/answers';
import { answersResolver } from '../../applications/answers-resolver';
import { ConflictScreen } from '../../applications/components/conflict-screen';
import { FieldInput } from '../../applications/components/field-input';
import { SaveStatusIndicator } from '../../applications/components/save-status';
import { StepFields } from '../../applications/components/step-fields';
import { createDraftStore, startingPoint } from '../../applications/draft-storage';
import { answerErrorMessage } from '../../applications/field-errors';
import { useAutosave, useFormAutosave } from '../../applications/use-autosave';
import { storeReport } from '../mutations';
import { progressReportQuery } from '../queries';
import { draftAnswersOf, INDICATORS_SECTION_KEY, issueKey, splitDraft } from '../report-draft';
import { reportAttachmentRoutes, reportsApi } from '../reports-api';
import { useDraftForm } from '../use-draft-form';

interface ReportFormProps {
  report: TProgressReport;
  /** After the report was sent (the page turns read-only). */
  onSubmitted: () => void;
}

/** What is saved of a report, as the form holds it: its answers, its files, its indicators' values. */
const savedOf = (report: TProgressReport) => ({ version: report.version, answers: draftAnswersOf(report), attachments: report.attachments });

/**
 * A milestone's report while the project writes it: the report form's questions, then the period's
 * indicators; saved by itself as the application form is (debounce, version, a copy on this device, the
 * choice between two versions on a conflict), then sent.
 */
export function ReportForm({ report, onSubmitted }: ReportFormProps) {
  const { t } = useTranslation('reports');
  const { t: tApplications } = useTranslation('applications');
  const queryClient = useQueryClient();
  const applicationId = report.applicationId;
  const milestoneKey = report.milestone.key;
  // The form owns the report once loaded: later answers of the API (saves, uploads) do not reset it.
  const [initial] = useState(report);
  const form = useDraftForm(initial.form.definition, initial.indicators);
  const steps = useMemo(() => formSteps(form), [form]);
  // This browser's copy of what is not saved yet, kept apart from the application's own (another key).
  const [store] = useState(() => createDraftStore(`${applicationId}/report/${milestoneKey}`));
  const [start] = useState(() => startingPoint(form, savedOf(initial), store));
  const [routes] = useState(() => reportAttachmentRoutes(applicationId, milestoneKey));
  const savedRef = useRef<TAnswers>(draftAnswersOf(initial));
  const [attachments, setAttachments] = useState<TAttachment[]>(initial.attachments);
  const [invalidCount, setInvalidCount] = useState(0);
  const savedAnswersOf = (saved: TProgressReport) => answersToSave(form, formValuesFrom(form, savedOf(saved)));

  const { controller, state } = useAutosave<TProgressReport>(
    { version: initial.version, answers: savedAnswersOf(initial) },
    {
      save: (answers, version) => reportsApi.save(applicationId, milestoneKey, { version, ...splitDraft(answers, initial.indicators) }),
      savedAnswersOf,
      onSaved: (saved) => {
        savedRef.current = draftAnswersOf(saved);
        void storeReport(queryClient, saved);
      },
      store,
    },
  );

  // Required answers are asked for once the person tries to send; until then only what is given is checked.
  const submitModeRef = useRef(false);
  const resolver = useMemo(() => answersResolver(form, () => (submitModeRef.current ? 'submit' : 'draft')), [form]);
  const rhf = useForm<TAnswers>({ defaultValues: start.values, resolver, mode: 'onTouched' });

  useFormAutosave({ form, subscribe: (push) => rhf.watch((next) => push(next as TAnswers)), controller, start, saved: initial, savedRef, onInvalidCount: setInvalidCount });

  const status = state.status;
  // Sent (or reviewed) elsewhere meanwhile: nothing here can be saved any more; the page shows it as it is.
  const sentElsewhere = status.kind === 'conflict' && !status.current.editable ? status.current : null;
  useEffect(() => {
    if (sentElsewhere) void storeReport(queryClient, sentElsewhere);
  }, [sentElsewhere, queryClient]);

  const refresh = () => void queryClient.fetchQuery({ ...progressReportQuery(applicationId, milestoneKey), staleTime: 0 }).catch(() => undefined);

  const onFilesChange = (fieldKey: string, files: TAttachment[]) => {
    setAttachments((previous) => [...previous.filter((file) => file.fieldKey !== fieldKey), ...files]);
    rhf.setValue(fieldKey, files.map((file) => file.id), { shouldValidate: true, shouldDirty: true });
    // An upload may move the report's version: continue from it when nothing else changed.
    void queryClient
      .fetchQuery({ ...progressReportQuery(applicationId, milestoneKey), staleTime: 0 })
      .then((fresh) => controller.serverChanged(fresh))
      .catch(() => undefined);
  };

  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const submittingRef = useRef(false);
  const onSubmit = async () => {
    if (submittingRef.current) return;
    submittingRef.current = true;
    submitModeRef.current = true;
    setSubmitting(true);
    setSubmitError(null);
    try {
      if (!(await rhf.trigger(undefined, { shouldFocus: true }))) {
        setSubmitError(t('form.fixFirst'));
        return;
      }
      // A report never saved (nothing typed) is saved once, so that there is a version to send.
      if (!(await controller.flush(controller.getState().version === 0))) {
        setSubmitError(t('form.notSaved'));
        return;
      }
      const submitted = await reportsApi.submit(applicationId, milestoneKey, controller.getState().version);
      store.clear();
      void storeReport(queryClient, submitted);
      onSubmitted();
    } catch (error) {
      const apiError = error instanceof ApiError ? error : null;
      if (apiError?.code === 'VALIDATION_FAILED') {
        const keys = new Set(allFields(form).map((field) => field.key));
        for (const issue of apiError.issues) {
          const key = issueKey(issue);
          if (!key || !keys.has(key)) continue;
          // A missing answer reads "required" in the person's language, whatever words the API used.
          if (isEmptyAnswer(rhf.getValues(key))) rhf.setError(key, { type: 'required', message: 'required' });
          else rhf.setError(key, { type: issue.code, message: issue.message });
        }
      }
      if (apiError?.code === 'VERSION_CONFLICT') {
        const current = (apiError.details as { current?: TProgressReport } | undefined)?.current;
        if (current) controller.showConflict(current, answersToSave(form, rhf.getValues()));
      }
      setSubmitError(apiError?.code === 'VALIDATION_FAILED' ? t('form.fixFirst') : (apiError?.message ?? t('form.submitFailed')));
    } finally {
      submittingRef.current = false;
      setSubmitting(false);
    }
  };

  const errorFor = (key: string) => {
    const field = allFields(form).find((candidate) => candidate.key === key);
    const error = rhf.formState.errors[key] as FieldError | undefined;
    return field ? answerErrorMessage(error, field, tApplications) : undefined;
  };

  const headingRef = useRef<HTMLHeadingElement>(null);
  const locked = status.kind === 'failed' && status.error.code === 'CONFLICT';

  return (
    <div className="stack gap-lg">
      <SaveStatusIndicator status={status} invalidCount={invalidCount} />
      {start.restored ? (
        <Alert color="blue" variant="light">
          {t('form.restored')}
        </Alert>
      ) : null}
      {locked ? (
        <Alert color="orange" variant="light" data-testid="report-locked">
          <div className="stack gap-xs">
            <Text size="sm">{t('form.locked')}</Text>
            <Button variant="default" size="xs" onClick={refresh} style={{ alignSelf: 'flex-start' }}>
              {t('form.reload')}
            </Button>
          </div>
        </Alert>
      ) : null}
      {status.kind === 'conflict' ? (
        sentElsewhere ? null : (
          <ConflictScreen
            form={form}
            mine={status.mine}
            base={status.base}
            current={{ answers: draftAnswersOf(status.current) }}
            saving={false}
            texts={{ heading: t('conflict.heading'), intro: t('conflict.intro') }}
            onResolve={(merged) => {
              const fresh = formValuesFrom(form, { answers: merged, attachments: status.current.attachments });
              savedRef.current = draftAnswersOf(status.current);
              setAttachments(status.current.attachments);
              rhf.reset(fresh);
              void controller.resolveConflict(answersToSave(form, fresh), status.current);
            }}
          />
        )
      ) : (
        <form noValidate onSubmit={(event) => event.preventDefault()} aria-label={t('form.label')}>
          <div className="stack gap-xl">
            {steps.map((step) =>
              step.section.key === INDICATORS_SECTION_KEY ? (
                <fieldset key={step.section.key} className="stack gap-lg step-fieldset" aria-labelledby="report-indicators-title" data-testid="report-indicators">
                  <div className="stack gap-2xs">
                    <h2 className="heading heading-xl" id="report-indicators-title">
                      {t('indicators.title')}
                    </h2>
                    <p className="text text-dimmed">{t('indicators.intro')}</p>
                  </div>
                  {step.fields.map((field) => (
                    <FieldInput key={field.key} field={field} control={rhf.control} />
                  ))}
                </fieldset>
              ) : (
                <StepFields
                  key={step.section.key}
                  headingRef={headingRef}
                  step={step}
                  control={rhf.control}
                  attachmentRoutes={routes}
                  attachments={attachments}
                  errorFor={errorFor}
                  onFilesChange={onFilesChange}
                  requiredHint={t('form.requiredHint')}
                />
              ),
            )}
            {submitError ? (
              <Alert color="red" variant="light" role="alert" data-testid="report-submit-error">
                {submitError}
              </Alert>
            ) : null}
            <div className="stack gap-xs">
              <Text size="sm" c="dimmed" id="report-submit-hint">
                {t('form.submitHint')}
              </Text>
              <div className="report-actions">
                <Button onClick={() => void onSubmit()} loading={submitting} disabled={locked} aria-describedby="report-submit-hint">
                  {t('form.submit')}
                </Button>
              </div>
            </div>
          </div>
        </form>
      )}
    </div>
  );
}
