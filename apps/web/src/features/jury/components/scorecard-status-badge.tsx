import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const COLORS = { TO_DO: 'gray', DRAFT: 'orange', SUBMITTED: 'green' } as const;

/** "À faire", "Brouillon", "Soumise". */
export function ScorecardStatusBadge({ status }: { status: keyof typeof COLORS }) {
  const { t } = useTranslation('jury');
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`status.${status}`)}
    </Badge>
  );
}
