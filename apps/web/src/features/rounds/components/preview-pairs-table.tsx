import { Badge, Group, Pagination, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import type { TAssignmentPlan } from '@tahkim/contracts';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../../components/scroll-table';
import { isolate } from '../../../components/user-text';
import { formatNumber } from '../../../lib/number-format';
import { useLocale } from '../../locale/use-locale';

/** A round can hold tens of thousands of pairs: they are shown a page at a time. */
const PAGE_SIZE = 50;

type Sort = 'juror' | 'application' | 'affinity';

type PlannedPair = TAssignmentPlan['pairs'][number];
type PlanApplication = TAssignmentPlan['applications'][number];

/** Why the plan chose a pair, as badges: the topics the juror knows, the juror's bid, or balance alone. */
export function PairReasons({ pair, topicLabel }: { pair: PlannedPair; topicLabel: (key: string) => string }) {
  const { t } = useTranslation('rounds');
  return (
    <Group gap={4} wrap="wrap">
      {pair.topics.map((key) => (
        <Badge key={key} variant="light" color="tahkim" tt="none">
          {t('assignment.preview.reasons.expertise', { topic: isolate(topicLabel(key)) })}
        </Badge>
      ))}
      {pair.bid === 'WANT' ? (
        <Badge variant="light" color="blue" tt="none">
          {t('assignment.preview.reasons.want')}
        </Badge>
      ) : null}
      {pair.bid === 'RATHER_NOT' ? (
        <Badge variant="light" color="orange" tt="none">
          {t('assignment.preview.reasons.ratherNot')}
        </Badge>
      ) : null}
      {pair.topics.length === 0 && pair.bid === null ? (
        <Badge variant="outline" color="gray" tt="none">
          {t('assignment.preview.reasons.balance')}
        </Badge>
      ) : null}
    </Group>
  );
}

/** An application as staff know it: its reference, then its title in its own direction. */
export function PlanApplicationName({ application }: { application: Pick<PlanApplication, 'reference' | 'title'> | undefined }) {
  const { t } = useTranslation('rounds');
  return (
    <>
      {/* Isolated, not given a direction: each line stays aligned with the page's side whatever its script. */}
      <Text size="sm" fw={600}>
        <bdi>{application?.reference ?? t('assignment.unnumbered')}</bdi>
      </Text>
      {application?.title ? (
        <Text size="xs" c="dimmed">
          <bdi>{application.title}</bdi>
        </Text>
      ) : null}
    </>
  );
}

/** The pairs a plan adds, sortable, one juror at a time if staff wish, a page at a time. */
export function PreviewPairsTable({ plan, topicLabel }: { plan: TAssignmentPlan; topicLabel: (key: string) => string }) {
  const { t } = useTranslation('rounds');
  const { locale } = useLocale();
  const [sort, setSort] = useState<Sort>('juror');
  const [jurorId, setJurorId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const sortLabelId = useId();

  const rows = useMemo(() => {
    const jurors = new Map(plan.jurors.map((juror) => [juror.id, juror]));
    const applications = new Map(plan.applications.map((application) => [application.id, application]));
    const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
    const all = plan.pairs
      .filter((pair) => jurorId === null || pair.jurorId === jurorId)
      .map((pair) => ({ pair, juror: jurors.get(pair.jurorId), application: applications.get(pair.applicationId) }));
    const byJuror = (a: (typeof all)[number], b: (typeof all)[number]) => collator.compare(a.juror?.displayName ?? '', b.juror?.displayName ?? '');
    const byApplication = (a: (typeof all)[number], b: (typeof all)[number]) =>
      collator.compare(a.application?.reference ?? a.application?.title ?? '', b.application?.reference ?? b.application?.title ?? '');
    return all.sort((a, b) => {
      if (sort === 'juror') return byJuror(a, b) || byApplication(a, b);
      if (sort === 'application') return byApplication(a, b) || byJuror(a, b);
      return b.pair.affinity - a.pair.affinity || byJuror(a, b) || byApplication(a, b);
    });
  }, [plan, jurorId, sort, locale]);

  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const from = (current - 1) * PAGE_SIZE;
  const visible = rows.slice(from, from + PAGE_SIZE);
  const n = (value: number) => formatNumber(value, locale);

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id={sortLabelId}>
            {t('assignment.preview.pairs.sort')}
          </Text>
          <SegmentedControl
            aria-labelledby={sortLabelId}
            value={sort}
            onChange={(value) => {
              setSort(value as Sort);
              setPage(1);
            }}
            data={[
              { value: 'juror', label: t('assignment.preview.pairs.sortJuror') },
              { value: 'application', label: t('assignment.preview.pairs.sortApplication') },
              { value: 'affinity', label: t('assignment.preview.pairs.sortAffinity') },
            ]}
          />
        </Stack>
        <Select
          label={t('assignment.preview.pairs.juror')}
          placeholder={t('assignment.preview.pairs.allJurors')}
          data={plan.jurors.filter((juror) => juror.added > 0).map((juror) => ({ value: juror.id, label: juror.displayName }))}
          value={jurorId}
          onChange={(value) => {
            setJurorId(value);
            setPage(1);
          }}
          searchable
          clearable
          w={260}
        />
      </Group>
      <ScrollTable label={t('assignment.preview.pairs.caption')} minWidth={720} cards>
        <Table striped verticalSpacing="xs">
          <caption className="visually-hidden">{t('assignment.preview.pairs.caption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('assignment.preview.pairs.columns.juror')}</Table.Th>
              <Table.Th scope="col">{t('assignment.preview.pairs.columns.application')}</Table.Th>
              <Table.Th scope="col">{t('assignment.preview.pairs.columns.affinity')}</Table.Th>
              <Table.Th scope="col">{t('assignment.preview.pairs.columns.reasons')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {visible.map(({ pair, juror, application }) => (
              <Table.Tr key={`${pair.jurorId}:${pair.applicationId}`}>
                <Table.Td>
                  <Text size="sm" fw={600}>
                    <bdi>{juror?.displayName ?? pair.jurorId}</bdi>
                  </Text>
                </Table.Td>
                <Table.Td data-label={t('assignment.preview.pairs.columns.application')}>
                  <PlanApplicationName application={application} />
                </Table.Td>
                <Table.Td data-label={t('assignment.preview.pairs.columns.affinity')}>{n(pair.affinity)}</Table.Td>
                <Table.Td data-label={t('assignment.preview.pairs.columns.reasons')}>
                  <PairReasons pair={pair} topicLabel={topicLabel} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {pages > 1 ? (
        <Group justify="space-between" wrap="wrap">
          <Text size="sm" c="dimmed">
            {t('assignment.preview.pairs.range', { from: n(from + 1), to: n(from + visible.length), total: n(rows.length) })}
          </Text>
          <Pagination total={pages} value={current} onChange={setPage} aria-label={t('assignment.preview.pairs.pages')} />
        </Group>
      ) : null}
    </Stack>
  );
}
