import { NativeSelect } from '@mantine/core';
import { MOROCCO_REGIONS } from '@tahkim/contracts';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { localized } from '../features/calls/call-text';
import { useLocale } from '../features/locale/use-locale';

/** A form's region: one of Morocco's twelve regions in the interface language, or none (null). */
export function RegionSelectField<T extends FieldValues>({ control, name, label, noneLabel }: { control: Control<T>; name: FieldPath<T>; label: string; noneLabel: string }) {
  const { locale } = useLocale();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <NativeSelect
          label={label}
          data={[{ value: '', label: noneLabel }, ...MOROCCO_REGIONS.map((region) => ({ value: region.value, label: localized(region.label, locale) }))]}
          value={(field.value as string | null) ?? ''}
          onChange={(event) => field.onChange(event.currentTarget.value || null)}
          onBlur={field.onBlur}
          ref={field.ref}
          name={field.name}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
