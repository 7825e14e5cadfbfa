/**
 * Automatic assignment of jurors to the applications of a round (issue 4). Pure: no I/O, no clock,
 * no randomness, so the same input always gives the same plan, whatever the order of the arrays.
 *
 * Rules, in order of priority:
 * 1. Never a conflicted juror; an existing pair that is now conflicted is neither counted nor re-added.
 * 2. Existing assignments are kept; every application gets `required` distinct jurors in total when it
 *    has that many unconflicted jurors, otherwise all of them (and a shortfall explains why).
 * 3. Loads (existing + new) as even as possible. The result is "decreasingly minimal": no new assignment
 *    can be passed along a chain of jurors from one with load L to one with load L - 2 or less. Among all
 *    plans with the coverage of rule 2 this minimises the largest load and maximises the smallest one
 *    at the same time, so max - min is at most 1 whenever some plan achieves it (Frank & Murota,
 *    discrete decreasing minimisation on M-convex sets).
 *
 * Pairs that name a juror or an application absent from the input lists are ignored (neither kept nor
 * counted in loads): the caller passes the round's jurors and the applications to cover.
 *
 * Cost: a greedy pass (most constrained application first, least loaded jurors first) over each
 * application's unconflicted jurors, O(applications x jurors) at worst, then repair by shortest chains
 * found with a breadth-first search over the same lists; the greedy pass is usually already balanced, so
 * repairs are rare. Memory: one integer per unconflicted (juror, application) pair.
 */

export interface PlanInput {
  applications: string[];
  jurors: string[];
  required: number;
  existing: Array<[jurorId: string, applicationId: string]>;
  conflicts: Array<[jurorId: string, applicationId: string]>;
}

export interface PlanResult {
  add: Array<[jurorId: string, applicationId: string]>;
  shortfalls: Array<{ applicationId: string; assigned: number; required: number; reason: 'NOT_ENOUGH_JURORS' | 'CONFLICTS' }>;
  loads: Record<string, number>;
}

/** Distinct ids in code-unit order, independent of the process locale (shared with planWithAffinity). */
export function uniqueSorted(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

export function planAssignments(input: PlanInput): PlanResult {
  const jurorIds = uniqueSorted(input.jurors);
  const appIds = uniqueSorted(input.applications);
  const J = jurorIds.length;
  const A = appIds.length;
  const required = Math.max(0, Math.floor(input.required));
  const jurorIndex = new Map(jurorIds.map((id, i) => [id, i]));
  const appIndex = new Map(appIds.map((id, i) => [id, i]));

  // Pairs are keyed a * J + j: unique and exact as long as A * J stays below 2^53.
  const conflictKeys = new Set<number>();
  const conflictsByApp: number[][] = Array.from({ length: A }, () => []);
  for (const [jurorId, applicationId] of input.conflicts) {
    const j = jurorIndex.get(jurorId);
    const a = appIndex.get(applicationId);
    if (j === undefined || a === undefined || conflictKeys.has(a * J + j)) continue;
    conflictKeys.add(a * J + j);
    conflictsByApp[a]!.push(j);
  }

  const load = new Int32Array(J);
  const assignedByApp: number[][] = Array.from({ length: A }, () => []);
  const keptKeys = new Set<number>();
  for (const [jurorId, applicationId] of input.existing) {
    const j = jurorIndex.get(jurorId);
    const a = appIndex.get(applicationId);
    if (j === undefined || a === undefined) continue;
    const key = a * J + j;
    if (conflictKeys.has(key) || keptKeys.has(key)) continue;
    keptKeys.add(key);
    assignedByApp[a]!.push(j);
    load[j]!++;
  }

  // How many new jurors each application needs, and how much freedom it has to get them.
  const need = new Int32Array(A);
  const slack = new Int32Array(A);
  const pending: number[] = [];
  for (let a = 0; a < A; a++) {
    const eligible = J - conflictsByApp[a]!.length;
    const assigned = assignedByApp[a]!.length;
    const target = Math.min(required, eligible);
    if (assigned >= target) continue;
    need[a] = target - assigned;
    slack[a] = eligible - assigned - need[a]!;
    pending.push(a);
  }
  // Most constrained first: fewest spare candidates, then most needed, then id order.
  pending.sort((x, y) => slack[x]! - slack[y]! || need[y]! - need[x]! || x - y);

  // Unconflicted jurors of each application, in index order, packed in one array (CSR): the passes
  // below walk only these, which matters when conflicts are dense (a juror "band" per application).
  const mark = new Int32Array(J);
  let stamp = 0;
  const eligibleStart = new Int32Array(A + 1);
  const eligible = new Int32Array(A * J - conflictKeys.size);
  for (let a = 0, n = 0; a < A; a++) {
    stamp++;
    for (const j of conflictsByApp[a]!) mark[j] = stamp;
    eligibleStart[a] = n;
    for (let j = 0; j < J; j++) if (mark[j] !== stamp) eligible[n++] = j;
    eligibleStart[a + 1] = n;
  }
  const markAssigned = (a: number): number => {
    stamp++;
    for (const j of assignedByApp[a]!) mark[j] = stamp;
    return stamp;
  };

  const newByJuror: number[][] = Array.from({ length: J }, () => []);
  const picked: number[] = [];
  for (const a of pending) {
    const s = markAssigned(a);
    const n = need[a]!;
    // Keep the n least loaded candidates, ties to the lower index (scan order), in a small sorted buffer.
    picked.length = 0;
    for (let e = eligibleStart[a]!, end = eligibleStart[a + 1]!; e < end; e++) {
      const j = eligible[e]!;
      if (mark[j] === s) continue;
      const l = load[j]!;
      if (picked.length === n && l >= load[picked[n - 1]!]!) continue;
      let pos = picked.length < n ? picked.length : n - 1;
      while (pos > 0 && load[picked[pos - 1]!]! > l) {
        picked[pos] = picked[pos - 1]!;
        pos--;
      }
      picked[pos] = j;
    }
    for (const j of picked) {
      assignedByApp[a]!.push(j);
      newByJuror[j]!.push(a);
      load[j]!++;
    }
  }

  // Repair: move new assignments along chains from a loaded juror to one with at least 2 less.
  // Each move lowers the sum of squared loads by at least 2, so this terminates.
  if (J > 1) {
    const label = new Int32Array(J);
    const viaApp = new Int32Array(J);
    const fromJuror = new Int32Array(A);
    const appSeen = new Int32Array(A);
    const queue = new Int32Array(J);
    let round = 0;
    const findAndMoveChain = (): boolean => {
      round++;
      let minLoad = Infinity;
      for (let j = 0; j < J; j++) minLoad = Math.min(minLoad, load[j]!);
      const sources = Array.from({ length: J }, (_, j) => j).sort((x, y) => load[y]! - load[x]! || x - y);
      // Sources in decreasing load: a juror already reached from a higher source needs no second visit,
      // since anything it reaches was explored from that source, for which the bar was no lower.
      for (const source of sources) {
        const sourceLoad = load[source]!;
        if (sourceLoad - 2 < minLoad) return false;
        if (label[source] === round) continue;
        label[source] = round;
        let head = 0;
        let tail = 0;
        queue[tail++] = source;
        while (head < tail) {
          const j = queue[head++]!;
          for (const a of newByJuror[j]!) {
            if (appSeen[a] === round) continue;
            appSeen[a] = round;
            fromJuror[a] = j;
            const s = markAssigned(a);
            for (let e = eligibleStart[a]!, end = eligibleStart[a + 1]!; e < end; e++) {
              const k = eligible[e]!;
              if (label[k] === round || mark[k] === s) continue;
              label[k] = round;
              viaApp[k] = a;
              if (load[k]! <= sourceLoad - 2) {
                moveChain(source, k);
                return true;
              }
              queue[tail++] = k;
            }
          }
        }
      }
      return false;
    };
    const moveChain = (source: number, target: number): void => {
      let k = target;
      while (k !== source) {
        const a = viaApp[k]!;
        const j = fromJuror[a]!;
        const list = newByJuror[j]!;
        list.splice(list.indexOf(a), 1);
        newByJuror[k]!.push(a);
        const assigned = assignedByApp[a]!;
        assigned[assigned.indexOf(j)] = k;
        k = j;
      }
      load[source]!--;
      load[target]!++;
    };
    while (findAndMoveChain());
  }

  const newByApp: number[][] = Array.from({ length: A }, () => []);
  for (let j = 0; j < J; j++) for (const a of newByJuror[j]!) newByApp[a]!.push(j);
  const add: PlanResult['add'] = [];
  const shortfalls: PlanResult['shortfalls'] = [];
  for (let a = 0; a < A; a++) {
    for (const j of newByApp[a]!) add.push([jurorIds[j]!, appIds[a]!]);
    const assigned = assignedByApp[a]!.length;
    if (assigned < required) {
      shortfalls.push({ applicationId: appIds[a]!, assigned, required, reason: J < required ? 'NOT_ENOUGH_JURORS' : 'CONFLICTS' });
    }
  }
  const loads: Record<string, number> = {};
  for (let j = 0; j < J; j++) loads[jurorIds[j]!] = load[j]!;
  return { add, shortfalls, loads };
}
