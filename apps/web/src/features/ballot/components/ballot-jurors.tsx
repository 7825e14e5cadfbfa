import { Badge, Button, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TBallotJuror, TBallotProgress, TBallotResult } from '@tahkim/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { formatCallDateTime } from '../../calls/deadline';
import { useLocale } from '../../locale/use-locale';
import { useReopenBallotMutation } from '../mutations';
import { ScrollTable } from '../../../components/scroll-table';

const STATUS_COLORS: Record<TBallotProgress, string> = { TO_DO: 'gray', DRAFT: 'yellow', SUBMITTED: 'green' };

export function BallotStatusBadge({ status }: { status: TBallotProgress }) {
  const { t } = useTranslation('ballot');
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {t(`status.${status}`)}
    </Badge>
  );
}

/** Each juror's ballot: status, date, their order on demand, and reopening a submitted one (with a reason). */
export function BallotJurors({ result }: { result: TBallotResult }) {
  const { t } = useTranslation('ballot');
  const { locale } = useLocale();
  const [reopening, setReopening] = useState<TBallotJuror | null>(null);
  const [expanded, setExpanded] = useState<string | null>(null);
  const reference = new Map(result.candidates.map((c) => [c.applicationId, c.reference ?? c.applicationId.slice(-8)]));
  if (result.jurors.length === 0) return <Text c="dimmed">{t('staff.noJurors')}</Text>;
  return (
    <>
      <ScrollTable label={t('staff.jurorsTable')} minWidth={480} cards>
        <Table verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('staff.juror')}</Table.Th>
              <Table.Th>{t('staff.status')}</Table.Th>
              <Table.Th>{t('staff.submittedAt')}</Table.Th>
              <Table.Th>{t('staff.order')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.jurors.map((juror) => (
              <Table.Tr key={juror.jurorId}>
                <Table.Td>
                  <Text fw={600}>
                    <bdi>{juror.displayName}</bdi>
                  </Text>
                  {juror.conflicts.length > 0 ? (
                    <Text size="xs" c="orange">
                      {t('staff.conflicts', { list: juror.conflicts.map((id) => reference.get(id)).join(', ') })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }} data-label={t('staff.status')}>
                  <BallotStatusBadge status={juror.status} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }} data-label={t('staff.submittedAt')}>{juror.submittedAt ? formatCallDateTime(juror.submittedAt, locale) : '—'}</Table.Td>
                <Table.Td>
                  <Stack gap={6} align="flex-start">
                    {juror.order.length > 0 ? (
                      expanded === juror.jurorId ? (
                        <ol className="ballot-juror-order">
                          {juror.order.map((id) => (
                            <li key={id}>{reference.get(id)}</li>
                          ))}
                        </ol>
                      ) : (
                        <Button size="compact-sm" variant="subtle" onClick={() => setExpanded(juror.jurorId)}>
                          {t('staff.showOrder')}
                        </Button>
                      )
                    ) : null}
                    {juror.status === 'SUBMITTED' ? (
                      <Button size="compact-sm" variant="default" aria-label={t('staff.reopenFor', { name: juror.displayName })} onClick={() => setReopening(juror)}>
                        {t('staff.reopen')}
                      </Button>
                    ) : null}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Modal opened={reopening !== null} onClose={() => setReopening(null)} title={reopening ? t('staff.reopenTitle', { name: reopening.displayName }) : ''} centered>
        {reopening ? <ReopenForm roundId={result.round.id} juror={reopening} onDone={() => setReopening(null)} /> : null}
      </Modal>
    </>
  );
}

function ReopenForm({ roundId, juror, onDone }: { roundId: string; juror: TBallotJuror; onDone: () => void }) {
  const { t } = useTranslation('ballot');
  const [reason, setReason] = useState('');
  const reopen = useReopenBallotMutation(roundId);
  const error = reopen.error instanceof ApiError ? (reopen.error.issues[0]?.message ?? reopen.error.message) : null;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        reopen.mutate(
          { jurorId: juror.jurorId, reason },
          {
            onSuccess: () => {
              notifications.show({ color: 'tahkim', message: t('staff.reopened', { name: juror.displayName }) });
              onDone();
            },
          },
        );
      }}
    >
      <Stack gap="md">
        <Textarea label={t('staff.reopenReason')} value={reason} onChange={(event) => setReason(event.currentTarget.value)} required minLength={3} maxLength={1000} autosize minRows={2} error={error} data-autofocus />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('submit.cancel')}
          </Button>
          <Button type="submit" color="orange" loading={reopen.isPending} disabled={reason.trim().length < 3}>
            {t('staff.reopenConfirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
