import { Button, Card, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isolate } from '../../../components/user-text';
import { nextAssignment } from '../next-assignment';
import { juryAssignmentsQuery } from '../queries';

/** Once a scorecard is submitted: straight on to the juror's next application to score, or the list when none waits. */
export function NextAssignmentLink({ currentId }: { currentId: string }) {
  const { t } = useTranslation('jury');
  const assignments = useQuery(juryAssignmentsQuery());
  if (!assignments.data) return null;
  const { next, remaining } = nextAssignment(assignments.data.items, currentId);
  return (
    <Card withBorder radius="md" padding="sm" component="section" aria-label={t('nextAssignment.label')}>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm">{next ? t('nextAssignment.remaining', { count: remaining }) : t('nextAssignment.none')}</Text>
        {next ? (
          <Button component={Link} to={`/jury/assignments/${next.id}`}>
            {t('nextAssignment.link', { label: isolate(next.applicationLabel) })}
          </Button>
        ) : (
          <Button component={Link} to="/jury" variant="light">
            {t('nextAssignment.back')}
          </Button>
        )}
      </Group>
    </Card>
  );
}
