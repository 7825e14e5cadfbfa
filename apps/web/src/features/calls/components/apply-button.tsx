import type { TCallPublic } from '@tahkim/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../../lib/api';
import { useHydrated } from '../../../lib/use-hydrated';
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
  const hydrated = useHydrated();

  if (!call.acceptingApplications) return null;

  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const registerPath = `/register?${new URLSearchParams({ next }).toString()}`;
    return (
      <div className="stack" style={{ gap: 'var(--mantine-spacing-xs)' }}>
        <Link to={registerPath} className="btn wrap-button" data-size="md" data-full>
          {t('apply.signUp')}
        </Link>
        <p className="text text-sm">
          {t('apply.haveAccount')}{' '}
          <Link to={loginPathFor(location)} className="link">
            {t('apply.signIn')}
          </Link>
        </p>
      </div>
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
    <div className="stack" style={{ gap: 'var(--mantine-spacing-xs)' }}>
      <button type="button" className="btn wrap-button" data-size="md" data-full onClick={() => void onApply()} disabled={busy || !hydrated} aria-busy={busy}>
        {t('apply.start')}
      </button>
      {error ? (
        <div className="alert" data-color="red" role="alert">
          <div className="stack" style={{ gap: 4 }}>
            <span>{error.code === 'CONFLICT' ? t('apply.limitReached', { max: call.maxApplicationsPerApplicant }) : error.message}</span>
            <Link to="/portal" className="link">
              {t('apply.myApplications')}
            </Link>
          </div>
        </div>
      ) : null}
    </div>
  );
}
