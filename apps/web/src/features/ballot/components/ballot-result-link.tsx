import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** From a ballot round's staff page to its result. */
export function BallotResultLink({ roundId }: { roundId: string }) {
  const { t } = useTranslation('ballot');
  return (
    <Button component={Link} to={`/admin/rounds/${roundId}/ballot`} variant="filled" size="xs">
      {t('staff.link')}
    </Button>
  );
}
