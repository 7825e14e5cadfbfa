import { Badge } from '@mantine/core';
import type { TApplicationStatus } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';

const COLORS: Record<TApplicationStatus, string> = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  ELIGIBLE: 'teal',
  INELIGIBLE: 'red',
  IN_REVIEW: 'indigo',
  SHORTLISTED: 'violet',
  WINNER: 'green',
  NOT_SELECTED: 'orange',
  WITHDRAWN: 'dark',
};

export function ApplicationStatusBadge({ status }: { status: TApplicationStatus }) {
  const { t } = useTranslation('applications');
  return (
    <Badge color={COLORS[status]} variant="light">
      {t(`status.${status}`)}
    </Badge>
  );
}

/** Withdrawing is possible until a decision is made. */
export function canWithdraw(status: TApplicationStatus): boolean {
  return !['DRAFT', 'WITHDRAWN', 'WINNER', 'NOT_SELECTED'].includes(status);
}
