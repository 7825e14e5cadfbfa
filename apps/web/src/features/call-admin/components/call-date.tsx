import { useTranslation } from 'react-i18next';
import { useLocale } from '../../locale/use-locale';
import { casablancaOffsetLabel, formatCasablanca } from '../casablanca-time';

/** A call's date in Casablanca time, with the zone named ("heure du Maroc, UTC+1"). */
export function CallDate({ iso, style = 'long' }: { iso: string; style?: 'long' | 'short' }) {
  const { t } = useTranslation('callAdmin');
  const { locale } = useLocale();
  return (
    <time dateTime={iso}>
      {t('time.withZone', { date: formatCasablanca(iso, locale, style), offset: casablancaOffsetLabel(iso) })}
    </time>
  );
}
