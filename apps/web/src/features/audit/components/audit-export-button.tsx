import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../call-admin/staff-api';
import { auditFiltersToApiQuery, type AuditFilters } from '../filters';

/** Downloads the filtered trail (every page) as CSV, showing how much has arrived. */
export function AuditExportButton({ filters }: { filters: AuditFilters }) {
  const { t } = useTranslation('audit');
  const [running, setRunning] = useState(false);
  const [received, setReceived] = useState(0);
  const [error, setError] = useState<string | null>(null);

  const run = async () => {
    setRunning(true);
    setReceived(0);
    setError(null);
    try {
      await downloadFile('/api/audit.csv', auditFiltersToApiQuery(filters), 'audit-trail.csv', setReceived);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Group gap="xs" align="center" wrap="wrap">
      <Button variant="default" size="sm" loading={running} onClick={() => void run()}>
        {t('export.csv')}
      </Button>
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
