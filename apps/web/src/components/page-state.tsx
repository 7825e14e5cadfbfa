import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-hidden="true" />
      <span className="visually-hidden">{t('status.loading')}</span>
    </Center>
  );
}

/** A failed load, with the (localised) reason and a way to try again. */
export function LoadError({ error, onRetry }: { error: Error | null; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" role="alert" title={t('status.loadFailed')}>
      <Stack gap="sm" align="flex-start">
        {error?.message ? <span>{error.message}</span> : null}
        {onRetry ? (
          <Button variant="default" size="xs" onClick={onRetry}>
            {t('actions.retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}
