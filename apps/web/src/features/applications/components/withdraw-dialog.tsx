import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useWithdrawApplicationMutation } from '../mutations';

/** The confirmation before withdrawing (loaded when first asked for: the form's pages never need it). */
export default function WithdrawDialog({ applicationId, onClose }: { applicationId: string; onClose: () => void }) {
  const { t } = useTranslation('applications');
  const withdraw = useWithdrawApplicationMutation(applicationId);

  return (
    <Modal opened onClose={onClose} title={t('withdraw.title')} centered>
      <Stack gap="md">
        <Text>{t('withdraw.body')}</Text>
        {withdraw.error ? (
          <Alert color="red" variant="light" role="alert">
            {withdraw.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={withdraw.isPending} data-autofocus>
            {t('withdraw.cancel')}
          </Button>
          <Button color="red" loading={withdraw.isPending} onClick={() => withdraw.mutate(undefined, { onSuccess: onClose })}>
            {t('withdraw.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
