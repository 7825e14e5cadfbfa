import { useTranslation } from 'react-i18next';
import { DownloadButtons } from '../../../components/download-buttons';
import { filtersToApiQuery, type ApplicationFilters } from '../filters';

const FORMATS = ['csv', 'xlsx'] as const;

/** Downloads the filtered list (every page) as CSV or XLSX, showing how much has arrived. */
export function ExportButtons({ callId, filters, slug }: { callId: string; filters: ApplicationFilters; slug: string }) {
  const { t } = useTranslation('screening');
  return (
    <DownloadButtons
      formats={FORMATS}
      target={(format) => ({ path: `/api/calls/${encodeURIComponent(callId)}/applications.${format}`, query: filtersToApiQuery(filters), fileName: `${slug}-applications.${format}` })}
      label={(format) => t(`export.${format}`)}
      progress={(received) => t('export.progress', { size: Math.round(received / 1024) })}
    />
  );
}
