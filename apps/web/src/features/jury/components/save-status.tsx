import { Button, Group, Loader, Text } from '@mantine/core';
import type { TScorecard } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { formatClockTime } from '../../calls/deadline';
import { useLocale } from '../../locale/use-locale';
import type { ScorecardSaveStatus } from '../scorecard-autosave';

/** "Brouillon enregistré à 14:02", "Hors ligne…", or a choice after a conflict: announced politely. */
export function ScorecardSaveStatus({
  status,
  onKeepMine,
  onTakeSaved,
}: {
  status: ScorecardSaveStatus;
  onKeepMine: (current: TScorecard) => void;
  onTakeSaved: (current: TScorecard) => void;
}) {
  const { t } = useTranslation('jury');
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
    case 'offline':
      content = <Text size="sm" c="orange.9">{t('autosave.offline')}</Text>;
      break;
    case 'locked':
      content = <Text size="sm" c="red.8">{t('autosave.locked')}</Text>;
      break;
    case 'failed':
      content = <Text size="sm" c="red.8">{t('autosave.failed', { message: status.error.message })}</Text>;
      break;
    case 'conflict':
      content = (
        <Group gap="xs">
          <Text size="sm" c="red.8">
            {t('autosave.conflict')}
          </Text>
          <Button size="compact-sm" onClick={() => onKeepMine(status.current)}>
            {t('autosave.keepMine')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => onTakeSaved(status.current)}>
            {t('autosave.takeSaved')}
          </Button>
        </Group>
      );
      break;
  }

  return (
    <div role="status" aria-live="polite" className="save-status">
      {content}
    </div>
  );
}
