import { Button, Container, Stack, Text, Title } from '@mantine/core';
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
    <Container size="sm" py="xl">
      <Stack gap="md" align="flex-start" role="alert">
        <Title order={1}>{t('status.loadFailed')}</Title>
        <Text>{message}</Text>
        <Button onClick={() => window.location.reload()}>{t('actions.retry')}</Button>
      </Stack>
    </Container>
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
