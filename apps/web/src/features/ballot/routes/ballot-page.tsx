import { Alert, Button, Container, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TJuryBallot } from '@tahkim/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError, PageLoader } from '../../../components/page-state';
import { ApiError } from '../../../lib/api';
import { usePageTitle } from '../../../lib/use-page-title';
import { localized } from '../../calls/call-text';
import { CallDateTime } from '../../calls/components/call-dates';
import { formatCallDateTime } from '../../calls/deadline';
import { useLocale } from '../../locale/use-locale';
import { ballotRequests } from '../ballot-api';
import { applyMove, moveAnnouncement, moveTo, type BallotMove } from '../ballot-order';
import { BallotConflictDialog, BallotConflictList } from '../components/ballot-conflict-dialog';
import { BallotOrderList, BallotReadOnlyList, candidateName } from '../components/ballot-order-list';
import { BallotSaveStatusLine } from '../components/ballot-save-status';
import { useDeclareBallotConflictMutation, useSubmitBallotMutation } from '../mutations';
import { ballotKeys, juryBallotQuery } from '../queries';
import { useBallotAutosave } from '../use-ballot-autosave';
import '../ballot.css';

/** The juror's final ballot for one round: order the finalists, autosaved, then submit. */
export function BallotPage() {
  const { t } = useTranslation('ballot');
  usePageTitle(t('title'));
  const { roundId = '' } = useParams();
  const ballot = useQuery(juryBallotQuery(roundId));
  return (
    <Container size="md" py="lg">
      {ballot.isPending ? <PageLoader /> : null}
      {ballot.isError ? <LoadError error={ballot.error} onRetry={() => void ballot.refetch()} /> : null}
      {ballot.isSuccess ? <BallotEditor key={roundId} roundId={roundId} initial={ballot.data} /> : null}
    </Container>
  );
}

function BallotEditor({ roundId, initial }: { roundId: string; initial: TJuryBallot }) {
  const { t } = useTranslation('ballot');
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const [current, setCurrent] = useState(initial);
  const [order, setOrder] = useState(initial.ballot.order);
  const [comment, setComment] = useState(initial.ballot.comment ?? '');
  const [announcement, setAnnouncement] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const submit = useSubmitBallotMutation(roundId);
  const declareConflict = useDeclareBallotConflictMutation(roundId);
  const [declaring, setDeclaring] = useState<string | null>(null);
  const candidates = useMemo(() => new Map(current.candidates.map((c) => [c.applicationId, c])), [current.candidates]);
  const { controller, state } = useBallotAutosave(
    { version: initial.ballot.version, draft: { order: initial.ballot.order, comment: initial.ballot.comment }, locked: initial.ballot.status === 'SUBMITTED' },
    {
      save: (body) => ballotRequests.save(roundId, body),
      onSaved: (saved) => {
        setCurrent((before) => ({ ...saved, ballot: { ...saved.ballot, order: before.ballot.order } }));
        queryClient.setQueryData(ballotKeys.ballot(roundId), saved);
      },
      onReload: (saved) => {
        setCurrent(saved);
        setOrder(saved.ballot.order);
        setComment(saved.ballot.comment ?? '');
        queryClient.setQueryData(ballotKeys.ballot(roundId), saved);
      },
    },
  );
  const submitted = current.ballot.status === 'SUBMITTED' || state.status.kind === 'locked';
  const nameOf = (id: string) => candidateName(candidates.get(id));

  const change = (nextOrder: string[], nextComment: string) => {
    setOrder(nextOrder);
    setComment(nextComment);
    controller.change({ order: nextOrder, comment: nextComment.trim() || null });
  };
  const onMove = (id: string, move: BallotMove) => {
    const next = applyMove(order, id, move);
    change(next, comment);
    setAnnouncement(t('move.moved', moveAnnouncement(next, id, nameOf)));
  };
  // Drag and drop announces itself (dnd-kit's live region); only the order changes here.
  const onMoveTo = (id: string, to: number) => change(moveTo(order, id, to), comment);

  const confirmSubmit = async () => {
    setSubmitError(null);
    // What is submitted is what the juror sees: saved first, even unchanged (a first order never saved, or
    // a draft the API completed with an application taken into the round since the last save).
    const saved = await controller.flush(true);
    if (!saved) {
      setConfirming(false);
      return;
    }
    try {
      const result = await submit.mutateAsync(controller.getState().version);
      setCurrent(result);
      setOrder(result.ballot.order);
      controller.reset(result);
      setConfirming(false);
      notifications.show({ color: 'tahkim', message: t('submit.done') });
    } catch (error) {
      setConfirming(false);
      setSubmitError(error instanceof ApiError ? error.message : String(error));
    }
  };

  /**
   * Declares a conflict with a finalist: the order as it stands is saved first, then the ballot comes
   * back without that finalist (a new version) and the page continues from it.
   */
  const confirmConflict = async (reason: string): Promise<string | null> => {
    const applicationId = declaring;
    if (!applicationId) return null;
    const name = nameOf(applicationId);
    if (!submitted && !(await controller.flush())) return t('conflict.saveFirst');
    try {
      const result = await declareConflict.mutateAsync({ applicationId, reason });
      setCurrent(result);
      setOrder(result.ballot.order);
      setComment(result.ballot.comment ?? '');
      controller.reset(result);
      setDeclaring(null);
      setAnnouncement(t('conflict.done', { name }));
      notifications.show({ color: 'tahkim', message: t('conflict.done', { name }) });
      return null;
    } catch (error) {
      return error instanceof ApiError ? error.message : String(error);
    }
  };

  const round = current.round;
  const instructions = round.instructions ? localized(round.instructions, locale) : '';
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Text component={Link} to="/jury" size="sm" c="tahkim.8">
          {t('jury.backToJury')}
        </Text>
        <Text size="sm" c="dimmed">
          {localized(current.call.title, locale)}
        </Text>
        <Title order={1}>{t('heading')}</Title>
        <Text fw={600}>{localized(round.name, locale)}</Text>
        {round.closesAt ? (
          <Text size="sm">
            <Text span fw={600}>
              {t('deadline')}
            </Text>{' '}
            <CallDateTime iso={round.closesAt} />
          </Text>
        ) : null}
      </Stack>
      {instructions ? (
        <Alert variant="light" color="tahkim" title={t('instructions')}>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
            {instructions}
          </Text>
        </Alert>
      ) : null}
      {submitted ? (
        <Stack gap="sm">
          <Alert color="green" variant="light" role="status">
            {current.ballot.submittedAt ? t('submit.submittedOn', { date: formatCallDateTime(current.ballot.submittedAt, locale) }) : t('autosave.locked')}
          </Alert>
          <Text fw={600}>{t('submit.readOnly')}</Text>
          <BallotReadOnlyList order={current.ballot.status === 'SUBMITTED' ? current.ballot.order : order} candidates={candidates} onDeclareConflict={setDeclaring} />
          {current.ballot.comment ? (
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
              {current.ballot.comment}
            </Text>
          ) : null}
        </Stack>
      ) : (
        <Stack gap="md">
          <Stack gap={4}>
            <Text fw={700} size="lg">
              {t('lead')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('howTo')}
            </Text>
            {round.blind ? (
              <Text size="sm" c="dimmed">
                {t('blind')}
              </Text>
            ) : null}
          </Stack>
          <BallotOrderList order={order} candidates={candidates} onMove={onMove} onMoveTo={onMoveTo} onDeclareConflict={setDeclaring} />
          <div className="visually-hidden" role="status" aria-live="assertive" aria-atomic="true" data-testid="ballot-announcement">
            {announcement}
          </div>
          <Textarea
            label={t('comment.label')}
            description={t('comment.description')}
            value={comment}
            onChange={(event) => change(order, event.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={5000}
          />
          {submitError ? (
            <Alert color="red" variant="light" role="alert">
              {submitError}
            </Alert>
          ) : null}
          <Group className="ballot-actions" justify="space-between" gap="sm">
            <BallotSaveStatusLine status={state.status} />
            <Button onClick={() => setConfirming(true)} disabled={order.length === 0}>
              {t('submit.button')}
            </Button>
          </Group>
        </Stack>
      )}
      <BallotConflictList conflicts={current.conflicts} />
      <BallotConflictDialog candidate={declaring ? (candidates.get(declaring) ?? null) : null} onCancel={() => setDeclaring(null)} onConfirm={confirmConflict} />
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('submit.confirmTitle')} centered>
        <Stack gap="md">
          <Text size="sm">{t('submit.confirmBody')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('submit.cancel')}
            </Button>
            <Button onClick={() => void confirmSubmit()} loading={submit.isPending || state.status.kind === 'saving'} data-autofocus>
              {t('submit.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
