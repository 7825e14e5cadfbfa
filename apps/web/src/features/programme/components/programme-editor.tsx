import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ZProgramme, type TProgramme } from '@tahkim/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { ApiError } from '../../../lib/api';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { zodResolver } from '../../../lib/form-resolver';
import { formatDateTime } from '../../../lib/format';
import { useLocale } from '../../locale/use-locale';
import { useSaveProgrammeMutation } from '../mutations';
import { programmeToFormValues, savedKeys, toProgrammeRequest, ZProgrammeFormValues, type ProgrammeFormOutput, type ProgrammeFormValues } from '../programme-form-values';
import { callProgrammeQuery } from '../queries';
import { IndicatorsSection } from './indicators-section';
import { MilestonesSection } from './milestones-section';

/**
 * The whole programme as one form, saved at once with the version it was read at. A version conflict
 * says so in the API's words and shows the programme saved meanwhile; the API's field errors go to their fields.
 */
export function ProgrammeEditor({ callId, saved }: { callId: string; saved: TProgramme }) {
  const { t } = useTranslation('programme');
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const save = useSaveProgrammeMutation(callId);
  // The programme the form rests on (its version goes with the save): after a conflict, the one saved meanwhile.
  const [base, setBase] = useState(saved);
  const [conflict, setConflict] = useState<string | null>(null);
  const form = useForm<ProgrammeFormValues, unknown, ProgrammeFormOutput>({ resolver: zodResolver(ZProgrammeFormValues), defaultValues: programmeToFormValues(saved) });
  const { errors, isDirty, isSubmitting, submitCount } = form.formState;
  const hasFieldErrors = errors.milestones !== undefined || errors.indicators !== undefined;

  // Closing or reloading the tab with unsaved changes asks first.
  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  const adopt = (programme: TProgramme) => {
    setBase(programme);
    form.reset(programmeToFormValues(programme));
  };

  /** The programme saved meanwhile, after a 409 VERSION_CONFLICT (from the answer, else read again); undefined for any other failure. */
  const savedMeanwhile = async (failure: unknown): Promise<TProgramme | undefined> => {
    if (!(failure instanceof ApiError) || failure.code !== 'VERSION_CONFLICT') return undefined;
    const current = ZProgramme.safeParse((failure.details as { current?: unknown } | null | undefined)?.current);
    if (current.success) return current.data;
    return queryClient.fetchQuery({ ...callProgrammeQuery(callId), staleTime: 0 });
  };

  const submit = form.handleSubmit(async (values) => {
    setConflict(null);
    try {
      adopt(await save.mutateAsync(toProgrammeRequest(values, base.version, savedKeys(base))));
      notifications.show({ color: 'tahkim', message: t('saved') });
    } catch (failure) {
      const current = await savedMeanwhile(failure).catch(() => undefined);
      if (current) {
        adopt(current);
        setConflict((failure as ApiError).message);
        return;
      }
      applyApiErrorToForm(failure, form);
    }
  });

  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={submit} aria-label={t('page.heading')}>
        <Stack gap="lg">
          <MilestonesSection />
          <IndicatorsSection />
          {conflict ? (
            <Alert color="orange" variant="light" role="alert" data-testid="programme-conflict">
              <Stack gap={4}>
                <Text size="sm">{conflict}</Text>
                <Text size="sm">{t('conflict')}</Text>
              </Stack>
            </Alert>
          ) : null}
          <FormErrorAlert message={errors.root?.server?.message} />
          <Group justify="space-between" wrap="wrap" gap="sm" className="programme-save-bar">
            <Stack gap={2}>
              <Text size="sm" c={isDirty ? 'orange.9' : 'dimmed'} role="status" aria-live="polite" data-testid="save-state">
                {isDirty ? t('save.unsaved') : base.updatedAt ? t('save.savedAt', { date: formatDateTime(base.updatedAt, locale) }) : t('save.never')}
              </Text>
              {submitCount > 0 && hasFieldErrors ? (
                <Text size="sm" c="red" role="alert">
                  {t('errors.summary')}
                </Text>
              ) : null}
            </Stack>
            <Button type="submit" loading={isSubmitting} disabled={!isDirty}>
              {t('save.button')}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}
