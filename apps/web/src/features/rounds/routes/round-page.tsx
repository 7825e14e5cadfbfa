import { Badge, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { usePageTitle } from '../../../lib/use-page-title';
import { BallotResultLink } from '../../ballot/components/ballot-result-link';
import { localized } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import { AssignmentPanel } from '../components/assignment-panel';
import { ConflictsPanel } from '../components/conflicts-panel';
import { CriteriaEditor } from '../components/criteria-editor';
import { DeleteRoundButton } from '../components/delete-round-button';
import { JurorsPanel } from '../components/jurors-panel';
import { OpenRoundButton } from '../components/open-round-button';
import { ProgressPanel } from '../components/progress-panel';
import { RoundSettingsForm } from '../components/round-settings-form';
import { criteriaQuery, roundQuery } from '../queries';
import { ROUND_STATUS_COLORS } from './call-rounds-page';

const TABS = ['settings', 'criteria', 'jurors', 'conflicts', 'assignment', 'progress'] as const;
type Tab = (typeof TABS)[number];

function CriteriaTab({ roundId }: { roundId: string }) {
  const criteria = useQuery(criteriaQuery(roundId));
  if (criteria.isPending) return <PageLoader />;
  if (criteria.isError) return <LoadError error={criteria.error} onRetry={() => void criteria.refetch()} />;
  return <CriteriaEditor key={criteria.dataUpdatedAt} roundId={roundId} items={criteria.data.items} locked={criteria.data.locked} />;
}

/** Staff: one round, its settings and its jury work, one tab each (the tab is kept in the URL). */
export function RoundPage() {
  const { t } = useTranslation('rounds');
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const round = useQuery(roundQuery(id));
  const tabParam = search.get('tab');
  const tab: Tab = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as Tab) : 'settings';
  const name = round.data ? localized(round.data.name, locale) || t('list.defaultName', { number: round.data.number }) : '';
  usePageTitle(name || t('round.title'));

  if (round.isPending) return <PageLoader />;
  if (round.isError) return <LoadError error={round.error} onRetry={() => void round.refetch()} />;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text component={Link} to={`/admin/calls/${round.data.callId}/rounds`} size="sm" c="tahkim.8">
          {t('round.backToRounds')}
        </Text>
        <Group gap="sm">
          <Title order={1}>{name}</Title>
          <Badge color={ROUND_STATUS_COLORS[round.data.status]} variant="light">
            {t(`status.${round.data.status}`)}
          </Badge>
          <Badge variant="outline">{t(`kinds.${round.data.type}`)}</Badge>
          {round.data.blind ? <Badge variant="outline">{t('list.blind')}</Badge> : null}
          <Group gap="xs" ms="auto" wrap="wrap">
            <OpenRoundButton round={round.data} size="xs" />
            <Button component={Link} to={`/admin/rounds/${id}/ranking`} variant="light" size="xs">
              {t('round.ranking')}
            </Button>
            {round.data.type === 'BALLOT' ? <BallotResultLink roundId={id} /> : null}
            <DeleteRoundButton round={round.data} />
          </Group>
        </Group>
      </Stack>
      <Tabs
        value={tab}
        onChange={(value) => {
          const next = new URLSearchParams(search);
          next.set('tab', value ?? 'settings');
          setSearch(next, { replace: true });
        }}
      >
        <Tabs.List style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
          {TABS.map((value) => (
            <Tabs.Tab key={value} value={value}>
              {t(`round.tabs.${value}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="settings" pt="md">
          {tab === 'settings' ? <RoundSettingsForm key={round.dataUpdatedAt} round={round.data} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="criteria" pt="md">
          {tab === 'criteria' ? <CriteriaTab roundId={id} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="jurors" pt="md">
          {tab === 'jurors' ? <JurorsPanel roundId={id} callId={round.data.callId} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="conflicts" pt="md">
          {tab === 'conflicts' ? <ConflictsPanel roundId={id} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="assignment" pt="md">
          {tab === 'assignment' ? <AssignmentPanel roundId={id} callId={round.data.callId} required={round.data.scorecardsRequired} /> : null}
        </Tabs.Panel>
        <Tabs.Panel value="progress" pt="md">
          {tab === 'progress' ? <ProgressPanel roundId={id} /> : null}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
