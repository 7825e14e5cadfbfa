import { Table } from '@mantine/core';
import { regionName, type TFollowUpDashboard } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../../components/scroll-table';
import { formatNumber } from '../../../lib/number-format';
import { useLocale } from '../../locale/use-locale';
import { formatIndicatorValue, indicatorLabel } from '../follow-up-display';

/** The supported projects per region (named in the reader's language) and each indicator's total there. */
export function RegionsTable({ dashboard }: { dashboard: TFollowUpDashboard }) {
  const { t } = useTranslation('followUp');
  const { locale } = useLocale();
  return (
    <ScrollTable label={t('regions.caption')} minWidth={260 + 150 * dashboard.indicators.length}>
      <Table striped verticalSpacing="xs" data-testid="regions-table">
        <caption className="visually-hidden">{t('regions.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('regions.region')}</Table.Th>
            <Table.Th scope="col">{t('regions.projects')}</Table.Th>
            {dashboard.indicators.map((indicator) => (
              <Table.Th scope="col" key={indicator.key}>
                <bdi>{indicatorLabel(indicator, locale)}</bdi>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dashboard.regions.map((row) => (
            <Table.Tr key={row.region ?? 'none'}>
              <Table.Th scope="row" fw={500}>
                {row.region === null ? t('regions.none') : (regionName(row.region, locale) ?? row.region)}
              </Table.Th>
              <Table.Td>{formatNumber(row.projects, locale)}</Table.Td>
              {dashboard.indicators.map((indicator) => (
                <Table.Td key={indicator.key}>{formatIndicatorValue(row.values[indicator.key] ?? null, indicator, locale)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
