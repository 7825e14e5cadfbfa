import { useQuery } from '@tanstack/react-query';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BuildingIcon, FolderIcon, ScaleIcon } from '../../../components/icons';
import { LoadError, PageLoader } from '../../../components/page-state';
import { usePageTitle } from '../../../lib/use-page-title';
import { homePathFor } from '../../auth/access';
import { meQuery } from '../../auth/queries';
import { callsQuery } from '../../calls/queries';
import { OpenCalls, openCalls } from '../components/open-calls';

function AudienceCard({ icon, title, body }: { icon: ReactNode; title: string; body: string }) {
  return (
    <article className="card stack" style={{ gap: 'var(--mantine-spacing-sm)' }}>
      <span className="icon-tile" aria-hidden="true">
        {icon}
      </span>
      <h3 className="heading heading-lg">{title}</h3>
      <p className="text">{body}</p>
    </article>
  );
}

export function HomePage() {
  const { t } = useTranslation(['public', 'common']);
  const { data: user } = useQuery(meQuery());
  const calls = useQuery(callsQuery());
  usePageTitle(t('home.title'));
  const anyOpen = calls.isSuccess && openCalls(calls.data).length > 0;
  const secondary = anyOpen ? 'default' : undefined;

  return (
    <>
      <section className="hero" aria-labelledby="home-heading">
        <div className="container hero-block">
          <div className="stack" style={{ gap: 'var(--mantine-spacing-lg)', maxInlineSize: 760 }}>
            <p className="text text-sm eyebrow" style={{ fontWeight: 700, color: 'var(--mantine-color-tahkim-8)', textTransform: 'uppercase' }}>
              {t('common:app.tagline')}
            </p>
            <h1 id="home-heading" className="heading hero-title">
              {t('home.heroTitle')}
            </h1>
            <p className="text hero-body">{t('home.heroBody')}</p>
            <div className="cluster" style={{ '--cluster-gap': 'var(--mantine-spacing-sm)' } as CSSProperties}>
              {anyOpen ? (
                <a href="#open-calls-heading" className="btn" data-size="md">
                  {t('home.ctaOpenCalls')}
                </a>
              ) : null}
              {user ? (
                <Link to={homePathFor(user.roles)} className="btn" data-size="md" data-variant={secondary}>
                  {t('home.ctaMySpace')}
                </Link>
              ) : (
                <>
                  <Link to="/register" className="btn" data-size="md" data-variant={secondary}>
                    {t('home.ctaRegister')}
                  </Link>
                  <Link to="/login" className="btn" data-size="md" data-variant="default">
                    {t('home.ctaLogin')}
                  </Link>
                </>
              )}
            </div>
          </div>
        </div>
      </section>
      <section className="container page-block-xl" aria-labelledby="open-calls-heading">
        <div className="stack">
          <div className="stack" style={{ gap: 4 }}>
            <h2 id="open-calls-heading" className="heading" tabIndex={-1}>
              {t('home.openCallsHeading')}
            </h2>
            <p className="text">{t('home.openCallsIntro')}</p>
          </div>
          {calls.isPending ? <PageLoader /> : null}
          {calls.isError ? <LoadError error={calls.error} onRetry={() => void calls.refetch()} /> : null}
          {calls.isSuccess ? <OpenCalls calls={calls.data} /> : null}
        </div>
      </section>
      <section className="container page-block-xl" aria-labelledby="audiences-heading">
        <h2 id="audiences-heading" className="heading" style={{ marginBlockEnd: 'var(--mantine-spacing-lg)' }}>
          {t('home.audiencesHeading')}
        </h2>
        <div className="grid-3">
          <AudienceCard icon={<BuildingIcon size={24} />} title={t('home.foundations.title')} body={t('home.foundations.body')} />
          <AudienceCard icon={<FolderIcon size={24} />} title={t('home.applicants.title')} body={t('home.applicants.body')} />
          <AudienceCard icon={<ScaleIcon size={24} />} title={t('home.jurors.title')} body={t('home.jurors.body')} />
        </div>
      </section>
    </>
  );
}
