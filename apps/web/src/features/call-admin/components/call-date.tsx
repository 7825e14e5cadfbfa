import type { TWallClock } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../locale/use-locale';
import { casablancaOffsetLabel, formatCasablanca, formatCasablancaWallClock } from '../casablanca-time';

/**
 * A date in Casablanca time, with the zone named ("heure du Maroc, UTC+00:00"): the wall-clock time the
 * server computed when given (deadlines), else the instant read with the server's zone table.
 */
export function CallDate({ iso, local, style = 'long' }: { iso: string; local?: TWallClock | null; style?: 'long' | 'short' }) {
  const { t } = useTranslation('callAdmin');
  const { locale } = useLocale();
  const shown = local ? formatCasablancaWallClock(local, locale, style) : { date: formatCasablanca(iso, locale, style), offset: casablancaOffsetLabel(iso) };
  return <time dateTime={iso}>{t('time.withZone', shown)}</time>;
}
