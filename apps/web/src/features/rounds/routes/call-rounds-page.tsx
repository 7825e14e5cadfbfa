import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { usePageTitle } from '../../../lib/use-page-title';
import { localized } from '../../call-admin/call-display';
import { callQuery } from '../../call-admin/queries';
import { useLocale } from '../../locale/use-locale';
import { CreateRoundDialog } from '../components/create-round-dialog';
import { OpenRoundButton } from '../components/open-round-button';
import { callRoundsQuery } from '../queries';

export const ROUND_STATUS_COLORS = { DRAFT: 'gray', OPEN: 'tahkim', CLOSED: 'orange' } as const;

/** Staff: a call's evaluation rounds (round 1 comes with the call) and adding one, of a chosen kind, after a confirmation. */
export function CallRoundsPage() {
  const { t } = useTranslation('rounds');
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const call = useQuery(callQuery(id));
  const rounds = useQuery(callRoundsQuery(id));
  const [creating, setCreating] = useState(false);
  const callTitle = call.data ? localized(call.data.title, locale) || call.data.slug : '';
  usePageTitle(t('list.title', { call: callTitle }));

  if (rounds.isPending) return <PageLoader />;
  if (rounds.isError) return <LoadError error={rounds.error} onRetry={() => void rounds.refetch()} />;
  // After the call's last round (a deleted round leaves its number unused).
  const next = Math.max(0, ...rounds.data.items.map((round) => round.number)) + 1;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text component={Link} to={`/admin/calls/${id}`} size="sm" c="tahkim.8">
          {t('list.backToCall', { call: callTitle })}
        </Text>
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={1}>{t('list.heading')}</Title>
          <Button onClick={() => setCreating(true)}>{t('list.create')}</Button>
        </Group>
        <Text c="dimmed" maw={720}>
          {t('list.intro')}
        </Text>
      </Stack>
      {rounds.data.items.length === 0 ? (
        <Text c="dimmed">{t('list.empty')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {rounds.data.items.map((round) => (
            <Card key={round.id} withBorder radius="md" padding="md">
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={700} component={Link} to={`/admin/rounds/${round.id}`} c="tahkim.8">
                    {localized(round.name, locale) || t('list.defaultName', { number: round.number })}
                  </Text>
                  <Badge color={ROUND_STATUS_COLORS[round.status]} variant="light">
                    {t(`status.${round.status}`)}
                  </Badge>
                </Group>
                <Text size="sm" c="dimmed">
                  {t(`kinds.${round.type}`)} · {round.blind ? t('list.blind') : t('list.notBlind')}
                </Text>
                <Text size="sm">{t('settings.counts', round.counts)}</Text>
                <Group gap="xs">
                  <Button component={Link} to={`/admin/rounds/${round.id}`} variant="light" size="xs">
                    {t('list.open')}
                  </Button>
                  <OpenRoundButton round={round} size="xs" variant="default" />
                </Group>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
      <CreateRoundDialog
        callId={id}
        number={next}
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(round) => {
          setCreating(false);
          void navigate(`/admin/rounds/${round.id}`);
        }}
      />
    </Stack>
  );
}
