import { Alert, Button, Group, Text } from '@mantine/core';
import type { TRankingQueryMethod } from '@tahkim/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../call-admin/staff-api';

const FORMATS = ['csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

/** Downloads the ranking (every column of the page, the list's method) as CSV or XLSX, showing how much has arrived. */
export function RankingExportButtons({ roundId, roundNumber, method }: { roundId: string; roundNumber: number; method: TRankingQueryMethod }) {
  const { t } = useTranslation('results');
  const [running, setRunning] = useState<Format | null>(null);
  const [received, setReceived] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const run = async (format: Format) => {
    setRunning(format);
    setReceived(0);
    setError(null);
    try {
      await downloadFile(`/api/rounds/${encodeURIComponent(roundId)}/ranking.${format}`, { method }, `ranking-round-${roundNumber}-${method}.${format}`, setReceived);
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
        {running ? (received > 0 ? t('export.progress', { size: Math.max(1, Math.round(received / 1024)) }) : t('export.building')) : ''}
      </Text>
      {error ? (
        <Alert color="red" variant="light" role="alert" py={4}>
          {error}
        </Alert>
      ) : null}
    </Group>
  );
}
