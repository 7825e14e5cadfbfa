import { Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatClockTime } from '../../calls/deadline';
import { useLocale } from '../../locale/use-locale';
import type { BallotSaveStatus } from '../ballot-autosave';

/** "Brouillon enregistré à 14:02", "Enregistrement…", "Erreur, nouvel essai…": announced politely. */
export function BallotSaveStatusLine({ status }: { status: BallotSaveStatus }) {
  const { t } = useTranslation('ballot');
  const { locale } = useLocale();
  let content: React.ReactNode;
  switch (status.kind) {
    case 'idle':
      content = <Text size="sm" c="dimmed">{t('autosave.idle')}</Text>;
      break;
    case 'pending':
      content = <Text size="sm" c="dimmed">{t('autosave.pending')}</Text>;
      break;
    case 'saving':
      content = (
        <Group gap={6} wrap="nowrap">
          <Loader size={14} aria-hidden="true" />
          <Text size="sm">{t('autosave.saving')}</Text>
        </Group>
      );
      break;
    case 'saved':
      content = <Text size="sm" c="green.8">{t('autosave.saved', { time: formatClockTime(status.at, locale) })}</Text>;
      break;
    case 'retrying':
      content = <Text size="sm" c="orange.9">{t('autosave.retrying')}</Text>;
      break;
    case 'reloaded':
      content = <Text size="sm" c="orange.9" fw={600}>{t('autosave.reloaded')}</Text>;
      break;
    case 'locked':
      content = <Text size="sm" c="red.8">{t('autosave.locked')}</Text>;
      break;
    case 'failed':
      content = <Text size="sm" c="red.8">{t('autosave.failed', { message: status.error.message })}</Text>;
      break;
  }
  return (
    <div role="status" aria-live="polite" className="ballot-save-status">
      {content}
    </div>
  );
}
