import { Button, Group, Stack, Text } from '@mantine/core';
import type { TRankingSelectionQuery } from '@tahkim/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../../components/number-field';
import { resultsApi } from '../results-api';

interface ShortlistToolsProps {
  roundId: string;
  /** The list's method and filters: the selection is made among the applications they let through, on every page. */
  view: Pick<TRankingSelectionQuery, 'method' | 'flag' | 'region' | 'eligibility'> & { method: NonNullable<TRankingSelectionQuery['method']> };
  selectedCount: number;
  onReplace: (applicationIds: string[]) => void;
}

/**
 * Selects applications in bulk among those the filters let through, whichever page is shown: the top N
 * of the list's method, or a score threshold. The API applies the rule to the whole ranking.
 */
export function ShortlistTools({ roundId, view, selectedCount, onReplace }: ShortlistToolsProps) {
  const { t } = useTranslation('results');
  const method = view.method;
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
  const select = useMutation({
    mutationFn: (rule: { top: number } | { threshold: number }) => resultsApi.selectRanking(roundId, { ...view, ...rule }),
    onSuccess: (selection) => onReplace(selection.applicationIds),
  });

  return (
    <Stack gap="xs">
      <Group gap="md" align="flex-end" wrap="wrap">
        <Group gap="xs" align="flex-end" wrap="wrap">
          <NumberField label={t('shortlist.topLabel')} value={top} onChange={setTop} min={1} max={10000} allowDecimal={false} w={110} />
          <Button
            variant="light"
            disabled={!Number.isFinite(topValue) || topValue < 1}
            loading={select.isPending && select.variables !== undefined && 'top' in select.variables}
            onClick={() => select.mutate({ top: topValue })}
          >
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
          <Button
            variant="light"
            disabled={!Number.isFinite(thresholdValue)}
            loading={select.isPending && select.variables !== undefined && 'threshold' in select.variables}
            onClick={() => select.mutate({ threshold: thresholdValue })}
          >
            {t('shortlist.threshold')}
          </Button>
        </Group>
        <Button variant="subtle" disabled={selectedCount === 0} onClick={() => onReplace([])}>
          {t('shortlist.clear')}
        </Button>
      </Group>
      {select.isError ? (
        <Text size="sm" c="red" role="alert">
          {select.error.message}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('shortlist.hint')}
      </Text>
    </Stack>
  );
}
