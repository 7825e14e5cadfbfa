import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { TApplicationReports } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localized } from '../../calls/call-text';
import { CallDateTime } from '../../calls/components/call-dates';
import { applicationOutcomeQuery } from '../../decisions/queries';
import { useLocale } from '../../locale/use-locale';
import { applicationReportsQuery } from '../queries';
import { needsAction, reportAction, reportPagePath } from '../report-action';
import '../reports.css';
import { MilestoneStateBadge } from './milestone-state-badge';

/** The programme's milestones in order: each one's due date (Morocco's time), where it stands, and its report. */
export function ProgressReportsCard({ reports }: { reports: TApplicationReports }) {
  const { t } = useTranslation('reports');
  const { locale } = useLocale();
  const toSend = reports.milestones.filter((entry) => needsAction(entry.state, entry.milestone.reportDue)).length;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="progress-reports-title" data-testid="progress-reports">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h3" id="progress-reports-title">
            {t('card.title')}
          </Title>
          <Text>{t('card.intro')}</Text>
          <Text size="sm" fw={600} data-testid="progress-reports-summary">
            {t('card.toSend', { count: toSend })}
          </Text>
        </Stack>
        <ol className="plain-list milestone-list" aria-label={t('card.listLabel')}>
          {reports.milestones.map(({ milestone, state, status }) => {
            const titleId = `milestone-${milestone.key}-title`;
            const action = reportAction(status);
            return (
              <li key={milestone.key} className="milestone-row" data-testid="milestone" data-milestone={milestone.key}>
                <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
                  <Text fw={600} id={titleId} className="milestone-title">
                    {localized(milestone.title, locale)}
                  </Text>
                  <MilestoneStateBadge state={state} />
                </Group>
                <Text size="sm">
                  <span className="text-strong">{t('card.due')}</span> <CallDateTime iso={milestone.dueAt} local={milestone.dueAtLocal} />
                </Text>
                {milestone.reportDue ? (
                  <Button
                    component={Link}
                    to={reportPagePath(reports.applicationId, milestone.key)}
                    variant={action === 'read' ? 'default' : 'filled'}
                    size="sm"
                    className="milestone-action"
                    aria-describedby={titleId}
                    data-action={action}
                  >
                    {t(`action.${action}`)}
                  </Button>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('card.noReport')}
                  </Text>
                )}
              </li>
            );
          })}
        </ol>
      </Stack>
    </Card>
  );
}

/**
 * A winner's application page shows where their support programme stands once the decision is published.
 * The question is asked only then (the answer is already cached for the outcome's card): for anyone else,
 * nothing is requested and nothing shown. A call without a programme answers 404: the card stays away.
 */
export function ProgressReportsSection({ applicationId }: { applicationId: string }) {
  const outcome = useQuery(applicationOutcomeQuery(applicationId));
  const winner = outcome.data?.published === true && outcome.data.outcome === 'WINNER';
  const reports = useQuery({ ...applicationReportsQuery(applicationId), enabled: winner });
  if (!winner || !reports.data || reports.data.milestones.length === 0) return null;
  return <ProgressReportsCard reports={reports.data} />;
}
