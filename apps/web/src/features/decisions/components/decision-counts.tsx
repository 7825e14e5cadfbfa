import { Card, SimpleGrid, Text } from '@mantine/core';
import type { TCallDecisionCounts } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';

const SHOWN = ['applications', 'winners', 'notSelected', 'pendingPublication', 'published', 'emailsQueued', 'emailsSent', 'emailsFailed'] as const;

/** The call's decisions at a glance: outcomes, publication and the delivery of the emails. */
export function DecisionCounts({ counts }: { counts: TCallDecisionCounts }) {
  const { t } = useTranslation('decisions');
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" component="dl" data-testid="decision-counts" m={0}>
      {SHOWN.map((name) => (
        <Card key={name} withBorder radius="md" padding="sm">
          <Text component="dt" size="xs" c="dimmed">
            {t(`counts.${name}`)}
          </Text>
          <Text component="dd" m={0} fw={700} fz="xl" c={name === 'emailsFailed' && counts.emailsFailed > 0 ? 'red.8' : undefined}>
            {counts[name]}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}
