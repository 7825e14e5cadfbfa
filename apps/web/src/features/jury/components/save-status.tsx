import { Button } from '@mantine/core';
import type { TScorecard } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { SaveStatus } from '../../../components/save-status';
import type { ScorecardSaveStatus as Status } from '../scorecard-autosave';

/** "Brouillon enregistré à 14:02", "Hors ligne…", or a choice after a conflict. */
export function ScorecardSaveStatus({
  status,
  onKeepMine,
  onTakeSaved,
}: {
  status: Status;
  onKeepMine: (current: TScorecard) => void;
  onTakeSaved: (current: TScorecard) => void;
}) {
  const { t } = useTranslation('jury');
  const choice =
    status.kind === 'conflict' ? (
      <>
        <Button size="compact-sm" onClick={() => onKeepMine(status.current)}>
          {t('autosave.keepMine')}
        </Button>
        <Button size="compact-sm" variant="default" onClick={() => onTakeSaved(status.current)}>
          {t('autosave.takeSaved')}
        </Button>
      </>
    ) : null;
  return <SaveStatus status={status} t={t} looks={{ offline: { tone: 'warning' }, locked: { tone: 'danger' }, conflict: { tone: 'danger', actions: choice } }} />;
}
