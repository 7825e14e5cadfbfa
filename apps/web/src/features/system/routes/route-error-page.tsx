import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { ERROR_MESSAGES } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { currentLocale } from '../../../app/i18n';
import { usePageTitle } from '../../../lib/use-page-title';
import { NotFoundPage } from './not-found-page';

/** Last resort for errors thrown while rendering a route: say so in the user's language. */
export function RouteErrorPage() {
  const error = useRouteError();
  const { t } = useTranslation();
  const message = ERROR_MESSAGES.INTERNAL_ERROR[currentLocale()];
  usePageTitle(t('status.loadFailed'));
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
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
