import { Button, Group } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { DownloadButtons } from '../../../components/download-buttons';
import { followUpApi, type FollowUpExportFormat } from '../follow-up-api';
import { useRunRemindersMutation } from '../mutations';

const FORMATS: readonly FollowUpExportFormat[] = ['csv', 'xlsx'];

/** The dashboard's exports and the reminder pass staff may run at once rather than wait for the nightly one. */
export function FollowUpTools({ callId, slug }: { callId: string; slug: string }) {
  const { t } = useTranslation('followUp');
  const reminders = useRunRemindersMutation(callId);
  const runReminders = () =>
    reminders.mutate(undefined, {
      onSuccess: (run) =>
        notifications.show({
          color: 'tahkim',
          title: t('reminders.doneTitle'),
          message: `${t('reminders.queued', { count: run.queued })} ${t('reminders.alreadySent', { count: run.alreadySent })}`,
        }),
      onError: (error) => notifications.show({ color: 'red', title: t('reminders.failed'), message: error.message }),
    });
  return (
    <Group gap="md" wrap="wrap" align="flex-start">
      <DownloadButtons
        formats={FORMATS}
        target={(format) => ({ path: followUpApi.exportPath(callId), query: { format }, fileName: `${slug}-follow-up.${format}` })}
        label={(format) => t(`export.${format}`)}
        progress={(received) => t('export.progress', { size: Math.round(received / 1024) })}
      />
      <Button variant="light" size="sm" onClick={runReminders} loading={reminders.isPending}>
        {t('reminders.run')}
      </Button>
    </Group>
  );
}
