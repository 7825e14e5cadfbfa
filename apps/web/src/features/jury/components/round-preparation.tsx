import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isolate } from '../../../components/user-text';
import { formatNumber } from '../../../lib/number-format';
import { localized } from '../../calls/call-text';
import { useLocale } from '../../locale/use-locale';
import type { TJuryMembershipList } from '../jury-api';

type Membership = TJuryMembershipList['items'][number];

/**
 * Rounds the juror still has to prepare: staff opened bidding, or the call has fields to declare
 * expertise in and nothing is assigned to the juror yet (once it is, the expertise no longer changes
 * anything). A closed round has nothing left to prepare.
 */
export function preparingMemberships(items: readonly Membership[]): Membership[] {
  return items.filter((m) => m.round.status !== 'CLOSED' && (m.biddingOpen || (m.topics > 0 && m.assigned === 0)));
}

/** "Prepare the round": where the juror's expertise stands, whether bidding is open, and the way in. */
export function RoundPreparation({ memberships }: { memberships: readonly Membership[] }) {
  const { t } = useTranslation('jury');
  const { locale } = useLocale();
  return (
    <Stack gap="sm" component="section" aria-labelledby="round-preparation-title">
      <Title order={2} fz="h4" id="round-preparation-title">
        {t('preparation.heading')}
      </Title>
      {memberships.map((m) => {
        const round = localized(m.round.name, locale);
        return (
          <Card key={m.round.id} withBorder radius="md" padding="lg" data-testid="round-preparation">
            <Group justify="space-between" align="flex-start" gap="sm">
              <Stack gap={6} style={{ flex: '1 1 16rem', minInlineSize: 0 }}>
                <Text fw={700}>{t('joined.title', { call: isolate(localized(m.call.title, locale)), round: isolate(round) })}</Text>
                {m.biddingOpen ? (
                  <Text size="sm" fw={600} c="tahkim.8">
                    {t('preparation.biddingOpen')}
                  </Text>
                ) : null}
                {m.topics > 0 ? <Text size="sm">{t('preparation.expertise', { count: m.expertise, n: formatNumber(m.expertise, locale), total: formatNumber(m.topics, locale) })}</Text> : null}
                {m.biddingOpen ? (
                  <Text size="sm" c="dimmed">
                    {t('preparation.bids', { count: m.bids, n: formatNumber(m.bids, locale) })}
                  </Text>
                ) : null}
              </Stack>
              <Button
                component={Link}
                to={`/jury/rounds/${m.round.id}/bidding`}
                variant={m.biddingOpen ? 'filled' : 'light'}
                size="sm"
                aria-label={t('preparation.actionFor', { round: isolate(round) })}
              >
                {t('preparation.action')}
              </Button>
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}
