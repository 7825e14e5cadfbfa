import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../call-admin/staff-api';
import { filtersToApiQuery, type ApplicationFilters } from '../filters';

const FORMATS = ['csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

/** Downloads the filtered list (every page) as CSV or XLSX, showing how much has arrived. */
export function ExportButtons({ callId, filters, slug }: { callId: string; filters: ApplicationFilters; slug: string }) {
  const { t } = useTranslation('screening');
  const [running, setRunning] = useState<Format | null>(null);
  const [received, setReceived] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const run = async (format: Format) => {
    setRunning(format);
    setReceived(0);
    setError(null);
    try {
      await downloadFile(`/api/calls/${encodeURIComponent(callId)}/applications.${format}`, filtersToApiQuery(filters), `${slug}-applications.${format}`, setReceived);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setRunning(null);
    }
  };

  return (
    <Group gap="xs" align="center" wrap="wrap">
      {FORMATS.map((format) => (
        <Button key={format} variant="default" size="sm" loading={running === format} disabled={running !== null && running !== format} onClick={() => void run(format)}>
          {t(`export.${format}`)}
        </Button>
      ))}
      <Text size="sm" c="dimmed" role="status" aria-live="polite">
        {running ? t('export.progress', { size: Math.round(received / 1024) }) : ''}
      </Text>
      {error ? (
        <Alert color="red" variant="light" role="alert" py={4}>
          {error}
        </Alert>
      ) : null}
    </Group>
  );
}
