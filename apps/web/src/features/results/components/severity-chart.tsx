import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { TJurorSeverity } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { formatList } from '../../../lib/format';
import { useLocale } from '../../locale/use-locale';
import { formatNumber, formatSignedNumber } from '../numbers';
import { overallMean, severityLabels, type SeverityLabel } from '../ranking-view';
import { ScrollTable } from '../../../components/scroll-table';

const LABEL_COLORS: Record<SeverityLabel, string> = { HARSH: 'orange', LENIENT: 'blue', FLAT: 'gray' };

// Geometry of the drawing (SVG user units; the chart scales to its box).
const WIDTH = 680;
const NAME_END = 150;
const PLOT_START = 165;
const PLOT_END = 540;
const ROW = 30;
const TOP = 34;
const AXIS = 34;
const TICKS = [0, 20, 40, 60, 80, 100];

const x = (score: number) => PLOT_START + (Math.min(100, Math.max(0, score)) / 100) * (PLOT_END - PLOT_START);
/** The drawing's colour for a juror (the labels beside it say the same in words). */
function toneOf(labels: readonly SeverityLabel[]): string {
  if (labels.includes('HARSH')) return LABEL_COLORS.HARSH;
  if (labels.includes('LENIENT')) return LABEL_COLORS.LENIENT;
  return 'tahkim';
}
const shorten = (name: string) => (name.length > 20 ? `${name.slice(0, 19)}…` : name);

/**
 * How jurors differ: each juror's mean weighted score (dot) and spread (bar, mean ± one standard deviation) on the
 * 0-100 scale, against the round's mean. The drawing reads left to right (0 → 100) in every
 * language, like the numbers on its axis; labels are words, not only colours; the table below
 * gives every number.
 */
export function SeverityChart({ jurors }: { jurors: readonly TJurorSeverity[] }) {
  const { t } = useTranslation('results');
  const { locale } = useLocale();
  const scored = jurors.filter((juror) => juror.count > 0);
  const roundMean = overallMean(scored);
  const labelled = scored.map((juror) => ({ juror, labels: severityLabels(juror, roundMean) }));
  const names = (label: SeverityLabel) => {
    const list = labelled.filter((entry) => entry.labels.includes(label)).map((entry) => entry.juror.displayName);
    return list.length > 0 ? formatList(list, locale) : t('severity.nobody');
  };
  const summary = t('severity.summary', {
    count: scored.length,
    mean: roundMean === null ? '—' : formatNumber(roundMean, locale, 1),
    harsh: names('HARSH'),
    lenient: names('LENIENT'),
    flat: names('FLAT'),
  });
  const height = TOP + ROW * Math.max(1, labelled.length) + AXIS;
  const plotBottom = TOP + ROW * labelled.length;

  if (scored.length === 0) return <Text c="dimmed">{t('severity.empty')}</Text>;

  return (
    <Stack gap="sm">
      <div className="results-chart-scroll" dir="ltr" tabIndex={0} role="region" aria-label={t('chartRegion', { title: t('severity.title') })}>
        <svg className="results-chart" role="img" aria-label={summary} viewBox={`0 0 ${WIDTH} ${height}`} style={{ minInlineSize: 520, maxInlineSize: 860 }} data-testid="severity-chart">
          {TICKS.map((tick) => (
            <g key={tick}>
              <line x1={x(tick)} x2={x(tick)} y1={TOP - 6} y2={plotBottom} stroke="var(--mantine-color-gray-3)" />
              <text x={x(tick)} y={plotBottom + 18} textAnchor="middle" fontSize={12} fill="var(--mantine-color-dimmed)">
                {tick}
              </text>
            </g>
          ))}
          {roundMean !== null ? (
            <g>
              <line x1={x(roundMean)} x2={x(roundMean)} y1={TOP - 10} y2={plotBottom} stroke="var(--mantine-color-dark-4)" strokeDasharray="4 3" strokeWidth={1.5} />
              <text x={x(roundMean)} y={TOP - 16} textAnchor="middle" fontSize={12} fill="var(--mantine-color-text)">
                {t('severity.roundMean', { mean: formatNumber(roundMean, locale, 1) })}
              </text>
            </g>
          ) : null}
          {labelled.map(({ juror, labels }, index) => {
            const y = TOP + ROW * index + ROW / 2;
            const tone = toneOf(labels);
            return (
              <g key={juror.jurorId}>
                <text x={NAME_END} y={y + 4} textAnchor="end" fontSize={13} fill="var(--mantine-color-text)">
                  {shorten(juror.displayName)}
                </text>
                <line x1={x(juror.meanScore - juror.spread)} x2={x(juror.meanScore + juror.spread)} y1={y} y2={y} stroke={`var(--mantine-color-${tone}-3)`} strokeWidth={8} strokeLinecap="round" />
                <line x1={x(juror.minScore)} x2={x(juror.maxScore)} y1={y} y2={y} stroke={`var(--mantine-color-${tone}-6)`} strokeWidth={1} />
                <circle cx={x(juror.meanScore)} cy={y} r={6} fill={`var(--mantine-color-${tone}-7)`} stroke="var(--mantine-color-body)" strokeWidth={1.5} />
                <text x={PLOT_END + 12} y={y + 4} fontSize={12} fontWeight={600} fill={`var(--mantine-color-${tone}-8)`}>
                  {labels.map((label) => t(`severity.labels.${label}`)).join(' · ')}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <Text size="xs" c="dimmed">
        {t('severity.legend')}
      </Text>
      <Text size="sm" data-testid="severity-explanation">
        {t('severity.explanation')}
      </Text>
      <ScrollTable label={t('severity.tableCaption')} minWidth={640}>
        <Table verticalSpacing={4} fz="sm" striped>
          <caption className="visually-hidden">{t('severity.tableCaption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('severity.columns.juror')}</Table.Th>
              <Table.Th scope="col">{t('severity.columns.count')}</Table.Th>
              <Table.Th scope="col">{t('severity.columns.mean')}</Table.Th>
              <Table.Th scope="col">{t('severity.columns.spread')}</Table.Th>
              <Table.Th scope="col">{t('severity.columns.range')}</Table.Th>
              <Table.Th scope="col">{t('severity.columns.peers')}</Table.Th>
              <Table.Th scope="col">{t('severity.columns.reading')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {labelled.map(({ juror, labels }) => (
              <Table.Tr key={juror.jurorId} data-testid="severity-row">
                <Table.Td><bdi>{juror.displayName}</bdi></Table.Td>
                <Table.Td>{juror.count}</Table.Td>
                <Table.Td>{formatNumber(juror.meanScore, locale, 1)}</Table.Td>
                <Table.Td>{formatNumber(juror.spread, locale, 1)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{t('severity.range', { min: formatNumber(juror.minScore, locale, 1), max: formatNumber(juror.maxScore, locale, 1) })}</Table.Td>
                <Table.Td data-testid="severity-peers">
                  {juror.meanDeviationFromPeers === null ? t('severity.noPeers') : <bdi>{formatSignedNumber(juror.meanDeviationFromPeers, locale, 1)}</bdi>}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {labels.length === 0 ? (
                      <Text span size="sm" c="dimmed">
                        {t('severity.labels.NONE')}
                      </Text>
                    ) : (
                      labels.map((label) => (
                        <Badge key={label} color={LABEL_COLORS[label]} variant="light" style={{ minInlineSize: 'max-content' }}>
                          {t(`severity.labels.${label}`)}
                        </Badge>
                      ))
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
