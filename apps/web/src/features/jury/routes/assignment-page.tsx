import { Anchor, Box, Container, Grid, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { usePageTitle } from '../../../lib/use-page-title';
import { NotFoundPage } from '../../system/routes/not-found-page';
import { ApplicationReader } from '../components/application-reader';
import { DeclareConflictButton } from '../components/declare-conflict-button';
import { NextAssignmentLink } from '../components/next-assignment-link';
import { ScorecardPanel } from '../components/scorecard-panel';
import { juryApplicationQuery, scorecardQuery } from '../queries';
import { orderedCriteria } from '../scorecard-state';
import '../../applications/applications.css';
import '../jury.css';

type Part = 'dossier' | 'scorecard';

/**
 * One assigned application: the reader beside the scorecard. On a phone or a small tablet the two
 * columns would stack and put the scorecard below the whole dossier: a switch at the top shows one
 * part or the other instead, so the scorecard is one tap away. Both parts stay mounted (the scorecard
 * keeps its unsaved values); the switch only hides the other one.
 */
export function JuryAssignmentPage() {
  const { t } = useTranslation('jury');
  const { id = '' } = useParams();
  const view = useQuery(juryApplicationQuery(id));
  const scorecard = useQuery(scorecardQuery(id));
  const [part, setPart] = useState<Part>('dossier');
  const switchRef = useRef<HTMLDivElement>(null);
  const partsRef = useRef<HTMLDivElement>(null);
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

  // A juror far down the dossier lands at the top of the part they switch to, just under the switch.
  const showPart = (next: Part) => {
    setPart(next);
    requestAnimationFrame(() => {
      const parts = partsRef.current;
      const switchBottom = switchRef.current?.getBoundingClientRect().bottom ?? 0;
      if (parts && parts.getBoundingClientRect().top < switchBottom) {
        window.scrollTo({ top: window.scrollY + parts.getBoundingClientRect().top - switchBottom });
      }
    });
  };

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
        {scorecard.data.status === 'SUBMITTED' ? <NextAssignmentLink currentId={id} /> : null}
        <Box hiddenFrom="md" className="assignment-part-switch" ref={switchRef}>
          <SegmentedControl
            fullWidth
            aria-label={t('assignment.view.label')}
            value={part}
            onChange={(value) => showPart(value as Part)}
            data={[
              { value: 'dossier', label: t('assignment.view.dossier') },
              { value: 'scorecard', label: t('assignment.view.scorecard') },
            ]}
          />
        </Box>
        <Grid gap="xl" ref={partsRef} className="assignment-parts" data-part={part}>
          <Grid.Col span={{ base: 12, md: 7 }} className="assignment-dossier">
            <ApplicationReader view={view.data} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }} className="assignment-scorecard">
            <div className="scorecard-column">
              <ScorecardPanel key={`${scorecard.data.assignmentId}-${scorecard.data.status}`} scorecard={scorecard.data} criteria={criteria} />
            </div>
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
}
