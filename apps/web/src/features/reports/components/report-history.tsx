import { Stack, Text, Title } from '@mantine/core';
import type { TProgressReport } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { UserText } from '../../../components/user-text';
import { formatCallDateTime } from '../../calls/deadline';
import { useLocale } from '../../locale/use-locale';

/** Every step of the report so far, oldest first: sent, changes asked (with staff's comment), accepted. */
export function ReportHistory({ history }: { history: TProgressReport['history'] }) {
  const { t } = useTranslation('reports');
  const { locale } = useLocale();
  if (history.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="report-history-title" data-testid="report-history">
      <Title order={2} size="h3" id="report-history-title">
        {t('history.title')}
      </Title>
      <ol className="plain-list report-history">
        {history.map((entry, index) => (
          <li key={index} className="report-history-entry" data-action={entry.action}>
            <Text fw={600}>{t(`history.${entry.action}`)}</Text>
            <Text size="sm" c="dimmed">
              <time dateTime={entry.at}>{formatCallDateTime(entry.at, locale)}</time>
            </Text>
            {entry.comment ? (
              <UserText size="sm" mt={4}>
                {entry.comment}
              </UserText>
            ) : null}
          </li>
        ))}
      </ol>
    </Stack>
  );
}
