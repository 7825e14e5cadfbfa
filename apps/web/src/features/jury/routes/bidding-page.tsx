import { Alert, Anchor, Card, Container, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isolate } from '../../../components/user-text';
import { LoadError, PageLoader } from '../../../components/page-state';
import { formatNumber } from '../../../lib/number-format';
import { usePageTitle } from '../../../lib/use-page-title';
import { topicLabeller } from '../../call-admin/call-display';
import { localized } from '../../calls/call-text';
import { useLocale } from '../../locale/use-locale';
import { BidCard } from '../components/bid-card';
import { ExpertiseForm } from '../components/expertise-form';
import type { TJuryBidding } from '../jury-api';
import { juryBiddingQuery } from '../queries';
import '../jury.css';

/** "Which projects would you like to read?": the open round's applications, filtered by field, with a wish on each. */
function WishesSection({ bidding }: { bidding: TJuryBidding }) {
  const { t } = useTranslation('jury');
  const { locale } = useLocale();
  const [topic, setTopic] = useState('');
  const topicLabel = topicLabeller(bidding.topics, locale);
  // A closed round takes no wish, whatever its bidding switch says (and the API lists no project for it).
  const open = bidding.round.biddingOpen && bidding.round.status !== 'CLOSED';
  const shown = topic === '' ? bidding.items : bidding.items.filter((item) => item.topics.includes(topic));
  const wanted = bidding.items.filter((item) => item.preference === 'WANT').length;
  const ratherNot = bidding.items.filter((item) => item.preference === 'RATHER_NOT').length;

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="wishes-title">
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} fz="h3" id="wishes-title">
            {t('bidding.wishes.heading')}
          </Title>
          {open ? <Text size="sm">{t('bidding.wishes.intro')}</Text> : null}
        </Stack>
        {!open ? (
          <Text size="sm" c="dimmed" data-testid="bidding-closed">
            {t('bidding.wishes.notOpen')}
          </Text>
        ) : bidding.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('bidding.wishes.empty')}
          </Text>
        ) : (
          <>
            <Group justify="space-between" align="flex-end" gap="sm">
              <Text fw={600} role="status" data-testid="bid-counter">
                {t('bidding.wishes.counter', {
                  wanted: t('bidding.wishes.wanted', { count: wanted, n: formatNumber(wanted, locale) }),
                  ratherNot: t('bidding.wishes.ratherNot', { count: ratherNot, n: formatNumber(ratherNot, locale) }),
                })}
              </Text>
              {bidding.topics.length > 0 ? (
                <NativeSelect
                  label={t('bidding.wishes.filterLabel')}
                  value={topic}
                  onChange={(event) => setTopic(event.currentTarget.value)}
                  data={[{ value: '', label: t('bidding.wishes.allTopics') }, ...bidding.topics.map((entry) => ({ value: entry.key, label: topicLabel(entry.key) }))]}
                  miw={200}
                />
              ) : null}
            </Group>
            {shown.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('bidding.wishes.noneForFilter')}
              </Text>
            ) : (
              <Stack component="ul" gap="sm" className="plain-list">
                {shown.map((item) => (
                  <BidCard key={item.applicationId} roundId={bidding.round.id} item={item} topicLabel={topicLabel} />
                ))}
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}

/** The juror prepares a round: declares the fields they know and, while bidding is open, which projects they would like to read. */
export function JuryBiddingPage() {
  const { t } = useTranslation('jury');
  const { locale } = useLocale();
  const { roundId = '' } = useParams();
  const bidding = useQuery(juryBiddingQuery(roundId));
  usePageTitle(t('bidding.title'));
  const data = bidding.data;

  return (
    <Container size="lg" py="lg">
      <Stack gap="lg">
        <Anchor component={Link} to="/jury" size="sm">
          {t('assignment.back')}
        </Anchor>
        <Stack gap={4}>
          <Title order={1}>{t('bidding.heading')}</Title>
          {data ? <Text c="dimmed">{t('joined.title', { call: isolate(localized(data.round.call.title, locale)), round: isolate(localized(data.round.name, locale)) })}</Text> : null}
        </Stack>
        {bidding.isPending ? <PageLoader /> : null}
        {bidding.isError ? <LoadError error={bidding.error} onRetry={() => void bidding.refetch()} /> : null}
        {data ? (
          <>
            {data.round.blind ? (
              <Alert color="blue" variant="light">
                {t('bidding.blindNotice')}
              </Alert>
            ) : null}
            <ExpertiseForm roundId={data.round.id} topics={data.topics} expertise={data.expertise} closed={data.round.status === 'CLOSED'} />
            <WishesSection bidding={data} />
          </>
        ) : null}
      </Stack>
    </Container>
  );
}
