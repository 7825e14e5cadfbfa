import type { TJuryAssignment } from './jury-api';

export type AssignmentFilter = 'all' | 'TO_DO' | 'DRAFT' | 'SUBMITTED';
export const ASSIGNMENT_FILTERS: readonly AssignmentFilter[] = ['all', 'TO_DO', 'DRAFT', 'SUBMITTED'];

export interface RoundGroup {
  round: TJuryAssignment['round'];
  call: TJuryAssignment['call'];
  /** Every assignment of the round (progress counts all of them, whatever the filter). */
  all: TJuryAssignment[];
  shown: TJuryAssignment[];
  submitted: number;
}

/** The juror's assignments grouped by round, in the order the API lists them, with the filter applied. */
export function groupByRound(items: readonly TJuryAssignment[], filter: AssignmentFilter): RoundGroup[] {
  const groups = new Map<string, RoundGroup>();
  for (const item of items) {
    let group = groups.get(item.round.id);
    if (!group) {
      group = { round: item.round, call: item.call, all: [], shown: [], submitted: 0 };
      groups.set(item.round.id, group);
    }
    group.all.push(item);
    if (item.scorecardStatus === 'SUBMITTED') group.submitted += 1;
    if (filter === 'all' || item.scorecardStatus === filter) group.shown.push(item);
  }
  return [...groups.values()];
}
