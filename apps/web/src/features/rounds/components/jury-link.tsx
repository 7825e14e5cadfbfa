import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The back office's way into a call's jury work (rounds, criteria, jurors, assignment, progress). */
export function JuryLink({ callId, variant = 'default' }: { callId: string; variant?: 'default' | 'light' }) {
  const { t } = useTranslation('rounds');
  return (
    <Button component={Link} to={`/admin/calls/${callId}/rounds`} size="xs" variant={variant}>
      {t('entry.jury')}
    </Button>
  );
}
