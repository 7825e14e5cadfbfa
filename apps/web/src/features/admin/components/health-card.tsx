import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { useLocale } from '../../locale/use-locale';
import { healthQuery } from '../../system/queries';

export function HealthCard() {
  const { t } = useTranslation(['admin', 'common']);
  const { locale } = useLocale();
  const health = useQuery(healthQuery());

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="health-title">
      <Stack gap="xs">
        <Title id="health-title" order={2} fz="lg">
          {t('dashboard.health.title')}
        </Title>
        <div role="status" aria-live="polite">
          {health.isPending ? (
            <Text c="dimmed">{t('common:status.loading')}</Text>
          ) : health.isError ? (
            <Badge color="red" variant="light" size="lg">
              {t('dashboard.health.unreachable')}
            </Badge>
          ) : (
            <Stack gap={6}>
              <Group gap="xs">
                <Badge color={health.data.status === 'ok' ? 'tahkim' : 'orange'} variant="light" size="lg">
                  {health.data.status === 'ok' ? t('dashboard.health.ok') : t('dashboard.health.degraded')}
                </Badge>
                <Badge color={health.data.database === 'up' ? 'tahkim' : 'red'} variant="outline">
                  {health.data.database === 'up' ? t('dashboard.health.databaseUp') : t('dashboard.health.databaseDown')}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {t('dashboard.health.checkedAt', { date: formatDateTime(health.data.time, locale) })}
              </Text>
            </Stack>
          )}
        </div>
      </Stack>
    </Card>
  );
}
