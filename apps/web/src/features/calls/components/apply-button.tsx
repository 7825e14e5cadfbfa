import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import type { TCallPublic } from '@tahkim/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../../lib/api';
import { loginPathFor } from '../../auth/access';
import { meQuery } from '../../auth/queries';
import { useCreateApplicationMutation } from '../../applications/mutations';
import { myApplicationsQuery } from '../../applications/queries';

/**
 * "Apply": an anonymous visitor signs up or signs in and comes back here; a signed-in applicant
 * resumes their draft for this call, or starts one.
 */
export function ApplyButton({ call }: { call: TCallPublic }) {
  const { t } = useTranslation('calls');
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useQuery(meQuery());
  const create = useCreateApplicationMutation();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  if (!call.acceptingApplications) return null;

  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const registerPath = `/register?${new URLSearchParams({ next }).toString()}`;
    return (
      <Stack gap="xs">
        <Button component={Link} to={registerPath} size="md" fullWidth className="wrap-button">
          {t('apply.signUp')}
        </Button>
        <Text size="sm">
          {t('apply.haveAccount')}{' '}
          <Anchor component={Link} to={loginPathFor(location)}>
            {t('apply.signIn')}
          </Anchor>
        </Text>
      </Stack>
    );
  }

  const onApply = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const mine = await queryClient.fetchQuery(myApplicationsQuery());
      const draft = mine.items.find((application) => application.callId === call.id && application.status === 'DRAFT');
      const application = draft ?? (await create.mutateAsync(call.id));
      await navigate(`/portal/applications/${application.id}`);
    } catch (cause) {
      setError(cause instanceof ApiError ? cause : null);
      setBusy(false);
    }
  };

  return (
    <Stack gap="xs">
      <Button size="md" onClick={() => void onApply()} loading={busy} fullWidth className="wrap-button">
        {t('apply.start')}
      </Button>
      {error ? (
        <Alert color="red" variant="light" role="alert">
          <Stack gap={4}>
            <span>{error.code === 'CONFLICT' ? t('apply.limitReached', { max: call.maxApplicationsPerApplicant }) : error.message}</span>
            <Anchor component={Link} to="/portal">
              {t('apply.myApplications')}
            </Anchor>
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}
