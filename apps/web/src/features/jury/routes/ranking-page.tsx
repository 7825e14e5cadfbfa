import { Alert, Anchor, Button, Container, EmptyState, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ScaleIcon } from '../../../components/icons';
import { LoadError, PageLoader } from '../../../components/page-state';
import { usePageTitle } from '../../../lib/use-page-title';
import { localized } from '../../calls/call-text';
import { useLocale } from '../../locale/use-locale';
import { ScorecardStatusBadge } from '../components/scorecard-status-badge';
import { juryAssignmentsQuery, juryRankingQuery } from '../queries';
import { orderRanking } from '../ranking';
import { formatScore } from '../scorecard-state';
import '../jury.css';
import { ScrollTable } from '../../../components/scroll-table';

/** "My ranking": the juror's own scorecards of a round, best first, drafts marked and linked. */
export function JuryRankingPage() {
  const { t } = useTranslation('jury');
  const { locale } = useLocale();
  const { roundId = '' } = useParams();
  const ranking = useQuery(juryRankingQuery(roundId));
  const assignments = useQuery(juryAssignmentsQuery());
  usePageTitle(t('ranking.title'));
  const round = assignments.data?.items.find((item) => item.round.id === roundId)?.round;
  const items = ranking.data ? orderRanking(ranking.data.items) : [];
  const drafts = items.filter((item) => item.status === 'DRAFT').length;

  return (
    <Container size="lg" py="lg">
      <Stack gap="lg">
        <Anchor component={Link} to="/jury" size="sm">
          {t('assignment.back')}
        </Anchor>
        <Stack gap={4}>
          <Title order={1}>{t('ranking.heading')}</Title>
          {round ? <Text c="dimmed">{localized(round.name, locale)}</Text> : null}
          <Text size="sm">{t('ranking.intro')}</Text>
        </Stack>
        {ranking.isPending ? <PageLoader /> : null}
        {ranking.isError ? <LoadError error={ranking.error} onRetry={() => void ranking.refetch()} /> : null}
        {ranking.isSuccess && items.length === 0 ? (
          <EmptyState withIndicatorBackground icon={<ScaleIcon size={28} />} title={t('ranking.emptyTitle')} description={t('ranking.emptyBody')} className="empty-state" />
        ) : null}
        {drafts > 0 ? (
          <Alert color="orange" variant="light">
            {t('ranking.draftsNote', { drafts })}
          </Alert>
        ) : null}
        {items.length > 0 ? (
          <ScrollTable label={t('ranking.heading')} minWidth={480} cards>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('ranking.rank')}</Table.Th>
                  <Table.Th>{t('ranking.application')}</Table.Th>
                  <Table.Th>{t('ranking.score')}</Table.Th>
                  <Table.Th>{t('ranking.status')}</Table.Th>
                  <Table.Th>
                    <span className="visually-hidden">{t('ranking.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((item, index) => (
                  <Table.Tr key={item.assignmentId} data-testid="ranking-row">
                    <Table.Td data-label={t('ranking.rank')}>{item.rank ?? index + 1}</Table.Td>
                    <Table.Td>
                      <Text fw={600} dir="auto">
                        {item.applicationLabel}
                      </Text>
                      {item.title ? (
                        <Text size="sm" dir="auto">
                          {item.title}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td data-label={t('ranking.score')}>{item.weightedScore === null ? t('scorecard.noScore') : formatScore(item.weightedScore, locale)}</Table.Td>
                    <Table.Td data-label={t('ranking.status')}>
                      <ScorecardStatusBadge status={item.status} />
                    </Table.Td>
                    <Table.Td>
                      <Button component={Link} to={`/jury/assignments/${item.assignmentId}`} size="xs" variant={item.status === 'DRAFT' ? 'filled' : 'default'}>
                        {item.status === 'DRAFT' ? t('list.resume') : t('list.view')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        ) : null}
      </Stack>
    </Container>
  );
}
