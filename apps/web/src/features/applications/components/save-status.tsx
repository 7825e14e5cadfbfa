import { Group, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatClockTime } from '../../calls/deadline';
import { useLocale } from '../../locale/use-locale';
import type { SaveStatus } from '../autosave';
import { CheckIcon, CloudOffIcon } from './small-icons';

/** "Enregistrement…", "Enregistré à 14:02", "Hors ligne, nouvel essai bientôt": announced politely. */
export function SaveStatusIndicator({ status, invalidCount }: { status: SaveStatus; invalidCount: number }) {
  const { t } = useTranslation('applications');
  const { locale } = useLocale();

  let content: React.ReactNode = null;
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
      content = (
        <Group gap={6} wrap="nowrap" c="green.8">
          <CheckIcon />
          <Text size="sm">{t('autosave.saved', { time: formatClockTime(status.at, locale) })}</Text>
        </Group>
      );
      break;
    case 'offline':
      content = (
        <Group gap={6} wrap="nowrap" c="orange.9">
          <CloudOffIcon />
          <Text size="sm">{t('autosave.offline')}</Text>
        </Group>
      );
      break;
    case 'conflict':
      content = <Text size="sm" c="red.8">{t('autosave.conflict')}</Text>;
      break;
    case 'failed':
      content = <Text size="sm" c="red.8">{t('autosave.failed', { message: status.error.message })}</Text>;
      break;
  }

  return (
    <div role="status" aria-live="polite" className="save-status">
      {content}
      {invalidCount > 0 && status.kind !== 'conflict' ? (
        <Text size="xs" c="orange.9">
          {t('autosave.invalid', { count: invalidCount })}
        </Text>
      ) : null}
    </div>
  );
}
