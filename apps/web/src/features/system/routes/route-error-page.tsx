import { ERROR_MESSAGES } from '@tahkim/contracts';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { currentLocale } from '../../../app/i18n';
import { usePageTitle } from '../../../lib/use-page-title';

/** Last resort for errors thrown while rendering a route: say so in the user's language. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const message = ERROR_MESSAGES.INTERNAL_ERROR[currentLocale()];
  usePageTitle(t('status.loadFailed'));
  return (
    <div className="container container-sm page-block-xl">
      <div className="stack stack-start" role="alert">
        <h1 className="heading">{t('status.loadFailed')}</h1>
        <p className="text">{message}</p>
        <button type="button" className="btn" onClick={() => window.location.reload()}>
          {t('actions.retry')}
        </button>
      </div>
    </div>
  );
}

class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <RouteErrorPage /> : this.props.children;
  }
}

/** The pages under it: one that fails to render (or whose code fails to load) shows RouteErrorPage; another address starts afresh. */
export function RouteErrorBoundary() {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary key={pathname}>
      <Outlet />
    </ErrorBoundary>
  );
}
