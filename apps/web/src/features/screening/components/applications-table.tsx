import { Badge, Checkbox, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { MOROCCO_REGIONS, type TStaffApplicationPage } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { localized } from '../../call-admin/call-display';
import { CallDate } from '../../call-admin/components/call-date';
import { useLocale } from '../../locale/use-locale';
import { APPLICATION_STATUS_COLORS, SCREENABLE_STATUSES, SUGGESTION_COLORS } from '../display';
import { dossierLink, type ApplicationFilters, type ApplicationSort } from '../filters';
import { ScrollTable } from '../../../components/scroll-table';

const SORT_ARROWS = { asc: '▲', desc: '▼', none: '↕' } as const;

function SortHeader({ column, label, filters, onSort }: { column: ApplicationSort; label: string; filters: ApplicationFilters; onSort: (sort: ApplicationSort, order: 'asc' | 'desc') => void }) {
  const { t } = useTranslation('screening');
  const active = filters.sort === column;
  const next = active && filters.order === 'asc' ? 'desc' : 'asc';
  const arrow = SORT_ARROWS[active ? filters.order : 'none'];
  return (
    <Table.Th scope="col" aria-sort={active ? (filters.order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(column, active ? next : column === 'submittedAt' || column === 'createdAt' ? 'desc' : 'asc')} fw={700} fz="sm">
        {label} <span aria-hidden="true">{arrow}</span>
        <span className="visually-hidden">{t(active ? `table.sortedBy.${filters.order}` : 'table.sortable')}</span>
      </UnstyledButton>
    </Table.Th>
  );
}

interface Selection {
  selected: ReadonlySet<string>;
  onChange: (ids: string[], checked: boolean) => void;
}

export function ApplicationsTable({
  page,
  filters,
  onSort,
  selection,
}: {
  page: TStaffApplicationPage;
  filters: ApplicationFilters;
  onSort: (sort: ApplicationSort, order: 'asc' | 'desc') => void;
  selection: Selection;
}) {
  const { t } = useTranslation('screening');
  const { locale } = useLocale();
  const selectable = page.items.filter((row) => SCREENABLE_STATUSES.includes(row.status)).map((row) => row.id);
  const selectedHere = selectable.filter((id) => selection.selected.has(id)).length;
  const regionLabel = (code: string | null) => {
    const region = MOROCCO_REGIONS.find((candidate) => candidate.value === code);
    return region ? localized(region.label, locale) : (code ?? '—');
  };
  return (
    <ScrollTable label={t('table.caption')} minWidth={980}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <caption className="visually-hidden">{t('table.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w={40}>
              <Checkbox
                aria-label={t('bulk.selectPage')}
                checked={selectable.length > 0 && selectedHere === selectable.length}
                indeterminate={selectedHere > 0 && selectedHere < selectable.length}
                disabled={selectable.length === 0}
                onChange={(event) => selection.onChange(selectable, event.currentTarget.checked)}
              />
            </Table.Th>
            <SortHeader column="reference" label={t('table.reference')} filters={filters} onSort={onSort} />
            <SortHeader column="title" label={t('table.title')} filters={filters} onSort={onSort} />
            <Table.Th scope="col">{t('table.applicant')}</Table.Th>
            <Table.Th scope="col">{t('table.region')}</Table.Th>
            <SortHeader column="status" label={t('table.status')} filters={filters} onSort={onSort} />
            <Table.Th scope="col">{t('table.suggestion')}</Table.Th>
            <SortHeader column="submittedAt" label={t('table.submittedAt')} filters={filters} onSort={onSort} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {page.items.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Td>
                <Checkbox
                  aria-label={t('bulk.selectRow', { reference: row.reference ?? t('table.noReference') })}
                  checked={selection.selected.has(row.id)}
                  disabled={!SCREENABLE_STATUSES.includes(row.status)}
                  onChange={(event) => selection.onChange([row.id], event.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td>
                <Text component={Link} to={dossierLink(row.id, filters)} fw={600} c="tahkim.8" dir="ltr" style={{ whiteSpace: 'nowrap' }}>
                  {row.reference ?? t('table.noReference')}
                </Text>
              </Table.Td>
              <Table.Td miw={160}>
                <Text component={Link} to={dossierLink(row.id, filters)} c="inherit" style={{ overflowWrap: 'anywhere' }}>
                  {row.title ? <bdi>{row.title}</bdi> : t('table.untitled')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  <Text size="sm">
                    <bdi>{row.applicant.displayName}</bdi>
                  </Text>
                  <Text size="xs" c="dimmed" dir="ltr" style={{ alignSelf: 'flex-start' }}>
                    {row.applicant.email}
                  </Text>
                </Stack>
              </Table.Td>
              <Table.Td>{regionLabel(row.region)}</Table.Td>
              <Table.Td>
                <Badge color={APPLICATION_STATUS_COLORS[row.status]} variant="light" style={{ minInlineSize: 'max-content' }}>
                  {t(`status.${row.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {row.eligibilitySuggestion ? (
                  <Badge color={SUGGESTION_COLORS[row.eligibilitySuggestion]} variant="outline" style={{ minInlineSize: 'max-content' }}>
                    {t(`suggestion.${row.eligibilitySuggestion}`)}
                  </Badge>
                ) : (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{row.submittedAt ? <CallDate iso={row.submittedAt} style="short" /> : <Text size="sm" c="dimmed">{t('table.notSubmitted')}</Text>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
