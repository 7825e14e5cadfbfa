import { Button, Group, NativeSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMAIL_FILTERS, ORDERS, OUTCOME_FILTERS, PUBLICATION_FILTERS, type DecisionFilters, type RankingSource, type TopSelection } from '../decision-view';
import { NumberField } from '../../../components/number-field';

interface DecisionFiltersBarProps {
  filters: DecisionFilters;
  onChange: (filters: DecisionFilters) => void;
  /** The ranking shown, to order and select by (none: no round has results yet). */
  source: RankingSource | null;
  roundNumber: number | null;
  selectedCount: number;
  /** What the last "select the top N" did, until the selection changes otherwise. */
  topSelection: TopSelection | null;
  onSelectTop: (count: number) => void;
  onClearSelection: () => void;
}

/** Filters of the decisions table (outcome, publication, email), its order, and the "top N by rank" shortcut. */
export function DecisionFiltersBar({ filters, onChange, source, roundNumber, selectedCount, topSelection, onSelectTop, onClearSelection }: DecisionFiltersBarProps) {
  const { t } = useTranslation('decisions');
  const ranked = source !== null;
  const [top, setTop] = useState<number | string>(3);
  const topValue = typeof top === 'number' ? top : Number.parseInt(top, 10);

  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <NativeSelect
          label={t('filters.outcome')}
          data={OUTCOME_FILTERS.map((value) => ({ value, label: t(`filters.outcomes.${value}`) }))}
          value={filters.outcome}
          onChange={(event) => onChange({ ...filters, outcome: event.currentTarget.value as DecisionFilters['outcome'] })}
          w={{ base: '100%', xs: 190 }}
        />
        <NativeSelect
          label={t('filters.publication')}
          data={PUBLICATION_FILTERS.map((value) => ({ value, label: t(`filters.publications.${value}`) }))}
          value={filters.publication}
          onChange={(event) => onChange({ ...filters, publication: event.currentTarget.value as DecisionFilters['publication'] })}
          w={{ base: '100%', xs: 210 }}
        />
        <NativeSelect
          label={t('filters.email')}
          data={EMAIL_FILTERS.map((value) => ({ value, label: t(`filters.emails.${value}`) }))}
          value={filters.email}
          onChange={(event) => onChange({ ...filters, email: event.currentTarget.value as DecisionFilters['email'] })}
          w={{ base: '100%', xs: 190 }}
        />
        {ranked ? (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="decisions-order-label">
              {t('filters.order')}
            </Text>
            <SegmentedControl
              aria-labelledby="decisions-order-label"
              value={filters.order}
              onChange={(value) => onChange({ ...filters, order: value as DecisionFilters['order'] })}
              data={ORDERS.map((value) => ({ value, label: t(`filters.orders.${value}`) }))}
            />
          </Stack>
        ) : null}
      </Group>
      <Group gap="sm" align="flex-end" wrap="wrap">
        {source ? (
          <>
            <NumberField label={t('select.topLabel')} value={top} onChange={setTop} min={1} max={10000} allowDecimal={false} w={110} />
            <Button variant="light" disabled={!Number.isFinite(topValue) || topValue < 1} onClick={() => onSelectTop(topValue)}>
              {t(source.kind === 'BALLOT' ? 'select.topBallot' : 'select.top', { count: Number.isFinite(topValue) ? topValue : 0, number: roundNumber })}
            </Button>
          </>
        ) : null}
        <Button variant="subtle" disabled={selectedCount === 0} onClick={onClearSelection}>
          {t('select.clear')}
        </Button>
      </Group>
      {topSelection ? (
        <Text size="sm" role="status" c={topSelection.ids.length < topSelection.asked ? 'orange.9' : undefined} data-testid="top-selection">
          {topSelection.ids.length === 0
            ? t('select.noneSelectable', { number: roundNumber })
            : topSelection.ids.length < topSelection.asked
              ? t('select.fewer', { selected: topSelection.ids.length, asked: topSelection.asked })
              : t('select.done', { count: topSelection.ids.length, number: roundNumber })}
        </Text>
      ) : null}
    </Stack>
  );
}
