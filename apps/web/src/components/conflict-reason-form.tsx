import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The body of a "declare a conflict of interest" dialog: what it does, a required reason, cancel and
 * confirm. The scorecard and the final ballot each say what happens in their own words: `namespace`
 * names their translations, which both keep under `conflict.*`.
 */
export function ConflictReasonForm({
  namespace,
  pending,
  error,
  onCancel,
  onConfirm,
}: {
  namespace: 'jury' | 'ballot';
  pending: boolean;
  error: string | null | undefined;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const { t } = useTranslation(namespace);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const blank = reason.trim() === '';
  const confirm = () => {
    setTouched(true);
    if (blank || pending) return;
    onConfirm(reason.trim());
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
