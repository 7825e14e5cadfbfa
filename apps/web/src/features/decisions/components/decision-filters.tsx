import { Button, Group, NativeSelect, SegmentedControl, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EMAIL_FILTERS, ORDERS, OUTCOME_FILTERS, PUBLICATION_FILTERS, type DecisionFilters } from '../decision-view';
import { NumberField } from '../../../components/number-field';

interface DecisionFiltersBarProps {
  filters: DecisionFilters;
  onChange: (filters: DecisionFilters) => void;
  /** Whether the call has a ranking to order and select by. */
  ranked: boolean;
  selectedCount: number;
  onSelectTop: (count: number) => void;
  onClearSelection: () => void;
}

/** Filters of the decisions table (outcome, publication, email), its order, and the "top N by rank" shortcut. */
export function DecisionFiltersBar({ filters, onChange, ranked, selectedCount, onSelectTop, onClearSelection }: DecisionFiltersBarProps) {
  const { t } = useTranslation('decisions');
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
        {ranked ? (
          <>
            <NumberField label={t('select.topLabel')} value={top} onChange={setTop} min={1} max={10000} allowDecimal={false} w={110} />
            <Button variant="light" disabled={!Number.isFinite(topValue) || topValue < 1} onClick={() => onSelectTop(topValue)}>
              {t('select.top', { count: Number.isFinite(topValue) ? topValue : 0 })}
            </Button>
          </>
        ) : null}
        <Button variant="subtle" disabled={selectedCount === 0} onClick={onClearSelection}>
          {t('select.clear')}
        </Button>
      </Group>
    </Stack>
  );
}
