import { useTranslation } from 'react-i18next';
import { SaveStatus } from '../../../components/save-status';
import type { BallotSaveStatus } from '../ballot-autosave';

/** "Brouillon enregistré à 14:02", "Enregistrement…", "Erreur, nouvel essai…". */
export function BallotSaveStatusLine({ status }: { status: BallotSaveStatus }) {
  const { t } = useTranslation('ballot');
  return (
    <SaveStatus
      status={status}
      t={t}
      looks={{ retrying: { tone: 'warning' }, reloaded: { tone: 'warning', strong: true }, locked: { tone: 'danger' } }}
      className="ballot-save-status"
    />
  );
}
