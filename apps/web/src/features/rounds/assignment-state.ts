import type { TRoundAssignments } from '@tahkim/contracts';

export type CellKey = `${string}:${string}`;
export const cellKey = (jurorId: string, applicationId: string): CellKey => `${jurorId}:${applicationId}`;

export type CellState = 'conflict' | 'locked' | 'assigned' | 'free';

/** What the matrix needs to know about a round's assignments, indexed by juror/application pair. */
export interface AssignmentIndex {
  conflicts: ReadonlySet<CellKey>;
  /** Pending suggested conflicts (same organisation), with the organisation that matched: assignable after a confirmation. */
  suggestions: ReadonlyMap<CellKey, string | null>;
  /** Pairs whose scorecard is submitted: they stay assigned (the API refuses to remove them). */
  locked: ReadonlySet<CellKey>;
  initial: ReadonlySet<CellKey>;
}

export function indexAssignments(data: TRoundAssignments): AssignmentIndex {
  return {
    conflicts: new Set(data.conflicts.map((c) => cellKey(c.jurorId, c.applicationId))),
    suggestions: new Map(data.suggestions.map((c) => [cellKey(c.jurorId, c.applicationId), c.reason])),
    locked: new Set(data.assignments.filter((a) => a.scorecardStatus === 'SUBMITTED').map((a) => cellKey(a.jurorId, a.applicationId))),
    initial: new Set(data.assignments.map((a) => cellKey(a.jurorId, a.applicationId))),
  };
}

export function cellState(index: AssignmentIndex, selected: ReadonlySet<CellKey>, key: CellKey): CellState {
  if (index.locked.has(key)) return 'locked';
  if (index.conflicts.has(key)) return 'conflict';
  return selected.has(key) ? 'assigned' : 'free';
}

/** Toggles one pair; a conflicted pair can never be assigned, a submitted one never unassigned. */
export function toggleCell(index: AssignmentIndex, selected: ReadonlySet<CellKey>, key: CellKey): ReadonlySet<CellKey> {
  const state = cellState(index, selected, key);
  if (state === 'locked' || state === 'conflict') return selected;
  const next = new Set(selected);
  if (state === 'assigned') next.delete(key);
  else next.add(key);
  return next;
}

export function toAssignmentPairs(selected: ReadonlySet<CellKey>): Array<{ jurorId: string; applicationId: string }> {
  return [...selected].sort().map((key) => {
    const [jurorId = '', applicationId = ''] = key.split(':');
    return { jurorId, applicationId };
  });
}

export function sameSelection(a: ReadonlySet<CellKey>, b: ReadonlySet<CellKey>): boolean {
  return a.size === b.size && [...a].every((key) => b.has(key));
}

/** Jurors per application and applications per juror, for the matrix's margins. */
export function countSelection(selected: ReadonlySet<CellKey>) {
  const perJuror = new Map<string, number>();
  const perApplication = new Map<string, number>();
  for (const key of selected) {
    const [jurorId = '', applicationId = ''] = key.split(':');
    perJuror.set(jurorId, (perJuror.get(jurorId) ?? 0) + 1);
    perApplication.set(applicationId, (perApplication.get(applicationId) ?? 0) + 1);
  }
  return { perJuror, perApplication };
}

/** The pairs of a selection that the API refused for a pending suggested conflict (409 SUGGESTED_CONFLICT). */
export function suggestedPairs(details: unknown): Array<{ jurorId: string; applicationId: string; reason: string | null }> {
  const pairs = (details as { pairs?: unknown } | null)?.pairs;
  if (!Array.isArray(pairs)) return [];
  return pairs.flatMap((pair) => {
    const { jurorId, applicationId, reason } = (pair ?? {}) as Record<string, unknown>;
    return typeof jurorId === 'string' && typeof applicationId === 'string' ? [{ jurorId, applicationId, reason: typeof reason === 'string' ? reason : null }] : [];
  });
}
