import { Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { ScrollTable } from '../../../components/scroll-table';
import { usePageTitle } from '../../../lib/use-page-title';
import { useLocale } from '../../locale/use-locale';
import { CALL_STATUS_COLORS, localized } from '../call-display';
import { CallDate } from '../components/call-date';
import { DeadlineReviewNotice } from '../components/deadline-review-notice';
import { adminCallsQuery } from '../queries';
import { JuryLink } from '../../rounds/components/jury-link';
import { DecisionsLink } from '../../decisions/components/decisions-link';

/** Staff: every call of the foundation, newest first, with where each stands. */
export function AdminCallsPage() {
  const { t } = useTranslation('callAdmin');
  const { locale } = useLocale();
  usePageTitle(t('list.title'));
  const calls = useQuery(adminCallsQuery());

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Title order={1}>{t('list.heading')}</Title>
          <Text c="dimmed" maw={720}>
            {t('list.intro')}
          </Text>
        </Stack>
        <Button component={Link} to="/admin/calls/new">
          {t('list.new')}
        </Button>
      </Group>
      <DeadlineReviewNotice />
      {calls.isPending ? (
        <PageLoader />
      ) : calls.isError ? (
        <LoadError error={calls.error} onRetry={() => void calls.refetch()} />
      ) : calls.data.items.length === 0 ? (
        <Card withBorder radius="md" padding="lg">
          <Text c="dimmed">{t('list.empty')}</Text>
        </Card>
      ) : (
        <ScrollTable label={t('list.caption')} minWidth={860} cards>
          <Table striped highlightOnHover verticalSpacing="sm">
            <caption className="visually-hidden">{t('list.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('list.columns.title')}</Table.Th>
                <Table.Th scope="col">{t('list.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('list.columns.opensAt')}</Table.Th>
                <Table.Th scope="col">{t('list.columns.closesAt')}</Table.Th>
                <Table.Th scope="col">{t('list.columns.submitted')}</Table.Th>
                <Table.Th scope="col">{t('list.columns.drafts')}</Table.Th>
                <Table.Th scope="col">{t('list.columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {calls.data.items.map((call) => (
                <Table.Tr key={call.id}>
                  <Table.Td>
                    <Stack gap={2}>
                      <Text component={Link} to={`/admin/calls/${call.id}`} fw={600} c="tahkim.8">
                        {localized(call.title, locale) || call.slug}
                      </Text>
                      <Text size="xs" c="dimmed" dir="ltr" style={{ alignSelf: 'flex-start' }}>
                        {call.slug}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td data-label={t('list.columns.status')}>
                    <Badge color={CALL_STATUS_COLORS[call.status]} variant="light" style={{ minInlineSize: 'max-content' }}>
                      {t(`status.${call.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td data-label={t('list.columns.opensAt')}>
                    <CallDate iso={call.opensAt} local={call.opensAtLocal} style="short" />
                  </Table.Td>
                  <Table.Td data-label={t('list.columns.closesAt')}>
                    <CallDate iso={call.closesAt} local={call.closesAtLocal} style="short" />
                  </Table.Td>
                  <Table.Td data-label={t('list.columns.submitted')}>{call.applicationCounts.submitted}</Table.Td>
                  <Table.Td data-label={t('list.columns.drafts')}>{call.applicationCounts.draft}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button component={Link} to={`/admin/calls/${call.id}`} size="xs">
                        {t('list.home')}
                      </Button>
                      <Button component={Link} to={`/admin/calls/${call.id}/settings`} size="xs" variant="default">
                        {t('list.edit')}
                      </Button>
                      <Button component={Link} to={`/admin/calls/${call.id}/form`} size="xs" variant="default">
                        {t('list.form')}
                      </Button>
                      <Button component={Link} to={`/admin/calls/${call.id}/applications`} size="xs" variant="light">
                        {t('list.applications')}
                      </Button>
                      <JuryLink callId={call.id} />
                      <DecisionsLink callId={call.id} />
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}
