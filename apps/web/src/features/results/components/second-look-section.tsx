import { Alert, Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import type { TRankingQueryMethod, TSecondLook, TSecondLookPlan } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../../components/number-field';
import { LoadError, PageLoader } from '../../../components/page-state';
import { ScrollTable } from '../../../components/scroll-table';
import { ApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { useLocale } from '../../locale/use-locale';
import { useCommitSecondLookMutation, usePreviewSecondLookMutation, useUndoSecondLookMutation } from '../mutations';
import { formatNumber } from '../numbers';
import { secondLooksQuery } from '../queries';
import { UndoModal } from './undo-modal';

interface SecondLookSectionProps {
  roundId: string;
  method: TRankingQueryMethod;
  /** The shortlist size the page is looking at (the confidence's k). */
  size: number;
  closed: boolean;
}

const REASON_COLORS = { INCOMPLETE: 'orange', DISAGREEMENT: 'red', NEAR_CUT: 'blue' } as const;

/** The picks of a plan: which application, why, and which juror reads it again. */
function PlanTable({ plan }: { plan: TSecondLookPlan }) {
  const { t } = useTranslation('results');
  const { locale } = useLocale();
  return (
    <Stack gap="sm">
      <ScrollTable label={t('secondLook.picksCaption')} minWidth={640} cards>
        <Table verticalSpacing="xs" striped data-testid="second-look-picks">
          <caption className="visually-hidden">{t('secondLook.picksCaption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('table.application')}</Table.Th>
              <Table.Th scope="col">{t('secondLook.reason')}</Table.Th>
              <Table.Th scope="col">{t('secondLook.juror')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plan.picks.map((pick) => (
              <Table.Tr key={`${pick.applicationId}:${pick.jurorId}`} data-testid="second-look-pick">
                <Table.Td>
                  <Text fw={600} dir="ltr" style={{ whiteSpace: 'nowrap' }}>
                    {pick.reference ?? t('table.noReference')}
                  </Text>
                  <Text size="sm" dir="auto" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                    {pick.title || t('table.untitled')}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Badge color={REASON_COLORS[pick.reason]} variant="light" style={{ minInlineSize: 'max-content' }}>
                      {t(`secondLook.reasons.${pick.reason}`)}
                    </Badge>
                    {pick.distance !== null ? (
                      <Text size="xs" c="dimmed">
                        {t('secondLook.distance', { value: formatNumber(pick.distance, locale, 2) })}
                      </Text>
                    ) : null}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <bdi>{pick.jurorName}</bdi>
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Text size="sm" fw={600}>
        {t('secondLook.loadsTitle')}
      </Text>
      <Group gap="xs" wrap="wrap" data-testid="second-look-loads">
        {plan.jurors
          .filter((juror) => juror.added > 0)
          .map((juror) => (
            <Badge key={juror.jurorId} variant="outline" color="gray" style={{ textTransform: 'none' }}>
              <bdi>{juror.displayName}</bdi> {t('secondLook.load', { before: juror.before, after: juror.after })}
            </Badge>
          ))}
      </Group>
      {plan.unplaced > 0 ? (
        <Alert color="orange" variant="light">
          {t('secondLook.unplaced', { count: plan.unplaced })}
        </Alert>
      ) : null}
    </Stack>
  );
}

/**
 * A second look: staff give a budget of extra scorecards for the shortlist the page shows; the planner
 * places them where the cut is least certain (preview first: which applications, why, which jurors, the
 * loads after), then they become assignments jurors see marked; undoable while none is submitted.
 */
export function SecondLookSection({ roundId, method, size, closed }: SecondLookSectionProps) {
  const { t } = useTranslation('results');
  const { locale } = useLocale();
  const [total, setTotal] = useState<number | string>(12);
  // The budget in all, or as many for each juror of the round.
  const [kind, setKind] = useState<'total' | 'perJuror'>('total');
  const [plan, setPlan] = useState<TSecondLookPlan | null>(null);
  const [undoing, setUndoing] = useState<TSecondLook | null>(null);
  const preview = usePreviewSecondLookMutation(roundId);
  const commit = useCommitSecondLookMutation(roundId);
  const undo = useUndoSecondLookMutation(roundId);
  const list = useQuery(secondLooksQuery(roundId));
  const totalValue = typeof total === 'number' ? total : Number.parseInt(total, 10);
  const valid = Number.isInteger(totalValue) && totalValue >= 1 && totalValue <= (kind === 'total' ? 10_000 : 1_000);
  const request = kind === 'total' ? { method, size, total: totalValue } : { method, size, perJuror: totalValue };
  // A plan is for the shortlist and budget it was made with: another one needs a new preview.
  const current = plan && plan.size === size && plan.method === method && (kind === 'total' ? plan.total : plan.perJuror) === totalValue ? plan : null;

  const runPreview = async () => {
    commit.reset();
    const next = await preview.mutateAsync(request).catch(() => null);
    setPlan(next);
  };
  const runCommit = async () => {
    if (!current) return;
    try {
      await commit.mutateAsync({ ...request, stamp: current.stamp });
      setPlan(null);
    } catch (error) {
      // The ranking moved since the preview: show the plan for the data as it is now.
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') setPlan(await preview.mutateAsync(request).catch(() => null));
    }
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('secondLook.intro', { count: size })}</Text>
      {closed ? (
        <Alert color="gray" variant="light">
          {t('secondLook.closed')}
        </Alert>
      ) : (
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="second-look-budget-kind">
              {t('secondLook.budgetKind')}
            </Text>
            <SegmentedControl
              aria-labelledby="second-look-budget-kind"
              value={kind}
              onChange={(value) => {
                setKind(value as 'total' | 'perJuror');
                // A budget in all of 12 is a light one; 12 for each juror would not be.
                setTotal(value === 'total' ? 12 : 2);
              }}
              data={[
                { value: 'total', label: t('secondLook.inAll') },
                { value: 'perJuror', label: t('secondLook.perJuror') },
              ]}
            />
          </Stack>
          <NumberField
            label={t(kind === 'total' ? 'secondLook.budget' : 'secondLook.budgetPerJuror')}
            value={total}
            onChange={setTotal}
            min={1}
            max={kind === 'total' ? 10000 : 1000}
            allowDecimal={false}
            w={200}
          />
          <Button variant="light" disabled={!valid} loading={preview.isPending} onClick={() => void runPreview()}>
            {t('secondLook.preview')}
          </Button>
        </Group>
      )}
      {preview.isError ? (
        <Alert color="red" variant="light" role="alert">
          {preview.error.message}
        </Alert>
      ) : null}
      {current ? (
        <Stack gap="sm" data-testid="second-look-plan">
          <Text size="sm" role="status">
            {current.picks.length === 0
              ? t('secondLook.nothing')
              : t('secondLook.summary', {
                  count: current.picks.length,
                  applications: new Set(current.picks.map((pick) => pick.applicationId)).size,
                  jurors: current.jurors.filter((juror) => juror.added > 0).length,
                })}
          </Text>
          {current.picks.length > 0 ? <PlanTable plan={current} /> : null}
          {commit.isError ? (
            <Alert color="red" variant="light" role="alert">
              {commit.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setPlan(null)}>
              {t('actions.cancel')}
            </Button>
            <Button disabled={current.picks.length === 0} loading={commit.isPending} onClick={() => void runCommit()}>
              {t('secondLook.commit', { count: current.picks.length })}
            </Button>
          </Group>
        </Stack>
      ) : null}
      {commit.isSuccess ? (
        <Alert color="tahkim" variant="light" role="status" withCloseButton onClose={() => commit.reset()} closeButtonLabel={t('advance.dismiss')}>
          {t('secondLook.committed', { count: commit.data.assignments })}
        </Alert>
      ) : null}
      <Text size="sm" fw={600}>
        {t('secondLook.historyTitle')}
      </Text>
      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('secondLook.none')}
        </Text>
      ) : (
        <Stack gap="xs" data-testid="second-look-history">
          {list.data.items.map((item) => (
            <Group key={item.id} justify="space-between" wrap="wrap" gap="xs" data-testid="second-look-item">
              <Text size="sm">
                {t('secondLook.item', {
                  date: formatDateTime(item.createdAt, locale),
                  count: item.assignments,
                  submitted: item.submitted,
                  size: item.size ?? 0,
                })}
                {item.createdBy ? (
                  <>
                    {' · '}
                    <bdi>{item.createdBy.displayName}</bdi>
                  </>
                ) : null}
              </Text>
              {item.undoable ? (
                <Button size="xs" variant="subtle" color="orange" onClick={() => setUndoing(item)}>
                  {t('secondLook.undo')}
                </Button>
              ) : (
                <Text size="xs" c="dimmed">
                  {t('secondLook.notUndoable')}
                </Text>
              )}
            </Group>
          ))}
        </Stack>
      )}
      <UndoModal
        opened={undoing !== null}
        title={t('secondLook.undoTitle')}
        body={undoing ? t('secondLook.undoBody', { count: undoing.assignments }) : ''}
        confirm={t('secondLook.undo')}
        undo={undo}
        id={undoing?.id ?? null}
        onClose={() => setUndoing(null)}
      />
    </Stack>
  );
}
