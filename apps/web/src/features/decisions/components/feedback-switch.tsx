import { Alert, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFeedbackMutation } from '../mutations';

/** The call's opt-in: applicants see criterion means and the jurors' shareable comments, never a juror's name. */
export function FeedbackSwitch({ callId, enabled }: { callId: string; enabled: boolean }) {
  const { t } = useTranslation('decisions');
  const feedback = useFeedbackMutation(callId);
  const shown = feedback.isPending ? feedback.variables : enabled;

  return (
    <>
      <Switch
        label={t('feedback.label')}
        description={t('feedback.description')}
        checked={shown}
        disabled={feedback.isPending}
        onChange={(event) => feedback.mutate(event.currentTarget.checked)}
      />
      {feedback.isError ? (
        <Alert color="red" variant="light" role="alert">
          {feedback.error.message}
        </Alert>
      ) : null}
    </>
  );
}
