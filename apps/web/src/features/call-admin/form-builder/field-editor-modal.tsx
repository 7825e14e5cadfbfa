import { zodResolver } from '../../../lib/form-resolver';
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  SimpleGrid,
  Stack,
  Switch,
  Tabs,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  DEFAULT_MAX_FILE_SIZE_BYTES,
  DEFAULT_MAX_LENGTH,
  FIELD_TYPES,
  isRtl,
  LOCALES,
  MAX_FILE_SIZE_BYTES,
  UPLOAD_MEDIA_TYPES,
  ZFormField,
  type TFieldLimits,
  type TFieldType,
  type TFormField,
  type TFormFieldInput,
} from '@tahkim/contracts';
import { useState } from 'react';
import { Controller, useFieldArray, useForm, useFormState, useWatch, type Control, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { i18n } from '../../../app/i18n';
import { hasOptions, keyFromLabel, limitKeysFor, limitsFor, optionValueFromLabel } from './builder-state';
import { BYTES_PER_MB, MEDIA_TYPE_NAMES } from './media-types';
import { NumberField } from '../../../components/number-field';

type FieldValues = Omit<TFormFieldInput, 'help'> & { help: { ar: string; fr: string; en: string } };
type FieldControl = Control<FieldValues, unknown, TFormField>;

interface FieldEditorModalProps {
  opened: boolean;
  /** The field being edited, or undefined for a new one. */
  field: TFormField | undefined;
  /** What a new question starts from (typed in the builder's quick-add line). */
  draft?: Partial<TFormField>;
  /** Whether the field is in the saved form while applications exist: its key, type and option values are then fixed. */
  frozen: boolean;
  takenKeys: ReadonlySet<string>;
  onClose: () => void;
  onSave: (field: TFormField) => void;
}

const EMPTY = { ar: '', fr: '', en: '' };

function NumberLimit({ control, name, label, description, allowDecimal = true, min }: { control: FieldControl; name: Path<FieldValues>; label: string; description?: string; allowDecimal?: boolean; min?: number }) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NumberField
          label={label}
          description={description}
          allowDecimal={allowDecimal}
          min={min}
          value={(field.value as number | undefined) ?? ''}
          onChange={(value) => field.onChange(typeof value === 'number' ? value : undefined)}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}

function LimitsEditor({ control, type }: { control: FieldControl; type: TFieldType }) {
  const { t } = useTranslation('callAdmin');
  const keys = limitKeysFor(type);
  if (keys.length === 0 || (keys.length === 1 && keys[0] === 'currency')) return null;
  return (
    <Stack gap="sm">
      <Text fw={600} size="sm">
        {t('builder.field.limits')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {keys.includes('minLength') ? <NumberLimit control={control} name="limits.minLength" label={t('builder.limits.minLength')} allowDecimal={false} min={0} /> : null}
        {keys.includes('maxLength') ? (
          <NumberLimit
            control={control}
            name="limits.maxLength"
            label={t('builder.limits.maxLength')}
            description={t('builder.limits.maxLengthDefault', { number: DEFAULT_MAX_LENGTH[type as 'SHORT_TEXT' | 'LONG_TEXT'] })}
            allowDecimal={false}
            min={1}
          />
        ) : null}
        {keys.includes('min') ? <NumberLimit control={control} name="limits.min" label={t(type === 'MONEY' ? 'builder.limits.minMoney' : 'builder.limits.min')} /> : null}
        {keys.includes('max') ? <NumberLimit control={control} name="limits.max" label={t(type === 'MONEY' ? 'builder.limits.maxMoney' : 'builder.limits.max')} /> : null}
        {keys.includes('minChoices') ? <NumberLimit control={control} name="limits.minChoices" label={t('builder.limits.minChoices')} allowDecimal={false} min={0} /> : null}
        {keys.includes('maxChoices') ? <NumberLimit control={control} name="limits.maxChoices" label={t('builder.limits.maxChoices')} allowDecimal={false} min={1} /> : null}
        {keys.includes('maxFiles') ? (
          <NumberLimit control={control} name="limits.maxFiles" label={t('builder.limits.maxFiles')} description={t('builder.limits.maxFilesDefault')} allowDecimal={false} min={1} />
        ) : null}
        {keys.includes('maxFileSizeBytes') ? (
          <Controller
            control={control}
            name="limits.maxFileSizeBytes"
            render={({ field, fieldState }) => (
              <NumberField
                label={t('builder.limits.maxFileSize')}
                description={t('builder.limits.maxFileSizeHint', { default: DEFAULT_MAX_FILE_SIZE_BYTES / BYTES_PER_MB, max: MAX_FILE_SIZE_BYTES / BYTES_PER_MB })}
                min={0.1}
                max={MAX_FILE_SIZE_BYTES / BYTES_PER_MB}
                decimalScale={1}
                value={typeof field.value === 'number' ? Math.round((field.value / BYTES_PER_MB) * 10) / 10 : ''}
                onChange={(value) => field.onChange(typeof value === 'number' ? Math.round(value * BYTES_PER_MB) : undefined)}
                error={fieldState.error?.message}
              />
            )}
          />
        ) : null}
      </SimpleGrid>
      {keys.includes('integer') ? (
        <Controller
          control={control}
          name="limits.integer"
          render={({ field }) => <Switch label={t('builder.limits.integer')} checked={Boolean(field.value)} onChange={(event) => field.onChange(event.currentTarget.checked)} />}
        />
      ) : null}
      {keys.includes('acceptedMediaTypes') ? (
        <Controller
          control={control}
          name="limits.acceptedMediaTypes"
          render={({ field, fieldState }) => (
            <Checkbox.Group label={t('builder.limits.acceptedTypes')} description={t('builder.limits.acceptedTypesHint')} value={(field.value as string[] | undefined) ?? []} onChange={field.onChange} error={fieldState.error?.message}>
              <Group gap="md" mt="xs">
                {UPLOAD_MEDIA_TYPES.map((mediaType) => (
                  <Checkbox key={mediaType} value={mediaType} label={MEDIA_TYPE_NAMES[mediaType]} />
                ))}
              </Group>
            </Checkbox.Group>
          )}
        />
      ) : null}
    </Stack>
  );
}

function OptionsEditor({ control, frozenValues, setOptionValue }: { control: FieldControl; frozenValues: ReadonlySet<string>; setOptionValue: (index: number, value: string) => void }) {
  const { errors } = useFormState({ control });
  const valueErrors = errors.options as unknown as Record<number, { value?: unknown; label?: unknown } | undefined> | undefined;
  const { t } = useTranslation('callAdmin');
  const options = useFieldArray({ control, name: 'options' });
  const values = useWatch({ control, name: 'options' }) ?? [];
  return (
    <Stack gap="sm">
      <Text fw={600} size="sm">
        {t('builder.field.options')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('builder.field.optionsHint')}
      </Text>
      {options.fields.map((option, index) => {
        const value = values[index]?.value ?? '';
        const frozen = frozenValues.has(value);
        return (
          <Stack key={option.id} gap={4} className="builder-option" role="group" aria-label={t('builder.field.optionNumber', { number: index + 1 })}>
            <Group gap="xs" align="flex-end" wrap="wrap">
              {LOCALES.map((locale) => (
                <Controller
                  key={locale}
                  control={control}
                  name={`options.${index}.label.${locale}`}
                  render={({ field, fieldState }) => (
                    <TextInput
                      style={{ flex: '1 1 10rem' }}
                      label={t('builder.field.optionLabel', { language: t(`languages.${locale}`) })}
                      dir={isRtl(locale) ? 'rtl' : 'ltr'}
                      lang={locale}
                      value={field.value ?? ''}
                      onChange={(event) => {
                        field.onChange(event.currentTarget.value);
                        // A new option's value follows its French label (or the first label typed).
                        if (!frozen && (locale === 'fr' || !values[index]?.label?.fr)) {
                          const taken = new Set(values.filter((_, other) => other !== index).map((other) => other.value));
                          setOptionValue(index, optionValueFromLabel(event.currentTarget.value, taken));
                        }
                      }}
                      error={fieldState.error?.message}
                    />
                  )}
                />
              ))}
              <ActionIcon variant="subtle" color="red" size="lg" disabled={frozen} onClick={() => options.remove(index)} aria-label={t('builder.field.removeOption', { number: index + 1 })}>
                <span aria-hidden="true">×</span>
              </ActionIcon>
            </Group>
            {valueErrors?.[index]?.value || valueErrors?.[index]?.label ? (
              <Text size="xs" c="red">
                {t('builder.errors.optionsInvalid')}
              </Text>
            ) : null}
            <Text size="xs" c="dimmed">
              {t('builder.field.optionValue')} <code dir="ltr">{value || '—'}</code>
              {frozen ? ` · ${t('builder.field.optionFrozen')}` : ''}
            </Text>
          </Stack>
        );
      })}
      <Button variant="default" size="xs" style={{ alignSelf: 'flex-start' }} onClick={() => options.append({ value: '', label: { ...EMPTY } })}>
        {t('builder.field.addOption')}
      </Button>
    </Stack>
  );
}

function defaults(field: TFormField | undefined, draft: Partial<TFormField> | undefined, takenKeys: ReadonlySet<string>): FieldValues {
  if (!field) {
    // New questions are required unless the person says otherwise.
    const label = { ...EMPTY, ...draft?.label };
    const typed = label.fr || label.en || label.ar;
    return {
      key: typed ? keyFromLabel(typed, takenKeys) : '',
      type: draft?.type ?? 'SHORT_TEXT',
      label,
      help: { ...EMPTY },
      required: draft?.required ?? true,
      identifying: false,
      hidden: false,
      limits: {},
      options: hasOptions(draft?.type ?? 'SHORT_TEXT') ? [{ value: '', label: { ...EMPTY } }] : [],
    };
  }
  return { ...field, help: field.help ?? { ...EMPTY }, limits: { ...field.limits }, options: field.options.map((option) => ({ ...option, label: { ...option.label } })) };
}

/** Adds or edits one question of the form: its type, texts in each language, flags, limits and options. */
export function FieldEditorModal({ opened, field, draft, frozen, takenKeys, onClose, onSave }: FieldEditorModalProps) {
  const { t } = useTranslation(['callAdmin', 'common']);
  const schema = ZFormField.superRefine((value, ctx) => {
    if (takenKeys.has(value.key)) ctx.addIssue({ code: 'custom', path: ['key'], message: i18n.t('callAdmin:builder.errors.keyTaken') });
    if (!value.label.fr.trim() && !value.label.ar.trim() && !value.label.en.trim()) {
      ctx.addIssue({ code: 'custom', path: ['label', 'fr'], message: i18n.t('callAdmin:builder.errors.labelRequired') });
    }
  });
  const form = useForm<FieldValues, unknown, TFormField>({
    resolver: zodResolver(schema as unknown as z.ZodType<TFormField, FieldValues>),
    defaultValues: defaults(field, draft, takenKeys),
  });
  const { control, register, setValue, formState } = form;
  const type = useWatch({ control, name: 'type' }) as TFieldType;
  const [keyTouched, setKeyTouched] = useState(Boolean(field));
  const frozenValues = new Set(frozen && field ? field.options.map((option) => option.value) : []);

  const submit = form.handleSubmit((values) => {
    const help = values.help && (values.help.ar.trim() || values.help.fr.trim() || values.help.en.trim()) ? values.help : undefined;
    onSave({ ...values, help, limits: limitsFor(values.type, values.limits as TFieldLimits), options: hasOptions(values.type) ? values.options : [] });
  });

  const keyError = formState.errors.key;
  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={field ? t('builder.field.editTitle') : t('builder.field.addTitle')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('builder.field.type')}
              data-autofocus
              description={frozen ? t('builder.field.typeFrozen') : undefined}
              disabled={frozen}
              data={FIELD_TYPES.map((fieldType) => ({ value: fieldType, label: t(`fieldTypes.${fieldType}`) }))}
              {...register('type')}
            />
            <TextInput
              label={t('builder.field.key')}
              description={frozen ? t('builder.field.keyFrozen') : t('builder.field.keyHint')}
              dir="ltr"
              readOnly={frozen}
              error={keyError ? (keyError.type === 'invalid_format' ? t('builder.errors.keyFormat') : keyError.message) : undefined}
              {...register('key', { onChange: () => setKeyTouched(true) })}
            />
          </SimpleGrid>
          <Tabs defaultValue={LOCALES.find((locale) => draft?.label?.[locale]) ?? 'fr'} keepMounted>
            <Tabs.List>
              {LOCALES.map((locale) => (
                <Tabs.Tab key={locale} value={locale} c={formState.errors.label?.[locale] ? 'red' : undefined}>
                  {t('common:language.nativeName', { lng: locale })}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {LOCALES.map((locale) => (
              <Tabs.Panel key={locale} value={locale} pt="sm">
                <Stack gap="sm">
                  <TextInput
                    label={t('builder.field.label')}
                    dir={isRtl(locale) ? 'rtl' : 'ltr'}
                    lang={locale}
                    error={formState.errors.label?.[locale]?.message}
                    {...register(`label.${locale}`, {
                      onChange: (event: { target: { value: string } }) => {
                        if (locale === 'fr' && !keyTouched) setValue('key', keyFromLabel(event.target.value, takenKeys), { shouldValidate: formState.isSubmitted });
                      },
                    })}
                  />
                  <Textarea label={t('builder.field.help')} dir={isRtl(locale) ? 'rtl' : 'ltr'} lang={locale} autosize minRows={2} {...register(`help.${locale}`)} />
                </Stack>
              </Tabs.Panel>
            ))}
          </Tabs>
          <Group gap="xl" wrap="wrap" align="flex-start">
            <Switch label={t('builder.field.required')} {...register('required')} />
            <Switch label={t('builder.field.identifying')} description={t('builder.field.identifyingHint')} maw={360} {...register('identifying')} />
          </Group>
          <LimitsEditor control={control} type={type} />
          {hasOptions(type) ? <OptionsEditor control={control} frozenValues={frozenValues} setOptionValue={(index, value) => setValue(`options.${index}.value`, value)} /> : null}
          {hasOptions(type) && formState.errors.options?.message ? (
            <Alert color="red" variant="light" role="alert">
              {formState.errors.options.message === 'a choice field needs options' ? t('builder.errors.needsOptions') : t('builder.errors.optionsInvalid')}
            </Alert>
          ) : null}
          {type === 'REGION' ? <Text size="sm" c="dimmed">{t('builder.field.regionHint')}</Text> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit">{t('builder.field.apply')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
