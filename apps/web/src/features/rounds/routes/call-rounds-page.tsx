import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { usePageTitle } from '../../../lib/use-page-title';
import { localized } from '../../call-admin/call-display';
import { callQuery } from '../../call-admin/queries';
import { useLocale } from '../../locale/use-locale';
import { useCreateRoundMutation } from '../mutations';
import { callRoundsQuery } from '../queries';

export const ROUND_STATUS_COLORS = { DRAFT: 'gray', OPEN: 'tahkim', CLOSED: 'orange' } as const;

/** Staff: a call's evaluation rounds (round 1 comes with the call) and adding the next one. */
export function CallRoundsPage() {
  const { t } = useTranslation('rounds');
  const { locale } = useLocale();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const call = useQuery(callQuery(id));
  const rounds = useQuery(callRoundsQuery(id));
  const create = useCreateRoundMutation(id);
  const callTitle = call.data ? localized(call.data.title, locale) || call.data.slug : '';
  usePageTitle(t('list.title', { call: callTitle }));

  if (rounds.isPending) return <PageLoader />;
  if (rounds.isError) return <LoadError error={rounds.error} onRetry={() => void rounds.refetch()} />;
  const next = rounds.data.items.length + 1;

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text component={Link} to={`/admin/calls/${id}`} size="sm" c="tahkim.8">
          {t('list.backToCall', { call: callTitle })}
        </Text>
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <Title order={1}>{t('list.heading')}</Title>
          <Button
            loading={create.isPending}
            onClick={() =>
              create.mutate(
                { name: { ar: t('list.defaultName', { number: next, lng: 'ar' }), fr: t('list.defaultName', { number: next, lng: 'fr' }), en: t('list.defaultName', { number: next, lng: 'en' }) } },
                {
                  onSuccess: (round) => void navigate(`/admin/rounds/${round.id}`),
                  onError: (error) => notifications.show({ color: 'red', message: error.message }),
                },
              )
            }
          >
            {t('list.create')}
          </Button>
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
                  {round.blind ? t('list.blind') : t('list.notBlind')}
                </Text>
                <Text size="sm">{t('settings.counts', round.counts)}</Text>
                <Button component={Link} to={`/admin/rounds/${round.id}`} variant="light" size="xs" style={{ alignSelf: 'flex-start' }}>
                  {t('list.open')}
                </Button>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
