import { Alert, Button, Group, Modal, Paper, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import type { TCriterion, TScorecard } from '@tahkim/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { formatList } from '../../../lib/format';
import { localized } from '../../calls/call-text';
import { CallDateTime } from '../../calls/components/call-dates';
import { useLocale } from '../../locale/use-locale';
import { juryRequests } from '../jury-api';
import { storeScorecard, useSubmitScorecardMutation } from '../mutations';
import { draftFrom, missingCriteria, saveBody, sharesById, type ScorecardDraft } from '../scorecard-state';
import { useScorecardAutosave } from '../use-scorecard-autosave';
import { CriterionInput } from './criterion-input';
import { LiveScore } from './live-score';
import { ScorecardSaveStatus } from './save-status';

const bodyOf = (draft: ScorecardDraft, criteria: readonly TCriterion[]) => {
  const { version: _version, ...body } = saveBody(draft, criteria, 1);
  return body;
};

/** The juror's scorecard for one application: fast keyboard entry, live score, autosave, submit. */
export function ScorecardPanel({ scorecard, criteria }: { scorecard: TScorecard; criteria: TCriterion[] }) {
  const { t } = useTranslation('jury');
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(() => draftFrom(scorecard, criteria));
  const [showMissing, setShowMissing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [submitError, setSubmitError] = useState<ApiError | null>(null);
  const container = useRef<HTMLDivElement>(null);
  const overallRef = useRef<HTMLTextAreaElement>(null);
  const submitted = scorecard.status === 'SUBMITTED';
  const shares = useMemo(() => sharesById(criteria), [criteria]);
  const missing = missingCriteria(criteria, draft);
  const missingIds = new Set(missing.map((criterion) => criterion.id));

  const { controller, state } = useScorecardAutosave(
    { version: scorecard.version, body: bodyOf(draftFrom(scorecard, criteria), criteria) },
    {
      save: (body) => juryRequests.saveScorecard(scorecard.assignmentId, body),
      onSaved: (saved) => void storeScorecard(queryClient, saved),
    },
  );
  const submit = useSubmitScorecardMutation(scorecard.assignmentId);
  const readOnly = submitted || state.status.kind === 'locked';

  const update = (change: (current: ScorecardDraft) => ScorecardDraft) => {
    if (readOnly) return;
    setDraft((current) => {
      const next = change(current);
      controller.change(bodyOf(next, criteria));
      return next;
    });
    setSubmitError(null);
  };

  const focusCriterion = (index: number) => {
    if (index >= criteria.length) {
      overallRef.current?.focus();
      return;
    }
    const group = container.current?.querySelector(`[data-criterion-group="${index}"]`);
    group?.querySelector<HTMLElement>('[tabindex="0"], input')?.focus();
  };

  const askSubmit = () => {
    setSubmitError(null);
    if (missing.length > 0) {
      setShowMissing(true);
      focusCriterion(criteria.indexOf(missing[0]!));
      return;
    }
    setConfirming(true);
  };

  const confirmSubmit = async () => {
    setConfirming(false);
    const saved = await controller.flush();
    if (!saved && controller.getState().dirty) return;
    submit.mutate(controller.getState().version, {
      onError: (error) => setSubmitError(error instanceof ApiError ? error : null),
    });
  };

  const missingLabels = missing.map((criterion) => localized(criterion.label, locale));

  return (
    <Stack gap="md" ref={container} component="section" aria-labelledby="scorecard-heading">
      <Group justify="space-between" align="center" gap="xs">
        <Title order={2} fz="h3" id="scorecard-heading">
          {t('scorecard.heading')}
        </Title>
        {!submitted ? (
          <ScorecardSaveStatus
            status={state.status}
            onKeepMine={(current) => void controller.keepMine(current)}
            onTakeSaved={(current) => {
              const next = draftFrom(current, criteria);
              controller.takeSaved(current, bodyOf(next, criteria));
              setDraft(next);
            }}
          />
        ) : null}
      </Group>
      {submitted && scorecard.submittedAt ? (
        <Alert color="green" variant="light" title={t('scorecard.submittedTitle')}>
          {t('scorecard.submittedOn')} <CallDateTime iso={scorecard.submittedAt} />
        </Alert>
      ) : null}
      {!submitted && scorecard.reopenedAt ? (
        <Alert color="orange" variant="light" title={t('scorecard.reopenedTitle')}>
          {scorecard.reopenReason ?? ''}
        </Alert>
      ) : null}
      <LiveScore criteria={criteria} draft={draft} />
      {!readOnly ? (
        <Text size="sm" c="dimmed" className="keyboard-hint">
          {t('scorecard.keyboardHint')}
        </Text>
      ) : null}
      {criteria.map((criterion, index) => (
        <CriterionInput
          key={criterion.id}
          criterion={criterion}
          index={index}
          share={shares[criterion.id] ?? 0}
          value={draft.values[criterion.id] ?? null}
          comment={draft.comments[criterion.id] ?? ''}
          readOnly={readOnly}
          missing={showMissing && missingIds.has(criterion.id)}
          onValue={(value) => update((current) => ({ ...current, values: { ...current.values, [criterion.id]: value } }))}
          onComment={(comment) => update((current) => ({ ...current, comments: { ...current.comments, [criterion.id]: comment } }))}
          onNext={() => focusCriterion(index + 1)}
        />
      ))}
      <Paper withBorder radius="md" p="md">
        <Stack gap="sm">
          <Textarea
            ref={overallRef}
            label={t('scorecard.overallComment')}
            autosize
            minRows={3}
            maxLength={10_000}
            readOnly={readOnly}
            value={draft.overallComment}
            onChange={(event) => {
              const overallComment = event.currentTarget.value;
              update((current) => ({ ...current, overallComment }));
            }}
          />
          <Switch
            className="share-switch"
            label={t('scorecard.shareable')}
            description={t('scorecard.shareableHelp')}
            checked={draft.commentShareable}
            disabled={readOnly}
            onChange={(event) => {
              const commentShareable = event.currentTarget.checked;
              update((current) => ({ ...current, commentShareable }));
            }}
          />
          {/* The state in words too: a disabled switch (a submitted scorecard) must not look off when it is on. */}
          <Text size="sm" fw={500} data-testid="share-state" data-shared={draft.commentShareable || undefined}>
            {draft.commentShareable ? t('scorecard.sharedState') : t('scorecard.notSharedState')}
          </Text>
        </Stack>
      </Paper>
      {showMissing && missing.length > 0 && !readOnly ? (
        <Alert color="orange" variant="light" role="alert" title={t('scorecard.missingTitle')}>
          {t('scorecard.missingBody', { criteria: formatList(missingLabels, locale) })}
        </Alert>
      ) : null}
      {submitError ? (
        <Alert color="red" variant="light" role="alert" title={t('scorecard.submitFailed')}>
          <Stack gap={4}>
            <span>{submitError.message}</span>
            {submitError.issues.length > 0 ? (
              <ul className="plain-list">
                {submitError.issues.map((issue, index) => (
                  <li key={index}>{issue.message}</li>
                ))}
              </ul>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      {!readOnly ? (
        <Group justify="flex-end">
          <Button onClick={askSubmit} loading={submit.isPending}>
            {t('scorecard.submit')}
          </Button>
        </Group>
      ) : null}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('scorecard.confirmTitle')} centered>
        <Stack gap="md">
          <Text>{t('scorecard.confirmBody')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('scorecard.cancel')}
            </Button>
            <Button onClick={() => void confirmSubmit()} data-autofocus>
              {t('scorecard.confirmSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
