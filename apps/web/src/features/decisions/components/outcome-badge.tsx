import { Badge } from '@mantine/core';
import type { TDecisionOutcome } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { OUTCOME_COLORS } from '../decision-view';

export function OutcomeBadge({ outcome }: { outcome: TDecisionOutcome }) {
  const { t } = useTranslation('decisions');
  return (
    <Badge color={OUTCOME_COLORS[outcome]} variant="light" style={{ minInlineSize: 'max-content' }}>
      {t(`outcome.${outcome}`)}
    </Badge>
  );
}
