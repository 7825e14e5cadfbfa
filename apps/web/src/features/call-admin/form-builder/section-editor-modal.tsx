import { zodResolver } from '../../../lib/form-resolver';
import { Button, Group, Modal, Stack, Tabs, Textarea, TextInput } from '@mantine/core';
import { isRtl, LOCALES, ZFieldKey, ZLocalizedText, type TLocalizedText } from '@tahkim/contracts';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { i18n } from '../../../app/i18n';
import { keyFromLabel } from './builder-state';

export interface SectionTexts {
  key: string;
  title: TLocalizedText;
  description?: TLocalizedText;
}

const EMPTY = { ar: '', fr: '', en: '' };

/** A step of the applicant's form: its title and introduction in each language. */
export function SectionEditorModal({
  opened,
  section,
  frozen,
  takenKeys,
  onClose,
  onSave,
}: {
  opened: boolean;
  section: SectionTexts | undefined;
  frozen: boolean;
  takenKeys: ReadonlySet<string>;
  onClose: () => void;
  onSave: (section: SectionTexts) => void;
}) {
  const { t } = useTranslation(['callAdmin', 'common']);
  const schema = z
    .object({ key: ZFieldKey, title: ZLocalizedText, description: ZLocalizedText })
    .superRefine((value, ctx) => {
      if (takenKeys.has(value.key)) ctx.addIssue({ code: 'custom', path: ['key'], message: i18n.t('callAdmin:builder.errors.keyTaken') });
      if (!value.title.fr.trim() && !value.title.ar.trim() && !value.title.en.trim()) {
        ctx.addIssue({ code: 'custom', path: ['title', 'fr'], message: i18n.t('callAdmin:builder.errors.labelRequired') });
      }
    });
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { key: section?.key ?? '', title: section?.title ?? { ...EMPTY }, description: section?.description ?? { ...EMPTY } },
  });
  const { register, setValue, formState } = form;
  const [keyTouched, setKeyTouched] = useState(Boolean(section));
  const submit = form.handleSubmit((values) => {
    const description = values.description.ar.trim() || values.description.fr.trim() || values.description.en.trim() ? values.description : undefined;
    onSave({ key: values.key, title: values.title, description });
  });
  const keyError = formState.errors.key;

  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={section ? t('builder.section.editTitle') : t('builder.section.addTitle')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack gap="md">
          <Tabs defaultValue="fr" keepMounted>
            <Tabs.List>
              {LOCALES.map((locale) => (
                <Tabs.Tab key={locale} value={locale} c={formState.errors.title?.[locale] ? 'red' : undefined}>
                  {t('common:language.nativeName', { lng: locale })}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {LOCALES.map((locale) => (
              <Tabs.Panel key={locale} value={locale} pt="sm">
                <Stack gap="sm">
                  <TextInput
                    label={t('builder.section.title')}
                    data-autofocus={locale === 'fr' || undefined}
                    dir={isRtl(locale) ? 'rtl' : 'ltr'}
                    lang={locale}
                    error={formState.errors.title?.[locale]?.message}
                    {...register(`title.${locale}`, {
                      onChange: (event: { target: { value: string } }) => {
                        if (locale === 'fr' && !keyTouched) setValue('key', keyFromLabel(event.target.value, takenKeys, 'etape'));
                      },
                    })}
                  />
                  <Textarea label={t('builder.section.description')} dir={isRtl(locale) ? 'rtl' : 'ltr'} lang={locale} autosize minRows={2} {...register(`description.${locale}`)} />
                </Stack>
              </Tabs.Panel>
            ))}
          </Tabs>
          <TextInput
            label={t('builder.field.key')}
            description={frozen ? t('builder.field.keyFrozen') : t('builder.field.keyHint')}
            dir="ltr"
            readOnly={frozen}
            error={keyError ? (keyError.type === 'invalid_format' ? t('builder.errors.keyFormat') : keyError.message) : undefined}
            {...register('key', { onChange: () => setKeyTouched(true) })}
          />
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
