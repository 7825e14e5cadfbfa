import { Accordion, Badge, Group, Stack, Text } from '@mantine/core';
import { isRtl, type TEmailStatus } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { isolate } from '../../../components/user-text';
import { formatDateTime } from '../../../lib/format';
import { useLocale } from '../../locale/use-locale';
import type { EmailMessage } from '../queries';
import { EmailBody } from './email-body';

const STATUS_COLORS: Record<TEmailStatus, string> = { QUEUED: 'blue', SENT: 'tahkim', CAPTURED: 'grape', FAILED: 'red' };

export function EmailListItem({ email }: { email: EmailMessage }) {
  const { t } = useTranslation('admin');
  const { locale } = useLocale();
  // The email is shown in its own language and direction, whatever the interface's.
  const dir = isRtl(email.locale) ? 'rtl' : 'ltr';

  return (
    <Accordion.Item value={email.id}>
      <Accordion.Control>
        <Stack gap={4}>
          <Group gap="xs" wrap="wrap">
            <Badge color={STATUS_COLORS[email.status]} variant="light">
              {t(`emails.statuses.${email.status}`)}
            </Badge>
            <Text fw={600} lang={email.locale} dir={dir}>
              {email.subject}
            </Text>
          </Group>
          <Group gap="md" wrap="wrap">
            <Text size="sm" c="dimmed">
              {t('emails.to', { to: isolate(email.to, 'ltr') })}
            </Text>
            <Text size="sm" c="dimmed">
              {formatDateTime(email.createdAt, locale)}
            </Text>
          </Group>
        </Stack>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="sm">
          <Group gap="lg" wrap="wrap">
            {email.sentAt ? (
              <Text size="sm" c="dimmed">
                {t('emails.sentAt', { date: formatDateTime(email.sentAt, locale) })}
              </Text>
            ) : null}
            <Text size="sm" c="dimmed">
              {t('emails.attempts', { number: email.attempts })}
            </Text>
          </Group>
          {email.lastError ? (
            <Text size="sm" c="red">
              {t('emails.lastError', { error: isolate(email.lastError) })}
            </Text>
          ) : null}
          <div className="email-text" lang={email.locale} dir={dir}>
            <EmailBody segments={email.segments} />
          </div>
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}
