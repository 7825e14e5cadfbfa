import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { ApiError } from '../../../lib/api';
import { usePageTitle } from '../../../lib/use-page-title';
import { localized } from '../../calls/call-text';
import { callFormQuery } from '../../calls/queries';
import { useLocale } from '../../locale/use-locale';
import { NotFoundPage } from '../../system/routes/not-found-page';
import '../applications.css';
import { ApplicationForm } from '../components/application-form';
import { ApplicationHeading } from '../components/application-heading';
import { withMantine } from '../../../app/with-mantine';
import { applicationQuery } from '../queries';

// A submitted application (its answers, its outcome, withdrawing) is built with Mantine: it loads when
// shown, so the form, which most visits open, downloads no component library.
const ApplicationView = withMantine(() => import('../components/application-view').then((module) => module.ApplicationView));
const ApplicationOutcome = withMantine(() => import('../../decisions/components/application-outcome').then((module) => module.ApplicationOutcome));
const PublicProfileSection = withMantine(() => import('../components/public-profile-card').then((module) => module.PublicProfileSection));
const ProgressReportsSection = withMantine(() => import('../../reports/components/progress-reports-card').then((module) => module.ProgressReportsSection));

/** An application of the signed-in applicant: the form while it is a draft, read-only once submitted. */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('applications');
  const { locale } = useLocale();
  const application = useQuery(applicationQuery(id));
  const form = useQuery({ ...callFormQuery(application.data?.callId ?? ''), enabled: Boolean(application.data) });
  usePageTitle(application.data ? localized(application.data.call.title, locale) : t('form.title'));

  const failed = application.error ?? form.error;
  const editable = application.data?.status === 'DRAFT' && application.data.call.acceptingApplications;
  let content;
  if (failed instanceof ApiError && failed.status === 404) return <NotFoundPage />;
  if (failed) content = <LoadError error={failed} onRetry={() => void (application.isError ? application.refetch() : form.refetch())} />;
  else if (!application.data || !form.data) content = <PageLoader />;
  else if (editable) content = <ApplicationForm key={application.data.id} application={application.data} form={form.data.definition} />;
  else content = <ApplicationView application={application.data} form={form.data.definition} />;
  // A draft's heading shows with the application, its form following (the same heading stays put).
  if (application.data && editable) {
    content = (
      <div className="stack gap-lg">
        <ApplicationHeading application={application.data} />
        {content}
      </div>
    );
  }

  return (
    <div className="container container-md page-block">
      <div className="stack">
        <Link to="/portal" className="link text-sm link-start">
          {t('form.backToList')}
        </Link>
        {application.data && application.data.status !== 'DRAFT' ? <ApplicationOutcome applicationId={application.data.id} /> : null}
        {/* A winner is asked about their public presentation (the status is WINNER once the decision is published). */}
        {application.data?.status === 'WINNER' ? <PublicProfileSection applicationId={application.data.id} /> : null}
        {/* Then where their support programme stands: milestones and progress reports. */}
        {application.data?.status === 'WINNER' ? <ProgressReportsSection applicationId={application.data.id} /> : null}
        {content}
      </div>
    </div>
  );
}
