import { Badge, Checkbox, Group, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { TRanking, TRankingFlag, TRankingQueryMethod, TRankingRow } from '@tahkim/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localized } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import { formatNumber, formatPercentShare } from '../numbers';
import { otherMethod, rankOf, rankShift, scoreOf, sharedRanks, weightShares } from '../ranking-view';
import { ScrollTable } from '../../../components/scroll-table';

const FLAG_COLORS: Record<TRankingFlag, string> = { INCOMPLETE: 'orange', DISAGREEMENT: 'red' };

interface RankingTableProps {
  ranking: TRanking;
  /** The method the rows are ordered by (the page's choice; `ranking.method` is the order it was fetched in). */
  method: TRankingQueryMethod;
  rows: readonly TRankingRow[];
  selected: ReadonlySet<string>;
  onSelect: (applicationIds: readonly string[], selected: boolean) => void;
  onOpen: (row: TRankingRow) => void;
  /** Each application's probability of being in the shortlist of `size` (bootstrap), when computed. */
  confidence?: { size: number; byId: ReadonlyMap<string, number | null> };
}

/** A probability of being in the shortlist below this and above its complement is uncertain. */
const SURE = 0.9;

function Confidence({ probability }: { probability: number }) {
  const { t } = useTranslation('results');
  const { locale } = useLocale();
  const percent = formatPercentShare(Math.round(probability * 100), locale);
  const uncertain = probability > 1 - SURE && probability < SURE;
  return (
    <Group gap={4} wrap="nowrap">
      <Text span fw={uncertain ? 700 : 400} c={uncertain ? undefined : 'dimmed'} aria-label={t('table.confidenceValue', { percent })}>
        {percent}
      </Text>
      {uncertain ? (
        <Badge color="yellow" variant="light" style={{ minInlineSize: 'max-content' }}>
          {t('table.uncertain')}
        </Badge>
      ) : null}
    </Group>
  );
}

function FlagBadge({ flag, row, threshold }: { flag: TRankingFlag; row: TRankingRow; threshold: number }) {
  const { t } = useTranslation('results');
  const { locale } = useLocale();
  const explanation =
    flag === 'INCOMPLETE'
      ? t('flags.explain.INCOMPLETE', { submitted: row.submitted, required: row.required })
      : t('flags.explain.DISAGREEMENT', { spread: formatNumber(row.spread ?? 0, locale, 1), threshold: formatNumber(threshold, locale, 0) });
  return (
    <Tooltip label={explanation} multiline w={260} withArrow>
      <Badge color={FLAG_COLORS[flag]} variant="light" tabIndex={0} style={{ minInlineSize: 'max-content' }}>
        {t(`flags.${flag}`)}
        <span className="visually-hidden">{`: ${explanation}`}</span>
      </Badge>
    </Tooltip>
  );
}

/** A row's score under a method: the mean out of 100 with its standard error, or the mean z-score. */
function MethodScore({ row, method, dash }: { row: TRankingRow; method: TRankingQueryMethod; dash: ReactNode }) {
  const { t } = useTranslation('results');
  const { locale } = useLocale();
  const score = scoreOf(row, method);
  if (score === null) return dash;
  if (method === 'normalised') return <>{formatNumber(score, locale, 2)}</>;
  return (
    <>
      {formatNumber(score, locale, 1)}
      {row.standardError !== null ? (
        <Text span size="xs" c="dimmed" fw={400} aria-label={t('table.standardError', { value: formatNumber(row.standardError, locale, 1) })}>
          {` ± ${formatNumber(row.standardError, locale, 1)}`}
        </Text>
      ) : null}
    </>
  );
}

/**
 * The round's applications in the order of the page's method: beside each rank, the score of that
 * method (the one that ranks it), then the other method's rank and score for comparison, in words.
 */
export function RankingTable({ ranking, method, rows, selected, onSelect, onOpen, confidence }: RankingTableProps) {
  const { t } = useTranslation('results');
  const { locale } = useLocale();
  const other = otherMethod(method);
  const shared = sharedRanks(ranking.items, method);
  const shares = weightShares(ranking.criteria);
  const visibleIds = rows.map((row) => row.applicationId);
  const chosenVisible = visibleIds.filter((id) => selected.has(id)).length;
  const dash = (
    <Text span c="dimmed" aria-label={t('table.none')}>
      —
    </Text>
  );

  return (
    <ScrollTable label={t('table.caption')} minWidth={940 + (confidence ? 130 : 0) + 110 * ranking.criteria.length}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <caption className="visually-hidden">{t('table.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">
              <Checkbox
                aria-label={t('table.selectVisible')}
                checked={chosenVisible > 0 && chosenVisible === visibleIds.length}
                indeterminate={chosenVisible > 0 && chosenVisible < visibleIds.length}
                onChange={(event) => onSelect(visibleIds, event.currentTarget.checked)}
              />
            </Table.Th>
            {/* On a phone the rank column stays narrow, so that the application beside it starts on screen. */}
            <Table.Th scope="col" w={{ base: 96, sm: 'auto' }}>
              {t('table.rank', { method: t(`methodShort.${method}`) })}
            </Table.Th>
            <Table.Th scope="col" className="ranking-sticky">
              {t('table.application')}
            </Table.Th>
            <Table.Th scope="col" miw={120}>
              {t(`table.score.${method}`)}
            </Table.Th>
            <Table.Th scope="col">{t('table.rank', { method: t(`methodShort.${other}`) })}</Table.Th>
            <Table.Th scope="col" c="dimmed" miw={120}>
              {t(`table.secondaryScore.${other}`)}
            </Table.Th>
            <Table.Th scope="col">{t('table.scorecards')}</Table.Th>
            <Table.Th scope="col">{t('table.flags')}</Table.Th>
            {confidence ? (
              <Table.Th scope="col" miw={130} data-testid="confidence-heading">
                {t('table.confidence', { count: confidence.size })}
              </Table.Th>
            ) : null}
            {ranking.criteria.map((criterion, index) => {
              const heading = t('table.criterion', { label: localized(criterion.label, locale) || criterion.key, share: formatPercentShare(shares[index] ?? 0, locale) });
              return (
                <Table.Th scope="col" key={criterion.id} className="ranking-criterion" title={heading}>
                  {heading}
                </Table.Th>
              );
            })}
            <Table.Th scope="col">{t('table.advanced')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const rank = rankOf(row, method);
            const otherRank = rankOf(row, other);
            const shift = rankShift(row, method);
            const label = row.reference ?? t('table.noReference');
            const isSelected = selected.has(row.applicationId);
            return (
              <Table.Tr key={row.applicationId} className="ranking-row" data-selected={isSelected} data-testid="ranking-row" onClick={() => onOpen(row)}>
                <Table.Td onClick={(event) => event.stopPropagation()}>
                  <Checkbox
                    aria-label={t('table.select', { application: label })}
                    checked={isSelected}
                    onChange={(event) => onSelect([row.applicationId], event.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td data-testid="ranking-rank">
                  {rank === null ? (
                    <Text span fw={700} c="dimmed" aria-label={t('table.unranked')}>
                      —
                    </Text>
                  ) : shared.has(rank) ? (
                    <Text span fw={700} aria-label={t('table.sharedRank', { rank })}>{`=${rank}`}</Text>
                  ) : (
                    <Text span fw={700}>
                      {rank}
                    </Text>
                  )}
                  {shift ? (
                    <Text size="xs" c="dimmed" data-testid="ranking-shift" miw={{ base: 0, sm: 110 }}>
                      {shift.direction === 'same'
                        ? t('shiftVs.same', { other: t(`methodVs.${other}`) })
                        : t(`shiftVs.${shift.direction}`, { count: shift.places, other: t(`methodVs.${other}`) })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td className="ranking-sticky" miw={160}>
                  <UnstyledButton
                    onClick={(event) => {
                      event.stopPropagation();
                      onOpen(row);
                    }}
                    aria-label={t('table.open', { application: label })}
                  >
                    <Text fw={600} c="tahkim.8" dir="ltr" style={{ whiteSpace: 'nowrap' }}>
                      {label}
                    </Text>
                    <Text size="sm" dir="auto" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                      {row.title || t('table.untitled')}
                    </Text>
                  </UnstyledButton>
                </Table.Td>
                <Table.Td fw={600} style={{ whiteSpace: 'nowrap' }} data-testid="ranking-score">
                  <MethodScore row={row} method={method} dash={dash} />
                </Table.Td>
                <Table.Td>{otherRank === null ? dash : otherRank}</Table.Td>
                <Table.Td c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="ranking-secondary-score">
                  <MethodScore row={row} method={other} dash={dash} />
                </Table.Td>
                <Table.Td c={row.submitted < row.required ? 'orange' : undefined} style={{ whiteSpace: 'nowrap' }}>
                  {t('table.scorecardsOf', { submitted: row.submitted, required: row.required })}
                </Table.Td>
                <Table.Td onClick={(event) => event.stopPropagation()}>
                  <Group gap={4} wrap="nowrap">
                    {row.flags.map((flag) => (
                      <FlagBadge key={flag} flag={flag} row={row} threshold={ranking.round.disagreementThreshold} />
                    ))}
                  </Group>
                </Table.Td>
                {confidence ? (
                  <Table.Td data-testid="ranking-confidence">
                    {(() => {
                      const probability = confidence.byId.get(row.applicationId) ?? null;
                      return probability === null ? dash : <Confidence probability={probability} />;
                    })()}
                  </Table.Td>
                ) : null}
                {ranking.criteria.map((criterion, index) => {
                  const value = row.criterionMeans[index] ?? null;
                  return <Table.Td key={criterion.id}>{value === null ? dash : formatNumber(value, locale, 1)}</Table.Td>;
                })}
                <Table.Td>
                  {row.advanced ? (
                    <Badge color="grape" variant="light" style={{ minInlineSize: 'max-content' }}>
                      {t('table.advancedBadge')}
                    </Badge>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
