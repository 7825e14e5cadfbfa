import { Alert, Button, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ROUND_TYPES, type TRanking, type TRound, type TRoundType } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import { callRoundsQuery } from '../../rounds/queries';
import { useAdvanceMutation } from '../mutations';
import type { TAdvanceResult } from '../results-api';

interface AdvanceBarProps {
  ranking: TRanking;
  selectedIds: readonly string[];
  onAdvanced: (result: TAdvanceResult) => void;
}

/** The value of the target select that stands for a round to create. */
const NEW_ROUND = 'new';

/**
 * The shortlist's action: advance the selected applications, after a confirmation, into a later round of
 * the call (by default the next one) or into a new round of the kind staff choose (scoring by default).
 */
export function AdvanceBar({ ranking, selectedIds, onAdvanced }: AdvanceBarProps) {
  const { t } = useTranslation(['results', 'rounds']);
  const { locale } = useLocale();
  const advance = useAdvanceMutation(ranking.round.id);
  const rounds = useQuery(callRoundsQuery(ranking.round.callId));
  const [confirming, setConfirming] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [newKind, setNewKind] = useState<TRoundType>('SCORING');
  const count = selectedIds.length;
  // Later rounds of the call that can still receive applications.
  const later: TRound[] = (rounds.data?.items ?? []).filter((round) => round.number > ranking.round.number && round.status !== 'CLOSED');
  const lastNumber = Math.max(ranking.round.number, ...(rounds.data?.items ?? []).map((round) => round.number));
  const preferred = later.find((round) => round.id === ranking.nextRound?.id) ?? later[0];
  const targetId = chosen !== null && (chosen === NEW_ROUND || later.some((round) => round.id === chosen)) ? chosen : (preferred?.id ?? NEW_ROUND);
  const target = later.find((round) => round.id === targetId) ?? null;
  const number = target?.number ?? lastNumber + 1;
  const roundLabel = (round: TRound) =>
    t('advance.targetOption', {
      name: localized(round.name, locale) || t('page.defaultName', { number: round.number }),
      kind: t(`rounds:kinds.${round.type}`),
      status: t(`rounds:status.${round.status}`),
    });
  const alreadyAdvanced = ranking.items.filter((row) => row.advanced && selectedIds.includes(row.applicationId)).length;
  const close = () => {
    setConfirming(false);
    advance.reset();
  };

  if (count === 0) return null;
  return (
    <div className="advance-bar" role="region" aria-label={t('advance.region')}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>{t('advance.selected', { count })}</Text>
        <Button onClick={() => setConfirming(true)}>{t(`advance.button.${target ? 'existing' : 'new'}`, { count, number })}</Button>
      </Group>
      <Modal opened={confirming} onClose={close} title={t('advance.confirmTitle')} centered>
        <Stack gap="sm">
          <Select
            label={t('advance.target')}
            data={[
              ...later.map((round) => ({ value: round.id, label: roundLabel(round) })),
              { value: NEW_ROUND, label: t('advance.targetNew', { number: lastNumber + 1 }) },
            ]}
            value={targetId}
            onChange={(value) => setChosen(value)}
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
          />
          {target ? null : (
            <Radio.Group label={t('advance.newKind')} value={newKind} onChange={(value) => setNewKind(value as TRoundType)}>
              <Stack gap="xs" mt="xs">
                {ROUND_TYPES.map((kind) => (
                  <Radio key={kind} value={kind} label={t(`rounds:kinds.${kind}`)} description={t(`rounds:kindHints.${kind}`)} />
                ))}
              </Stack>
            </Radio.Group>
          )}
          <Text>{t(`advance.confirmBody.${target ? 'existing' : 'new'}`, { count, number })}</Text>
          <Text size="sm" c="dimmed">
            {target ? t('advance.existingRound', { name: roundLabel(target) }) : t(`advance.newRoundOf.${newKind}`)}
          </Text>
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
            <Button variant="default" onClick={close}>
              {t('actions.cancel')}
            </Button>
            <Button
              data-autofocus
              loading={advance.isPending}
              disabled={rounds.isPending}
              onClick={() =>
                advance.mutate(
                  { applicationIds: [...selectedIds], ...(target ? { targetRoundId: target.id } : { newRound: { kind: newKind } }) },
                  {
                    onSuccess: (result) => {
                      notifications.show({ color: 'tahkim', message: t('advance.done', { count: result.added, number: result.advance.toRoundNumber }) });
                      setConfirming(false);
                      setChosen(null);
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
