import { Alert, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TRecordableOutcome } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { useBulkDecisionMutation } from '../mutations';

const BULK_OUTCOMES = ['WINNER', 'NOT_SELECTED', 'SHORTLISTED'] as const satisfies readonly TRecordableOutcome[];

interface BulkBarProps {
  callId: string;
  roundId: string | undefined;
  selectedIds: readonly string[];
  onDone: () => void;
}

/** The same outcome for every selected application, in one request (nothing is published yet). */
export function BulkBar({ callId, roundId, selectedIds, onDone }: BulkBarProps) {
  const { t } = useTranslation('decisions');
  const bulk = useBulkDecisionMutation(callId);
  const count = selectedIds.length;
  if (count === 0) return null;

  return (
    <div className="decisions-bulk-bar" role="region" aria-label={t('bulk.region')}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>{t('bulk.selected', { count })}</Text>
        <Group gap="xs" wrap="wrap">
          {BULK_OUTCOMES.map((outcome) => (
            <Button
              key={outcome}
              variant={outcome === 'WINNER' ? 'filled' : 'light'}
              color={outcome === 'NOT_SELECTED' ? 'orange' : undefined}
              loading={bulk.isPending && bulk.variables.outcome === outcome}
              disabled={bulk.isPending && bulk.variables.outcome !== outcome}
              onClick={() =>
                bulk.mutate(
                  { applicationIds: [...selectedIds], outcome, ...(roundId ? { roundId } : {}) },
                  {
                    onSuccess: (result) => {
                      notifications.show({ color: 'tahkim', message: t(`bulk.done.${outcome}`, { count: result.recorded }) });
                      onDone();
                    },
                  },
                )
              }
            >
              {t(`bulk.mark.${outcome}`, { count })}
            </Button>
          ))}
        </Group>
      </Group>
      {bulk.isError ? (
        <Alert color="red" variant="light" role="alert" mt="xs" withCloseButton onClose={() => bulk.reset()} closeButtonLabel={t('actions.dismiss')}>
          {bulk.error.message}
        </Alert>
      ) : null}
    </div>
  );
}
