import { Box, Card, SimpleGrid, Stack, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { LOCALES, type TLocale } from '@tahkim/contracts';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { textDirection } from '../call-display';
import type { CallFormValues } from '../call-form-values';
import { MarkdownPreview } from './markdown-preview';

const TEXTS = ['title', 'summary', 'description', 'eligibility'] as const;
type TextName = (typeof TEXTS)[number];

function MarkdownField({ name, locale, label, hint }: { name: 'description' | 'eligibility'; locale: TLocale; label: string; hint: string }) {
  const { t } = useTranslation('callAdmin');
  const { register, getFieldState, formState } = useFormContext<CallFormValues>();
  const source = useWatch<CallFormValues, `${typeof name}.${TLocale}`>({ name: `${name}.${locale}` }) ?? '';
  const dir = textDirection(locale);
  const previewId = `${name}-${locale}-preview`;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Textarea
        label={label}
        description={hint}
        dir={dir}
        lang={locale}
        autosize
        minRows={6}
        maxRows={20}
        aria-describedby={previewId}
        error={getFieldState(`${name}.${locale}`, formState).error?.message}
        {...register(`${name}.${locale}`)}
      />
      <Card withBorder radius="md" padding="sm" bg="gray.0" id={previewId} aria-label={t('editor.markdown.previewOf', { field: label })} component="section">
        <Text size="xs" c="dimmed" fw={600} mb={4}>
          {t('editor.markdown.preview')}
        </Text>
        <Box lang={locale}>
          <MarkdownPreview source={source} dir={dir} />
        </Box>
      </Card>
    </SimpleGrid>
  );
}

/**
 * The call's texts, one tab per language. Arabic is typed right-to-left in its own inputs whatever
 * the interface language; a tab shows a mark when one of its texts has an error.
 */
export function LocalizedTextsTabs() {
  const { t } = useTranslation(['callAdmin', 'common']);
  const { register, formState, getFieldState } = useFormContext<CallFormValues>();
  const hasError = (locale: TLocale) => TEXTS.some((name: TextName) => getFieldState(`${name}.${locale}`, formState).invalid);

  return (
    <Tabs defaultValue="fr" keepMounted>
      <Tabs.List>
        {LOCALES.map((locale) => (
          <Tabs.Tab key={locale} value={locale} c={hasError(locale) ? 'red' : undefined}>
            {t('common:language.nativeName', { lng: locale })}
            {hasError(locale) ? <span className="visually-hidden">{t('editor.tabHasErrors')}</span> : null}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {LOCALES.map((locale) => {
        const dir = textDirection(locale);
        return (
          <Tabs.Panel key={locale} value={locale} pt="md">
            <Stack gap="md">
              <TextInput
                label={t('editor.fields.title')}
                dir={dir}
                lang={locale}
                error={getFieldState(`title.${locale}`, formState).error?.message}
                {...register(`title.${locale}`)}
              />
              <Textarea
                label={t('editor.fields.summary')}
                description={t('editor.hints.summary')}
                dir={dir}
                lang={locale}
                autosize
                minRows={2}
                error={getFieldState(`summary.${locale}`, formState).error?.message}
                {...register(`summary.${locale}`)}
              />
              <MarkdownField name="description" locale={locale} label={t('editor.fields.description')} hint={t('editor.hints.markdown')} />
              <MarkdownField name="eligibility" locale={locale} label={t('editor.fields.eligibility')} hint={t('editor.hints.eligibility')} />
            </Stack>
          </Tabs.Panel>
        );
      })}
    </Tabs>
  );
}
