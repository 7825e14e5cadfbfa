import { useTranslation } from 'react-i18next';
import type { CallPhase } from '../deadline';

const COLORS: Record<CallPhase, string> = { open: 'green', upcoming: 'blue', closed: 'gray' };

/** "Open", "Opens soon" or "Closed", coloured. */
export function CallPhaseBadge({ phase }: { phase: CallPhase }) {
  const { t } = useTranslation('calls');
  return (
    <span className="badge" data-color={COLORS[phase]}>
      {t(`badge.${phase}`)}
    </span>
  );
}
