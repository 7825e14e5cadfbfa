import { Anchor, Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import type { TCallSummary } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ScrollTable } from '../../../../components/scroll-table';
import { isolate } from '../../../../components/user-text';
import { formatNumber } from '../../../../lib/number-format';
import { useLocale } from '../../../locale/use-locale';
import { localized } from '../../call-display';

const ROUND_STATUS_COLORS = { DRAFT: 'gray', OPEN: 'tahkim', CLOSED: 'orange' } as const;

/** Each evaluation round of the call with its work in figures, and the way to its page and its results. */
export function CallRoundsSummary({ summary }: { summary: TCallSummary }) {
  const { t } = useTranslation(['callHome', 'rounds']);
  const { locale } = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  // "90 / 96" reads left to right on Arabic pages too.
  const fraction = (done: number, total: number) => isolate(`${n(done)} / ${n(total)}`, 'ltr');
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="rounds-title">
      <Stack gap="sm">
        <Title order={2} fz="lg" id="rounds-title">
          {t('rounds.heading')}
        </Title>
        {summary.rounds.length === 0 ? (
          <Text c="dimmed">{t('rounds.none')}</Text>
        ) : (
          <ScrollTable label={t('rounds.caption')} minWidth={760} cards>
            <Table verticalSpacing="sm">
              <caption className="visually-hidden">{t('rounds.caption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('rounds.columns.round')}</Table.Th>
                  <Table.Th scope="col">{t('rounds.columns.status')}</Table.Th>
                  <Table.Th scope="col">{t('rounds.columns.applications')}</Table.Th>
                  <Table.Th scope="col">{t('rounds.columns.jurors')}</Table.Th>
                  <Table.Th scope="col">{t('rounds.columns.work')}</Table.Th>
                  <Table.Th scope="col">{t('rounds.columns.results')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {summary.rounds.map((round) => {
                  const name = localized(round.name, locale) || t('rounds.defaultName', { number: round.number });
                  const ballot = round.type === 'BALLOT';
                  return (
                    <Table.Tr key={round.id}>
                      <Table.Td>
                        <Stack gap={0}>
                          <Anchor component={Link} to={`/admin/rounds/${round.id}`} fw={600} c="tahkim.8">
                            <bdi>{name}</bdi>
                          </Anchor>
                          <Text size="xs" c="dimmed">
                            {t(`rounds.kind.${round.type}`)}
                          </Text>
                        </Stack>
                      </Table.Td>
                      <Table.Td data-label={t('rounds.columns.status')}>
                        <Badge color={ROUND_STATUS_COLORS[round.status]} variant="light" style={{ minInlineSize: 'max-content' }}>
                          {t(`rounds:status.${round.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td data-label={t('rounds.columns.applications')}>{n(round.applications)}</Table.Td>
                      <Table.Td data-label={t('rounds.columns.jurors')}>{n(round.jurors)}</Table.Td>
                      <Table.Td data-label={t('rounds.columns.work')}>
                        {ballot
                          ? t('rounds.ballots', { fraction: fraction(round.ballotsSubmitted, round.jurors) })
                          : t('rounds.scorecards', { fraction: fraction(round.scorecardsSubmitted, round.assignments), scored: n(round.applicationsScored) })}
                      </Table.Td>
                      <Table.Td data-label={t('rounds.columns.results')}>
                        <Group gap="xs">
                          {round.status === 'DRAFT' ? (
                            <Text size="sm" c="dimmed">
                              —
                            </Text>
                          ) : (
                            <Anchor component={Link} to={`/admin/rounds/${round.id}/${ballot ? 'ballot' : 'ranking'}`} size="sm">
                              {t(ballot ? 'rounds.ballotResult' : 'rounds.ranking', { name })}
                            </Anchor>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Stack>
    </Card>
  );
}
