import { Badge, Card, Group, List, Progress, Stack, Table, Text, Title } from '@mantine/core';
import type { TBallotResult } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { usePageTitle } from '../../../lib/use-page-title';
import { localized } from '../../calls/call-text';
import { useLocale } from '../../locale/use-locale';
import { BallotJurors } from '../components/ballot-jurors';
import { PairwiseMatrix } from '../components/pairwise-matrix';
import { ballotResultQuery } from '../queries';
import '../ballot.css';
import { ScrollTable } from '../../../components/scroll-table';

/** Staff: the result of a ballot round (Schulze order, Borda points), the pairwise matrix and the jurors' ballots. */
export function BallotResultPage() {
  const { t } = useTranslation('ballot');
  const { locale } = useLocale();
  usePageTitle(t('staff.title'));
  const { id = '' } = useParams();
  const result = useQuery(ballotResultQuery(id));
  if (result.isPending) return <PageLoader />;
  if (result.isError) return <LoadError error={result.error} onRetry={() => void result.refetch()} />;
  const data = result.data;
  const total = data.jurors.length;
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text component={Link} to={`/admin/rounds/${id}`} size="sm" c="tahkim.8">
          {t('staff.backToRound')}
        </Text>
        <Title order={1}>{t('staff.title')}</Title>
        <Text fw={600}>{localized(data.round.name, locale)}</Text>
      </Stack>
      <Stack gap={4}>
        <Text fw={600}>{t('staff.submitted', { submitted: data.submitted, total })}</Text>
        <Progress value={total === 0 ? 0 : (100 * data.submitted) / total} aria-label={t('staff.submitted', { submitted: data.submitted, total })} />
      </Stack>
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="ballot-result-title">
        <Stack gap="sm">
          <Title order={2} fz="h3" id="ballot-result-title">
            {t('staff.resultTitle')}
          </Title>
          {data.submitted === 0 ? <Text c="dimmed">{t('staff.none')}</Text> : <ResultTable result={data} />}
        </Stack>
      </Card>
      {data.submitted > 0 ? (
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="ballot-matrix-title">
          <Stack gap="sm">
            <Title order={2} fz="h3" id="ballot-matrix-title">
              {t('staff.matrixTitle')}
            </Title>
            <PairwiseMatrix result={data} />
          </Stack>
        </Card>
      ) : null}
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="ballot-jurors-title">
        <Stack gap="sm">
          <Title order={2} fz="h3" id="ballot-jurors-title">
            {t('staff.jurorsTitle')}
          </Title>
          <BallotJurors result={data} />
        </Stack>
      </Card>
      <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="ballot-explain-title" bg="gray.0">
        <Stack gap="sm">
          <Title order={2} fz="h4" id="ballot-explain-title">
            {t('staff.explainTitle')}
          </Title>
          <List spacing="xs" size="sm">
            <List.Item>{t('staff.explainSchulze')}</List.Item>
            <List.Item>{t('staff.explainBorda')}</List.Item>
            <List.Item>{t('staff.explainDrafts')}</List.Item>
          </List>
        </Stack>
      </Card>
    </Stack>
  );
}

function ResultTable({ result }: { result: TBallotResult }) {
  const { t } = useTranslation('ballot');
  const shared = new Map<number, number>();
  for (const row of result.ranking) shared.set(row.rank, (shared.get(row.rank) ?? 0) + 1);
  return (
    <ScrollTable label={t('staff.resultTable')} minWidth={520}>
      <Table verticalSpacing="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('staff.rank')}</Table.Th>
            <Table.Th>{t('staff.reference')}</Table.Th>
            <Table.Th>{t('staff.projectTitle')}</Table.Th>
            <Table.Th ta="end">{t('staff.borda')}</Table.Th>
            <Table.Th ta="end">{t('staff.wins')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.ranking.map((row) => (
            <Table.Tr key={row.applicationId}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text fw={700} style={{ fontVariantNumeric: 'tabular-nums' }}>
                    {row.rank}
                  </Text>
                  {(shared.get(row.rank) ?? 0) > 1 ? (
                    <Badge size="sm" variant="outline" color="orange" style={{ flexShrink: 0 }}>
                      {t('staff.tie')}
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>
                <bdi>{row.reference}</bdi>
              </Table.Td>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                <bdi>{row.title}</bdi>
              </Table.Td>
              <Table.Td ta="end" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {row.borda}
              </Table.Td>
              <Table.Td ta="end" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {row.wins}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
