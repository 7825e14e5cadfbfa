import { Alert, Button, Group, List, Modal, Pagination, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import type { TAutoAssignResult, TRoundAssignments } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoader } from '../../../components/page-state';
import { indexAssignments, sameSelection, suggestedPairs, toAssignmentPairs, toggleCell, type CellKey } from '../assignment-state';
import { ApiError } from '../../../lib/api';
import { useAutoAssignMutation, usePreviewAutoAssignMutation, useSaveAssignmentsMutation } from '../mutations';
import { roundAssignmentsQuery } from '../queries';
import { applicationLabel, AssignmentList, AssignmentMatrix } from './assignment-matrix';
import { useTopicLabels } from '../use-topic-labels';
import { AssignmentPreview } from './assignment-preview';
import { AutoAssignResult } from './auto-assign-result';

const PAGE_SIZE = 50;

type SuggestedPair = ReturnType<typeof suggestedPairs>[number];

/** Hand adjustment of a round's assignments, over what the server answered last. */
function AssignmentEditor({ roundId, data, required }: { roundId: string; data: TRoundAssignments; required: number }) {
  const { t } = useTranslation('rounds');
  const index = useMemo(() => indexAssignments(data), [data]);
  const [selected, setSelected] = useState<ReadonlySet<CellKey>>(index.initial);
  const narrow = useMediaQuery('(max-width: 48em)');
  const [view, setView] = useState<'matrix' | 'list' | null>(null);
  const shownView = view ?? (narrow ? 'list' : 'matrix');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const save = useSaveAssignmentsMutation(roundId);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<SuggestedPair[] | null>(null);

  /** Saves the selection; pairs refused for a suggested conflict come back for confirmation. */
  // Awaited rather than passed to mutate(): a mutate() callback no longer runs if the panel is
  // re-mounted while the saved assignments are fetched again, and the confirmation would be lost.
  const submit = async (confirmSuggestedConflicts: Array<{ jurorId: string; applicationId: string }>) => {
    setSaveError(null);
    try {
      await save.mutateAsync({ assignments: toAssignmentPairs(selected), confirmSuggestedConflicts });
      setConfirming(null);
      notifications.show({ color: 'tahkim', message: t('assignment.saved') });
    } catch (error) {
      const refused = error instanceof ApiError && error.code === 'SUGGESTED_CONFLICT' ? suggestedPairs(error.details) : [];
      if (refused.length > 0) {
        // Pairs confirmed before stay confirmed if a new suggestion appeared meanwhile.
        setConfirming([...refused, ...(confirming ?? []).filter((c) => !refused.some((r) => r.jurorId === c.jurorId && r.applicationId === c.applicationId))]);
        return;
      }
      setConfirming(null);
      setSaveError(error instanceof Error ? error.message : String(error));
    }
  };

  const filtered = useMemo(() => {
    const needle = search.trim().toLowerCase();
    if (!needle) return data.applications;
    return data.applications.filter((a) => `${a.reference ?? ''} ${a.title ?? ''}`.toLowerCase().includes(needle));
  }, [data.applications, search]);
  const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const visible = filtered.slice((Math.min(page, pages) - 1) * PAGE_SIZE, Math.min(page, pages) * PAGE_SIZE);
  const dirty = !sameSelection(selected, index.initial);

  if (data.jurors.length === 0 || data.applications.length === 0) {
    return <Text c="dimmed">{data.jurors.length === 0 ? t('assignment.noJurors') : t('assignment.noApplications')}</Text>;
  }

  const props = { data, applications: visible, index, selected, required, onToggle: (key: CellKey) => setSelected((current) => toggleCell(index, current, key)) };

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <TextInput
          label={t('assignment.search')}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          w={260}
        />
        <SegmentedControl
          aria-label={t('assignment.view')}
          value={shownView}
          onChange={(value) => setView(value as 'matrix' | 'list')}
          data={[
            { value: 'matrix', label: t('assignment.matrixView') },
            { value: 'list', label: t('assignment.listView') },
          ]}
        />
      </Group>
      <Text size="sm" c="dimmed">
        {t('assignment.legend')}
      </Text>
      {shownView === 'matrix' ? <AssignmentMatrix {...props} /> : <AssignmentList {...props} />}
      {pages > 1 ? <Pagination total={pages} value={Math.min(page, pages)} onChange={setPage} aria-label={t('assignment.pages')} /> : null}
      {saveError ? (
        <Alert color="red" variant="light" role="alert">
          {saveError}
        </Alert>
      ) : null}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" disabled={!dirty} onClick={() => setSelected(index.initial)}>
          {t('assignment.discard')}
        </Button>
        <Button disabled={!dirty} loading={save.isPending && confirming === null} onClick={() => void submit([])}>
          {t('assignment.save')}
        </Button>
      </Group>
      <SuggestedConflictsDialog
        data={data}
        pairs={confirming}
        saving={save.isPending}
        onCancel={() => setConfirming(null)}
        onConfirm={(pairs) => void submit(pairs.map(({ jurorId, applicationId }) => ({ jurorId, applicationId })))}
      />
    </Stack>
  );
}

/**
 * Staff asked to assign a juror against a pending suggested conflict: each pair is named (juror,
 * application, the organisation that matched) before the save is sent again with their confirmation.
 */
function SuggestedConflictsDialog({ data, pairs, saving, onCancel, onConfirm }: { data: TRoundAssignments; pairs: SuggestedPair[] | null; saving: boolean; onCancel: () => void; onConfirm: (pairs: SuggestedPair[]) => void }) {
  const { t } = useTranslation('rounds');
  const jurors = new Map(data.jurors.map((j) => [j.id, j.displayName]));
  const applications = new Map(data.applications.map((a) => [a.id, applicationLabel(a, t('assignment.unnumbered'))]));
  return (
    <Modal opened={pairs !== null} onClose={onCancel} title={t('assignment.suggested.title')} centered>
      <Stack gap="md">
        <Text size="sm">{t('assignment.suggested.body')}</Text>
        <List spacing="xs" data-testid="suggested-conflicts">
          {(pairs ?? []).map((pair) => (
            <List.Item key={`${pair.jurorId}:${pair.applicationId}`}>
              <Text size="sm" fw={600}>
                <bdi>{jurors.get(pair.jurorId) ?? pair.jurorId}</bdi> – <bdi>{applications.get(pair.applicationId) ?? pair.applicationId}</bdi>
              </Text>
              {pair.reason ? (
                <Text size="xs" c="dimmed">
                  {t('assignment.suggested.organisation')} <bdi>{pair.reason}</bdi>
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel}>
            {t('assignment.suggested.cancel')}
          </Button>
          <Button color="orange" loading={saving} onClick={() => onConfirm(pairs ?? [])} data-autofocus>
            {t('assignment.suggested.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** A 409 CONFLICT because the data changed between the preview and its confirmation. */
function isPlanChanged(error: unknown): error is ApiError {
  if (!(error instanceof ApiError) || error.code !== 'CONFLICT') return false;
  const details = error.details as { reason?: unknown } | null | undefined;
  return details?.reason === 'PLAN_CHANGED';
}

/** Automatic assignment (previewed, then confirmed), its result in words, and the hand-adjustable matrix. */
export function AssignmentPanel({ roundId, callId, required }: { roundId: string; callId: string; required: number }) {
  const { t } = useTranslation('rounds');
  const assignments = useQuery(roundAssignmentsQuery(roundId));
  const topics = useTopicLabels(callId);
  const preview = usePreviewAutoAssignMutation(roundId);
  const auto = useAutoAssignMutation(roundId);
  const [previewing, setPreviewing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [result, setResult] = useState<TAutoAssignResult | null>(null);

  const runPreview = () => {
    setResult(null);
    setPreviewing(true);
    preview.mutate();
  };
  const close = () => {
    setPreviewing(false);
    setNotice(null);
    preview.reset();
  };
  // Only the plan staff read is committed: if the data changed meanwhile, they read the new one.
  const confirm = async (fingerprint: string) => {
    setNotice(null);
    try {
      const committed = await auto.mutateAsync(fingerprint);
      close();
      setResult(committed);
    } catch (error) {
      if (isPlanChanged(error)) {
        setNotice(error.message);
        preview.mutate();
        return;
      }
      notifications.show({ color: 'red', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <Text c="dimmed" maw={640}>
          {t('assignment.intro', { required })}
        </Text>
        {previewing ? null : <Button onClick={runPreview}>{t('assignment.preview.run')}</Button>}
      </Group>
      {previewing ? (
        preview.data ? (
          <AssignmentPreview
            plan={preview.data}
            topicLabel={topics.label}
            notice={notice}
            confirming={auto.isPending}
            onConfirm={() => void confirm(preview.data.fingerprint)}
            onCancel={close}
          />
        ) : preview.isError ? (
          <Stack gap="xs" align="flex-start">
            <LoadError error={preview.error} onRetry={() => preview.mutate()} />
            <Button variant="default" size="xs" onClick={close}>
              {t('assignment.preview.cancel')}
            </Button>
          </Stack>
        ) : (
          <PageLoader />
        )
      ) : null}
      {result ? <AutoAssignResult result={result} /> : null}
      {assignments.isPending ? (
        <PageLoader />
      ) : assignments.isError ? (
        <LoadError error={assignments.error} onRetry={() => void assignments.refetch()} />
      ) : (
        <AssignmentEditor key={assignments.dataUpdatedAt} roundId={roundId} data={assignments.data} required={required} />
      )}
    </Stack>
  );
}
