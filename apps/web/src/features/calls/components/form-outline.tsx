import { Accordion, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { TCallFormOutline, TLocale } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fileSize, mediaTypeLabel } from '../../applications/file-format';
import { useLocale } from '../../locale/use-locale';
import { localized, localizedLang } from '../call-text';
import { callFormOutlineQuery } from '../queries';

type OutlineField = TCallFormOutline['sections'][number]['fields'][number];
type FileLimits = NonNullable<OutlineField['files']>;

function RequiredMark({ required }: { required: boolean }) {
  const { t } = useTranslation('calls');
  return (
    <Text span size="xs" fw={required ? 700 : 400} className="outline-mark">
      {required ? t('outline.required') : t('outline.optional')}
    </Text>
  );
}

/**
 * "PDF, Word · 5 Mo max. par fichier · jusqu'à 2 fichiers": the limits the upload check applies. Each
 * part is isolated, so a Latin type list never pulls the size's digits to its side on an Arabic page.
 */
function FileLimitsText({ files }: { files: FileLimits }) {
  const { t } = useTranslation('calls');
  const { locale } = useLocale();
  const types = [...new Set(files.acceptedMediaTypes.map(mediaTypeLabel))].join(', ');
  return (
    <>
      <bdi>{types}</bdi> · <bdi>{t('outline.maxSize', { size: fileSize(files.maxFileSizeBytes, locale) })}</bdi> ·{' '}
      <bdi>{t('outline.maxFiles', { count: files.maxFiles })}</bdi>
    </>
  );
}

function FieldLabel({ field, locale }: { field: OutlineField; locale: TLocale }) {
  return (
    <Text span fw={500} dir="auto" lang={localizedLang(field.label, locale)} className="outline-label">
      {localized(field.label, locale)}
    </Text>
  );
}

function DocumentsList({ documents, locale }: { documents: OutlineField[]; locale: TLocale }) {
  const { t } = useTranslation('calls');
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="call-documents-heading" data-testid="call-documents">
      <Stack gap="xs">
        <Title order={3} fz="md" id="call-documents-heading">
          {t('outline.documentsHeading')}
        </Title>
        <List spacing="xs" className="outline-list">
          {documents.map((field) => (
            <List.Item key={field.key}>
              <Group gap={6} wrap="wrap">
                <FieldLabel field={field} locale={locale} />
                <RequiredMark required={field.required} />
              </Group>
              <Text size="sm">
                <FileLimitsText files={field.files!} />
              </Text>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Card>
  );
}

/**
 * What the application form will ask, read before signing up: the documents to prepare first, then each
 * step with its questions (collapsed, so the call's own description stays the first thing read).
 */
export function FormOutline({ callId }: { callId: string }) {
  const { t } = useTranslation('calls');
  const { locale } = useLocale();
  const outline = useQuery(callFormOutlineQuery(callId));

  // The outline is a help, not the page: while it loads, or without it, the call still reads and "Apply" still works.
  if (!outline.isSuccess || outline.data.sections.length === 0) return null;

  const { sections } = outline.data;
  const documents = sections.flatMap((section) => section.fields.filter((field) => field.type === 'FILE' && field.files));
  const questions = sections.reduce((total, section) => total + section.fields.length, 0);

  return (
    <Stack gap="sm" component="section" aria-labelledby="call-outline-heading" data-testid="call-outline">
      <Title order={2} fz="xl" id="call-outline-heading">
        {t('outline.heading')}
      </Title>
      <Text>{t('outline.intro', { steps: t('outline.steps', { count: sections.length }), questions: t('outline.questions', { count: questions }) })}</Text>
      {documents.length > 0 ? <DocumentsList documents={documents} locale={locale} /> : null}
      <Accordion multiple variant="contained" order={3} radius="md">
        {sections.map((section, index) => (
          <Accordion.Item key={section.key} value={section.key}>
            <Accordion.Control>
              <Text span fw={600}>
                {t('outline.step', { number: index + 1 })}
              </Text>{' '}
              <Text span fw={600} dir="auto" lang={localizedLang(section.title, locale)}>
                {localized(section.title, locale)}
              </Text>{' '}
              <Text span size="sm">
                ({t('outline.questions', { count: section.fields.length })})
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              <Stack gap="xs">
                {section.description && localized(section.description, locale).trim() ? (
                  <Text size="sm" dir="auto" lang={localizedLang(section.description, locale)} className="outline-label">
                    {localized(section.description, locale)}
                  </Text>
                ) : null}
                <List spacing={6} className="outline-list">
                  {section.fields.map((field) => (
                    <List.Item key={field.key}>
                      <Group gap={6} wrap="wrap">
                        <FieldLabel field={field} locale={locale} />
                        <RequiredMark required={field.required} />
                      </Group>
                      {field.files ? (
                        <Text size="sm">
                          {t('outline.document')} <FileLimitsText files={field.files} />
                        </Text>
                      ) : null}
                    </List.Item>
                  ))}
                </List>
              </Stack>
            </Accordion.Panel>
          </Accordion.Item>
        ))}
      </Accordion>
    </Stack>
  );
}
