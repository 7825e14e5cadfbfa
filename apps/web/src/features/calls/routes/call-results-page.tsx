import { regionName, type TLocalizedText, type TPublicWinner } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { ApiError } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { usePageTitle } from '../../../lib/use-page-title';
import { useLocale } from '../../locale/use-locale';
import { NotFoundPage } from '../../system/routes/not-found-page';
import { localized, localizedLang } from '../call-text';
import '../calls.css';
import { callResultsQuery } from '../queries';

/** A text of the presentation in the visitor's language (else another one), marked with its own language and direction. */
function Shown({ text, as: Tag, className }: { text: TLocalizedText; as: 'h2' | 'p'; className: string }) {
  const { locale } = useLocale();
  const shown = localized(text, locale);
  if (!shown.trim()) return null;
  return (
    <Tag className={className} lang={localizedLang(text, locale)} dir="auto">
      {shown}
    </Tag>
  );
}

function WinnerCard({ winner }: { winner: TPublicWinner }) {
  const { t } = useTranslation('calls');
  const { locale } = useLocale();
  const region = winner.region ? regionName(winner.region, locale) : null;
  const titleId = `winner-${winner.id}`;
  return (
    <li className="card winner-card" aria-labelledby={titleId} data-testid="winner-card">
      {winner.photoUrl ? <img className="winner-photo" src={winner.photoUrl} alt={t('results.photoAlt', { title: localized(winner.title, locale) })} loading="lazy" /> : null}
      <div className="stack winner-body">
        <h2 className="heading heading-lg winner-title" id={titleId} lang={localizedLang(winner.title, locale)} dir="auto">
          {localized(winner.title, locale)}
        </h2>
        <Shown text={winner.organisation} as="p" className="text text-strong" />
        {region ? (
          <p className="text text-sm winner-region">
            <span className="visually-hidden">{t('results.region')} </span>
            {region}
          </p>
        ) : null}
        <Shown text={winner.summary} as="p" className="text winner-summary" />
      </div>
    </li>
  );
}

/**
 * A call's public results page: the winners the jury chose, each presented in the words they agreed to
 * (staff's, or their own). Only winners who consented are listed; the page exists once staff publish it.
 */
export function CallResultsPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation('calls');
  const { locale } = useLocale();
  const results = useQuery(callResultsQuery(slug));
  const callTitle = results.data ? localized(results.data.call.title, locale) : '';
  usePageTitle(results.data ? t('results.pageTitle', { title: callTitle }) : t('results.heading'));

  if (results.isPending) return <PageLoader />;
  if (results.isError) {
    if (results.error instanceof ApiError && results.error.status === 404) return <NotFoundPage />;
    return (
      <div className="container page-block">
        <LoadError error={results.error} onRetry={() => void results.refetch()} />
      </div>
    );
  }

  const { call, winners } = results.data;
  const announcedOn = call.decidedAt ?? call.resultsPublishedAt;
  return (
    <div className="container page-block">
      <div className="stack" style={{ gap: 'var(--mantine-spacing-lg)' }}>
        <Link to={`/calls/${encodeURIComponent(call.slug)}`} className="link text-sm">
          {t('results.backToCall')}
        </Link>
        <div className="stack" style={{ gap: 'var(--mantine-spacing-xs)' }}>
          <p className="text text-sm text-strong winner-kicker">{t('results.heading')}</p>
          <h1 className="heading call-card-title" lang={localizedLang(call.title, locale)} dir="auto">
            {callTitle}
          </h1>
          <p className="text text-lg">{t('results.intro', { count: winners.length, date: formatDate(announcedOn, locale) })}</p>
        </div>
        {winners.length === 0 ? (
          <div className="alert" data-color="gray">
            {t('results.none')}
          </div>
        ) : (
          <ul className="winner-grid" aria-label={t('results.listLabel')}>
            {winners.map((winner) => (
              <WinnerCard key={winner.id} winner={winner} />
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
