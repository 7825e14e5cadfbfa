import { Alert, Anchor, Badge, Card, EmptyState, Group, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { TRankingQueryMethod, TRankingRow } from '@tahkim/contracts';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ScaleIcon } from '../../../components/icons';
import { NumberField } from '../../../components/number-field';
import { LoadError, PageLoader } from '../../../components/page-state';
import { usePageTitle } from '../../../lib/use-page-title';
import { localized } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import { ROUND_STATUS_COLORS } from '../../rounds/routes/call-rounds-page';
import { AdvanceBar } from '../components/advance-bar';
import { AdvancesSection } from '../components/advances-section';
import { DistributionChart } from '../components/distribution-chart';
import { RankingExportButtons } from '../components/ranking-export-buttons';
import { RankingFilters } from '../components/ranking-filters';
import { RankingTable } from '../components/ranking-table';
import { ReliabilityCard } from '../components/reliability-card';
import { ScorecardsDrawer } from '../components/scorecards-drawer';
import { SeverityChart } from '../components/severity-chart';
import { SecondLookSection } from '../components/second-look-section';
import { ShortlistTools } from '../components/shortlist-tools';
import { rankingPageQuery, shortlistConfidenceQuery } from '../queries';
import { parseView, RANKING_PAGE_SIZE, viewToQuery, viewToSearchParams, type RankingView } from '../ranking-view';
import type { TAdvanceResult } from '../results-api';
import '../results.css';
import { PageNav } from '../../admin/components/page-nav';
import { CallPageHeader } from '../../admin/components/call-page-header';

function Section({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={title} data-testid={testId}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

/**
 * Staff: a round's ranking under both methods, the jury's severity and reliability, and the shortlist into
 * the next round. The API orders and filters the whole ranking and sends one page of it at a time.
 */
export function RankingPage() {
  const { t } = useTranslation('results');
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const view = parseView(params);
  const ranking = useQuery(rankingPageQuery(id, viewToQuery(view)));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [opened, setOpened] = useState<TRankingRow | null>(null);
  const [advanced, setAdvanced] = useState<TAdvanceResult | null>(null);
  // The shortlist size the confidence column and the second look are for.
  const [sizeInput, setSizeInput] = useState<number | string>(10);
  const size = typeof sizeInput === 'number' ? sizeInput : Number.parseInt(sizeInput, 10);
  const sizeValid = Number.isInteger(size) && size >= 1 && size <= 100_000;
  const pageMethod: TRankingQueryMethod | undefined = view.method ?? ranking.data?.method;
  const confidence = useQuery({
    ...shortlistConfidenceQuery(id, pageMethod ?? 'normalised', sizeValid ? size : 1),
    enabled: pageMethod !== undefined && sizeValid && (ranking.data?.totals.submittedScorecards ?? 0) > 0,
  });
  // On a phone the two long method names sit one above the other.
  const narrow = useMediaQuery('(max-width: 36em)');

  const round = ranking.data?.round;
  const name = round ? localized(round.name, locale) || t('page.defaultName', { number: round.number }) : '';
  usePageTitle(name ? t('page.title', { round: name }) : t('page.heading'));

  if (ranking.isPending) return <PageLoader />;
  if (ranking.isError) return <LoadError error={ranking.error} onRetry={() => void ranking.refetch()} />;
  const data = ranking.data;
  const method: TRankingQueryMethod = view.method ?? data.method;
  const rows = data.items;
  const apply = (next: RankingView) => setParams(viewToSearchParams(next), { replace: true });
  // Another filter or method: back to the first page.
  const applyFilters = (next: RankingView) => apply({ ...next, page: undefined });
  const matching = data.page?.total ?? rows.length;
  const pages = Math.max(1, Math.ceil(matching / RANKING_PAGE_SIZE));
  const select = (ids: readonly string[], on: boolean) => {
    const next = new Set(selected);
    for (const applicationId of ids) {
      if (on) next.add(applicationId);
      else next.delete(applicationId);
    }
    setSelected(next);
  };
  const selectedIds = [...selected];
  const noScores = data.totals.submittedScorecards === 0;

  return (
    <Stack gap="lg">
      <CallPageHeader
        back={{ to: `/admin/rounds/${data.round.id}`, label: t('page.backToRound', { round: name }) }}
        heading={t('page.heading')}
        subtitle={name}
        badge={
          <Badge color={ROUND_STATUS_COLORS[data.round.status]} variant="light">
            {t(`roundStatus.${data.round.status}`)}
          </Badge>
        }
      >
        <Text size="sm" data-testid="ranking-totals">
          {t('page.totals', { applications: data.totals.applications, ranked: data.totals.ranked, submitted: data.totals.submittedScorecards, drafts: data.totals.draftScorecards })}
        </Text>
        <Text size="sm">{t('page.roundMethod', { method: t(`method.${data.round.method === 'MEAN' ? 'mean' : 'normalised'}`) })}</Text>
      </CallPageHeader>

      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={4} maw="100%">
          <Text size="sm" fw={600} id="ranking-method-label">
            {t('page.orderBy')}
          </Text>
          {/* On a phone the long method names wrap within the screen's width. */}
          <SegmentedControl
            aria-labelledby="ranking-method-label"
            value={method}
            onChange={(value) => applyFilters({ ...view, method: value as TRankingQueryMethod })}
            orientation={narrow ? 'vertical' : 'horizontal'}
            fullWidth={narrow}
            styles={narrow ? { label: { whiteSpace: 'normal' } } : undefined}
            data={[
              { value: 'normalised', label: t('method.normalised') },
              { value: 'mean', label: t('method.mean') },
            ]}
          />
        </Stack>
        <RankingExportButtons roundId={data.round.id} roundNumber={data.round.number} method={method} size={sizeValid && !noScores ? size : undefined} />
      </Group>

      {advanced ? (
        <Alert color="tahkim" variant="light" withCloseButton onClose={() => setAdvanced(null)} closeButtonLabel={t('advance.dismiss')} role="status">
          <Stack gap={4}>
            <Text size="sm">{t('advance.result', { added: advanced.added, alreadyIn: advanced.alreadyIn, number: advanced.advance.toRoundNumber })}</Text>
            <Anchor component={Link} to={`/admin/rounds/${advanced.advance.toRoundId}`} size="sm" fw={600}>
              {t('advance.openRound', { number: advanced.advance.toRoundNumber })}
            </Anchor>
          </Stack>
        </Alert>
      ) : null}

      {data.totals.applications === 0 ? (
        <EmptyState withIndicatorBackground icon={<ScaleIcon size={28} />} title={t('page.noApplicationsTitle')} description={t('page.noApplications')} />
      ) : (
        <>
          {noScores ? (
            <Alert color="blue" variant="light" title={t('page.noScoresTitle')}>
              {t('page.noScores')}
            </Alert>
          ) : null}
          <Card withBorder radius="md" padding="md">
            <Stack gap="md">
              <RankingFilters view={view} withRegion={data.regionFieldKey !== null} onChange={applyFilters} />
              <ShortlistTools
                roundId={data.round.id}
                view={{ method, flag: view.flag, region: view.region, eligibility: view.eligibility }}
                selectedCount={selectedIds.length}
                onReplace={(ids) => setSelected(new Set(ids))}
              />
              {noScores ? null : (
                <Group gap="sm" align="flex-end" wrap="wrap">
                  <NumberField label={t('confidence.size')} value={sizeInput} onChange={setSizeInput} min={1} max={100000} allowDecimal={false} w={160} />
                  <Text size="xs" c="dimmed" maw={560} pb={6}>
                    {confidence.isError ? confidence.error.message : t('confidence.hint', { count: sizeValid ? size : 0 })}
                  </Text>
                </Group>
              )}
            </Stack>
          </Card>
          <Text fw={600} role="status" aria-live="polite">
            {t('page.shown', { shown: matching, total: data.totals.applications })}
          </Text>
          {rows.length === 0 ? (
            <Text c="dimmed">{t('page.noMatch')}</Text>
          ) : (
            // A block, not a flex column: the table's own box scrolls sideways within the page's width.
            <div style={{ opacity: ranking.isPlaceholderData ? 0.6 : 1 }} aria-busy={ranking.isFetching}>
              <RankingTable
                ranking={data}
                method={method}
                rows={rows}
                selected={selected}
                onSelect={select}
                onOpen={setOpened}
                confidence={confidence.data ? { size: confidence.data.size ?? size, byId: new Map(confidence.data.items.map((item) => [item.applicationId, item.probability])) } : undefined}
              />
              <PageNav label={t('pagination.label')} total={pages} value={Math.min(view.page ?? 1, pages)} onChange={(page) => setParams(viewToSearchParams({ ...view, page }))} mt="md" />
            </div>
          )}
          <AdvanceBar
            ranking={data}
            selectedIds={selectedIds}
            onAdvanced={(result) => {
              setAdvanced(result);
              setSelected(new Set());
            }}
          />
          {data.round.type === 'SCORING' && sizeValid ? (
            <Section title={t('secondLook.title')} testId="second-look">
              <SecondLookSection roundId={data.round.id} method={method} size={size} closed={data.round.status === 'CLOSED'} />
            </Section>
          ) : null}
          <Section title={t('severity.title')} testId="severity">
            <SeverityChart jurors={data.jurors} />
          </Section>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <Section title={t('reliability.title')} testId="reliability-section">
              {noScores ? <Text c="dimmed">{t('reliability.notEnough')}</Text> : <ReliabilityCard ranking={data} />}
            </Section>
            <Section title={t('distribution.title')} testId="distribution">
              <DistributionChart bins={data.distribution} />
            </Section>
          </SimpleGrid>
        </>
      )}
      <Section title={t('advances.title')} testId="advances">
        <AdvancesSection roundId={data.round.id} />
      </Section>
      <ScorecardsDrawer roundId={data.round.id} row={opened} onClose={() => setOpened(null)} />
    </Stack>
  );
}
