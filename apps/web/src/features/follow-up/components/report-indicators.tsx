import { Table } from '@mantine/core';
import type { TProgressReport } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../../components/scroll-table';
import { useLocale } from '../../locale/use-locale';
import { formatIndicatorValue, indicatorLabel } from '../follow-up-display';

/** The figures the report gives for the programme's indicators, with each one's target per project. */
export function ReportIndicators({ report }: { report: TProgressReport }) {
  const { t } = useTranslation('followUp');
  const { locale } = useLocale();
  return (
    <ScrollTable label={t('review.indicatorsCaption')} minWidth={480}>
      <Table verticalSpacing="xs" data-testid="report-indicators">
        <caption className="visually-hidden">{t('review.indicatorsCaption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('totals.indicator')}</Table.Th>
            <Table.Th scope="col">{t('review.reported')}</Table.Th>
            <Table.Th scope="col">{t('review.target')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.indicators.map((indicator) => {
            const value = report.indicatorValues[indicator.key] ?? null;
            return (
              <Table.Tr key={indicator.key}>
                <Table.Th scope="row" fw={500}>
                  <bdi>{indicatorLabel(indicator, locale)}</bdi>
                </Table.Th>
                <Table.Td>{value === null ? t('review.notMeasured') : formatIndicatorValue(value, indicator, locale)}</Table.Td>
                <Table.Td>{indicator.target === null ? t('review.noTarget') : formatIndicatorValue(indicator.target, indicator, locale)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
