import { Group, Text } from '@mantine/core';
import { MILESTONE_STATES, type TMilestoneState } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/number-format';
import { useLocale } from '../../locale/use-locale';
import { MilestoneStateBadge } from './milestone-state-badge';

/** How many project milestones stand in each state, in the states' order. */
export function StateCounts({ counts }: { counts: Partial<Record<TMilestoneState, number>> }) {
  const { t } = useTranslation('followUp');
  const { locale } = useLocale();
  return (
    <Group gap="md" component="ul" className="plain-list" aria-label={t('counts.label')} data-testid="state-counts">
      {MILESTONE_STATES.map((state) => (
        <Group key={state} gap={6} component="li" wrap="nowrap">
          <MilestoneStateBadge state={state} />
          <Text fw={700} size="sm">
            {formatNumber(counts[state] ?? 0, locale)}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
