import { zodResolver } from '../../../lib/form-resolver';
import { Alert, Button, Group, Modal, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DECISION_MESSAGE_MAX, DECISION_NOTE_MAX, isDecisionOutcome, RECORDABLE_OUTCOMES, ZRecordDecisionRequest, type TRecordableOutcome } from '@tahkim/contracts';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import type { DecisionRowView } from '../decision-view';
import { useRecordDecisionMutation } from '../mutations';

type DecideValues = z.input<typeof ZRecordDecisionRequest>;

interface DecideModalProps {
  callId: string;
  /** The round the decision rests on (the call's latest scoring round), if any. */
  roundId: string | undefined;
  row: DecisionRowView | null;
  onClose: () => void;
}

function initialOutcome(row: DecisionRowView): TRecordableOutcome {
  if (row.decision) return row.decision.outcome;
  return row.status === 'SHORTLISTED' || row.status === 'IN_REVIEW' ? row.status : 'WINNER';
}

function DecideForm({ callId, roundId, row, onClose }: DecideModalProps & { row: DecisionRowView }) {
  const { t } = useTranslation(['decisions', 'common']);
  const record = useRecordDecisionMutation(callId);
  const form = useForm<DecideValues>({
    resolver: zodResolver(ZRecordDecisionRequest),
    defaultValues: { outcome: initialOutcome(row), note: row.decision?.note ?? '', message: row.decision?.message ?? '' },
  });
  const { control, register, formState, handleSubmit } = form;
  const outcome = useWatch({ control, name: 'outcome' });
  const final = isDecisionOutcome(outcome);

  return (
    <form
      noValidate
      onSubmit={handleSubmit(async (values) => {
        // Notes and messages belong to final outcomes; an intermediate status is set at once, on its own.
        const body = final
          ? { outcome: values.outcome, note: values.note?.trim() || null, message: values.message?.trim() || null, ...(roundId ? { roundId } : {}) }
          : { outcome: values.outcome, ...(roundId ? { roundId } : {}) };
        try {
          await record.mutateAsync({ applicationId: row.applicationId, body });
          notifications.show({ color: 'tahkim', message: t('decide.saved', { application: row.reference ?? '' }) });
          onClose();
        } catch (failure) {
          applyApiErrorToForm(failure, form);
        }
      })}
    >
      <Stack gap="sm">
        <Text size="sm" dir="auto">
          {row.title || t('table.untitled')}
        </Text>
        <NativeSelect
          data-autofocus
          label={t('decide.outcome')}
          data={RECORDABLE_OUTCOMES.map((value) => ({ value, label: t(`outcome.${value}`) }))}
          error={formState.errors.outcome?.message}
          {...register('outcome')}
        />
        <Text size="sm" c="dimmed">
          {final ? t('decide.finalHint') : t('decide.intermediateHint')}
        </Text>
        {final ? (
          <>
            <Textarea
              label={t('decide.note')}
              description={t('decide.noteHint')}
              autosize
              minRows={2}
              maxLength={DECISION_NOTE_MAX}
              dir="auto"
              error={formState.errors.note?.message}
              {...register('note')}
            />
            <Textarea
              label={t('decide.message')}
              description={t('decide.messageHint', { language: t('common:language.nativeName', { lng: row.applicant.locale }) })}
              autosize
              minRows={3}
              maxLength={DECISION_MESSAGE_MAX}
              dir={row.applicant.locale === 'ar' ? 'rtl' : 'auto'}
              lang={row.applicant.locale}
              error={formState.errors.message?.message}
              {...register('message')}
            />
          </>
        ) : null}
        {formState.errors.root?.server ? (
          <Alert color="red" variant="light" role="alert">
            {formState.errors.root.server.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button type="submit" loading={formState.isSubmitting}>
            {t('decide.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Records one application's outcome, with an internal note and a personal message for the applicant. */
export function DecideModal({ callId, roundId, row, onClose }: DecideModalProps) {
  const { t } = useTranslation('decisions');
  return (
    <Modal opened={row !== null} onClose={onClose} title={row ? t('decide.title', { application: row.reference ?? t('table.noReference') }) : ''} centered size="lg">
      {row ? <DecideForm key={row.applicationId} callId={callId} roundId={roundId} row={row} onClose={onClose} /> : null}
    </Modal>
  );
}
