import { Badge } from '@mantine/core';
import type { TMilestoneState } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { MILESTONE_STATE_COLORS } from '../milestone-state-colors';


/** Where a milestone stands for the project: upcoming, due soon, late, sent, changes asked, done. */
export function MilestoneStateBadge({ state }: { state: TMilestoneState }) {
  const { t } = useTranslation('reports');
  return (
    <Badge color={MILESTONE_STATE_COLORS[state]} variant="light" data-state={state} data-testid="milestone-state" style={{ flexShrink: 0 }}>
      {t(`state.${state}`)}
    </Badge>
  );
}
