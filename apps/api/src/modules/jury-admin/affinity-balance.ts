/**
 * Balance boxes of `planWithAffinity` (rule 2 of its header, without a cap): the loads must be
 * "decreasingly minimal", exactly as `planAssignments` makes them, so max - min <= 1 whenever any plan
 * achieves it. `planAssignments` gives one such plan; from it we read the canonical chain of the dec-min
 * loads (Frank & Murota, "Discrete decreasing minimization", part I): groups of jurors, each with a level b
 * and a fixed total, every juror of the group at b - 1 or b. A plan is balanced exactly when its loads
 * respect these boxes and totals, so rule 2 becomes bounds in the flow network (juror -> group -> sink).
 * In the usual case there is one group, the floor and ceiling of the average.
 *
 * Cost: one `planAssignments`, then a jurors x jurors table of the single moves its plan allows (each new
 * pair scans its application's eligible jurors) searched breadth-first: O(new pairs x jurors + jurors^2).
 */
import { planAssignments, type PlanInput } from './assignment-planner';

/** Bounds on each juror's new pairs and the groups they form, each with a fixed total of new pairs. */
export interface BalanceBoxes {
  /** Fewest new pairs of each juror. */
  lo: Int32Array;
  /** Most new pairs of each juror. */
  hi: Int32Array;
  /** Group of each juror, 0..groupTotal.length - 1. */
  groupOf: Int32Array;
  /** New pairs of each group, all together. */
  groupTotal: number[];
}

/** The round as `planWithAffinity` indexed it: ids in sorted order, kept loads and eligible pairs. */
export interface IndexedRound {
  jurorIds: readonly string[];
  jurorIndex: ReadonlyMap<string, number>;
  appIndex: ReadonlyMap<string, number>;
  /** Existing (kept) pairs of each juror. */
  keptLoad: Int32Array;
  /** Eligible (unconflicted, not kept) pairs of application a: entries start[a] .. start[a + 1] - 1. */
  start: Int32Array;
  /** Juror of each eligible entry. */
  eJuror: Int32Array;
}

/** The canonical chain of the dec-min loads, read from the plan of planAssignments (see the header). */
export function balanceBoxes(input: PlanInput, round: IndexedRound): BalanceBoxes {
  const { jurorIds, jurorIndex, appIndex, keptLoad, start, eJuror } = round;
  const J = jurorIds.length;
  const A = start.length - 1;
  const lo = new Int32Array(J);
  const hi = new Int32Array(J);
  const groupOf = new Int32Array(J);
  const groupTotal: number[] = [];
  const balanced = planAssignments({ applications: input.applications, jurors: input.jurors, required: input.required, existing: input.existing, conflicts: input.conflicts });
  const total = Int32Array.from(jurorIds, (id) => balanced.loads[id] ?? 0);
  const holders: number[][] = Array.from({ length: A }, () => []);
  for (const [jurorId, applicationId] of balanced.add) holders[appIndex.get(applicationId)!]!.push(jurorIndex.get(jurorId)!);
  // canMove[s * J + t]: one of s's new applications could go to t instead.
  const canMove = new Uint8Array(J * J);
  const mark = new Int32Array(J).fill(-1);
  for (let a = 0; a < A; a++) {
    const held = holders[a]!;
    for (const s of held) mark[s] = a;
    for (const s of held) {
      for (let e = start[a]!; e < start[a + 1]!; e++) if (mark[eJuror[e]!] !== a) canMove[s * J + eJuror[e]!] = 1;
    }
  }
  // Highest remaining level first: its jurors and all they can pass work to form a tight group.
  const placed = new Uint8Array(J);
  const queue: number[] = [];
  for (let remaining = J; remaining > 0; ) {
    let level = -Infinity;
    for (let j = 0; j < J; j++) if (!placed[j]) level = Math.max(level, total[j]!);
    queue.length = 0;
    for (let j = 0; j < J; j++) {
      if (!placed[j] && total[j] === level) {
        placed[j] = 1;
        queue.push(j);
      }
    }
    for (let head = 0; head < queue.length; head++) {
      const row = queue[head]! * J;
      for (let t = 0; t < J; t++) {
        if (canMove[row + t] && !placed[t]) {
          placed[t] = 1;
          queue.push(t);
        }
      }
    }
    const g = groupTotal.length;
    let sum = 0;
    for (const j of queue) {
      groupOf[j] = g;
      const current = total[j]! - keptLoad[j]!;
      sum += current;
      // [level - 1, level] in total load; widened to the witness itself should planAssignments ever disagree.
      lo[j] = Math.min(current, Math.max(0, level - 1 - keptLoad[j]!));
      hi[j] = Math.max(current, level - keptLoad[j]!);
    }
    groupTotal.push(sum);
    remaining -= queue.length;
  }
  return { lo, hi, groupOf, groupTotal };
}
