import { Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../../components/user-text';
import { localized } from '../../calls/call-text';
import { CallDateTime } from '../../calls/components/call-dates';
import { useLocale } from '../../locale/use-locale';
import type { TJuryMembershipList } from '../jury-api';

type Membership = TJuryMembershipList['items'][number];

/**
 * Juries the person has joined where nothing waits for them yet: a round not open yet, or an open
 * scoring round with no application assigned to them. They are told an email will say when work comes.
 */
export function waitingMemberships(items: readonly Membership[]): Membership[] {
  return items.filter((m) => m.round.status === 'DRAFT' || (m.round.status === 'OPEN' && m.round.type === 'SCORING' && m.assigned === 0));
}

export function JoinedJuries({ memberships }: { memberships: readonly Membership[] }) {
  const { t } = useTranslation('jury');
  const { locale } = useLocale();
  return (
    <Stack gap="sm" component="section" aria-labelledby="joined-juries-title">
      <Title order={2} fz="h4" id="joined-juries-title">
        {t('joined.heading')}
      </Title>
      {memberships.map((m) => (
        <Card key={m.round.id} withBorder radius="md" padding="lg">
          <Stack gap={6}>
            <Text fw={700}>
              {t('joined.title', { call: isolate(localized(m.call.title, locale)), round: isolate(localized(m.round.name, locale)) })}
            </Text>
            <Text size="sm">{m.round.status === 'DRAFT' ? t('joined.notOpen') : t('joined.nothingAssigned')}</Text>
            {m.round.closesAt ? (
              <Text size="sm">
                <Text span fw={600}>
                  {t('list.deadline')}
                </Text>{' '}
                <CallDateTime iso={m.round.closesAt} />
              </Text>
            ) : null}
            <Text size="sm" c="dimmed">
              {t('joined.emailPromise')}
            </Text>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
