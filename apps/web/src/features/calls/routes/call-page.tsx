import type { TLocalizedText } from '@tahkim/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { ApiError } from '../../../lib/api';
import { usePageTitle } from '../../../lib/use-page-title';
import { NotFoundPage } from '../../system/routes/not-found-page';
import { useLocale } from '../../locale/use-locale';
import { localized, localizedLang } from '../call-text';
import { callPhase } from '../deadline';
import { ApplyButton } from '../components/apply-button';
import { CallDateTime } from '../components/call-dates';
import { CallMarkdown } from '../components/call-markdown';
import { Countdown } from '../components/countdown';
import { FormOutline } from '../components/form-outline';
import '../calls.css';
import { callKeys, callQuery } from '../queries';
import { useInitialNow } from '../../../lib/hydration-clock';
import { CallPhaseBadge } from '../components/call-phase-badge';

/** One of the call's texts under its heading; nothing at all when the call has no such text. */
function CallTextSection({ id, heading, text }: { id: string; heading: string; text: TLocalizedText }) {
  const { locale } = useLocale();
  const shown = localized(text, locale);
  if (!shown.trim()) return null;
  return (
    <section className="stack" style={{ gap: 'var(--mantine-spacing-xs)' }} aria-labelledby={id}>
      <h2 className="heading heading-xl" id={id}>
        {heading}
      </h2>
      <CallMarkdown lang={localizedLang(text, locale)}>{shown}</CallMarkdown>
    </section>
  );
}

/**
 * A call, in the visitor's language: its texts, eligibility, what the form will ask, dates, a live
 * countdown and "Apply".
 */
export function CallPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation('calls');
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const call = useQuery(callQuery(slug));
  const loadedAt = useInitialNow();
  usePageTitle(call.data ? localized(call.data.title, locale) : t('list.title'));

  // When the deadline passes on screen, ask the API (the authority on time) whether it still accepts.
  const onDeadline = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: callKeys.detail(slug) });
  }, [queryClient, slug]);

  if (call.isPending) return <PageLoader />;
  if (call.isError) {
    if (call.error instanceof ApiError && call.error.status === 404) return <NotFoundPage />;
    return (
      <div className="container page-block">
        <LoadError error={call.error} onRetry={() => void call.refetch()} />
      </div>
    );
  }

  const data = call.data;
  const phase = callPhase(data, loadedAt);
  const open = phase === 'open';
  const upcoming = phase === 'upcoming';

  return (
    <div className="container page-block">
      <div className="stack" style={{ gap: 'var(--mantine-spacing-lg)' }}>
        <Link to="/calls" className="link text-sm">
          {t('page.backToList')}
        </Link>
        <div className="stack" style={{ gap: 'var(--mantine-spacing-xs)' }}>
          <div className="cluster">
            <CallPhaseBadge phase={phase} />
          </div>
          <h1 className="heading call-card-title" lang={localizedLang(data.title, locale)}>
            {localized(data.title, locale)}
          </h1>
          <p className="text text-lg" lang={localizedLang(data.summary, locale)}>
            {localized(data.summary, locale)}
          </p>
        </div>
        <div className="call-layout">
          <aside className="card stack call-layout-side" aria-labelledby="call-dates-heading">
            <h2 className="heading heading-lg" id="call-dates-heading">
              {t('page.datesHeading')}
            </h2>
            <p className="text text-sm">
              <span className="text-strong">{t('page.opensAt')}</span> <CallDateTime iso={data.opensAt} local={data.opensAtLocal} />
            </p>
            <p className="text text-sm">
              <span className="text-strong">{t('page.closesAt')}</span> <CallDateTime iso={data.closesAt} local={data.closesAtLocal} />
            </p>
            {open ? <Countdown deadline={data.closesAt} onOver={onDeadline} /> : null}
            {upcoming ? <div className="alert">{t('page.notYetOpen')}</div> : null}
            {!open && !upcoming ? (
              <div className="alert" data-color="gray">
                {t('page.closedNotice')}
              </div>
            ) : null}
            {data.resultsPublished ? (
              <p className="text text-sm">
                {t('results.linkNotice')}{' '}
                <Link to={`/calls/${encodeURIComponent(data.slug)}/results`} className="link text-strong">
                  {t('results.link')}
                </Link>
              </p>
            ) : null}
            <ApplyButton call={data} />
          </aside>
          <div className="stack call-layout-main" style={{ gap: 'var(--mantine-spacing-lg)' }}>
            <CallTextSection id="call-description-heading" heading={t('page.descriptionHeading')} text={data.description} />
            <CallTextSection id="call-eligibility-heading" heading={t('page.eligibilityHeading')} text={data.eligibility} />
            {open || upcoming ? <FormOutline callId={data.id} /> : null}
          </div>
        </div>
      </div>
    </div>
  );
}
