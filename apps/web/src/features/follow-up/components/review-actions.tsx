import { Alert, Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { REPORT_LIMITS, type TProgressReport } from '@tahkim/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ApiError } from '../../../lib/api';
import { zodResolver } from '../../../lib/form-resolver';
import { useReviewReportMutation } from '../mutations';
import { followUpKeys } from '../queries';

/** Asking for changes says what should change: required, as long as the API keeps. */
const ZChangesRequest = z.object({ comment: z.string().trim().min(1).max(REPORT_LIMITS.comment) });
type ChangesRequest = z.infer<typeof ZChangesRequest>;

/**
 * Staff's decision on a submitted report: accept it (its figures then count), or ask for changes with a
 * comment the project reads. A report reviewed meanwhile by someone else is read again, and the reason
 * stays on screen after the buttons go.
 */
export function ReviewActions({ report }: { report: TProgressReport }) {
  const { t } = useTranslation('followUp');
  const queryClient = useQueryClient();
  const review = useReviewReportMutation(report.applicationId, report.milestone.key);
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ChangesRequest>({ resolver: zodResolver(ZChangesRequest), defaultValues: { comment: '' } });

  const send = (decision: 'ACCEPT' | 'REQUEST_CHANGES', comment = '') => {
    setFailure(null);
    review.mutate(
      { version: report.version, decision, comment },
      {
        onSuccess: () => notifications.show({ color: 'tahkim', message: t(decision === 'ACCEPT' ? 'review.accepted' : 'review.changesRequested') }),
        onError: (error) => {
          if (error instanceof ApiError && (error.code === 'CONFLICT' || error.code === 'VERSION_CONFLICT')) {
            setFailure(t('review.conflict'));
            void queryClient.invalidateQueries({ queryKey: followUpKeys.report(report.applicationId, report.milestone.key) });
          } else setFailure(error.message);
        },
      },
    );
  };

  const open = report.status === 'SUBMITTED';
  if (!open && !failure) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="report-decision" data-testid="review-actions">
      <Title order={2} fz="h3" id="report-decision">
        {t('review.decisionTitle')}
      </Title>
      {open ? (
        <Text size="sm" c="dimmed">
          {t('review.decisionIntro')}
        </Text>
      ) : null}
      {failure ? (
        <Alert color="red" variant="light" role="alert">
          {failure}
        </Alert>
      ) : null}
      {!open ? null : asking ? (
        <form noValidate onSubmit={form.handleSubmit(({ comment }) => send('REQUEST_CHANGES', comment))}>
          <Stack gap="sm">
            <Textarea
              label={t('review.comment')}
              description={t('review.commentHint')}
              required
              autosize
              minRows={4}
              maxLength={REPORT_LIMITS.comment}
              error={form.formState.errors.comment?.message}
              {...form.register('comment')}
              data-autofocus
            />
            <Group gap="sm">
              <Button type="submit" color="orange" loading={review.isPending}>
                {t('review.sendChanges')}
              </Button>
              <Button variant="default" onClick={() => setAsking(false)} disabled={review.isPending}>
                {t('review.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Group gap="sm">
          <Button onClick={() => send('ACCEPT')} loading={review.isPending}>
            {t('review.accept')}
          </Button>
          <Button variant="default" onClick={() => setAsking(true)}>
            {t('review.askChanges')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
