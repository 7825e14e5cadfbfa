import { Badge, Stack, Text, Tooltip } from '@mantine/core';
import type { TDecisionEmail } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { useLocale } from '../../locale/use-locale';
import { EMAIL_LABEL_COLORS, emailLabel } from '../decision-view';

/** A decision email's delivery status; attempts, dates and the last error in a tooltip (and for screen readers). */
export function EmailStatusBadge({ email }: { email: TDecisionEmail }) {
  const { t } = useTranslation(['decisions', 'common']);
  const { locale } = useLocale();
  const label = emailLabel(email);
  const details = [
    t('email.language', { language: t('common:language.nativeName', { lng: email.locale }) }),
    t('email.attempts', { count: email.attempts }),
    t('email.queuedAt', { date: formatDateTime(email.queuedAt, locale) }),
    email.sentAt ? t('email.sentAt', { date: formatDateTime(email.sentAt, locale) }) : null,
    email.lastError ? t('email.lastError', { error: email.lastError }) : null,
  ].filter((line): line is string => line !== null);

  return (
    <Tooltip
      multiline
      w={280}
      withArrow
      label={
        <Stack gap={2}>
          {details.map((line) => (
            <Text key={line} size="xs" style={{ overflowWrap: 'anywhere' }}>
              {line}
            </Text>
          ))}
        </Stack>
      }
    >
      <Badge color={EMAIL_LABEL_COLORS[label]} variant="light" tabIndex={0} style={{ minInlineSize: 'max-content' }} data-testid="email-status">
        {t(`email.status.${label}`)}
        <span className="visually-hidden">{`: ${details.join(' · ')}`}</span>
      </Badge>
    </Tooltip>
  );
}
