import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../locale/use-locale';
import { formatCallDateTime } from '../deadline';

/** "30 janv. 2027, 23:59 (heure du Maroc)": a call's date, with the zone named. */
export function CallDateTime({ iso }: { iso: string }) {
  const { t } = useTranslation('calls');
  const { locale } = useLocale();
  return (
    <time dateTime={iso}>
      {t('dateInMorocco', { date: formatCallDateTime(iso, locale) })}
    </time>
  );
}

export function CallDeadline({ iso, closed }: { iso: string; closed: boolean }) {
  const { t } = useTranslation('calls');
  return (
    <Text size="sm">
      <Text span fw={600}>
        {closed ? t('closedOn') : t('deadline')}
      </Text>{' '}
      <CallDateTime iso={iso} />
    </Text>
  );
}
