import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useWithdrawApplicationMutation } from '../mutations';

/** Withdraw, after a confirmation: the application leaves the selection (until a decision is made). */
export function WithdrawButton({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation('applications');
  const [opened, { open, close }] = useDisclosure(false);
  const withdraw = useWithdrawApplicationMutation(applicationId);

  return (
    <>
      <Button variant="outline" color="red" onClick={open}>
        {t('withdraw.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('withdraw.title')} centered>
        <Stack gap="md">
          <Text>{t('withdraw.body')}</Text>
          {withdraw.error ? (
            <Alert color="red" variant="light" role="alert">
              {withdraw.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={withdraw.isPending} data-autofocus>
              {t('withdraw.cancel')}
            </Button>
            <Button color="red" loading={withdraw.isPending} onClick={() => withdraw.mutate(undefined, { onSuccess: close })}>
              {t('withdraw.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
