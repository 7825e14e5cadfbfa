import type { TCallPublic } from '@tahkim/contracts';
import { Link } from 'react-router';
import { useLocale } from '../../locale/use-locale';
import { localized, localizedLang } from '../call-text';
import { callPhase } from '../deadline';
import { useInitialNow } from '../../../lib/hydration-clock';
import { CallDeadline } from './call-dates';
import { CallPhaseBadge } from './call-phase-badge';

export function CallCard({ call }: { call: TCallPublic }) {
  const { locale } = useLocale();
  const loadedAt = useInitialNow();
  const phase = callPhase(call, loadedAt);

  return (
    <article className="card stack" style={{ gap: 'var(--mantine-spacing-sm)' }} aria-labelledby={`call-${call.id}-title`}>
      <div className="cluster cluster-nowrap" style={{ justifyContent: 'space-between', alignItems: 'flex-start', gap: 'var(--mantine-spacing-sm)' }}>
        <h3 className="heading heading-lg call-card-title" id={`call-${call.id}-title`} lang={localizedLang(call.title, locale)}>
          <Link to={`/calls/${call.slug}`} className="link">
            {localized(call.title, locale)}
          </Link>
        </h3>
        <CallPhaseBadge phase={phase} />
      </div>
      <p className="text" lang={localizedLang(call.summary, locale)}>
        {localized(call.summary, locale)}
      </p>
      <CallDeadline iso={call.closesAt} local={call.closesAtLocal} closed={phase === 'closed'} />
    </article>
  );
}
