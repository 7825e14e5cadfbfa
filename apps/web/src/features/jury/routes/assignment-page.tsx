import { Anchor, Container, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { usePageTitle } from '../../../lib/use-page-title';
import { NotFoundPage } from '../../system/routes/not-found-page';
import { ApplicationReader } from '../components/application-reader';
import { DeclareConflictButton } from '../components/declare-conflict-button';
import { ScorecardPanel } from '../components/scorecard-panel';
import { juryApplicationQuery, scorecardQuery } from '../queries';
import { orderedCriteria } from '../scorecard-state';
import '../../applications/applications.css';
import '../jury.css';

/** One assigned application: the reader beside the scorecard (stacked on a phone). */
export function JuryAssignmentPage() {
  const { t } = useTranslation('jury');
  const { id = '' } = useParams();
  const view = useQuery(juryApplicationQuery(id));
  const scorecard = useQuery(scorecardQuery(id));
  usePageTitle(view.data ? t('assignment.title', { label: view.data.applicationLabel }) : t('title'));

  const error = view.error ?? scorecard.error;
  if (error && 'status' in error && error.status === 404) return <NotFoundPage />;
  if (error) {
    return (
      <Container size="lg" py="lg">
        <LoadError error={error} onRetry={() => void Promise.all([view.refetch(), scorecard.refetch()])} />
      </Container>
    );
  }
  if (!view.data || !scorecard.data) return <PageLoader />;

  const criteria = orderedCriteria(view.data.criteria);

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <Anchor component={Link} to="/jury" size="sm">
          {t('assignment.back')}
        </Anchor>
        <Group justify="space-between" align="flex-end" gap="sm">
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {t('assignment.kicker')}
            </Text>
            <Title order={1} dir="auto">
              {view.data.applicationLabel}
            </Title>
          </Stack>
          {scorecard.data.status !== 'SUBMITTED' ? <DeclareConflictButton assignmentId={id} label={view.data.applicationLabel} /> : null}
        </Group>
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <ApplicationReader view={view.data} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <div className="scorecard-column">
              <ScorecardPanel key={`${scorecard.data.assignmentId}-${scorecard.data.status}`} scorecard={scorecard.data} criteria={criteria} />
            </div>
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
}
