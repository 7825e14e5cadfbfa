import { Stack, Table, Text } from '@mantine/core';
import { isRtl, type TProgrammeIndicator, type TProgrammeMilestone, type TProjectIndicator } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../../components/scroll-table';
import { useLocale } from '../../locale/use-locale';
import { formatIndicatorValue, formatProgress, indicatorLabel, milestoneTitle, seriesAt } from '../follow-up-display';
import { chartGeometry, type ChartBox } from '../indicator-chart-geometry';

const BOX: ChartBox = { width: 320, height: 140, padding: { top: 12, bottom: 16, start: 14, end: 14 } };

interface IndicatorChartProps {
  indicator: TProgrammeIndicator;
  /** The programme's milestones that ask for a report, in order: the chart's time axis. */
  milestones: readonly TProgrammeMilestone[];
  /** The project's accepted values of this indicator. */
  values: TProjectIndicator;
  /** The project's reference and name, which tell its tables apart from the other projects'. */
  project: string;
}

/**
 * One indicator of one project over the report milestones: its running figure as a line (time runs from
 * the right in Arabic), the target dashed, and the same numbers in a table for those who do not see it.
 */
export function IndicatorChart({ indicator, milestones, values, project }: IndicatorChartProps) {
  const { t } = useTranslation('followUp');
  const { locale } = useLocale();
  const label = indicatorLabel(indicator, locale);
  const series = seriesAt(
    milestones.map((milestone) => milestone.key),
    values.points,
  );
  const geometry = chartGeometry(
    series.map((point) => point.cumulative),
    values.target,
    BOX,
    isRtl(locale),
  );
  const value = formatIndicatorValue(values.value, indicator, locale);
  const target = formatIndicatorValue(values.target, indicator, locale);
  const summary =
    values.value === null
      ? t('chart.summaryEmpty', { indicator: label })
      : values.target === null
        ? t('chart.summaryNoTarget', { indicator: label, value })
        : t('chart.summary', { indicator: label, value, target, progress: values.progress === null ? '—' : formatProgress(values.progress, locale) });

  return (
    <Stack gap="xs" className="follow-up-indicator" component="figure">
      <Text component="figcaption" fw={600} size="sm" dir="auto">
        {label}
      </Text>
      <div className="follow-up-chart-row">
        <svg className="follow-up-chart" viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={summary} preserveAspectRatio="xMidYMid meet">
          <line x1={geometry.axis.x1} x2={geometry.axis.x2} y1={geometry.axis.y} y2={geometry.axis.y} className="follow-up-chart-axis" />
          {geometry.slots.map((x, index) => (
            <line key={index} x1={x} x2={x} y1={geometry.axis.y} y2={geometry.axis.y + 4} className="follow-up-chart-axis" />
          ))}
          {geometry.targetY === null ? null : (
            <line x1={geometry.axis.x1} x2={geometry.axis.x2} y1={geometry.targetY} y2={geometry.targetY} className="follow-up-chart-target" data-testid="chart-target" />
          )}
          {geometry.path ? <path d={geometry.path} className="follow-up-chart-line" /> : null}
          {geometry.dots.map((dot) => (
            <circle key={dot.index} cx={dot.x} cy={dot.y} r={3.5} className="follow-up-chart-dot" />
          ))}
        </svg>
        <ScrollTable label={t('chart.tableLabel', { indicator: label, project })} minWidth={280}>
          <Table verticalSpacing={4} fz="sm">
            <caption className="visually-hidden">{t('chart.tableLabel', { indicator: label, project })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('chart.milestone')}</Table.Th>
                <Table.Th scope="col">{t('chart.period')}</Table.Th>
                <Table.Th scope="col">{t(indicator.aggregation === 'SUM' ? 'chart.cumulative' : 'chart.latest')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {series.map((point, index) => (
                <Table.Tr key={point.milestoneKey}>
                  <Table.Th scope="row" fw={400}>
                    <bdi>{milestoneTitle(milestones[index]!, locale)}</bdi>
                  </Table.Th>
                  <Table.Td>{formatIndicatorValue(point.value, indicator, locale)}</Table.Td>
                  <Table.Td>{formatIndicatorValue(point.cumulative, indicator, locale)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </div>
      <Text size="xs" c="dimmed">
        <span className="follow-up-legend-line" aria-hidden="true" /> {t('chart.legendValue', { value })}
        {values.target === null ? null : (
          <>
            {' · '}
            <span className="follow-up-legend-target" aria-hidden="true" /> {t('chart.legendTarget', { target })}
          </>
        )}
      </Text>
    </Stack>
  );
}
