import { useTranslation } from 'react-i18next';
import { SaveStatus } from '../../../components/save-status';
import type { SaveStatus as AnswersSaveStatus, SavedAnswers } from '../autosave';
import { CheckIcon, CloudOffIcon } from './small-icons';

/** "Enregistrement…", "Enregistré à 14:02", "Hors ligne, nouvel essai bientôt", and answers left to correct. */
export function SaveStatusIndicator<Saved extends SavedAnswers>({ status, invalidCount }: { status: AnswersSaveStatus<Saved>; invalidCount: number }) {
  const { t } = useTranslation('applications');
  return (
    <SaveStatus status={status} t={t} looks={{ saved: { icon: <CheckIcon /> }, offline: { tone: 'warning', icon: <CloudOffIcon /> }, conflict: { tone: 'danger' } }}>
      {invalidCount > 0 && status.kind !== 'conflict' ? (
        <p className="text text-xs text-warning">{t('autosave.invalid', { count: invalidCount })}</p>
      ) : null}
    </SaveStatus>
  );
}
