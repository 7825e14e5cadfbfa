import type { TJuryAssignment } from './jury-api';

/**
 * The juror's next application to score after `currentId`: not submitted yet, in an open round, in the
 * same round first, in the order of their list (after the current one, then from the top).
 */
export function nextAssignment(items: readonly TJuryAssignment[], currentId: string): { next: TJuryAssignment | null; remaining: number } {
  const index = items.findIndex((item) => item.id === currentId);
  const round = index >= 0 ? items[index]!.round.id : null;
  const waiting = (item: TJuryAssignment) => item.id !== currentId && item.scorecardStatus !== 'SUBMITTED' && item.round.status === 'OPEN';
  const ordered = index >= 0 ? [...items.slice(index + 1), ...items.slice(0, index)] : [...items];
  const candidates = ordered.filter(waiting);
  const next = candidates.find((item) => item.round.id === round) ?? candidates[0] ?? null;
  return { next, remaining: candidates.length };
}
