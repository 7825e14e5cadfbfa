import { Alert, Group, Loader, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { LOCALES, type TCallDecisionRow, type TDecisionOutcome, type TDecisionTemplateRequest, type TLocale } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decisionPreviewQuery } from '../queries';

interface TemplatePreviewProps {
  callId: string;
  outcome: TDecisionOutcome;
  /** The texts being edited (already debounced), previewed before they are saved. */
  texts: TDecisionTemplateRequest;
  applications: readonly TCallDecisionRow[];
  locale: TLocale;
  onLocaleChange: (locale: TLocale) => void;
}

/** The preview is for a real application: one with this outcome when there is one. */
function defaultApplication(applications: readonly TCallDecisionRow[], outcome: TDecisionOutcome): TCallDecisionRow | undefined {
  return applications.find((row) => row.decision?.outcome === outcome) ?? applications[0];
}

/** The preview opens in the language its applicant will read, else in the page's. */
export function initialPreviewLocale(applications: readonly TCallDecisionRow[], outcome: TDecisionOutcome, pageLocale: TLocale): TLocale {
  return defaultApplication(applications, outcome)?.applicant.locale ?? pageLocale;
}

/** The email as an applicant would receive it, rendered by the API in a sandboxed frame (no script, no link followed). */
export function TemplatePreview({ callId, outcome, texts, applications, locale, onLocaleChange }: TemplatePreviewProps) {
  const { t } = useTranslation(['decisions', 'common']);
  const [applicationId, setApplicationId] = useState<string | null>(() => defaultApplication(applications, outcome)?.applicationId ?? null);
  const complete = texts.subject.fr.trim() !== '' && texts.body.fr.trim() !== '';
  const preview = useQuery({
    ...decisionPreviewQuery(callId, outcome, { applicationId: applicationId ?? '', locale, subject: texts.subject, body: texts.body }),
    enabled: applicationId !== null && complete,
  });

  if (applications.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('preview.noApplications')}
      </Text>
    );
  }

  return (
    <Stack gap="sm">
      <Select
        label={t('preview.application')}
        data={applications.map((row) => ({
          value: row.applicationId,
          label: t('preview.applicationOption', { reference: row.reference ?? t('table.noReference'), name: row.applicant.displayName }),
        }))}
        value={applicationId}
        onChange={(id) => {
          setApplicationId(id);
          // Another applicant: the preview follows their language (staff can still switch it).
          const chosen = applications.find((row) => row.applicationId === id);
          if (chosen) onLocaleChange(chosen.applicant.locale);
        }}
        allowDeselect={false}
        searchable
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id={`preview-language-${outcome}`}>
          {t('preview.language')}
        </Text>
        <SegmentedControl
          aria-labelledby={`preview-language-${outcome}`}
          value={locale}
          onChange={(value) => onLocaleChange(value as TLocale)}
          data={LOCALES.map((lng) => ({ value: lng, label: t('common:language.nativeName', { lng }) }))}
        />
      </Stack>
      {!complete ? (
        <Alert color="orange" variant="light">
          {t('preview.frenchRequired')}
        </Alert>
      ) : preview.isError ? (
        <Alert color="red" variant="light" role="alert">
          {preview.error.message}
        </Alert>
      ) : preview.data ? (
        <Stack gap="xs" data-testid="decision-preview" aria-busy={preview.isFetching}>
          <Group gap="xs" wrap="nowrap" align="baseline">
            <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
              {t('preview.to')}
            </Text>
            <Text size="sm" dir="ltr" style={{ overflowWrap: 'anywhere' }}>
              {preview.data.to}
            </Text>
            {preview.isFetching ? <Loader size="xs" aria-hidden="true" /> : null}
          </Group>
          <Group gap="xs" wrap="nowrap" align="baseline">
            <Text size="sm" c="dimmed" style={{ flexShrink: 0 }}>
              {t('preview.subject')}
            </Text>
            <Text fw={600} dir={preview.data.dir} lang={preview.data.locale} data-testid="preview-subject" style={{ overflowWrap: 'anywhere' }}>
              {preview.data.subject}
            </Text>
          </Group>
          <div dir={preview.data.dir} lang={preview.data.locale}>
            <iframe className="decision-preview-frame" sandbox="" srcDoc={preview.data.html} title={t('preview.frameTitle')} data-testid="preview-frame" />
          </div>
        </Stack>
      ) : (
        <Loader size="sm" aria-label={t('preview.loading')} />
      )}
    </Stack>
  );
}
