import type { TRankingQueryMethod } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { DownloadButtons } from '../../../components/download-buttons';

const FORMATS = ['csv', 'xlsx'] as const;

/** Downloads the ranking (every column of the page, the list's method, the shortlist confidence for `size`) as CSV or XLSX, showing how much has arrived. */
export function RankingExportButtons({ roundId, roundNumber, method, size }: { roundId: string; roundNumber: number; method: TRankingQueryMethod; size?: number }) {
  const { t } = useTranslation('results');
  return (
    <DownloadButtons
      formats={FORMATS}
      target={(format) => ({ path: `/api/rounds/${encodeURIComponent(roundId)}/ranking.${format}`, query: size === undefined ? { method } : { method, size }, fileName: `ranking-round-${roundNumber}-${method}.${format}` })}
      label={(format) => t(`export.${format}`)}
      // Until the first bytes arrive, the file is still being built.
      progress={(received) => (received > 0 ? t('export.progress', { size: Math.max(1, Math.round(received / 1024)) }) : t('export.building'))}
    />
  );
}
