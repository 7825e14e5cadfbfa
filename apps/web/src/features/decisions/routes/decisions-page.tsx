import { Badge, Button, Card, EmptyState, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { InboxIcon } from '../../../components/icons';
import { LoadError, PageLoader } from '../../../components/page-state';
import { usePageTitle } from '../../../lib/use-page-title';
import { CALL_STATUS_COLORS, localized } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import { BulkBar } from '../components/bulk-bar';
import { DecideModal } from '../components/decide-modal';
import { DecisionCounts } from '../components/decision-counts';
import { DecisionFiltersBar } from '../components/decision-filters';
import { DecisionsTable } from '../components/decisions-table';
import { FeedbackSwitch } from '../components/feedback-switch';
import { PublishPanel } from '../components/publish-panel';
import { RankingSource } from '../components/ranking-source';
import { isAnnounceable } from '@tahkim/contracts';
import { canDecide, filterDecisionRows, NO_FILTERS, selectTop, withRanking, type DecisionFilters, type DecisionRowView, type TopSelection } from '../decision-view';
import { callDecisionsQuery } from '../queries';
import { useCallRanking } from '../use-call-ranking';
import '../decisions.css';
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

/** Staff: a call's outcomes, recorded singly or in bulk from the ranking, then published with one email per applicant. */
export function DecisionsPage() {
  const { t } = useTranslation(['decisions', 'callAdmin']);
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const list = useQuery(callDecisionsQuery(id));
  const [chosenRoundId, setChosenRoundId] = useState<string | null>(null);
  const { round, source } = useCallRanking(list.data?.rounds ?? [], chosenRoundId);
  const [filters, setFilters] = useState<DecisionFilters>(NO_FILTERS);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [topSelection, setTopSelection] = useState<TopSelection | null>(null);
  const [deciding, setDeciding] = useState<DecisionRowView | null>(null);
  const title = list.data ? localized(list.data.call.title, locale) : '';
  usePageTitle(title ? t('page.title', { call: title }) : t('page.heading'));

  if (list.isPending) return <PageLoader />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const data = list.data;
  const all = withRanking(data.items, source);
  const rows = filterDecisionRows(all, filters);
  const selectedIds = all.filter((row) => selected.has(row.applicationId) && canDecide(row)).map((row) => row.applicationId);
  const select = (ids: readonly string[], on: boolean) => {
    const next = new Set(selected);
    for (const applicationId of ids) {
      if (on) next.add(applicationId);
      else next.delete(applicationId);
    }
    setSelected(next);
    setTopSelection(null);
  };
  const chooseRound = (roundId: string) => {
    setChosenRoundId(roundId);
    setSelected(new Set());
    setTopSelection(null);
  };

  return (
    <Stack gap="lg">
      <CallPageHeader
        back={{ to: `/admin/calls/${id}`, label: t('page.backToCall', { call: title }) }}
        heading={t('page.heading')}
        subtitle={title}
        badge={
          <Badge color={CALL_STATUS_COLORS[data.call.status]} variant="light" data-testid="call-status">
            {t(`callAdmin:status.${data.call.status}`)}
          </Badge>
        }
      >
        <RankingSource rounds={data.rounds} round={round} source={source} onChoose={chooseRound} />
        <Group gap="xs" mt={4}>
          <Button component={Link} to={`/admin/calls/${id}/decisions/templates`} size="xs" variant="default">
            {t('page.templatesLink')}
          </Button>
          {isAnnounceable(data.call.status) ? (
            <Button component={Link} to={`/admin/calls/${id}/announcement`} size="xs" variant="default">
              {t('announcement.link')}
            </Button>
          ) : null}
          <Button component={Link} to="/admin/emails" size="xs" variant="subtle">
            {t('page.emailsLink')}
          </Button>
        </Group>
      </CallPageHeader>

      <DecisionCounts counts={data.counts} />

      <Section title={t('publish.title')} testId="publish">
        <FeedbackSwitch callId={id} enabled={data.call.feedbackEnabled} />
        <PublishPanel list={data} />
      </Section>

      {data.items.length === 0 ? (
        <EmptyState withIndicatorBackground icon={<InboxIcon size={28} />} title={t('page.emptyTitle')} description={t('page.empty')} />
      ) : (
        <>
          <Card withBorder radius="md" padding="md">
            <DecisionFiltersBar
              filters={filters}
              onChange={setFilters}
              source={source}
              roundNumber={round?.number ?? null}
              selectedCount={selectedIds.length}
              topSelection={topSelection}
              onSelectTop={(count) => {
                const top = selectTop(all, count);
                setSelected(new Set(top.ids));
                setTopSelection(top);
              }}
              onClearSelection={() => {
                setSelected(new Set());
                setTopSelection(null);
              }}
            />
          </Card>
          <Text fw={600} role="status" aria-live="polite">
            {t('page.shown', { shown: rows.length, total: all.length })}
          </Text>
          {rows.length === 0 ? (
            <Text c="dimmed">{t('page.noMatch')}</Text>
          ) : (
            <DecisionsTable rows={rows} source={source} selected={selected} onSelect={select} onDecide={setDeciding} />
          )}
          <BulkBar
            callId={id}
            roundId={round?.id}
            selectedIds={selectedIds}
            onDone={() => {
              setSelected(new Set());
              setTopSelection(null);
            }}
          />
        </>
      )}
      <DecideModal callId={id} roundId={round?.id} row={deciding} onClose={() => setDeciding(null)} />
    </Stack>
  );
}
