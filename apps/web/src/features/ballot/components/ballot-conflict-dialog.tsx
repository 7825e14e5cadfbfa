import { List, Modal, Stack, Text, Title } from '@mantine/core';
import type { TBallotCandidate, TBallotConflict } from '@tahkim/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConflictReasonForm } from '../../../components/conflict-reason-form';
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
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = (reason: string) => {
    setPending(true);
    setError(null);
    void onConfirm(reason).then((failure) => {
      setPending(false);
      setError(failure);
    });
  };
  return <ConflictReasonForm namespace="ballot" pending={pending} error={error} onCancel={onCancel} onConfirm={confirm} />;
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
