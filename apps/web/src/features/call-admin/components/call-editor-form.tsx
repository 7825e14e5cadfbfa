import { zodResolver } from '../../../lib/form-resolver';
import { Button, Card, Group, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import type { TFormDefinition } from '@tahkim/contracts';
import { useEffect, useState, type ReactNode } from 'react';
import { Controller, FormProvider, useForm, useWatch, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../components/form-error-alert';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { casablancaLocalToUtc, casablancaOffsetLabel, isLocalDateTime } from '../casablanca-time';
import { ZCallFormValues, type CallFormOutput, type CallFormValues } from '../call-form-values';
import { EligibilityRulesEditor } from './eligibility-rules-editor';
import { LocalizedTextsTabs } from './localized-texts-tabs';
import { DateTimeField } from '../../../components/date-time-field';
import { NumberField } from '../../../components/number-field';
import { slugFromTitle, slugSourceTitle } from '../slug-from-title';

/** The two dates, typed in Casablanca wall-clock time. */
const DATE_FIELDS = ['opensAt', 'closesAt'] as const;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={id}>
      <Stack gap="md">
        <Title id={id} order={2} fz="lg">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

interface CallEditorFormProps {
  defaultValues: CallFormValues;
  /** The call's form, for the eligibility rules (none yet for a new call). */
  form: TFormDefinition | undefined;
  submitLabel: string;
  onSubmit: (values: CallFormOutput, dirty: Partial<Record<keyof CallFormOutput, unknown>>) => Promise<void>;
  onDirtyChange?: (dirty: boolean) => void;
  aside?: ReactNode;
}

/** The call's settings, texts and eligibility rules, as one form saved at once. */
export function CallEditorForm({ defaultValues, form: definition, submitLabel, onSubmit, onDirtyChange, aside }: CallEditorFormProps) {
  const { t } = useTranslation('callAdmin');
  const form = useForm<CallFormValues, unknown, CallFormOutput>({ resolver: zodResolver(ZCallFormValues), defaultValues });
  const {
    register,
    control,
    formState: { errors, isSubmitting, isDirty, dirtyFields },
  } = form;
  useEffect(() => onDirtyChange?.(isDirty), [isDirty, onDirtyChange]);
  const [opensAt, closesAt] = useWatch({ control, name: ['opensAt', 'closesAt'] });
  // A new call's address follows its title until the person types an address of their own.
  const [deriveSlug, setDeriveSlug] = useState(defaultValues.slug === '');
  const title = useWatch({ control, name: 'title' });
  useEffect(() => {
    if (!deriveSlug || !title) return;
    form.setValue('slug', slugFromTitle(slugSourceTitle(title)), { shouldDirty: true, shouldValidate: form.formState.isSubmitted });
  }, [deriveSlug, title, form]);

  const submit = form.handleSubmit(async (values) => {
    try {
      await onSubmit(values, dirtyFields as Partial<Record<keyof CallFormOutput, unknown>>);
    } catch (error) {
      applyApiErrorToForm(error, form);
    }
  });

  const patternError = (error: FieldError | undefined, hint: string) =>
    error ? (error.type === 'invalid_format' ? hint : error.message) : undefined;

  const dateHint = (value: string | undefined) =>
    value && isLocalDateTime(value) ? t('editor.hints.dateZone', { offset: casablancaOffsetLabel(casablancaLocalToUtc(value)) }) : t('editor.hints.dateZoneGeneric');

  return (
    <FormProvider {...form}>
      <form onSubmit={submit} noValidate>
        <Stack gap="lg">
          <FormErrorAlert message={errors.root?.server?.message} />
          {aside}
          <Section id="call-texts" title={t('editor.sections.texts')}>
            <LocalizedTextsTabs />
          </Section>
          <Section id="call-settings" title={t('editor.sections.settings')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('editor.fields.slug')}
                description={t(deriveSlug ? 'editor.hints.slugFromTitle' : 'editor.hints.slug')}
                dir="ltr"
                required
                autoComplete="off"
                error={patternError(errors.slug, t('editor.errors.slug'))}
                {...register('slug', { onChange: () => setDeriveSlug(false) })}
              />
              <TextInput
                label={t('editor.fields.referencePrefix')}
                description={t('editor.hints.referencePrefix')}
                dir="ltr"
                required
                autoComplete="off"
                error={patternError(errors.referencePrefix, t('editor.errors.referencePrefix'))}
                {...register('referencePrefix', { setValueAs: (value: string) => value.toUpperCase() })}
              />
              {DATE_FIELDS.map((name) => (
                <Controller
                  key={name}
                  control={control}
                  name={name}
                  render={({ field, fieldState }) => (
                    <DateTimeField
                      label={t(`editor.fields.${name}`)}
                      description={dateHint(name === 'opensAt' ? opensAt : closesAt)}
                      required
                      value={field.value}
                      onChange={field.onChange}
                      onBlur={field.onBlur}
                      inputRef={field.ref}
                      error={fieldState.error?.message}
                    />
                  )}
                />
              ))}
              <Controller
                control={control}
                name="maxApplicationsPerApplicant"
                render={({ field, fieldState }) => (
                  <NumberField
                    label={t('editor.fields.maxApplications')}
                    description={t('editor.hints.maxApplications')}
                    min={1}
                    max={20}
                    allowDecimal={false}
                    value={field.value}
                    onChange={(value) => field.onChange(typeof value === 'number' ? value : undefined)}
                    onBlur={field.onBlur}
                    error={fieldState.error?.message}
                  />
                )}
              />
              <Controller
                control={control}
                name="feedbackEnabled"
                render={({ field }) => (
                  <Switch
                    mt="lg"
                    label={t('editor.fields.feedbackEnabled')}
                    description={t('editor.hints.feedbackEnabled')}
                    checked={Boolean(field.value)}
                    onChange={(event) => field.onChange(event.currentTarget.checked)}
                  />
                )}
              />
            </SimpleGrid>
          </Section>
          <Section id="call-rules" title={t('editor.sections.rules')}>
            <EligibilityRulesEditor form={definition} />
          </Section>
          <Group justify="flex-end" className="sticky-actions">
            {isDirty ? (
              <Text size="sm" c="dimmed" role="status">
                {t('editor.unsaved')}
              </Text>
            ) : null}
            <Button type="submit" loading={isSubmitting}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </FormProvider>
  );
}
