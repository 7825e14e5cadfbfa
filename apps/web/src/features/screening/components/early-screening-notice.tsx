import { Alert, Checkbox, Stack, Text } from '@mantine/core';
import type { TCallStaff } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { CallDate } from '../../call-admin/components/call-date';

/** The API's answer when a screening comes before the call's deadline without the acknowledgement. */
export function isEarlyScreening(error: unknown): boolean {
  return error instanceof ApiError && (error.details as { reason?: unknown } | undefined)?.reason === 'SCREENING_BEFORE_DEADLINE';
}

/** Whether the call still accepts applications (the server's refusal says so too, whatever this clock reads). */
export function screeningIsEarly(call: TCallStaff | undefined, error: unknown): boolean {
  return (call?.status === 'PUBLISHED' && Date.parse(call.closesAt) > Date.now()) || isEarlyScreening(error);
}

/** Before the deadline: what screening now means for late applicants, and the explicit acknowledgement. */
export function EarlyScreeningNotice({ call, acknowledged, onAcknowledge }: { call: TCallStaff | undefined; acknowledged: boolean; onAcknowledge: (value: boolean) => void }) {
  const { t } = useTranslation('screening');
  return (
    <Stack gap="xs">
      <Alert color="orange" variant="light" title={t('early.title')}>
        <Text size="sm">
          {call ? (
            <>
              {t('early.deadline')} <CallDate iso={call.closesAt} local={call.closesAtLocal} />.{' '}
            </>
          ) : null}
          {t('early.body')}
        </Text>
      </Alert>
      <Checkbox label={t('early.acknowledge')} checked={acknowledged} onChange={(event) => onAcknowledge(event.currentTarget.checked)} />
    </Stack>
  );
}
