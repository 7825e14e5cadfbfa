import { zodResolver } from '../../../lib/form-resolver';
import { Alert, Badge, Button, Card, Group, SimpleGrid, Stack, Tabs, Text, Textarea, TextInput, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  DECISION_BODY_MAX,
  DECISION_SUBJECT_MAX,
  LOCALES,
  unknownPlaceholders,
  ZDecisionTemplateRequest,
  type TCallDecisionRow,
  type TDecisionTemplate,
  type TDecisionTemplatePlaceholder,
  type TDecisionTemplateRequest,
  type TLocale,
} from '@tahkim/contracts';
import { useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { textDirection } from '../../call-admin/call-display';
import { useSaveTemplateMutation } from '../mutations';
import { useLocale } from '../../locale/use-locale';
import { initialPreviewLocale, TemplatePreview } from './template-preview';

type FieldName = `${'subject' | 'body'}.${TLocale}`;
const PREVIEW_DELAY_MS = 500;

export const placeholderToken = (name: string) => `{{${name}}}`;

interface TemplateEditorProps {
  callId: string;
  template: TDecisionTemplate;
  placeholders: readonly TDecisionTemplatePlaceholder[];
  applications: readonly TCallDecisionRow[];
}

/** One outcome's email: subject and body per language, placeholders to insert, unknown ones flagged as typed, a live preview. */
export function TemplateEditor({ callId, template, placeholders, applications }: TemplateEditorProps) {
  const { t } = useTranslation(['decisions', 'common']);
  const save = useSaveTemplateMutation(callId, template.outcome);
  const form = useForm<TDecisionTemplateRequest>({
    resolver: zodResolver(ZDecisionTemplateRequest),
    defaultValues: { subject: { ...template.subject }, body: { ...template.body } },
  });
  const { control, register, formState, getFieldState, handleSubmit, setValue, setError } = form;
  const values = useWatch({ control }) as TDecisionTemplateRequest;
  // Compared as text: the watched object is a new one at every render.
  const [debouncedText] = useDebouncedValue(JSON.stringify(values), PREVIEW_DELAY_MS);
  const debounced = useMemo(() => JSON.parse(debouncedText) as TDecisionTemplateRequest, [debouncedText]);
  const [language, setLanguage] = useState<TLocale>('fr');
  const { locale: pageLocale } = useLocale();
  const [previewLocale, setPreviewLocale] = useState<TLocale>(() => initialPreviewLocale(applications, template.outcome, pageLocale));
  const fields = useRef<Partial<Record<FieldName, HTMLInputElement | HTMLTextAreaElement | null>>>({});
  const [target, setTarget] = useState<FieldName>('body.fr');

  const unknownIn = (name: FieldName) => {
    const [part, lng] = name.split('.') as ['subject' | 'body', TLocale];
    return unknownPlaceholders(values[part]?.[lng] ?? '');
  };
  const fieldError = (name: FieldName) => {
    const unknown = unknownIn(name);
    if (unknown.length > 0) return t('templates.unknown', { names: unknown.map(placeholderToken).join(' ') });
    return getFieldState(name, formState).error?.message;
  };
  const tabHasError = (lng: TLocale) => (['subject', 'body'] as const).some((part) => Boolean(fieldError(`${part}.${lng}`)));

  /** Inserts a placeholder where the cursor is in the field last focused (the body of the open language by default). */
  const insert = (name: string) => {
    const field = target.endsWith(`.${language}`) ? target : (`body.${language}` as FieldName);
    const element = fields.current[field];
    const [part, lng] = field.split('.') as ['subject' | 'body', TLocale];
    const current = form.getValues(`${part}.${lng}`) ?? '';
    const start = element?.selectionStart ?? current.length;
    const end = element?.selectionEnd ?? current.length;
    const token = placeholderToken(name);
    setValue(field, current.slice(0, start) + token + current.slice(end), { shouldDirty: true, shouldValidate: formState.isSubmitted });
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    });
  };

  const registerField = (name: FieldName) => {
    const { ref, ...rest } = register(name);
    return {
      ...rest,
      ref: (element: HTMLInputElement | HTMLTextAreaElement | null) => {
        ref(element);
        fields.current[name] = element;
      },
      onFocus: () => setTarget(name),
    };
  };

  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <form
        noValidate
        aria-label={t('templates.formLabel', { outcome: t(`outcome.${template.outcome}`) })}
        onSubmit={handleSubmit(async (submitted) => {
          const unknown = LOCALES.flatMap((lng) => (['subject', 'body'] as const).filter((part) => unknownPlaceholders(submitted[part][lng]).length > 0).map((part) => `${part}.${lng}` as FieldName));
          if (unknown.length > 0) {
            setLanguage(unknown[0]!.split('.')[1] as TLocale);
            setError('root.server', { type: 'UNKNOWN_PLACEHOLDER', message: t('templates.fixUnknown') });
            return;
          }
          try {
            const saved = await save.mutateAsync(submitted);
            form.reset({ subject: saved.subject, body: saved.body });
            notifications.show({ color: 'tahkim', message: t('templates.saved', { outcome: t(`outcome.${template.outcome}`) }) });
          } catch (failure) {
            applyApiErrorToForm(failure, form);
          }
        })}
      >
        <Card withBorder radius="md" padding="md">
          <Stack gap="md">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Title order={2} size="h4">
                {t('templates.editorTitle')}
              </Title>
              <Badge color={template.saved ? 'tahkim' : 'orange'} variant="light" data-testid="template-saved">
                {template.saved ? t('templates.isSaved') : t('templates.notSaved')}
              </Badge>
            </Group>
            {!template.saved ? (
              <Text size="sm" c="dimmed">
                {t('templates.proposal')}
              </Text>
            ) : null}
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('templates.placeholders')}
              </Text>
              <Group gap={6} wrap="wrap">
                {placeholders.map((name) => (
                  <Tooltip key={name} label={t(`placeholders.${name}`)} withArrow>
                    <UnstyledButton
                      onClick={() => insert(name)}
                      aria-label={t('templates.insert', { placeholder: placeholderToken(name), description: t(`placeholders.${name}`) })}
                      onMouseDown={(event) => event.preventDefault()}
                    >
                      <Badge variant="outline" color="tahkim" tt="none" dir="ltr" style={{ cursor: 'pointer' }}>
                        {placeholderToken(name)}
                      </Badge>
                    </UnstyledButton>
                  </Tooltip>
                ))}
              </Group>
              <Text size="xs" c="dimmed">
                {t('templates.placeholdersHint')}
              </Text>
            </Stack>
            <Tabs
              value={language}
              onChange={(value) => {
                const next = (value ?? 'fr') as TLocale;
                setLanguage(next);
                setPreviewLocale(next);
              }}
              keepMounted
            >
              <Tabs.List>
                {LOCALES.map((lng) => (
                  <Tabs.Tab key={lng} value={lng} c={tabHasError(lng) ? 'red' : undefined}>
                    {t('common:language.nativeName', { lng })}
                    {tabHasError(lng) ? <span className="visually-hidden">{t('templates.tabHasErrors')}</span> : null}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {LOCALES.map((lng) => (
                <Tabs.Panel key={lng} value={lng} pt="md">
                  <Stack gap="sm">
                    {lng !== 'fr' ? (
                      <Text size="xs" c="dimmed">
                        {t('templates.fallback')}
                      </Text>
                    ) : null}
                    <TextInput
                      label={t('templates.subject')}
                      dir={textDirection(lng)}
                      // Each language's template is written in that language: its field takes its direction even empty.
                      attributes={{ input: { dir: textDirection(lng) } }}
                      lang={lng}
                      maxLength={DECISION_SUBJECT_MAX}
                      withAsterisk={lng === 'fr'}
                      error={fieldError(`subject.${lng}`)}
                      {...registerField(`subject.${lng}`)}
                    />
                    <Textarea
                      label={t('templates.body')}
                      dir={textDirection(lng)}
                      // Each language's template is written in that language: its field takes its direction even empty.
                      attributes={{ input: { dir: textDirection(lng) } }}
                      lang={lng}
                      autosize
                      minRows={10}
                      maxRows={24}
                      maxLength={DECISION_BODY_MAX}
                      withAsterisk={lng === 'fr'}
                      error={fieldError(`body.${lng}`)}
                      {...registerField(`body.${lng}`)}
                    />
                  </Stack>
                </Tabs.Panel>
              ))}
            </Tabs>
            {formState.errors.root?.server ? (
              <Alert color="red" variant="light" role="alert">
                {formState.errors.root.server.message}
              </Alert>
            ) : null}
            <Group>
              <Button type="submit" loading={formState.isSubmitting}>
                {t('templates.save')}
              </Button>
              {formState.isDirty ? (
                <Text size="sm" c="orange">
                  {t('templates.unsaved')}
                </Text>
              ) : null}
            </Group>
          </Stack>
        </Card>
      </form>
      <Card withBorder radius="md" padding="md" component="section" aria-label={t('preview.title')}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('preview.title')}
          </Title>
          <TemplatePreview
            callId={callId}
            outcome={template.outcome}
            texts={debounced}
            applications={applications}
            locale={previewLocale}
            onLocaleChange={setPreviewLocale}
          />
        </Stack>
      </Card>
    </SimpleGrid>
  );
}
