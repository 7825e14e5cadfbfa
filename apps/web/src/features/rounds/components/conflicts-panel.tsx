import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoader } from '../../../components/page-state';
import { ScrollTable } from '../../../components/scroll-table';
import { formatDate } from '../../../lib/format';
import { useLocale } from '../../locale/use-locale';
import { useRecordConflictMutation, useReviewConflictMutation } from '../mutations';
import { roundAssignmentsQuery, roundConflictsQuery, roundJurorsQuery } from '../queries';
import { applicationLabel } from './assignment-matrix';

const STATUS_COLORS = { PENDING: 'orange', CONFIRMED: 'red', DISMISSED: 'gray' } as const;

function RecordConflictForm({ roundId }: { roundId: string }) {
  const { t } = useTranslation('rounds');
  const jurors = useQuery(roundJurorsQuery(roundId));
  const assignments = useQuery(roundAssignmentsQuery(roundId));
  const record = useRecordConflictMutation(roundId);
  const [jurorUserId, setJuror] = useState<string | null>(null);
  const [applicationId, setApplication] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!jurorUserId || !applicationId) {
          setError(t('conflicts.errors.choose'));
          return;
        }
        setError(null);
        record.mutate(
          { jurorUserId, applicationId, reason: reason.trim() || undefined },
          {
            onSuccess: () => {
              setApplication(null);
              setReason('');
              notifications.show({ color: 'tahkim', message: t('conflicts.recorded') });
            },
            onError: (failure) => setError(failure.message),
          },
        );
      }}
    >
      <Stack gap="sm">
        <Title order={2} size="h5">
          {t('conflicts.recordTitle')}
        </Title>
        <Group align="flex-end" wrap="wrap" gap="sm">
          <Select
            label={t('conflicts.juror')}
            data={(jurors.data?.items ?? []).map((juror) => ({ value: juror.userId, label: juror.displayName }))}
            value={jurorUserId}
            onChange={setJuror}
            searchable
            w={220}
          />
          <Select
            label={t('conflicts.application')}
            data={(assignments.data?.applications ?? []).map((application) => ({
              value: application.id,
              label: applicationLabel(application, t('assignment.unnumbered')),
            }))}
            value={applicationId}
            onChange={setApplication}
            searchable
            limit={50}
            w={240}
          />
          <TextInput label={t('conflicts.reason')} value={reason} onChange={(event) => setReason(event.currentTarget.value)} maxLength={1000} w={260} />
          <Button type="submit" loading={record.isPending}>
            {t('conflicts.record')}
          </Button>
        </Group>
        {error ? (
          <Text c="red" size="sm" role="alert">
            {error}
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}

/** Declared, recorded and suggested conflicts of interest; suggestions wait for staff to decide. */
export function ConflictsPanel({ roundId }: { roundId: string }) {
  const { t } = useTranslation('rounds');
  const { locale } = useLocale();
  const conflicts = useQuery(roundConflictsQuery(roundId));
  const review = useReviewConflictMutation(roundId);

  return (
    <Stack gap="lg">
      <Text c="dimmed" maw={720}>
        {t('conflicts.intro')}
      </Text>
      <Card withBorder radius="md" padding="md">
        <RecordConflictForm roundId={roundId} />
      </Card>
      {conflicts.isPending ? (
        <PageLoader />
      ) : conflicts.isError ? (
        <LoadError error={conflicts.error} onRetry={() => void conflicts.refetch()} />
      ) : conflicts.data.items.length === 0 ? (
        <Text c="dimmed">{t('conflicts.empty')}</Text>
      ) : (
        <ScrollTable label={t('conflicts.caption')} minWidth={720} cards>
          <Table striped verticalSpacing="xs">
            <caption className="visually-hidden">{t('conflicts.caption')}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('conflicts.juror')}</Table.Th>
                <Table.Th scope="col">{t('conflicts.application')}</Table.Th>
                <Table.Th scope="col">{t('conflicts.reason')}</Table.Th>
                <Table.Th scope="col">{t('conflicts.source')}</Table.Th>
                <Table.Th scope="col">{t('conflicts.status')}</Table.Th>
                <Table.Th scope="col">{t('conflicts.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {conflicts.data.items.map((conflict) => (
                <Table.Tr key={conflict.id}>
                  <Table.Td>{conflict.jurorName}</Table.Td>
                  <Table.Td data-label={t('conflicts.application')}>{conflict.applicationReference ?? t('assignment.unnumbered')}</Table.Td>
                  <Table.Td data-label={t('conflicts.reason')}>
                    <Text size="sm" dir="auto">
                      {conflict.reason ?? '—'}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatDate(conflict.createdAt, locale)}
                    </Text>
                  </Table.Td>
                  <Table.Td data-label={t('conflicts.source')}>{t(`conflicts.sources.${conflict.source}`)}</Table.Td>
                  <Table.Td data-label={t('conflicts.status')}>
                    <Badge color={STATUS_COLORS[conflict.status]} variant="light">
                      {t(`conflicts.statuses.${conflict.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {conflict.status === 'PENDING' ? (
                      <Group gap="xs" wrap="nowrap">
                        {(['CONFIRMED', 'DISMISSED'] as const).map((status) => (
                          <Button
                            key={status}
                            size="xs"
                            variant={status === 'CONFIRMED' ? 'light' : 'default'}
                            color={status === 'CONFIRMED' ? 'red' : undefined}
                            loading={review.isPending && review.variables?.conflictId === conflict.id && review.variables.status === status}
                            onClick={() =>
                              review.mutate({ conflictId: conflict.id, status }, { onError: (error) => notifications.show({ color: 'red', message: error.message }) })
                            }
                          >
                            {t(status === 'CONFIRMED' ? 'conflicts.confirm' : 'conflicts.dismiss')}
                          </Button>
                        ))}
                      </Group>
                    ) : null}
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
