import type { TCallPublic } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../locale/use-locale';
import { localized, localizedLang } from '../call-text';
import { callPhase } from '../deadline';
import { CallDeadline } from './call-dates';
import { useInitialNow } from '../../../lib/hydration-clock';

export function CallCard({ call }: { call: TCallPublic }) {
  const { t } = useTranslation('calls');
  const { locale } = useLocale();
  const loadedAt = useInitialNow();
  const phase = callPhase(call, loadedAt);
  const open = phase === 'open';
  const upcoming = phase === 'upcoming';

  return (
    <article className="card stack" style={{ gap: 'var(--mantine-spacing-sm)' }} aria-labelledby={`call-${call.id}-title`}>
      <div className="cluster cluster-nowrap" style={{ justifyContent: 'space-between', alignItems: 'flex-start', gap: 'var(--mantine-spacing-sm)' }}>
        <h3 className="heading heading-lg call-card-title" id={`call-${call.id}-title`} lang={localizedLang(call.title, locale)}>
          <Link to={`/calls/${call.slug}`} className="link">
            {localized(call.title, locale)}
          </Link>
        </h3>
        <span className="badge" data-color={open ? 'green' : upcoming ? 'blue' : 'gray'}>
          {open ? t('badge.open') : upcoming ? t('badge.upcoming') : t('badge.closed')}
        </span>
      </div>
      <p className="text" lang={localizedLang(call.summary, locale)}>
        {localized(call.summary, locale)}
      </p>
      <CallDeadline iso={call.closesAt} local={call.closesAtLocal} closed={!open && !upcoming} />
    </article>
  );
}
