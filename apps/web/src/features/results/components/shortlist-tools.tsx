import { Button, Group, Stack, Text } from '@mantine/core';
import type { TRankingQueryMethod, TRankingRow } from '@tahkim/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectByThreshold, selectTopN } from '../ranking-view';
import { NumberField } from '../../../components/number-field';

interface ShortlistToolsProps {
  rows: readonly TRankingRow[];
  method: TRankingQueryMethod;
  selectedCount: number;
  onReplace: (applicationIds: string[]) => void;
}

/** Selects applications in bulk among the rows on screen: the top N of the list's method, or a score threshold. */
export function ShortlistTools({ rows, method, selectedCount, onReplace }: ShortlistToolsProps) {
  const { t } = useTranslation('results');
  const [top, setTop] = useState<number | string>(10);
  const [threshold, setThreshold] = useState<number | string>(method === 'mean' ? 60 : 0.5);
  const [shownMethod, setShownMethod] = useState(method);
  // Another method, another scale: a mean-score threshold means nothing as a z-score.
  if (shownMethod !== method) {
    setShownMethod(method);
    setThreshold(method === 'mean' ? 60 : 0.5);
  }
  const topValue = typeof top === 'number' ? top : Number.parseInt(top, 10);
  const thresholdValue = typeof threshold === 'number' ? threshold : Number.parseFloat(threshold);

  return (
    <Stack gap="xs">
      <Group gap="md" align="flex-end" wrap="wrap">
        <Group gap="xs" align="flex-end" wrap="wrap">
          <NumberField label={t('shortlist.topLabel')} value={top} onChange={setTop} min={1} max={10000} allowDecimal={false} w={110} />
          <Button variant="light" disabled={!Number.isFinite(topValue) || topValue < 1} onClick={() => onReplace(selectTopN(rows, topValue, method))}>
            {t('shortlist.top', { count: Number.isFinite(topValue) ? topValue : 0 })}
          </Button>
        </Group>
        <Group gap="xs" align="flex-end" wrap="wrap">
          <NumberField
            label={t(`shortlist.thresholdLabel.${method}`)}
            value={threshold}
            onChange={setThreshold}
            min={method === 'mean' ? 0 : undefined}
            max={method === 'mean' ? 100 : undefined}
            step={method === 'mean' ? 1 : 0.1}
            decimalScale={2}
            w={130}
          />
          <Button variant="light" disabled={!Number.isFinite(thresholdValue)} onClick={() => onReplace(selectByThreshold(rows, thresholdValue, method))}>
            {t('shortlist.threshold')}
          </Button>
        </Group>
        <Button variant="subtle" disabled={selectedCount === 0} onClick={() => onReplace([])}>
          {t('shortlist.clear')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('shortlist.hint')}
      </Text>
    </Stack>
  );
}
