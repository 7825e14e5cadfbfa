/**
 * Moving one application within a juror's order (best first). Every move returns a new array and
 * leaves the order unchanged when the move is impossible (already first, unknown id).
 */

export type BallotMove = 'up' | 'down' | 'top' | 'bottom';

/** The order with `id` moved to index `to` (clamped to the list). */
export function moveTo(order: readonly string[], id: string, to: number): string[] {
  const from = order.indexOf(id);
  if (from === -1) return [...order];
  const target = Math.max(0, Math.min(order.length - 1, to));
  if (target === from) return [...order];
  const next = order.filter((item) => item !== id);
  next.splice(target, 0, id);
  return next;
}

/** Where a move takes `id` (its new index), or null when it cannot move that way. */
export function targetIndex(order: readonly string[], id: string, move: BallotMove): number | null {
  const from = order.indexOf(id);
  if (from === -1) return null;
  const last = order.length - 1;
  const to = move === 'up' ? from - 1 : move === 'down' ? from + 1 : move === 'top' ? 0 : last;
  return to < 0 || to > last || to === from ? null : to;
}

export function applyMove(order: readonly string[], id: string, move: BallotMove): string[] {
  const to = targetIndex(order, id, move);
  return to === null ? [...order] : moveTo(order, id, to);
}

/** What the announcement says after a move: "<name> moved to position <position> of <total>". */
export function moveAnnouncement(order: readonly string[], id: string, nameOf: (id: string) => string): { name: string; position: number; total: number } {
  return { name: nameOf(id), position: order.indexOf(id) + 1, total: order.length };
}
