import { Alert, Button, Group, List, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import type { TBallotCandidate, TBallotConflict } from '@tahkim/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { candidateName } from './ballot-order-list';

/**
 * Confirms a declaration of conflict of interest with one finalist: what it does, a required reason,
 * then `onConfirm` (which answers with an error message, or null once the finalist left the ballot).
 */
export function BallotConflictDialog({
  candidate,
  onCancel,
  onConfirm,
}: {
  candidate: TBallotCandidate | null;
  onCancel: () => void;
  onConfirm: (reason: string) => Promise<string | null>;
}) {
  const { t } = useTranslation('ballot');
  // The project's name is isolated (U+2068…U+2069): a French title reads whole in an Arabic sentence.
  const name = `\u2068${candidateName(candidate ?? undefined)}\u2069`;
  return (
    <Modal opened={candidate !== null} onClose={onCancel} title={t('conflict.title', { name })} centered>
      {candidate ? <ConflictForm key={candidate.applicationId} onCancel={onCancel} onConfirm={onConfirm} /> : null}
    </Modal>
  );
}

function ConflictForm({ onCancel, onConfirm }: { onCancel: () => void; onConfirm: (reason: string) => Promise<string | null> }) {
  const { t } = useTranslation('ballot');
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const blank = reason.trim() === '';
  const confirm = () => {
    setTouched(true);
    if (blank || pending) return;
    setPending(true);
    setError(null);
    void onConfirm(reason.trim()).then((failure) => {
      setPending(false);
      setError(failure);
    });
  };
  return (
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
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      ) : null}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel}>
          {t('conflict.cancel')}
        </Button>
        <Button color="red" loading={pending} onClick={confirm}>
          {t('conflict.confirm')}
        </Button>
      </Group>
    </Stack>
  );
}

/** The finalists the juror declared a conflict with, left out of their ballot, with the reason given. */
export function BallotConflictList({ conflicts }: { conflicts: TBallotConflict[] }) {
  const { t } = useTranslation('ballot');
  if (conflicts.length === 0) return null;
  return (
    <Stack gap={4} data-testid="ballot-conflicts">
      <Title order={2} size="h5">
        {t('conflict.listTitle')}
      </Title>
      <List size="sm" spacing={4}>
        {conflicts.map((conflict) => (
          <List.Item key={conflict.applicationId}>
            <Text span fw={600} size="sm">
              <bdi>{conflict.applicationLabel}</bdi>
            </Text>
            {conflict.reason ? (
              <Text span size="sm" c="dimmed">
                {' – '}
                <bdi>{conflict.reason}</bdi>
              </Text>
            ) : null}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
