import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TRanking } from '@tahkim/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import { useAdvanceMutation } from '../mutations';
import type { TAdvanceResult } from '../results-api';

interface AdvanceBarProps {
  ranking: TRanking;
  selectedIds: readonly string[];
  onAdvanced: (result: TAdvanceResult) => void;
}

/** The shortlist's action: advance the selected applications into the next round, after a confirmation. */
export function AdvanceBar({ ranking, selectedIds, onAdvanced }: AdvanceBarProps) {
  const { t } = useTranslation('results');
  const { locale } = useLocale();
  const advance = useAdvanceMutation(ranking.round.id);
  const [confirming, setConfirming] = useState(false);
  const count = selectedIds.length;
  const next = ranking.nextRound;
  const nextNumber = next?.number ?? ranking.round.number + 1;
  const kind = next ? 'existing' : 'new';
  const alreadyAdvanced = ranking.items.filter((row) => row.advanced && selectedIds.includes(row.applicationId)).length;

  if (count === 0) return null;
  return (
    <div className="advance-bar" role="region" aria-label={t('advance.region')}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>{t('advance.selected', { count })}</Text>
        <Button onClick={() => setConfirming(true)}>{t(`advance.button.${kind}`, { count, number: nextNumber })}</Button>
      </Group>
      <Modal
        opened={confirming}
        onClose={() => {
          setConfirming(false);
          advance.reset();
        }}
        title={t('advance.confirmTitle')}
        centered
      >
        <Stack gap="sm">
          <Text>{t(`advance.confirmBody.${kind}`, { count, number: nextNumber })}</Text>
          {next ? (
            <Text size="sm" c="dimmed">
              {t('advance.existingRound', { name: localized(next.name, locale) || t('page.defaultName', { number: nextNumber }) })}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('advance.newRound')}
            </Text>
          )}
          {alreadyAdvanced > 0 ? (
            <Text size="sm" c="dimmed">
              {t('advance.alreadyAdvanced', { count: alreadyAdvanced })}
            </Text>
          ) : null}
          <Text size="sm">{t('advance.undoHint')}</Text>
          {advance.isError ? (
            <Alert color="red" variant="light" role="alert">
              {advance.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('actions.cancel')}
            </Button>
            <Button
              data-autofocus
              loading={advance.isPending}
              onClick={() =>
                advance.mutate(
                  { applicationIds: [...selectedIds], ...(next ? { targetRoundId: next.id } : {}) },
                  {
                    onSuccess: (result) => {
                      notifications.show({ color: 'tahkim', message: t('advance.done', { count: result.added, number: result.advance.toRoundNumber }) });
                      setConfirming(false);
                      onAdvanced(result);
                    },
                  },
                )
              }
            >
              {t('advance.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </div>
  );
}
