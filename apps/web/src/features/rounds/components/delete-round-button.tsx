import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TRound } from '@tahkim/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { localized } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import { useDeleteRoundMutation } from '../mutations';

/** Deleting a round nothing rests on yet (one created by mistake), after a confirmation; then back to the call's rounds. */
export function DeleteRoundButton({ round }: { round: TRound }) {
  const { t } = useTranslation('rounds');
  const { locale } = useLocale();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteRoundMutation(round);
  const name = localized(round.name, locale) || t('list.defaultName', { number: round.number });
  const close = () => {
    setConfirming(false);
    remove.reset();
  };

  if (!round.deletable) return null;
  return (
    <>
      <Button variant="default" color="red" size="xs" onClick={() => setConfirming(true)}>
        {t('delete.button')}
      </Button>
      <Modal opened={confirming} onClose={close} title={t('delete.title', { name })} centered>
        <Stack gap="sm">
          <Text>{t('delete.body')}</Text>
          {remove.isError ? (
            <Alert color="red" variant="light" role="alert">
              {remove.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            {/* Deleting cannot be undone: the dialog opens on Cancel. */}
            <Button variant="default" onClick={close} data-autofocus>
              {t('actions.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() =>
                remove.mutate(undefined, {
                  onSuccess: () => {
                    notifications.show({ color: 'tahkim', message: t('delete.done', { name }) });
                    void navigate(`/admin/calls/${round.callId}/rounds`, { replace: true });
                  },
                })
              }
            >
              {t('delete.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
