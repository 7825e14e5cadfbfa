import { Alert, Badge, Button, Card, FileInput, Group, Modal, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import {
  DEFAULT_ACCEPTED_MEDIA_TYPES,
  DEFAULT_MAX_FILE_SIZE_BYTES,
  isRtl,
  LOCALES,
  ZFormDefinition,
  type TAnswers,
  type TFormDefinition,
  type TFormDefinitionInput,
  type TFormField,
  type TLocale,
} from '@tahkim/contracts';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { i18n } from '../../../app/i18n';
import { emptyValue, formSteps } from '../../applications/answers';
import { answersResolver } from '../../applications/answers-resolver';
import { FieldInput } from '../../applications/components/field-input';
import { localized } from '../call-display';
import { BYTES_PER_MB, MEDIA_TYPE_NAMES } from './media-types';

/** A file question as the applicant sees it before uploading (uploads need a real application). */
function FilePreview({ field, locale }: { field: TFormField; locale: TLocale }) {
  const { t } = useTranslation('callAdmin');
  const types = (field.limits.acceptedMediaTypes ?? DEFAULT_ACCEPTED_MEDIA_TYPES).map((type) => MEDIA_TYPE_NAMES[type]).join(', ');
  const size = (field.limits.maxFileSizeBytes ?? DEFAULT_MAX_FILE_SIZE_BYTES) / BYTES_PER_MB;
  return (
    <FileInput
      label={localized(field.label, locale)}
      description={[field.help ? localized(field.help, locale) : '', t('preview.fileLimits', { types, size: Math.round(size * 10) / 10, files: field.limits.maxFiles ?? 1 })].filter(Boolean).join(' · ')}
      required={field.required}
      disabled
      placeholder={t('preview.fileDisabled')}
    />
  );
}

function PreviewForm({ definition, locale }: { definition: TFormDefinition; locale: TLocale }) {
  const { t } = useTranslation('callAdmin');
  const steps = formSteps(definition);
  const defaultValues = Object.fromEntries(steps.flatMap((step) => step.fields.map((field) => [field.key, emptyValue(field)])));
  const form = useForm<TAnswers>({ resolver: answersResolver(definition, 'submit'), defaultValues });
  const [checked, setChecked] = useState(false);

  if (steps.length === 0) return <Text c="dimmed">{t('preview.empty')}</Text>;
  return (
    <form onSubmit={form.handleSubmit(() => setChecked(true), () => setChecked(false))} noValidate>
      <Stack gap="lg">
        {steps.map((step, index) => (
          <Card key={step.section.key} withBorder radius="md" padding="lg" component="section">
            <Stack gap="md">
              <Stack gap={2}>
                <Text size="xs" c="dimmed">
                  {t('preview.step', { number: index + 1, total: steps.length })}
                </Text>
                <Title order={3} fz="lg">
                  {localized(step.section.title, locale)}
                </Title>
                {step.section.description ? <Text c="dimmed">{localized(step.section.description, locale)}</Text> : null}
              </Stack>
              {step.fields.map((field) =>
                field.type === 'FILE' ? <FilePreview key={field.key} field={field} locale={locale} /> : <FieldInput key={field.key} field={field} control={form.control} />,
              )}
            </Stack>
          </Card>
        ))}
        <Group>
          <Button type="submit" variant="light">
            {t('preview.check')}
          </Button>
          {checked ? (
            <Badge color="tahkim" variant="light" role="status">
              {t('preview.checkPassed')}
            </Badge>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}

/**
 * The form exactly as an applicant will fill it, in the language chosen here (Arabic right-to-left),
 * with the applicant's own inputs and validation; nothing is saved.
 */
export function FormPreviewModal({ opened, onClose, definition }: { opened: boolean; onClose: () => void; definition: TFormDefinitionInput }) {
  const { t } = useTranslation(['callAdmin', 'common']);
  const [locale, setLocale] = useState<TLocale>(() => (LOCALES.includes(i18n.language as TLocale) ? (i18n.language as TLocale) : 'fr'));
  const parsed = useMemo(() => ZFormDefinition.safeParse(definition), [definition]);
  // The applicant's components read the language from i18next: the preview gets its own instance.
  const previewI18n = useMemo(() => i18n.cloneInstance({ lng: locale }), [locale]);

  return (
    <Modal opened={opened} onClose={onClose} fullScreen title={t('preview.title')}>
      <Stack gap="md" maw={760} mx="auto">
        <Group justify="space-between" wrap="wrap">
          <Text c="dimmed" size="sm">
            {t('preview.intro')}
          </Text>
          <SegmentedControl
            aria-label={t('preview.language')}
            value={locale}
            onChange={(value) => setLocale(value as TLocale)}
            data={LOCALES.map((lng) => ({ value: lng, label: t('common:language.nativeName', { lng }) }))}
          />
        </Group>
        {parsed.success ? (
          <I18nextProvider i18n={previewI18n}>
            <div dir={isRtl(locale) ? 'rtl' : 'ltr'} lang={locale}>
              <PreviewForm key={locale} definition={parsed.data} locale={locale} />
            </div>
          </I18nextProvider>
        ) : (
          <Alert color="orange" variant="light">
            {t('preview.invalid')}
          </Alert>
        )}
      </Stack>
    </Modal>
  );
}
