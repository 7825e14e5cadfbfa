import { Text } from '@mantine/core';
import type { TRanking } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';

const WIDTH = 520;
const HEIGHT = 230;
const START = 36;
const END = 510;
const TOP = 24;
const BOTTOM = 190;

/**
 * How the applications' mean scores spread over 0-100, in 10-point bins (counted by the API over the
 * whole round), each bar with its count. Reads 0 → 100 left to right in every language.
 */
export function DistributionChart({ bins }: { bins: TRanking['distribution'] }) {
  const { t } = useTranslation('results');
  const total = bins.reduce((sum, bin) => sum + bin.count, 0);
  const max = Math.max(1, ...bins.map((bin) => bin.count));
  const step = (END - START) / bins.length;
  const summary = t('distribution.summary', {
    count: total,
    bins: bins.map((bin) => t('distribution.bin', { from: bin.from, to: bin.to, count: bin.count })).join(' ; '),
  });
  if (total === 0) return <Text c="dimmed">{t('distribution.empty')}</Text>;
  return (
    <div className="results-chart-scroll" dir="ltr" tabIndex={0} role="region" aria-label={t('chartRegion', { title: t('distribution.title') })}>
      <svg className="results-chart" role="img" aria-label={summary} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} style={{ minInlineSize: 320 }} data-testid="distribution-chart">
        <line x1={START} x2={END} y1={BOTTOM} y2={BOTTOM} stroke="var(--mantine-color-gray-5)" />
        {bins.map((bin, index) => {
          const barHeight = ((BOTTOM - TOP) * bin.count) / max;
          const left = START + step * index;
          return (
            <g key={bin.from}>
              {bin.count > 0 ? <rect x={left + 3} y={BOTTOM - barHeight} width={step - 6} height={barHeight} rx={3} fill="var(--mantine-color-tahkim-6)" /> : null}
              <text x={left + step / 2} y={BOTTOM - barHeight - 6} textAnchor="middle" fontSize={12} fontWeight={600} fill="var(--mantine-color-text)">
                {bin.count}
              </text>
              <text x={left} y={BOTTOM + 16} textAnchor="middle" fontSize={11} fill="var(--mantine-color-dimmed)">
                {bin.from}
              </text>
            </g>
          );
        })}
        <text x={END} y={BOTTOM + 16} textAnchor="middle" fontSize={11} fill="var(--mantine-color-dimmed)">
          {100}
        </text>
        <text x={(START + END) / 2} y={BOTTOM + 34} textAnchor="middle" fontSize={12} fill="var(--mantine-color-dimmed)">
          {t('distribution.axis')}
        </text>
      </svg>
    </div>
  );
}
