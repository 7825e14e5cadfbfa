import { Button } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

const WithdrawDialog = lazy(() => import('./withdraw-dialog'));

/** Withdraw, after a confirmation: the application leaves the selection (until a decision is made). */
export function WithdrawButton({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation('applications');
  const [opened, { open, close }] = useDisclosure(false);

  return (
    <>
      <Button variant="outline" color="red" onClick={open}>
        {t('withdraw.button')}
      </Button>
      {opened ? (
        <Suspense fallback={null}>
          <WithdrawDialog applicationId={applicationId} onClose={close} />
        </Suspense>
      ) : null}
    </>
  );
}
