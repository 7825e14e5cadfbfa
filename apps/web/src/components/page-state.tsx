import { useTranslation } from 'react-i18next';

/** Shown while a page's code or data is on its way (plain, so the public pages need no library for it). */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <div className="loader" role="status" aria-live="polite">
      <span className="visually-hidden">{t('status.loading')}</span>
    </div>
  );
}

/** A failed load, with the (localised) reason and a way to try again. */
export function LoadError({ error, onRetry }: { error: Error | null; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="alert" data-color="red" role="alert">
      <p className="alert-title">{t('status.loadFailed')}</p>
      <div className="stack stack-start" style={{ gap: 'var(--mantine-spacing-sm)' }}>
        {error?.message ? <span>{error.message}</span> : null}
        {onRetry ? (
          <button type="button" className="btn" data-variant="default" data-size="xs" onClick={onRetry}>
            {t('actions.retry')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
