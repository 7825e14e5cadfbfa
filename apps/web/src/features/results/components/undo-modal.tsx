import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

interface UndoModalProps {
  opened: boolean;
  title: string;
  body: string;
  confirm: string;
  /** The undo, called with the id of what is undone; the modal closes once it succeeds and shows its error otherwise. */
  undo: UseMutationResult<unknown, Error, string>;
  id: string | null;
  onClose: () => void;
}

/** Asks before undoing a shortlist or a second look, and says why the API refused. */
export function UndoModal({ opened, title, body, confirm, undo, id, onClose }: UndoModalProps) {
  const { t } = useTranslation('results');
  const close = () => {
    undo.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={title} centered>
      <Stack gap="sm">
        <Text>{body}</Text>
        {undo.isError ? (
          <Alert color="red" variant="light" role="alert">
            {undo.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('actions.cancel')}
          </Button>
          <Button
            color="orange"
            loading={undo.isPending}
            onClick={async () => {
              if (id === null) return;
              try {
                // Awaited here, so the modal closes even when the list it was opened from re-renders meanwhile.
                await undo.mutateAsync(id);
                close();
              } catch {
                // Shown above the buttons.
              }
            }}
            data-autofocus
          >
            {confirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
