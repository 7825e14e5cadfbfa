import { Alert, Button, Card, Group, Text } from '@mantine/core';
import { BULK_SCREENING_MAX, type TCallStaff } from '@tahkim/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationFilters } from '../filters';
import { fetchScreenableIds } from '../queries';
import { BulkScreeningDialog } from './bulk-screening-dialog';

/**
 * The bulk screening toolbar above the table: select every screenable application matching the filter
 * in one click, then mark the selection eligible or ineligible in one action.
 */
export function BulkScreeningBar({
  call,
  callId,
  filters,
  selected,
  onSelect,
}: {
  call: TCallStaff | undefined;
  callId: string;
  filters: ApplicationFilters;
  selected: readonly string[];
  onSelect: (ids: string[]) => void;
}) {
  const { t } = useTranslation('screening');
  const [decision, setDecision] = useState<'ELIGIBLE' | 'INELIGIBLE' | null>(null);
  const [selecting, setSelecting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [capped, setCapped] = useState(false);

  const selectAll = async () => {
    setSelecting(true);
    setProblem(null);
    try {
      const { ids, total } = await fetchScreenableIds(callId, filters);
      setCapped(total > ids.length);
      onSelect(ids);
      if (ids.length === 0) setProblem(t('bulk.noneScreenable'));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setSelecting(false);
    }
  };

  return (
    <Card withBorder radius="md" padding="sm" component="section" aria-label={t('bulk.region')}>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="wrap">
          <Text fw={600} role="status" aria-live="polite">
            {t('bulk.selected', { count: selected.length })}
          </Text>
          <Button variant="light" size="xs" onClick={() => void selectAll()} loading={selecting}>
            {t('bulk.selectAll')}
          </Button>
          {selected.length > 0 ? (
            <Button variant="subtle" size="xs" onClick={() => onSelect([])}>
              {t('bulk.clear')}
            </Button>
          ) : null}
        </Group>
        <Group gap="xs" wrap="wrap">
          <Button size="xs" color="tahkim" disabled={selected.length === 0} onClick={() => setDecision('ELIGIBLE')}>
            {t('bulk.markEligible')}
          </Button>
          <Button size="xs" color="red" variant="light" disabled={selected.length === 0} onClick={() => setDecision('INELIGIBLE')}>
            {t('bulk.markIneligible')}
          </Button>
        </Group>
      </Group>
      {capped ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('bulk.capped', { count: BULK_SCREENING_MAX })}
        </Text>
      ) : null}
      {problem ? (
        <Alert color="orange" variant="light" mt="xs">
          {problem}
        </Alert>
      ) : null}
      <BulkScreeningDialog
        call={call}
        callId={callId}
        decision={decision}
        ids={selected}
        onClose={() => setDecision(null)}
        onDone={() => {
          setDecision(null);
          setCapped(false);
          onSelect([]);
        }}
      />
    </Card>
  );
}
