import { Anchor, Button, Checkbox, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ScrollTable } from '../../../components/scroll-table';
import { formatDate } from '../../../lib/format';
import { ApplicationStatusBadge } from '../../applications/components/status-badge';
import { useLocale } from '../../locale/use-locale';
import { formatNumber, formatSignedNumber } from '../../results/numbers';
import { canDecide, commentInOtherScript, type DecisionRowView, type RankingSource } from '../decision-view';
import { EmailStatusBadge } from './email-status-badge';
import { OutcomeBadge } from './outcome-badge';

interface DecisionsTableProps {
  rows: readonly DecisionRowView[];
  /** The ranking the rank column reads (its kind names the score beside each rank). */
  source: RankingSource | null;
  selected: ReadonlySet<string>;
  onSelect: (applicationIds: readonly string[], selected: boolean) => void;
  onDecide: (row: DecisionRowView) => void;
}

/** The call's submitted applications with their rank, decision, publication and decision email. */
export function DecisionsTable({ rows, source, selected, onSelect, onDecide }: DecisionsTableProps) {
  const { t } = useTranslation(['decisions', 'common']);
  const { locale } = useLocale();
  const scoreKind = source === null ? null : source.kind === 'BALLOT' ? 'ballot' : source.method;
  const rankHeader = scoreKind === null ? t('table.rank') : t(`table.rankAnd.${scoreKind}`);
  /** The score beside a rank, as the method that ranks reads it: z with its sign, a mean out of 100, Borda points. */
  const score = (value: number) =>
    scoreKind === 'normalised' ? formatSignedNumber(value, locale, 2) : scoreKind === 'mean' ? formatNumber(value, locale, 1) : t('table.points', { points: formatNumber(value, locale) });
  const selectable = rows.filter(canDecide).map((row) => row.applicationId);
  const chosen = selectable.filter((id) => selected.has(id)).length;
  const dash = (label: string) => (
    <Text span c="dimmed" aria-label={label}>
      —
    </Text>
  );

  return (
    <ScrollTable className="decisions-scroll" label={t('table.caption')} minWidth={1040} cards>
      <Table striped verticalSpacing="xs">
        <caption className="visually-hidden">{t('table.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" data-label={t('table.selectVisible')}>
              <Checkbox
                aria-label={t('table.selectVisible')}
                disabled={selectable.length === 0}
                checked={chosen > 0 && chosen === selectable.length}
                indeterminate={chosen > 0 && chosen < selectable.length}
                onChange={(event) => onSelect(selectable, event.currentTarget.checked)}
              />
            </Table.Th>
            <Table.Th scope="col" className="decisions-sticky">
              {t('table.application')}
            </Table.Th>
            <Table.Th scope="col">{t('table.applicant')}</Table.Th>
            <Table.Th scope="col" style={{ whiteSpace: 'nowrap' }}>
              {rankHeader}
            </Table.Th>
            <Table.Th scope="col">{t('table.status')}</Table.Th>
            <Table.Th scope="col">{t('table.decision')}</Table.Th>
            <Table.Th scope="col">{t('table.note')}</Table.Th>
            <Table.Th scope="col">{t('table.email')}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t('table.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => {
            const label = row.reference ?? t('table.noReference');
            const decidable = canDecide(row);
            const isSelected = selected.has(row.applicationId);
            return (
              <Table.Tr key={row.applicationId} data-testid="decision-row" data-selected={isSelected} className="decisions-row">
                <Table.Td>
                  <Checkbox
                    aria-label={t('table.select', { application: label })}
                    disabled={!decidable}
                    checked={isSelected}
                    onChange={(event) => onSelect([row.applicationId], event.currentTarget.checked)}
                  />
                </Table.Td>
                <Table.Td className="decisions-sticky" miw={170}>
                  <Anchor component={Link} to={`/admin/applications/${row.applicationId}`} fw={600} dir="ltr" style={{ whiteSpace: 'nowrap' }}>
                    {label}
                  </Anchor>
                  <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                    <bdi>{row.title || t('table.untitled')}</bdi>
                  </Text>
                </Table.Td>
                <Table.Td miw={170} data-label={t('table.applicant')}>
                  <Text size="sm" fw={500}>
                    <bdi>{row.applicant.displayName}</bdi>
                  </Text>
                  <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    <bdi dir="ltr">{row.applicant.email}</bdi>
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('table.language', { language: t('common:language.nativeName', { lng: row.applicant.locale }) })}
                  </Text>
                  {commentInOtherScript(row) ? (
                    <Text size="xs" c="orange.9" data-testid="other-script">
                      {t(`table.otherScript.${row.applicant.locale === 'ar' ? 'LATIN' : 'ARABIC'}`)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }} data-label={rankHeader} data-testid="rank-cell">
                  <Text span fw={700}>
                    {row.rank === null ? dash(t('table.unranked')) : row.rank}
                  </Text>
                  {row.score !== null && scoreKind !== null ? (
                    <Text size="xs" c="dimmed" aria-label={t(`table.scoreOf.${scoreKind}`, { score: score(row.score) })} dir={scoreKind === 'ballot' ? undefined : 'ltr'}>
                      {score(row.score)}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td data-label={t('table.status')}>
                  <ApplicationStatusBadge status={row.status} />
                </Table.Td>
                <Table.Td miw={150} data-label={t('table.decision')}>
                  {row.decision ? (
                    <Stack gap={4} align="flex-start">
                      <OutcomeBadge outcome={row.decision.outcome} />
                      <Text size="xs" c={row.decision.publishedAt ? undefined : 'orange'}>
                        {row.decision.publishedAt ? t('table.publishedOn', { date: formatDate(row.decision.publishedAt, locale) }) : t('table.notPublished')}
                      </Text>
                    </Stack>
                  ) : (
                    dash(t('table.noDecision'))
                  )}
                </Table.Td>
                <Table.Td miw={120} maw={220} data-label={t('table.note')}>
                  {row.decision?.note ? (
                    <Text size="sm" lineClamp={3} title={row.decision.note} style={{ overflowWrap: 'anywhere' }}>
                      <bdi>{row.decision.note}</bdi>
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td data-label={t('table.email')}>{row.email ? <EmailStatusBadge email={row.email} /> : dash(t('table.noEmail'))}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="default" disabled={!decidable} onClick={() => onDecide(row)} aria-label={t('decide.buttonFor', { application: label })}>
                    {t('decide.button')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
