import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { isolate } from '../../../components/user-text';
import { ApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { usePageTitle } from '../../../lib/use-page-title';
import { AuthCard } from '../../auth/components/auth-card';
import { meQuery } from '../../auth/queries';
import { localized } from '../../calls/call-text';
import { CallDateTime } from '../../calls/components/call-dates';
import { useLocale } from '../../locale/use-locale';
import { ExistingAccountAcceptanceForm, NewAccountAcceptanceForm } from '../components/accept-invitation-form';
import { invitationPreviewQuery } from '../queries';

export function AcceptInvitationPage() {
  const { t } = useTranslation(['auth', 'common']);
  usePageTitle(t('invitation.title'));
  const { token = '' } = useParams();
  const { locale } = useLocale();
  const preview = useQuery(invitationPreviewQuery(token));
  const { data: user } = useQuery(meQuery());

  if (preview.isPending) return <PageLoader />;

  if (preview.isError) {
    if (preview.error instanceof ApiError && ['TOKEN_INVALID', 'NOT_FOUND'].includes(preview.error.code)) {
      return (
        <AuthCard heading={t('invitation.invalidTitle')}>
          <Stack gap="md">
            <Alert color="red" variant="light" role="alert">
              {t('invitation.invalidBody')}
            </Alert>
            <Button component={Link} to="/" variant="default">
              {t('common:actions.backHome')}
            </Button>
          </Stack>
        </AuthCard>
      );
    }
    return (
      <AuthCard heading={t('invitation.heading')}>
        <LoadError error={preview.error} onRetry={() => void preview.refetch()} />
      </AuthCard>
    );
  }

  const invitation = preview.data;
  return (
    <AuthCard
      heading={t('invitation.heading')}
      intro={t('invitation.summary', { invitedBy: invitation.invitedBy, role: t(`invitation.roleAs.${invitation.role}`) })}
      footer={
        <Anchor component={Link} to="/" size="sm">
          {t('common:actions.backHome')}
        </Anchor>
      }
    >
      <Stack gap="md">
        {invitation.jury ? (
          <Alert color="tahkim" variant="light" title={t('invitation.juryTitle')}>
            <Stack gap={4}>
              <Text size="sm">
                {t('invitation.jury', { call: isolate(localized(invitation.jury.callTitle, locale)), round: isolate(localized(invitation.jury.roundName, locale)) })}
              </Text>
              {invitation.jury.closesAt ? (
                <Text size="sm">
                  {t('invitation.juryDeadline')} <CallDateTime iso={invitation.jury.closesAt} />
                </Text>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
        <Stack gap={2}>
          <Text size="sm" c="dimmed">
            {t('invitation.invitedEmail')}
          </Text>
          <Text fw={600}>
            <bdi>{invitation.email}</bdi>
          </Text>
          <Text size="sm" c="dimmed">
            {t('invitation.expires', { date: formatDateTime(invitation.expiresAt, locale) })}
          </Text>
        </Stack>
        {user && user.email !== invitation.email ? (
          <Alert color="yellow" variant="light">
            {t('invitation.signedInAsOther', { email: user.email })}
          </Alert>
        ) : null}
        {invitation.hasAccount ? <ExistingAccountAcceptanceForm token={token} /> : <NewAccountAcceptanceForm token={token} />}
      </Stack>
    </AuthCard>
  );
}
