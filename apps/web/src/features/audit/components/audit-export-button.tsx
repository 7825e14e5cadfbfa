import { useTranslation } from 'react-i18next';
import { DownloadButtons } from '../../../components/download-buttons';
import { auditFiltersToApiQuery, type AuditFilters } from '../filters';

const FORMATS = ['csv'] as const;

/** Downloads the filtered trail (every page) as CSV, showing how much has arrived. */
export function AuditExportButton({ filters }: { filters: AuditFilters }) {
  const { t } = useTranslation('audit');
  return (
    <DownloadButtons
      formats={FORMATS}
      target={() => ({ path: '/api/audit.csv', query: auditFiltersToApiQuery(filters), fileName: 'audit-trail.csv' })}
      label={() => t('export.csv')}
      progress={(received) => t('export.progress', { size: Math.round(received / 1024) })}
    />
  );
}
