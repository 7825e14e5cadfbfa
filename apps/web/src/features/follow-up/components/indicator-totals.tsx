import { Table, Text } from '@mantine/core';
import { indicatorProgress, type TFollowUpDashboard } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../../components/scroll-table';
import { useLocale } from '../../locale/use-locale';
import { formatIndicatorValue, formatProgress, indicatorLabel } from '../follow-up-display';

/** A bar for how far a figure is towards its target (full at 100 %, never past it). */
function ProgressBar({ progress, label }: { progress: number; label: string }) {
  const { locale } = useLocale();
  const percent = Math.round(Math.min(1, Math.max(0, progress)) * 100);
  return (
    <div className="follow-up-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={formatProgress(progress, locale)} aria-label={label}>
      <div className="follow-up-progress-bar" style={{ inlineSize: `${percent}%` }} data-reached={progress >= 1 || undefined} />
    </div>
  );
}

/** Each indicator across the supported projects: their total against the sum of their targets. */
export function IndicatorTotals({ dashboard }: { dashboard: TFollowUpDashboard }) {
  const { t } = useTranslation('followUp');
  const { locale } = useLocale();
  return (
    <ScrollTable label={t('totals.caption')} minWidth={640}>
      <Table verticalSpacing="xs" data-testid="indicator-totals">
        <caption className="visually-hidden">{t('totals.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('totals.indicator')}</Table.Th>
            <Table.Th scope="col">{t('totals.value')}</Table.Th>
            <Table.Th scope="col">{t('totals.target')}</Table.Th>
            <Table.Th scope="col" miw={160}>
              {t('totals.progress')}
            </Table.Th>
            <Table.Th scope="col">{t('totals.projects')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dashboard.indicators.map((indicator) => {
            const total = dashboard.totals.find((candidate) => candidate.key === indicator.key) ?? { value: null, target: null, projects: 0 };
            const progress = indicatorProgress(indicator.direction, total.value, total.target);
            const label = indicatorLabel(indicator, locale);
            return (
              <Table.Tr key={indicator.key}>
                <Table.Th scope="row" fw={500}>
                  <bdi>{label}</bdi>
                  <Text size="xs" c="dimmed" fw={400}>
                    {t(`direction.${indicator.direction}`)}
                  </Text>
                </Table.Th>
                <Table.Td>{formatIndicatorValue(total.value, indicator, locale)}</Table.Td>
                <Table.Td>{formatIndicatorValue(total.target, indicator, locale)}</Table.Td>
                <Table.Td>
                  {progress === null ? (
                    <Text size="sm" c="dimmed">
                      {t('totals.noProgress')}
                    </Text>
                  ) : (
                    <>
                      <ProgressBar progress={progress} label={t('totals.progressOf', { indicator: label })} />
                      <Text size="xs">{formatProgress(progress, locale)}</Text>
                    </>
                  )}
                </Table.Td>
                <Table.Td>{t('totals.projectsCount', { count: total.projects })}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
