import { Alert, Button, Checkbox, Group, Modal, Stack, Text, type ButtonProps } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TRound } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { localized } from '../../call-admin/call-display';
import { callQuery } from '../../call-admin/queries';
import { useLocale } from '../../locale/use-locale';
import { useUpdateRoundMutation } from '../mutations';

/** The API's answer when the call still accepts applications and the opening was not acknowledged. */
function isEarlyOpening(error: unknown): boolean {
  return error instanceof ApiError && (error.details as { reason?: unknown } | undefined)?.reason === 'ROUND_OPENS_BEFORE_DEADLINE';
}

interface OpenRoundButtonProps extends Pick<ButtonProps, 'size' | 'variant'> {
  round: Pick<TRound, 'id' | 'callId' | 'number' | 'name' | 'status' | 'type'>;
  onOpened?: (round: TRound) => void;
}

/**
 * Opening a round in one action, after a confirmation. While the call still accepts applications the
 * confirmation says so, what it means for late applicants, and asks for an explicit acknowledgement
 * (the API refuses the opening without it).
 */
export function OpenRoundButton({ round, onOpened, size, variant }: OpenRoundButtonProps) {
  const { t } = useTranslation('rounds');
  const { locale } = useLocale();
  const [confirming, setConfirming] = useState(false);
  /** When the confirmation was asked for: the deadline is compared with that moment. */
  const [askedAt, setAskedAt] = useState(0);
  const [acknowledged, setAcknowledged] = useState(false);
  const call = useQuery(callQuery(round.callId));
  const update = useUpdateRoundMutation(round);
  const closesAt = call.data?.closesAt ?? null;
  // The server's clock decides: its refusal shows the acknowledgement even if this one thinks the deadline passed.
  const early = (closesAt !== null && Date.parse(closesAt) > askedAt) || isEarlyOpening(update.error);
  const name = localized(round.name, locale) || t('list.defaultName', { number: round.number });
  const close = () => {
    setConfirming(false);
    setAcknowledged(false);
    update.reset();
  };

  // Shown once the call's deadline is known, so the confirmation says the right thing from its first frame.
  if (round.status === 'OPEN' || call.isPending) return null;
  return (
    <>
      <Button
        size={size}
        variant={variant}
        onClick={() => {
          setAskedAt(Date.now());
          setConfirming(true);
        }}
      >
        {t(round.status === 'CLOSED' ? 'open.reopenButton' : 'open.button')}
      </Button>
      <Modal opened={confirming} onClose={close} title={t('open.title', { name })} centered>
        <Stack gap="sm">
          <Text>{t(`open.body.${round.type}`)}</Text>
          {early ? (
            <Alert color="orange" variant="light" title={t('open.earlyTitle')}>
              <Stack gap="xs">
                <Text size="sm">{closesAt ? t('open.earlyBody', { deadline: formatDateTime(closesAt, locale) }) : t('open.earlyBodyNoDate')}</Text>
                <Text size="sm">{t('open.earlyLate')}</Text>
              </Stack>
            </Alert>
          ) : null}
          {early ? (
            <Checkbox
              label={t('open.acknowledge')}
              checked={acknowledged}
              onChange={(event) => setAcknowledged(event.currentTarget.checked)}
              data-autofocus
            />
          ) : null}
          {/* The deadline refusal is what the orange notice above explains. */}
          {update.isError && !isEarlyOpening(update.error) ? (
            <Alert color="red" variant="light" role="alert">
              {update.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('actions.cancel')}
            </Button>
            <Button
              data-autofocus={early ? undefined : true}
              disabled={early && !acknowledged}
              loading={update.isPending}
              onClick={() =>
                update.mutate(
                  { status: 'OPEN', ...(early && { acknowledgeEarly: true }) },
                  {
                    onSuccess: (opened) => {
                      notifications.show({ color: 'tahkim', message: t('open.done', { name }) });
                      close();
                      onOpened?.(opened);
                    },
                  },
                )
              }
            >
              {t('open.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
