import { Alert, Button, Checkbox, Group, Menu, Modal, Progress, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoader } from '../../../components/page-state';
import { ScrollTable } from '../../../components/scroll-table';
import { useLocale } from '../../locale/use-locale';
import { formatPercent } from '../criteria-form';
import { useReopenScorecardMutation, useSendRemindersMutation } from '../mutations';
import { roundAssignmentsQuery, roundProgressQuery } from '../queries';
import { applicationLabel } from './assignment-matrix';

type Reopening = { assignmentId: string; juror: string; application: string };

function ReopenModal({ roundId, target, onClose }: { roundId: string; target: Reopening | null; onClose: () => void }) {
  const { t } = useTranslation('rounds');
  const reopen = useReopenScorecardMutation(roundId);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal opened={target !== null} onClose={onClose} title={t('progress.reopenTitle')} centered>
      {target ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim().length < 3) {
              setError(t('progress.reopenReasonShort'));
              return;
            }
            reopen.mutate(
              { assignmentId: target.assignmentId, reason: reason.trim() },
              {
                onSuccess: () => {
                  notifications.show({ color: 'tahkim', message: t('progress.reopened') });
                  setReason('');
                  onClose();
                },
                onError: (failure) => setError(failure.message),
              },
            );
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{t('progress.reopenBody', { juror: target.juror, application: target.application })}</Text>
            <Textarea label={t('progress.reopenReason')} value={reason} onChange={(event) => setReason(event.currentTarget.value)} error={error} autosize minRows={2} maxLength={1000} data-autofocus />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('actions.cancel')}
              </Button>
              <Button type="submit" color="orange" loading={reopen.isPending}>
                {t('progress.reopen')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  );
}

/** Where the round stands: overall, per juror (with a chart and reminders), per application. */
export function ProgressPanel({ roundId }: { roundId: string }) {
  const { t } = useTranslation('rounds');
  const { locale } = useLocale();
  const progress = useQuery(roundProgressQuery(roundId));
  const assignments = useQuery(roundAssignmentsQuery(roundId));
  const remind = useSendRemindersMutation(roundId);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [reopening, setReopening] = useState<Reopening | null>(null);

  const submittedByApplication = useMemo(() => {
    const jurorNames = new Map((assignments.data?.jurors ?? []).map((juror) => [juror.id, juror.displayName]));
    const map = new Map<string, Array<{ assignmentId: string; juror: string }>>();
    for (const assignment of assignments.data?.assignments ?? []) {
      if (assignment.scorecardStatus !== 'SUBMITTED') continue;
      const list = map.get(assignment.applicationId) ?? [];
      list.push({ assignmentId: assignment.id, juror: jurorNames.get(assignment.jurorId) ?? '' });
      map.set(assignment.applicationId, list);
    }
    return map;
  }, [assignments.data]);

  if (progress.isPending) return <PageLoader />;
  if (progress.isError) return <LoadError error={progress.error} onRetry={() => void progress.refetch()} />;
  const { overall, jurors, applications } = progress.data;
  const unfinished = jurors.filter((juror) => juror.submitted < juror.assigned);

  const sendReminders = (jurorIds?: string[]) =>
    remind.mutate(jurorIds, {
      onSuccess: ({ sent }) => notifications.show({ color: 'tahkim', message: t('progress.remindersSent', { count: sent }) }),
      onError: (error) => notifications.show({ color: 'red', message: error.message }),
    });

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Group justify="space-between">
          <Text fw={600}>{t('progress.overall', { submitted: overall.submitted, required: overall.required })}</Text>
          <Text fw={700} size="lg">
            {formatPercent(overall.percent, locale)}
          </Text>
        </Group>
        <Progress value={overall.percent} size="lg" aria-label={t('progress.overallLabel')} />
      </Stack>

      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            {t('progress.jurorsTitle')}
          </Title>
          <Menu position="bottom-end">
            <Menu.Target>
              <Button loading={remind.isPending} disabled={unfinished.length === 0}>
                {t('progress.remind')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => sendReminders(undefined)}>{t('progress.remindAll', { count: unfinished.length })}</Menu.Item>
              <Menu.Item disabled={chosen.size === 0} onClick={() => sendReminders([...chosen])}>
                {t('progress.remindChosen', { count: chosen.size })}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
        {jurors.length === 0 ? (
          <Text c="dimmed">{t('jurors.empty')}</Text>
        ) : (
          <ScrollTable label={t('progress.jurorsTitle')} minWidth={560}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">
                    <span className="visually-hidden">{t('progress.choose')}</span>
                  </Table.Th>
                  <Table.Th scope="col">{t('jurors.columns.juror')}</Table.Th>
                  <Table.Th scope="col">{t('progress.chart')}</Table.Th>
                  <Table.Th scope="col">{t('jurors.columns.assigned')}</Table.Th>
                  <Table.Th scope="col">{t('jurors.columns.draft')}</Table.Th>
                  <Table.Th scope="col">{t('jurors.columns.submitted')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {jurors.map((juror) => {
                  const total = Math.max(juror.assigned, 1);
                  return (
                    <Table.Tr key={juror.jurorId}>
                      <Table.Td>
                        <Checkbox
                          aria-label={t('progress.chooseJuror', { name: juror.displayName })}
                          checked={chosen.has(juror.jurorId)}
                          onChange={(event) => {
                            const next = new Set(chosen);
                            if (event.currentTarget.checked) next.add(juror.jurorId);
                            else next.delete(juror.jurorId);
                            setChosen(next);
                          }}
                        />
                      </Table.Td>
                      <Table.Td><bdi>{juror.displayName}</bdi></Table.Td>
                      <Table.Td miw={160}>
                        {/* One picture, named with its figures: its two coloured parts are not progress bars of their own. */}
                        <Progress.Root size="lg" role="img" aria-label={t('progress.jurorBar', { name: juror.displayName, submitted: juror.submitted, draft: juror.draft, assigned: juror.assigned })}>
                          <Progress.Section value={(100 * juror.submitted) / total} color="tahkim" aria-hidden />
                          <Progress.Section value={(100 * juror.draft) / total} color="yellow" aria-hidden />
                        </Progress.Root>
                      </Table.Td>
                      <Table.Td>{juror.assigned}</Table.Td>
                      <Table.Td>{juror.draft}</Table.Td>
                      <Table.Td>{juror.submitted}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
        <Text size="xs" c="dimmed">
          {t('progress.chartLegend')}
        </Text>
      </Stack>

      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('progress.applicationsTitle')}
        </Title>
        {assignments.isError ? <Alert color="orange">{t('progress.reopenUnavailable')}</Alert> : null}
        <ScrollTable label={t('progress.applicationsTitle')} minWidth={520} cards>
          <Table striped verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('assignment.application')}</Table.Th>
                <Table.Th scope="col">{t('progress.scorecards')}</Table.Th>
                <Table.Th scope="col">{t('progress.submittedBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {applications.map((application) => {
                const label = applicationLabel(application, t('assignment.unnumbered'));
                return (
                  <Table.Tr key={application.applicationId}>
                    <Table.Td dir="auto">{label}</Table.Td>
                    <Table.Td c={application.submitted < application.required ? 'orange' : undefined} data-label={t('progress.scorecards')}>
                      {t('progress.scorecardsOf', { submitted: application.submitted, required: application.required })}
                    </Table.Td>
                    <Table.Td data-label={t('progress.submittedBy')}>
                      <Group gap={4}>
                        {(submittedByApplication.get(application.applicationId) ?? []).map((card) => (
                          <Button
                            key={card.assignmentId}
                            size="compact-xs"
                            variant="default"
                            onClick={() => setReopening({ ...card, application: label })}
                            aria-label={t('progress.reopenFor', { juror: card.juror, application: label })}
                          >
                            {card.juror}
                          </Button>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </ScrollTable>
        <Text size="xs" c="dimmed">
          {t('progress.reopenHint')}
        </Text>
      </Stack>
      <ReopenModal roundId={roundId} target={reopening} onClose={() => setReopening(null)} />
    </Stack>
  );
}
