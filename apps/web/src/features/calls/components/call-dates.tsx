import type { TWallClock } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { casablancaOffsetLabel, wallClockOffsetLabel } from '../../../lib/time-zone';
import { useLocale } from '../../locale/use-locale';
import { formatCallDateTime, formatCallWallClock } from '../deadline';

/**
 * "30 janv. 2027, 23:59 (heure du Maroc, UTC+00:00)": a call's date with the zone named. Deadlines come
 * with the wall-clock time and offset the server computed; other instants use the server's zone table.
 */
export function CallDateTime({ iso, local }: { iso: string; local?: TWallClock | null }) {
  const { t } = useTranslation('calls');
  const { locale } = useLocale();
  const date = local ? formatCallWallClock(local, locale) : formatCallDateTime(iso, locale);
  const offset = local ? wallClockOffsetLabel(local) : casablancaOffsetLabel(iso);
  return <time dateTime={iso}>{t('dateInMorocco', { date, offset })}</time>;
}

export function CallDeadline({ iso, local, closed }: { iso: string; local?: TWallClock | null; closed: boolean }) {
  const { t } = useTranslation('calls');
  return (
    <p className="text text-sm">
      <span className="text-strong">{closed ? t('closedOn') : t('deadline')}</span> <CallDateTime iso={iso} local={local} />
    </p>
  );
}
