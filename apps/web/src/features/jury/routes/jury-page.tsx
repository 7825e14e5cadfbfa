import { Badge, Button, Card, Container, EmptyState, Group, Progress, SegmentedControl, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ScaleIcon } from '../../../components/icons';
import { LoadError, PageLoader } from '../../../components/page-state';
import { JuryBallotsSection } from '../../ballot/components/jury-ballots-section';
import { myBallotsQuery } from '../../ballot/queries';
import { usePageTitle } from '../../../lib/use-page-title';
import { meQuery } from '../../auth/queries';
import { localized } from '../../calls/call-text';
import { CallDateTime } from '../../calls/components/call-dates';
import { useLocale } from '../../locale/use-locale';
import { ASSIGNMENT_FILTERS, groupByRound, type AssignmentFilter, type RoundGroup } from '../assignment-groups';
import { DeclareConflictButton } from '../components/declare-conflict-button';
import { JoinedJuries, waitingMemberships } from '../components/joined-juries';
import { OrganisationCard } from '../components/organisation-card';
import { preparingMemberships, RoundPreparation } from '../components/round-preparation';
import { ScorecardStatusBadge } from '../components/scorecard-status-badge';
import type { TJuryAssignment } from '../jury-api';
import { juryAssignmentsQuery, juryMembershipsQuery } from '../queries';
import { formatScore } from '../scorecard-state';
import '../jury.css';

function AssignmentRow({ assignment }: { assignment: TJuryAssignment }) {
  const { t } = useTranslation('jury');
  const { locale } = useLocale();
  const action = assignment.scorecardStatus === 'SUBMITTED' ? t('list.view') : assignment.scorecardStatus === 'DRAFT' ? t('list.resume') : t('list.score');
  return (
    <li className="assignment-row">
      <Stack gap={2} className="assignment-row-text">
        <Text fw={700} dir="auto">
          {assignment.applicationLabel}
        </Text>
        {assignment.title ? (
          <Text size="sm" dir="auto" style={{ overflowWrap: 'anywhere' }}>
            {assignment.title}
          </Text>
        ) : null}
      </Stack>
      <Group gap="xs" wrap="wrap" justify="flex-end">
        <ScorecardStatusBadge status={assignment.scorecardStatus} />
        {assignment.secondLook ? (
          <Tooltip label={t('list.secondLookHint')} multiline w={260} withArrow>
            <Badge color="grape" variant="light" tabIndex={0} data-testid="second-look-badge" style={{ minInlineSize: 'max-content' }}>
              {t('list.secondLook')}
              <span className="visually-hidden">{`: ${t('list.secondLookHint')}`}</span>
            </Badge>
          </Tooltip>
        ) : null}
        {assignment.weightedScore !== null ? (
          <Text size="sm" fw={600}>
            <bdi dir="ltr">{t('scorecard.scoreOutOf', { score: formatScore(assignment.weightedScore, locale) })}</bdi>
          </Text>
        ) : null}
        <Button component={Link} to={`/jury/assignments/${assignment.id}`} size="xs" variant={assignment.scorecardStatus === 'SUBMITTED' ? 'default' : 'filled'} aria-label={t('list.actionFor', { action, label: assignment.applicationLabel })}>
          {action}
        </Button>
        {assignment.scorecardStatus !== 'SUBMITTED' ? <DeclareConflictButton assignmentId={assignment.id} label={assignment.applicationLabel} size="xs" /> : null}
      </Group>
    </li>
  );
}

function RoundCard({ group }: { group: RoundGroup }) {
  const { t } = useTranslation('jury');
  const { locale } = useLocale();
  const total = group.all.length;
  const percent = total === 0 ? 0 : (100 * group.submitted) / total;
  const roundName = localized(group.round.name, locale);
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={roundName}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={2}>
            <Text size="sm" c="dimmed">
              {localized(group.call.title, locale)}
            </Text>
            <Title order={2} fz="h3">
              {roundName}
            </Title>
            {group.round.closesAt ? (
              <Text size="sm">
                <Text span fw={600}>
                  {t('list.deadline')}
                </Text>{' '}
                <CallDateTime iso={group.round.closesAt} />
              </Text>
            ) : null}
          </Stack>
          <Button component={Link} to={`/jury/rounds/${group.round.id}/ranking`} variant="light" size="sm">
            {t('list.myRanking')}
          </Button>
        </Group>
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('list.progress', { submitted: group.submitted, total })}
          </Text>
          <Progress value={percent} aria-label={t('list.progress', { submitted: group.submitted, total })} />
        </Stack>
        {group.shown.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('list.noneForFilter')}
          </Text>
        ) : (
          <ul className="plain-list assignment-list">
            {group.shown.map((assignment) => (
              <AssignmentRow key={assignment.id} assignment={assignment} />
            ))}
          </ul>
        )}
      </Stack>
    </Card>
  );
}

/** The juror's home: assignments by round, with progress, deadline, filters and "my ranking". */
export function JuryPage() {
  const { t } = useTranslation('jury');
  usePageTitle(t('title'));
  const { data: user } = useQuery(meQuery());
  const assignments = useQuery(juryAssignmentsQuery());
  // A juror with only a final ballot to fill has work: the "nothing assigned" message would be wrong.
  const ballots = useQuery(myBallotsQuery());
  const hasBallots = (ballots.data?.items.length ?? 0) > 0;
  // Juries joined where nothing waits yet: say which, and that an email will tell when work comes.
  const memberships = useQuery(juryMembershipsQuery());
  const waiting = waitingMemberships(memberships.data?.items ?? []);
  // Rounds still open to preparation: expertise to declare, or bidding open.
  const preparing = preparingMemberships(memberships.data?.items ?? []);
  const [search, setSearch] = useSearchParams();
  const requested = search.get('status') as AssignmentFilter | null;
  const filter: AssignmentFilter = requested && ASSIGNMENT_FILTERS.includes(requested) ? requested : 'all';
  const groups = assignments.data ? groupByRound(assignments.data.items, filter) : [];

  return (
    <Container size="lg" py="lg">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('heading')}</Title>
          {user ? <Text c="dimmed">{t('welcome', { name: user.displayName })}</Text> : null}
        </Stack>
        {user ? <OrganisationCard organisation={user.organisation} /> : null}
        <JuryBallotsSection />
        {assignments.isPending ? <PageLoader /> : null}
        {assignments.isError ? <LoadError error={assignments.error} onRetry={() => void assignments.refetch()} /> : null}
        {preparing.length > 0 ? <RoundPreparation memberships={preparing} /> : null}
        {waiting.length > 0 ? <JoinedJuries memberships={waiting} /> : null}
        {assignments.isSuccess && assignments.data.items.length === 0 && !hasBallots && !memberships.isPending && waiting.length === 0 && preparing.length === 0 ? (
          <EmptyState withIndicatorBackground icon={<ScaleIcon size={28} />} title={t('emptyTitle')} description={t('emptyBody')} className="empty-state" />
        ) : null}
        {assignments.isSuccess && assignments.data.items.length > 0 ? (
          <>
            <Group justify="space-between" gap="sm">
              <Badge size="lg" variant="light">
                {t('list.overall', { submitted: assignments.data.progress.submitted, total: assignments.data.progress.total })}
              </Badge>
              <SegmentedControl
                aria-label={t('list.filterLabel')}
                value={filter}
                onChange={(value) => setSearch(value === 'all' ? {} : { status: value }, { replace: true })}
                data={ASSIGNMENT_FILTERS.map((value) => ({ value, label: t(`list.filter.${value}`) }))}
              />
            </Group>
            {groups.map((group) => (
              <RoundCard key={group.round.id} group={group} />
            ))}
          </>
        ) : null}
      </Stack>
    </Container>
  );
}
