import { Checkbox, NativeSelect, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DEFAULT_MAX_LENGTH, fieldOptions, type TAnswers, type TFormField } from '@tahkim/contracts';
import { Controller, type Control, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/date-field';
import { NumberField } from '../../../components/number-field';
import { currencyUnit } from '../../../lib/number-format';
import { localized } from '../../calls/call-text';
import { useLocale } from '../../locale/use-locale';
import { answerErrorMessage } from '../field-errors';

interface FieldInputProps {
  field: TFormField;
  control: Control<TAnswers>;
}

/** One question of the form, with the Mantine input its type calls for (FILE fields have their own). */
export function FieldInput({ field, control }: FieldInputProps) {
  const { t } = useTranslation('applications');
  const { locale } = useLocale();
  const label = localized(field.label, locale);
  const help = field.help ? localized(field.help, locale) : undefined;
  const options = fieldOptions(field).map((option) => ({ value: option.value, label: localized(option.label, locale) }));

  return (
    <Controller
      name={field.key}
      control={control}
      render={({ field: input, fieldState }) => {
        const error = answerErrorMessage(fieldState.error as FieldError | undefined, field, t);
        const common = {
          label,
          description: help,
          required: field.required,
          error,
          name: input.name,
          onBlur: input.onBlur,
          ref: input.ref,
        };
        const text = typeof input.value === 'string' ? input.value : '';
        switch (field.type) {
          case 'SHORT_TEXT':
          case 'EMAIL':
          case 'PHONE':
          case 'URL': {
            const extra =
              field.type === 'EMAIL'
                ? { type: 'email', inputMode: 'email' as const, autoComplete: 'email', dir: 'ltr' }
                : field.type === 'PHONE'
                  ? { type: 'tel', inputMode: 'tel' as const, autoComplete: 'tel', dir: 'ltr' }
                  : field.type === 'URL'
                    ? { type: 'url', inputMode: 'url' as const, dir: 'ltr' }
                    : {};
            return (
              <TextInput
                {...common}
                {...extra}
                value={text}
                maxLength={field.type === 'SHORT_TEXT' ? (field.limits.maxLength ?? DEFAULT_MAX_LENGTH.SHORT_TEXT) : undefined}
                onChange={(event) => input.onChange(event.currentTarget.value)}
              />
            );
          }
          case 'LONG_TEXT': {
            const max = field.limits.maxLength ?? DEFAULT_MAX_LENGTH.LONG_TEXT;
            return (
              <Stack gap={2}>
                <Textarea
                  {...common}
                  value={text}
                  autosize
                  minRows={4}
                  maxRows={16}
                  maxLength={max}
                  onChange={(event) => input.onChange(event.currentTarget.value)}
                />
                <Text size="xs" c="dimmed" ta="end" aria-live="off">
                  {t('field.characters', { length: text.length, max })}
                </Text>
              </Stack>
            );
          }
          case 'NUMBER':
          case 'MONEY':
            return (
              <NumberField
                {...common}
                value={typeof input.value === 'number' ? input.value : ''}
                onChange={(value) => input.onChange(typeof value === 'number' ? value : value === '' ? null : Number(value))}
                min={field.limits.min}
                max={field.limits.max}
                allowDecimal={!field.limits.integer}
                hideControls
                inputMode={field.limits.integer ? 'numeric' : 'decimal'}
                dir="ltr"
                rightSection={field.type === 'MONEY' ? currencyUnit(locale) : undefined}
                rightSectionWidth={field.type === 'MONEY' ? 56 : undefined}
              />
            );
          case 'DATE':
            return <DateField {...common} value={text} placeholder={t('field.datePlaceholder')} onChange={(value) => input.onChange(value)} />;
          case 'SINGLE_CHOICE':
            if (options.length <= 6) {
              return (
                <Radio.Group {...common} value={text || null} onChange={(value) => input.onChange(value)}>
                  <Stack gap="xs" mt="xs">
                    {options.map((option) => (
                      <Radio key={option.value} value={option.value} label={option.label} />
                    ))}
                  </Stack>
                </Radio.Group>
              );
            }
            return (
              <NativeSelect
                {...common}
                value={text}
                data={[{ value: '', label: t('field.choose') }, ...options]}
                onChange={(event) => input.onChange(event.currentTarget.value)}
              />
            );
          case 'REGION':
            return (
              <NativeSelect
                {...common}
                value={text}
                data={[{ value: '', label: t('field.chooseRegion') }, ...options]}
                onChange={(event) => input.onChange(event.currentTarget.value)}
              />
            );
          case 'MULTIPLE_CHOICE':
            return (
              <Checkbox.Group
                {...common}
                value={Array.isArray(input.value) ? (input.value as string[]) : []}
                onChange={(value) => input.onChange(value)}
              >
                <Stack gap="xs" mt="xs">
                  {options.map((option) => (
                    <Checkbox key={option.value} value={option.value} label={option.label} />
                  ))}
                </Stack>
              </Checkbox.Group>
            );
          case 'FILE':
            return <></>;
        }
      }}
    />
  );
}
