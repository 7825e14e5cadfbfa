import { Button, Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ConflictReasonForm } from '../../../components/conflict-reason-form';
import { useDeclareConflictMutation } from '../mutations';

/** "Declare a conflict of interest": a reason, a confirmation, then back to the list without it. */
export function DeclareConflictButton({ assignmentId, label, size = 'sm' }: { assignmentId: string; label: string; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation('jury');
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const declare = useDeclareConflictMutation();

  // Awaited rather than passed to mutate(): the list refreshed by the mutation drops this row, and a
  // mutate() callback no longer runs once its component has gone.
  const confirm = async (reason: string) => {
    try {
      await declare.mutateAsync({ assignmentId, reason });
    } catch {
      return; // shown in the dialog from declare.error
    }
    setOpened(false);
    notifications.show({ color: 'tahkim', message: t('conflict.done', { label }) });
    void navigate('/jury');
  };

  return (
    <>
      <Button variant="subtle" color="red" size={size} onClick={() => setOpened(true)}>
        {t('conflict.action')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('conflict.title', { label })} centered>
        <ConflictReasonForm
          namespace="jury"
          pending={declare.isPending}
          error={declare.error?.message}
          onCancel={() => setOpened(false)}
          onConfirm={confirm}
        />
      </Modal>
    </>
  );
}
