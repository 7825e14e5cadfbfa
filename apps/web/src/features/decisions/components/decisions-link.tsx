import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The back office's way into a call's decisions, their emails and their publication. */
export function DecisionsLink({ callId, variant = 'default' }: { callId: string; variant?: 'default' | 'light' }) {
  const { t } = useTranslation('decisions');
  return (
    <Button component={Link} to={`/admin/calls/${callId}/decisions`} size="xs" variant={variant}>
      {t('entry.link')}
    </Button>
  );
}
