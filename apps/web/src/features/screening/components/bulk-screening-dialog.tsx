import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TCallStaff } from '@tahkim/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { useBulkScreeningMutation } from '../mutations';
import { EarlyScreeningNotice, isEarlyScreening, screeningIsEarly } from './early-screening-notice';

type Decision = 'ELIGIBLE' | 'INELIGIBLE';

/** Why the API refused, in words: nothing was changed, and which dossiers stand in the way. */
function useRefusal() {
  const { t } = useTranslation('screening');
  return (error: Error): string => {
    if (!(error instanceof ApiError)) return error.message;
    const details = (error.details ?? {}) as { reason?: unknown; applications?: Array<{ reference?: string | null }> };
    if (error.code === 'CONFLICT' && details.reason === 'NOT_SCREENABLE') {
      const references = (details.applications ?? []).map((item) => item.reference ?? '—').join(', ');
      return t('bulk.refused.NOT_SCREENABLE', { references });
    }
    if (error.code === 'NOT_FOUND') return t('bulk.refused.NOT_FOUND');
    return error.message;
  };
}

/** Confirms a bulk screening: one decision and one note for every selected application, all or nothing. */
export function BulkScreeningDialog({
  call,
  callId,
  decision,
  ids,
  onClose,
  onDone,
}: {
  call: TCallStaff | undefined;
  callId: string;
  decision: Decision | null;
  ids: readonly string[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('screening');
  const refusal = useRefusal();
  const screening = useBulkScreeningMutation(callId);
  const [note, setNote] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const early = screeningIsEarly(call, screening.error);
  const count = ids.length;

  const close = () => {
    setAcknowledged(false);
    screening.reset();
    onClose();
  };
  // Awaited rather than given callbacks: screening the last waiting dossiers empties the list, which
  // removes this dialog before the refreshed list arrives, and `mutate`'s callbacks would then never
  // run (no confirmation that the batch was screened).
  const confirm = async () => {
    if (!decision) return;
    let result: { screened: number };
    try {
      result = await screening.mutateAsync({ applicationIds: [...ids], decision, note: note.trim() || undefined, ...(early && { acknowledgeEarly: true }) });
    } catch {
      // A refusal stays in the mutation's state and is told in the dialog, in words.
      return;
    }
    notifications.show({ color: 'tahkim', message: t(`bulk.done.${decision}`, { count: result.screened }) });
    setNote('');
    setAcknowledged(false);
    screening.reset();
    onDone();
  };

  return (
    <Modal opened={decision !== null} onClose={close} title={decision ? t(`bulk.confirmTitle.${decision}`, { count }) : ''}>
      <Stack gap="md">
        <Text>{decision ? t(`bulk.confirmBody.${decision}`, { count }) : ''}</Text>
        <Textarea
          label={t('bulk.note')}
          description={t('bulk.noteHint')}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
          maxLength={2000}
          rows={3}
          data-autofocus
        />
        {early ? <EarlyScreeningNotice call={call} acknowledged={acknowledged} onAcknowledge={setAcknowledged} /> : null}
        {screening.error && !(isEarlyScreening(screening.error) && !acknowledged) ? (
          <Alert color="red" variant="light" role="alert">
            {refusal(screening.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('screening.cancel')}
          </Button>
          <Button color={decision === 'INELIGIBLE' ? 'red' : 'tahkim'} loading={screening.isPending} disabled={early && !acknowledged} onClick={() => void confirm()}>
            {decision ? t(`bulk.confirm.${decision}`, { count }) : ''}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
