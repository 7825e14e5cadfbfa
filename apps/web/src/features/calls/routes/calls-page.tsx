import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyNotice } from '../../../components/empty-notice';
import { FolderIcon } from '../../../components/icons';
import { LoadError, PageLoader } from '../../../components/page-state';
import { usePageTitle } from '../../../lib/use-page-title';
import { CallCard } from '../components/call-card';
import '../calls.css';
import { callPhase } from '../deadline';
import { callsQuery } from '../queries';
import { useInitialNow } from '../../../lib/hydration-clock';

/** Public list of calls: those accepting applications (or about to), then the closed ones. */
export function CallsPage() {
  const { t } = useTranslation('calls');
  usePageTitle(t('list.title'));
  const calls = useQuery(callsQuery());

  const loadedAt = useInitialNow();
  const open = (calls.data ?? []).filter((call) => callPhase(call, loadedAt) !== 'closed');
  const closed = (calls.data ?? []).filter((call) => callPhase(call, loadedAt) === 'closed');
  open.sort((a, b) => Date.parse(a.closesAt) - Date.parse(b.closesAt));
  closed.sort((a, b) => Date.parse(b.closesAt) - Date.parse(a.closesAt));

  return (
    <div className="container page-block">
      <div className="stack" style={{ gap: 'var(--mantine-spacing-xl)' }}>
        <div className="stack" style={{ gap: 4 }}>
          <h1 className="heading">{t('list.heading')}</h1>
          <p className="text text-dimmed">{t('list.intro')}</p>
        </div>
        {calls.isPending ? <PageLoader /> : null}
        {calls.isError ? <LoadError error={calls.error} onRetry={() => void calls.refetch()} /> : null}
        {calls.isSuccess ? (
          <>
            <section className="stack" aria-labelledby="open-calls-heading">
              <h2 className="heading heading-xl" id="open-calls-heading">
                {t('list.openHeading')}
              </h2>
              {open.length === 0 ? (
                <EmptyNotice icon={<FolderIcon size={28} />} title={t('list.noneOpenTitle')} description={t('list.noneOpenBody')} />
              ) : (
                <div className="grid-2">
                  {open.map((call) => (
                    <CallCard key={call.id} call={call} />
                  ))}
                </div>
              )}
            </section>
            {closed.length > 0 ? (
              <section className="stack" aria-labelledby="closed-calls-heading">
                <h2 className="heading heading-xl" id="closed-calls-heading">
                  {t('list.closedHeading')}
                </h2>
                <div className="grid-2">
                  {closed.map((call) => (
                    <CallCard key={call.id} call={call} />
                  ))}
                </div>
              </section>
            ) : null}
          </>
        ) : null}
      </div>
    </div>
  );
}
