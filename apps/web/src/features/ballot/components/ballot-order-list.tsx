import type { UniqueIdentifier } from '@dnd-kit/core';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { ActionIcon, Button, Group, Text, Tooltip } from '@mantine/core';
import type { TBallotCandidate } from '@tahkim/contracts';
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SortableList } from '../../../components/sortable-list';
import { targetIndex, type BallotMove } from '../ballot-order';
import { GripIcon } from '../../../components/icons';
import { MoveIcon } from './move-icons';

const MOVES: readonly BallotMove[] = ['top', 'up', 'down', 'bottom'];

/** "FAB-2026-0003 – Atelier solidaire": how a project is named in buttons and announcements. */
export function candidateName(candidate: TBallotCandidate | undefined): string {
  if (!candidate) return '';
  return candidate.title ? `${candidate.applicationLabel} – ${candidate.title}` : candidate.applicationLabel;
}

/**
 * The juror's order as an ordered list, best first. Each project moves by dragging its handle (mouse,
 * touch, or keyboard: Space, arrows, Space) and by "move" buttons that work with one tap or key press;
 * after a button move the focus stays on the same button of the moved project.
 */
export function BallotOrderList({
  order,
  candidates,
  onMove,
  onMoveTo,
  onDeclareConflict,
}: {
  order: string[];
  candidates: ReadonlyMap<string, TBallotCandidate>;
  onMove: (id: string, move: BallotMove) => void;
  onMoveTo: (id: string, to: number) => void;
  /** Opens the declaration of a conflict of interest with this project. */
  onDeclareConflict: (id: string) => void;
}) {
  const { t } = useTranslation('ballot');
  const listRef = useRef<HTMLOListElement>(null);
  const refocus = useRef<{ id: string; control: string } | null>(null);
  const nameOf = (id: UniqueIdentifier) => candidateName(candidates.get(String(id)));
  const total = order.length;

  // The list re-renders in the new order: put the focus back on the control that moved the project.
  useLayoutEffect(() => {
    const target = refocus.current;
    if (!target || !listRef.current) return;
    refocus.current = null;
    // Application ids are UUIDs: safe inside an attribute selector.
    const row = listRef.current.querySelector<HTMLElement>(`[data-ballot-id="${target.id}"]`);
    row?.querySelector<HTMLElement>(`[data-control="${target.control}"]`)?.focus();
  }, [order]);

  const move = (id: string, kind: BallotMove) => {
    if (targetIndex(order, id, kind) === null) return;
    refocus.current = { id, control: kind };
    onMove(id, kind);
  };

  return (
    <SortableList ids={order} nameOf={nameOf} onMove={onMoveTo} texts={{ announce: (what, values) => t(`move.${what}`, values), instructions: t('move.instructions') }}>
      <ol ref={listRef} className="plain-list ballot-list" aria-label={t('listLabel')}>
        {order.map((id, index) => (
          <BallotRow key={id} id={id} index={index} total={total} candidate={candidates.get(id)} onMove={move} onDeclareConflict={onDeclareConflict} />
        ))}
      </ol>
    </SortableList>
  );
}

function BallotRow({
  id,
  index,
  total,
  candidate,
  onMove,
  onDeclareConflict,
}: {
  id: string;
  index: number;
  total: number;
  candidate: TBallotCandidate | undefined;
  onMove: (id: string, move: BallotMove) => void;
  onDeclareConflict: (id: string) => void;
}) {
  const { t } = useTranslation('ballot');
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id, attributes: { roleDescription: t('move.roleDescription') } });
  const name = candidateName(candidate);
  const canMove = (move: BallotMove) => (move === 'up' || move === 'top' ? index > 0 : index < total - 1);
  return (
    <li
      ref={setNodeRef}
      data-ballot-id={id}
      className="ballot-row"
      data-dragging={isDragging || undefined}
      style={{ transform: CSS.Transform.toString(transform), transition, zIndex: isDragging ? 2 : undefined }}
    >
      <span className="ballot-rank" aria-hidden="true">
        {t('position', { position: index + 1 })}
      </span>
      <ActionIcon
        ref={setActivatorNodeRef}
        variant="subtle"
        color="gray"
        size="xl"
        className="ballot-handle"
        aria-label={t('move.handle', { name })}
        data-control="handle"
        {...attributes}
        {...listeners}
      >
        <GripIcon />
      </ActionIcon>
      <div className="ballot-row-text">
        <span className="visually-hidden">{t('positionLabel', { position: index + 1, total })} </span>
        <CandidateText candidate={candidate} />
        <DeclareConflictControl name={name} onClick={() => onDeclareConflict(id)} />
      </div>
      <Group gap={4} wrap="nowrap" className="ballot-moves">
        {MOVES.map((move) => {
          const enabled = canMove(move);
          return (
            <Tooltip key={move} label={t(`move.${move}`)} openDelay={400} events={{ hover: true, focus: false, touch: false }}>
              <ActionIcon
                variant={move === 'up' || move === 'down' ? 'light' : 'subtle'}
                size="xl"
                data-control={move}
                // Disabled but focusable, so the focus is never lost when a project reaches the top or the bottom.
                data-disabled={!enabled || undefined}
                aria-disabled={!enabled}
                aria-label={t(`move.${move}For`, { name })}
                onClick={() => onMove(id, move)}
              >
                <MoveIcon move={move} />
              </ActionIcon>
            </Tooltip>
          );
        })}
      </Group>
    </li>
  );
}

/**
 * Reference and title, each isolated (<bdi>) so a French title in an Arabic page keeps its own direction
 * while the lines stay aligned with the page.
 */
function CandidateText({ candidate }: { candidate: TBallotCandidate | undefined }) {
  return (
    <>
      <Text fw={700}>
        <bdi>{candidate?.applicationLabel}</bdi>
      </Text>
      {candidate?.title ? (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          <bdi>{candidate.title}</bdi>
        </Text>
      ) : null}
    </>
  );
}

/** "Declare a conflict of interest" under a project, named in full for screen readers. */
function DeclareConflictControl({ name, onClick }: { name: string; onClick: () => void }) {
  const { t } = useTranslation('ballot');
  return (
    <Button variant="subtle" color="red" size="compact-xs" px={0} data-control="conflict" aria-label={t('conflict.actionFor', { name })} onClick={onClick}>
      {t('conflict.action')}
    </Button>
  );
}

/** The submitted ballot, read-only; a conflict can still be declared on a project of it. */
export function BallotReadOnlyList({ order, candidates, onDeclareConflict }: { order: string[]; candidates: ReadonlyMap<string, TBallotCandidate>; onDeclareConflict: (id: string) => void }) {
  const { t } = useTranslation('ballot');
  return (
    <ol className="plain-list ballot-list" aria-label={t('listLabel')}>
      {order.map((id, index) => {
        const candidate = candidates.get(id);
        return (
          <li key={id} className="ballot-row" data-readonly>
            <span className="ballot-rank" aria-hidden="true">
              {t('position', { position: index + 1 })}
            </span>
            <div className="ballot-row-text">
              <span className="visually-hidden">{t('positionLabel', { position: index + 1, total: order.length })} </span>
              <CandidateText candidate={candidate} />
              <DeclareConflictControl name={candidateName(candidate)} onClick={() => onDeclareConflict(id)} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
