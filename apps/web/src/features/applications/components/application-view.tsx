import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { TApplication, TFormDefinition } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { localized } from '../../calls/call-text';
import { CallDateTime } from '../../calls/components/call-dates';
import { useLocale } from '../../locale/use-locale';
import { formValuesFrom } from '../answers';
import { AnswersList } from './answers-list';
import { ApplicationStatusBadge, canWithdraw } from './status-badge';
import { WithdrawButton } from './withdraw-button';

/** A submitted (or closed) application, read-only: answers are frozen once submitted. */
export function ApplicationView({ application, form }: { application: TApplication; form: TFormDefinition }) {
  const { t } = useTranslation('applications');
  const { locale } = useLocale();
  const draftClosed = application.status === 'DRAFT';

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Text size="sm" c="dimmed">
          {t('form.eyebrow')}
        </Text>
        <Title order={1} fz={{ base: 24, sm: 32 }}>
          {localized(application.call.title, locale)}
        </Title>
        <Group gap="sm">
          <ApplicationStatusBadge status={application.status} />
          {application.reference ? (
            <Text size="sm">
              {t('view.reference')}{' '}
              <Text span fw={700} dir="ltr">
                {application.reference}
              </Text>
            </Text>
          ) : null}
        </Group>
        {application.submittedAt ? (
          <Text size="sm">
            {t('view.submittedAt')} <CallDateTime iso={application.submittedAt} />
          </Text>
        ) : null}
      </Stack>
      {draftClosed ? (
        <Alert color="gray" variant="light">
          {t('view.draftClosed')}
        </Alert>
      ) : (
        <Alert color="blue" variant="light">
          {application.status === 'WITHDRAWN' ? t('view.withdrawnNotice') : t('view.frozen')}
        </Alert>
      )}
      <Card withBorder radius="md" padding="md">
        <AnswersList form={form} application={application} answers={formValuesFrom(form, application)} headingLevel={2} />
      </Card>
      {canWithdraw(application.status) ? (
        <Group>
          <WithdrawButton applicationId={application.id} />
        </Group>
      ) : null}
    </Stack>
  );
}
