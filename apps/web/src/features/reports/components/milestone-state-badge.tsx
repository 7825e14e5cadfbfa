import { Badge } from '@mantine/core';
import type { TMilestoneState } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';

// Each state has its own colour and always its words: the colour is never the only sign.
const COLORS: Record<TMilestoneState, string> = {
  UPCOMING: 'gray',
  DUE: 'blue',
  LATE: 'red',
  SUBMITTED: 'violet',
  CHANGES_REQUESTED: 'orange',
  DONE: 'green',
};

/** Where a milestone stands for the project: upcoming, due soon, late, sent, changes asked, done. */
export function MilestoneStateBadge({ state }: { state: TMilestoneState }) {
  const { t } = useTranslation('reports');
  return (
    <Badge color={COLORS[state]} variant="light" data-state={state} data-testid="milestone-state" style={{ flexShrink: 0 }}>
      {t(`state.${state}`)}
    </Badge>
  );
}
