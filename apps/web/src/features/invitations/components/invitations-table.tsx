import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoader } from '../../../components/page-state';
import { formatDateTime } from '../../../lib/format';
import { useLocale } from '../../locale/use-locale';
import { invitationStatus, type InvitationStatus } from '../invitation-status';
import { invitationsQuery } from '../queries';
import { ScrollTable } from '../../../components/scroll-table';

const STATUS_COLORS: Record<InvitationStatus, string> = { pending: 'blue', accepted: 'tahkim', expired: 'gray' };

export function InvitationsTable() {
  const { t } = useTranslation('admin');
  const { locale } = useLocale();
  const invitations = useQuery(invitationsQuery());

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="invitations-list-title">
      <Stack gap="md">
        <Title id="invitations-list-title" order={2} fz="lg">
          {t('invitations.list.heading')}
        </Title>
        {invitations.isPending ? (
          <PageLoader />
        ) : invitations.isError ? (
          <LoadError error={invitations.error} onRetry={() => void invitations.refetch()} />
        ) : invitations.data.length === 0 ? (
          <Text c="dimmed">{t('invitations.list.empty')}</Text>
        ) : (
          <ScrollTable label={t('invitations.list.caption')} minWidth={560}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <caption className="visually-hidden">{t('invitations.list.caption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('invitations.list.email')}</Table.Th>
                  <Table.Th scope="col">{t('invitations.list.role')}</Table.Th>
                  <Table.Th scope="col">{t('invitations.list.status')}</Table.Th>
                  <Table.Th scope="col">{t('invitations.list.expiresAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {invitations.data.map((invitation) => {
                  const status = invitationStatus(invitation);
                  return (
                    <Table.Tr key={invitation.id}>
                      <Table.Td>
                        <span dir="ltr">{invitation.email}</span>
                      </Table.Td>
                      <Table.Td>{t(`invitations.roles.${invitation.role}`)}</Table.Td>
                      <Table.Td>
                        <Group gap={6}>
                          <Badge color={STATUS_COLORS[status]} variant="light">
                            {t(`invitations.list.statuses.${status}`)}
                          </Badge>
                          {invitation.addedToExistingAccount ? (
                            <Badge color="gray" variant="outline">
                              {t('invitations.list.statuses.addedToExisting')}
                            </Badge>
                          ) : null}
                        </Group>
                      </Table.Td>
                      <Table.Td>{formatDateTime(invitation.expiresAt, locale)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </Stack>
    </Card>
  );
}
