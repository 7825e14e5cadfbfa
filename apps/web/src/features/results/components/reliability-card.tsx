import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { TRanking, TReliability } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { localized } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import { formatNumber } from '../numbers';
import { ScrollTable } from '../../../components/scroll-table';

const READING_COLORS = { GOOD: 'tahkim', TENTATIVE: 'yellow', LOW: 'red' } as const;

function Reading({ reliability }: { reliability: TReliability }) {
  const { t } = useTranslation('results');
  if (reliability.alpha === null || reliability.reading === null) {
    return (
      <Text span size="sm" c="dimmed">
        {t('reliability.notEnough')}
      </Text>
    );
  }
  return (
    <Badge color={READING_COLORS[reliability.reading]} variant="light" style={{ minInlineSize: 'max-content' }}>
      {t(`reliability.readings.${reliability.reading}`)}
    </Badge>
  );
}

/** Krippendorff's alpha (interval) for the weighted score and each criterion, with what it means in plain words. */
export function ReliabilityCard({ ranking }: { ranking: TRanking }) {
  const { t } = useTranslation('results');
  const { locale } = useLocale();
  const { overall, criteria } = ranking.reliability;
  const byId = new Map(criteria.map((item) => [item.criterionId, item]));
  const alpha = (value: number | null) => (value === null ? '—' : formatNumber(value, locale, 2));
  return (
    <Stack gap="sm" data-testid="reliability">
      <Group gap="md" align="baseline" wrap="wrap">
        <Text fz={32} fw={700} lh={1} aria-label={t('reliability.alphaLabel', { alpha: alpha(overall.alpha) })}>
          {alpha(overall.alpha)}
        </Text>
        <Reading reliability={overall} />
      </Group>
      <Text size="sm">{overall.reading ? t(`reliability.explained.${overall.reading}`) : t('reliability.explained.NONE')}</Text>
      <Text size="xs" c="dimmed">
        {t('reliability.pairable', { units: overall.pairableUnits, values: overall.pairableValues })}
      </Text>
      <ScrollTable label={t('reliability.perCriterion')} minWidth={260}>
        <Table verticalSpacing={4} fz="sm">
          <caption className="visually-hidden">{t('reliability.perCriterion')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reliability.criterion')}</Table.Th>
              <Table.Th scope="col">{t('reliability.alpha')}</Table.Th>
              <Table.Th scope="col">{t('reliability.reading')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ranking.criteria.map((criterion) => {
              const item = byId.get(criterion.id);
              return (
                <Table.Tr key={criterion.id}>
                  <Table.Td>{localized(criterion.label, locale) || criterion.key}</Table.Td>
                  <Table.Td>{alpha(item?.alpha ?? null)}</Table.Td>
                  <Table.Td>{item ? <Reading reliability={item} /> : null}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
