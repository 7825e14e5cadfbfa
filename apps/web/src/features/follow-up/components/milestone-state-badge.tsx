import { Badge, Group, Text } from '@mantine/core';
import type { TMilestoneState } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { STATE_COLORS } from '../follow-up-display';

/**
 * Where a milestone stands, in words: a LATE one is filled and marked with "!" so it stands out without
 * colour; a report sent after its due date says so beside its state.
 */
export function MilestoneStateBadge({ state, late = false }: { state: TMilestoneState; late?: boolean }) {
  const { t } = useTranslation('followUp');
  return (
    <Group gap={4} wrap="nowrap" component="span">
      <Badge color={STATE_COLORS[state]} variant={state === 'LATE' ? 'filled' : 'light'} data-state={state} leftSection={state === 'LATE' ? <span aria-hidden="true">!</span> : undefined}>
        {t(`state.${state}`)}
      </Badge>
      {late && state !== 'LATE' ? (
        <Text component="span" size="xs" c="red.8" fw={600}>
          {t('state.sentLate')}
        </Text>
      ) : null}
    </Group>
  );
}
