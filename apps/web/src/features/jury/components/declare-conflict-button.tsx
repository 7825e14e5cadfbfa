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

  const confirm = (reason: string) => {
    declare.mutate(
      { assignmentId, reason },
      {
        onSuccess: () => {
          setOpened(false);
          notifications.show({ color: 'tahkim', message: t('conflict.done', { label }) });
          void navigate('/jury');
        },
      },
    );
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
