import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDeclareConflictMutation } from '../mutations';

/** "Declare a conflict of interest": a reason, a confirmation, then back to the list without it. */
export function DeclareConflictButton({ assignmentId, label, size = 'sm' }: { assignmentId: string; label: string; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation('jury');
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const declare = useDeclareConflictMutation();
  const blank = reason.trim() === '';

  const confirm = () => {
    setTouched(true);
    if (blank) return;
    declare.mutate(
      { assignmentId, reason: reason.trim() },
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
        <Stack gap="md">
          <Text size="sm">{t('conflict.body')}</Text>
          <Textarea
            label={t('conflict.reason')}
            description={t('conflict.reasonHelp')}
            required
            autosize
            minRows={3}
            maxLength={1000}
            value={reason}
            error={touched && blank ? t('conflict.reasonRequired') : undefined}
            onChange={(event) => setReason(event.currentTarget.value)}
            data-autofocus
          />
          {declare.error ? (
            <Alert color="red" variant="light" role="alert">
              {declare.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t('conflict.cancel')}
            </Button>
            <Button color="red" onClick={confirm} loading={declare.isPending}>
              {t('conflict.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
