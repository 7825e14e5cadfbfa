import { Button, Checkbox, Group, NativeSelect, TextInput } from '@mantine/core';
import { FIELD_TYPES, type TFieldType, type TFormField, type TLocale } from '@tahkim/contracts';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { hasOptions, keyFromLabel, limitsFor } from './builder-state';

const EMPTY = { ar: '', fr: '', en: '' };

interface QuickAddFieldProps {
  sectionName: string;
  locale: TLocale;
  takenKeys: ReadonlySet<string>;
  /** A complete question, added at once. */
  onAdd: (field: TFormField) => void;
  /** A question that needs more than a label (choices to list), or the person asked for every setting. */
  onOpenEditor: (draft: Partial<TFormField>) => void;
}

/**
 * Adds a question in one line: its type, its label in the page's language and whether it is
 * required (it is, unless unticked). Enter adds it and leaves the cursor in an empty label, ready
 * for the next one; questions with choices open the full editor to list them.
 */
export function QuickAddField({ sectionName, locale, takenKeys, onAdd, onOpenEditor }: QuickAddFieldProps) {
  const { t } = useTranslation('callAdmin');
  const id = useId();
  const labelInput = useRef<HTMLInputElement>(null);
  const [type, setType] = useState<TFieldType>('SHORT_TEXT');
  const [label, setLabel] = useState('');
  const [required, setRequired] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const draft = (): Partial<TFormField> => ({ type, required, label: { ...EMPTY, [locale]: label.trim() } });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (hasOptions(type)) {
      onOpenEditor(draft());
      return;
    }
    if (!label.trim()) {
      setError(t('builder.quickAdd.labelRequired'));
      labelInput.current?.focus();
      return;
    }
    onAdd({
      key: keyFromLabel(label, takenKeys),
      type,
      label: { ...EMPTY, [locale]: label.trim() },
      required,
      identifying: false,
      hidden: false,
      limits: limitsFor(type, {}),
      options: [],
    });
    setLabel('');
    setError(null);
    labelInput.current?.focus();
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('builder.field.addTo', { name: sectionName })}>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <NativeSelect
          size="xs"
          label={t('builder.field.type')}
          value={type}
          onChange={(event) => setType(event.currentTarget.value as TFieldType)}
          data={FIELD_TYPES.map((fieldType) => ({ value: fieldType, label: t(`fieldTypes.${fieldType}`) }))}
        />
        <TextInput
          ref={labelInput}
          size="xs"
          id={`${id}-label`}
          style={{ flex: '1 1 14rem' }}
          label={t('builder.quickAdd.label', { language: t(`languages.${locale}`) })}
          value={label}
          onChange={(event) => {
            setLabel(event.currentTarget.value);
            if (error) setError(null);
          }}
          error={error}
          autoComplete="off"
        />
        <Checkbox size="xs" mb={6} label={t('builder.field.required')} checked={required} onChange={(event) => setRequired(event.currentTarget.checked)} />
        <Button size="xs" type="submit">
          {hasOptions(type) ? t('builder.quickAdd.listChoices') : t('builder.quickAdd.add')}
        </Button>
        <Button size="xs" variant="subtle" onClick={() => onOpenEditor(draft())}>
          {t('builder.quickAdd.allSettings')}
        </Button>
      </Group>
    </form>
  );
}
