import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface RemoveItemModalProps {
  /** The item to remove, named as the page shows it; null when closed. */
  removing: { title: string; body: string } | null;
  onCancel: () => void;
  onConfirm: () => void;
}

/** Asks before removing an item the saved programme has (one added since it was read goes at once). */
export function RemoveItemModal({ removing, onCancel, onConfirm }: RemoveItemModalProps) {
  const { t } = useTranslation('programme');
  return (
    <Modal opened={removing !== null} onClose={onCancel} title={removing?.title ?? ''} centered>
      <Stack gap="md">
        <Text size="sm">{removing?.body}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} data-autofocus>
            {t('actions.cancel')}
          </Button>
          <Button color="red" onClick={onConfirm}>
            {t('actions.confirmRemove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
