import type { TCallPublic } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyNotice } from '../../../components/empty-notice';
import { FolderIcon } from '../../../components/icons';
import { localized, localizedLang } from '../../calls/call-text';
import { CallDeadline } from '../../calls/components/call-dates';
import '../../calls/calls.css';
import { useLocale } from '../../locale/use-locale';

/** Calls accepting applications now, the nearest deadline first. */
export function openCalls(calls: readonly TCallPublic[]): TCallPublic[] {
  return calls.filter((call) => call.acceptingApplications).sort((a, b) => Date.parse(a.closesAt) - Date.parse(b.closesAt));
}

function OpenCallCard({ call }: { call: TCallPublic }) {
  const { t } = useTranslation('public');
  const { locale } = useLocale();
  const titleId = `home-call-${call.id}-title`;
  return (
    <article className="card stack" style={{ gap: 'var(--mantine-spacing-sm)' }} aria-labelledby={titleId}>
      <h3 className="heading heading-lg call-card-title" id={titleId} dir="auto" lang={localizedLang(call.title, locale)}>
        <Link to={`/calls/${call.slug}`} className="link">
          {localized(call.title, locale)}
        </Link>
      </h3>
      <p className="text call-card-title" dir="auto" lang={localizedLang(call.summary, locale)}>
        {localized(call.summary, locale)}
      </p>
      <CallDeadline iso={call.closesAt} local={call.closesAtLocal} closed={false} />
      <Link to={`/calls/${call.slug}`} className="btn wrap-button" data-full style={{ marginBlockStart: 'auto' }} aria-describedby={titleId}>
        {t('home.readCall')}
      </Link>
    </article>
  );
}

/** The home page's list of open calls, each leading to its page; a plain notice when none is open. */
export function OpenCalls({ calls }: { calls: readonly TCallPublic[] }) {
  const { t } = useTranslation(['public', 'calls']);
  const open = openCalls(calls);
  return (
    <div className="stack">
      {open.length === 0 ? (
        <EmptyNotice icon={<FolderIcon size={28} />} title={t('calls:list.noneOpenTitle')} description={t('calls:list.noneOpenBody')} testId="home-no-open-call" />
      ) : (
        <div className="grid-2">
          {open.map((call) => (
            <OpenCallCard key={call.id} call={call} />
          ))}
        </div>
      )}
      <Link to="/calls" className="link">
        {t('home.allCalls')}
      </Link>
    </div>
  );
}
