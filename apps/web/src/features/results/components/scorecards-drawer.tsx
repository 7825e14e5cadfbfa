import { Anchor, Badge, Card, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { isRtl, type TRankingRow } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { formatDateTime } from '../../../lib/format';
import { localized } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import { formatNumber } from '../numbers';
import { applicationScorecardsQuery } from '../queries';
import type { TApplicationScorecardList } from '../results-api';
import { ScrollTable } from '../../../components/scroll-table';

function ScorecardsBody({ data }: { data: TApplicationScorecardList }) {
  const { t } = useTranslation('results');
  const { locale } = useLocale();
  const criteria = new Map(data.criteria.map((criterion) => [criterion.id, criterion]));
  return (
    <Stack gap="md">
      {data.items.length === 0 ? <Text c="dimmed">{t('scorecards.none')}</Text> : null}
      {data.items.map((card) => (
        <Card key={card.scorecardId} withBorder radius="md" padding="sm" component="section" aria-label={t('scorecards.of', { juror: card.juror.displayName })}>
          <Stack gap="xs">
            <Group justify="space-between" align="flex-start" wrap="wrap">
              <Stack gap={0}>
                <Text fw={700}><bdi>{card.juror.displayName}</bdi></Text>
                <Text size="xs" c="dimmed" dir="ltr" style={{ alignSelf: 'flex-start' }}>
                  {card.juror.email}
                </Text>
              </Stack>
              <Group gap="xs">
                <Badge color={card.status === 'SUBMITTED' ? 'tahkim' : 'yellow'} variant="light">
                  {t(`scorecards.status.${card.status}`)}
                </Badge>
                <Text fw={700}>
                  {card.weightedScore === null ? t('scorecards.noScore') : <bdi dir="ltr">{t('scorecards.score', { score: formatNumber(card.weightedScore, locale, 1) })}</bdi>}
                </Text>
              </Group>
            </Group>
            {card.status === 'DRAFT' ? (
              <Text size="xs" c="orange">
                {t('scorecards.draftNote')}
              </Text>
            ) : card.submittedAt ? (
              <Text size="xs" c="dimmed">
                {t('scorecards.submittedAt', { date: formatDateTime(card.submittedAt, locale) })}
              </Text>
            ) : null}
            <ScrollTable label={t('scorecards.valuesOf', { juror: card.juror.displayName })} minWidth={320}>
              <Table verticalSpacing={4} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('scorecards.criterion')}</Table.Th>
                    <Table.Th scope="col">{t('scorecards.value')}</Table.Th>
                    <Table.Th scope="col">{t('scorecards.comment')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {card.values.map((value) => {
                    const criterion = criteria.get(value.criterionId);
                    return (
                      <Table.Tr key={value.criterionId}>
                        <Table.Td>{criterion ? localized(criterion.label, locale) || criterion.key : value.criterionId}</Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          {criterion ? t('scorecards.valueOf', { value: value.value, min: criterion.scaleMin, max: criterion.scaleMax }) : value.value}
                        </Table.Td>
                        <Table.Td dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                          {value.comment || (
                            <Text span c="dimmed" size="sm">
                              {t('scorecards.noComment')}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollTable>
            <Stack gap={2}>
              <Text size="sm" fw={600}>
                {t('scorecards.overallComment')}
              </Text>
              <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} c={card.overallComment ? undefined : 'dimmed'}>
                {card.overallComment || t('scorecards.noComment')}
              </Text>
            </Stack>
          </Stack>
        </Card>
      ))}
      {data.notStarted.length > 0 ? (
        <Text size="sm" c="dimmed">
          {t('scorecards.notStarted', { names: data.notStarted.map((juror) => juror.displayName).join(', ') })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Every juror's scorecard of one application (staff only), opened from a row of the ranking. */
export function ScorecardsDrawer({ roundId, row, onClose }: { roundId: string; row: TRankingRow | null; onClose: () => void }) {
  const { t } = useTranslation('results');
  const { locale } = useLocale();
  const scorecards = useQuery({ ...applicationScorecardsQuery(roundId, row?.applicationId ?? ''), enabled: row !== null });
  const label = row ? (row.reference ?? t('table.noReference')) : '';
  return (
    <Drawer
      opened={row !== null}
      onClose={onClose}
      position={isRtl(locale) ? 'left' : 'right'}
      size="xl"
      title={<Text fw={700} size="lg">{t('scorecards.title', { application: label })}</Text>}
      closeButtonProps={{ 'aria-label': t('scorecards.close') }}
    >
      {row ? (
        <Stack gap="md">
          <Stack gap={4}>
            {row.title ? (
              <Text dir="auto" fw={600}>
                {row.title}
              </Text>
            ) : null}
            <Anchor component={Link} to={`/admin/applications/${row.applicationId}`} size="sm" data-autofocus>
              {t('scorecards.openApplication')}
            </Anchor>
          </Stack>
          {scorecards.isPending ? <PageLoader /> : null}
          {scorecards.isError ? <LoadError error={scorecards.error} onRetry={() => void scorecards.refetch()} /> : null}
          {scorecards.isSuccess ? <ScorecardsBody data={scorecards.data} /> : null}
        </Stack>
      ) : null}
    </Drawer>
  );
}
