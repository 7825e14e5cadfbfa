import { Button, Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictReasonForm } from '../../../components/conflict-reason-form';
import { isolate } from '../../../components/user-text';
import { useBiddingConflictMutation } from '../mutations';

/** "Declare a conflict of interest" on a project seen while bidding: a reason, a confirmation, and it leaves the list. */
export function BiddingConflictButton({ roundId, applicationId, label }: { roundId: string; applicationId: string; label: string }) {
  const { t } = useTranslation('jury');
  const [opened, setOpened] = useState(false);
  const declare = useBiddingConflictMutation(roundId, applicationId);

  // Awaited rather than passed to mutate(): the card goes with the project once the conflict is recorded.
  const confirm = async (reason: string) => {
    try {
      await declare.mutateAsync(reason);
    } catch {
      return; // shown in the dialog from declare.error
    }
    setOpened(false);
    notifications.show({ color: 'tahkim', message: t('bidding.wishes.conflictDone', { label: isolate(label) }) });
  };

  return (
    <>
      <Button variant="subtle" color="red" size="compact-sm" onClick={() => setOpened(true)} aria-label={`${t('conflict.action')} — ${isolate(label)}`}>
        {t('conflict.action')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('conflict.title', { label: isolate(label) })} centered>
        <ConflictReasonForm namespace="jury" pending={declare.isPending} error={declare.error?.message} onCancel={() => setOpened(false)} onConfirm={confirm} />
      </Modal>
    </>
  );
}
