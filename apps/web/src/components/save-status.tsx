import type { ReactNode } from 'react';
import { formatClockTime } from '../features/calls/deadline';
import { useLocale } from '../features/locale/use-locale';
import type { CommonSaveStatus } from '../lib/autosave/autosave';

type CommonKind = CommonSaveStatus['kind'];

export type SaveTone = 'dimmed' | 'success' | 'warning' | 'danger';

/** How one state reads: its colour, a decorative icon before the text, emphasis, actions after it. */
export interface SaveStateLook {
  tone?: SaveTone;
  icon?: ReactNode;
  strong?: boolean;
  actions?: ReactNode;
}

const TONE_CLASS: Record<SaveTone, string> = { dimmed: 'text-dimmed', success: 'text-success', warning: 'text-warning', danger: 'text-danger' };

const COMMON_LOOKS: Record<CommonKind, SaveStateLook> = {
  idle: { tone: 'dimmed' },
  pending: { tone: 'dimmed' },
  saving: { icon: <span className="spinner" aria-hidden="true" /> },
  saved: { tone: 'success' },
  failed: { tone: 'danger' },
};

export interface SaveStatusProps<S extends { kind: string }> {
  status: S;
  /**
   * The feature's own words, from its namespace: `autosave.<kind>` for each state, with `time`
   * ("14:02") when saved and `message` when failed.
   */
  t: (key: `autosave.${S['kind']}`, values?: { time: string } | { message: string }) => string;
  /** The look of the feature's own states, and any change to a common one (an icon when saved). */
  looks: Record<Exclude<S['kind'], CommonKind>, SaveStateLook> & Partial<Record<CommonKind, SaveStateLook>>;
  className?: string;
  /** Shown under the state (e.g. answers that cannot be saved yet). */
  children?: ReactNode;
}

/** "Enregistrement…", "Brouillon enregistré à 14:02", "Hors ligne…": an autosave's state, announced politely. */
export function SaveStatus<S extends { kind: string }>({ status, t, looks, className = 'save-status', children }: SaveStatusProps<S>) {
  const { locale } = useLocale();
  const kind: S['kind'] = status.kind;
  const commonLooks: Partial<Record<string, SaveStateLook>> = COMMON_LOOKS;
  const ownLooks: Partial<Record<string, SaveStateLook>> = looks;
  const look: SaveStateLook = { ...commonLooks[kind], ...ownLooks[kind] };
  const key = `autosave.${kind}` as const;
  let text: string;
  if (kind === 'saved' && 'at' in status && status.at instanceof Date) text = t(key, { time: formatClockTime(status.at, locale) });
  else if (kind === 'failed' && 'error' in status && status.error instanceof Error) text = t(key, { message: status.error.message });
  else text = t(key);
  const tone = look.tone ? TONE_CLASS[look.tone] : '';

  let content: ReactNode;
  if (look.icon) {
    content = (
      <div className={`cluster cluster-nowrap ${tone}`} style={{ gap: 6 }}>
        {look.icon}
        <p className="text text-sm">{text}</p>
      </div>
    );
  } else if (look.actions) {
    content = (
      <div className="cluster gap-xs">
        <p className={`text text-sm ${tone}`}>{text}</p>
        {look.actions}
      </div>
    );
  } else {
    content = (
      <p className={`text text-sm ${tone}${look.strong ? ' text-strong' : ''}`}>{text}</p>
    );
  }

  return (
    <div role="status" aria-live="polite" className={className}>
      {content}
      {children}
    </div>
  );
}
