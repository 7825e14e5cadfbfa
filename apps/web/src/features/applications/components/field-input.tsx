import { DEFAULT_MAX_LENGTH, fieldOptions, type TAnswers, type TFormField } from '@tahkim/contracts';
import { Controller, type Control, type FieldError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DateTextField } from '../../../components/fields/date-text-field';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../../../components/fields/fields';
import { NumberTextField } from '../../../components/fields/number-text-field';
import { currencyUnit } from '../../../lib/number-format';
import { localized } from '../../calls/call-text';
import { useLocale } from '../../locale/use-locale';
import { answerErrorMessage } from '../field-errors';

interface FieldInputProps {
  field: TFormField;
  control: Control<TAnswers>;
}

/** One question of the form, with the input its type calls for (FILE fields have their own). */
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
              <TextField
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
              <div className="stack" data-gap="2">
                <TextAreaField {...common} value={text} minRows={4} maxRows={16} maxLength={max} onChange={(event) => input.onChange(event.currentTarget.value)} />
                <p className="text-xs text-dimmed field-count" aria-live="off">
                  {t('field.characters', { length: text.length, max })}
                </p>
              </div>
            );
          }
          case 'NUMBER':
          case 'MONEY':
            return (
              <NumberTextField
                {...common}
                value={typeof input.value === 'number' ? input.value : null}
                onChange={(value) => input.onChange(value)}
                integer={Boolean(field.limits.integer)}
                suffix={field.type === 'MONEY' ? currencyUnit(locale) : undefined}
              />
            );
          case 'DATE':
            return <DateTextField {...common} value={text} placeholder={t('field.datePlaceholder')} onChange={(value) => input.onChange(value)} />;
          case 'SINGLE_CHOICE':
            if (options.length <= 6) {
              return <ChoiceGroup {...common} multiple={false} options={options} value={text ? [text] : []} onChange={(value) => input.onChange(value[0] ?? '')} />;
            }
            return (
              <SelectField
                {...common}
                value={text}
                options={[{ value: '', label: t('field.choose') }, ...options]}
                onChange={(event) => input.onChange(event.currentTarget.value)}
              />
            );
          case 'REGION':
            return (
              <SelectField
                {...common}
                value={text}
                options={[{ value: '', label: t('field.chooseRegion') }, ...options]}
                onChange={(event) => input.onChange(event.currentTarget.value)}
              />
            );
          case 'MULTIPLE_CHOICE':
            return (
              <ChoiceGroup
                {...common}
                multiple
                options={options}
                value={Array.isArray(input.value) ? (input.value as string[]) : []}
                onChange={(value) => input.onChange(value)}
              />
            );
          case 'FILE':
            return <></>;
        }
      }}
    />
  );
}
