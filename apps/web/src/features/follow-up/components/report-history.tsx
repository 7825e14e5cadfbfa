import { Stack, Text } from '@mantine/core';
import type { TProgressReport } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { UserText } from '../../../components/user-text';
import { formatDateTime } from '../../../lib/format';
import { useLocale } from '../../locale/use-locale';

/** Every step of the report so far, oldest first, with staff's comments. */
export function ReportHistory({ history }: { history: TProgressReport['history'] }) {
  const { t } = useTranslation('followUp');
  const { locale } = useLocale();
  if (history.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('review.historyEmpty')}
      </Text>
    );
  }
  return (
    <Stack gap="xs" component="ol" className="plain-list" data-testid="report-history">
      {history.map((step, index) => (
        <Stack key={index} gap={2} component="li">
          <Text size="sm">
            <Text component="span" fw={600} size="sm">
              {t(`history.${step.action}`)}
            </Text>{' '}
            · <time dateTime={step.at}>{formatDateTime(step.at, locale)}</time>
          </Text>
          {step.comment ? (
            <UserText size="sm" c="dimmed">
              {step.comment}
            </UserText>
          ) : null}
        </Stack>
      ))}
    </Stack>
  );
}
