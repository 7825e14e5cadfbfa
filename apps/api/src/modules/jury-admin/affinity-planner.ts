/**
 * Automatic assignment that reads each project with the jurors who know its field (groundwork for the
 * "affinity" issue). Pure and deterministic like `planAssignments`: ids are sorted first, so the same data
 * gives the same plan whatever the order of the input arrays; duplicate affinities count their highest value,
 * and pairs naming a juror or an application absent from the lists are ignored.
 *
 * Rules, in strict order of priority (a later rule never costs anything to an earlier one):
 * 1. Coverage and conflicts as in `planAssignments`: never a conflicted juror, existing pairs kept, every
 *    application gets `required` jurors when it has that many unconflicted jurors. With a `cap`, no juror's
 *    load (existing + new) goes above it; when the caps leave too few places, the number of pairs is still
 *    the largest possible and the missing ones are spread over the applications that have the most jurors
 *    (shortfall reason CAPACITY).
 * 2. Balance (without `cap`): the loads are "decreasingly minimal", exactly as `planAssignments` makes them:
 *    max - min <= 1 whenever any plan achieves it. Technically: `planAssignments` gives one such plan; from
 *    it we read the canonical chain of the dec-min loads (Frank & Murota, "Discrete decreasing minimization",
 *    part I): groups of jurors, each with a level b and a fixed total, every juror of the group at b - 1
 *    or b. A plan is balanced exactly when its loads respect these boxes and totals, so rule 2 becomes
 *    bounds in a flow network. In the usual case there is one group, the floor and ceiling of the average.
 * 3. As few "rather not" (avoid) pairs as possible: they are used only when coverage or balance needs them.
 * 4. As many applications as possible read by at least one juror who knows their field (positive
 *    affinity, not an avoid pair), when an application has such a juror.
 * 5. The largest total affinity (likes are part of the affinity the caller passes).
 *
 * Algorithm: a min-cost flow (source -> application -> juror -> juror's balance group -> sink) solved by
 * successive shortest paths over the juror side only. Rules 3-5 are one integer cost per pair, tiers far
 * enough apart to be lexicographic (rule 4 makes an application's value "sum of affinities + a bonus once
 * a knower is in": still a valuated matroid, so single exchanges are exact). Start: every application
 * takes its best jurors ignoring loads (optimal at zero prices; ties to the least loaded). Then, in
 * phases: a Dijkstra over the juror and group nodes (J + groups, not the applications: an edge j -> k is
 * "move one of j's applications to k", its length the cheapest such move at the current prices, found
 * by scanning j's applications) from the overloaded nodes to the nearest underloaded one; prices rise
 * by the distances; then as many unit moves as a depth-first search finds along zero-length edges (a
 * blocking flow, each application moved at most once per path). Without a cap the balance boxes always
 * admit a plan, so the run ends with every rule met. With a cap, what cannot be placed (no path left) is
 * dropped as said in rule 1, and the plan is made again for those numbers.
 *
 * Guarantees. Rules 1-2 always hold (checked against all plans of tiny rounds and by invariants in the
 * spec). At the end the prices are checked against every possible single move (`optimal`): when true
 * they are a dual certificate, and no plan meeting rules 1-2 does better on rules 3-5 (with a cap: none
 * with the same number of jurors per application). Tiers are exact while pairs x affinity range x
 * applications stays below ~2^51 / (8 x jurors), far above a round's size. Affinities are rounded to
 * integers. `upperBound` is each application's best eligible jurors by affinity ignoring loads and avoid
 * bids (with a cap, negative ones left out), so totalAffinity <= upperBound; both count added pairs only.
 *
 * Cost. Reading, starting and checking: O(applications x jurors). A phase scans the alternatives of the
 * new pairs (new pairs x jurors) at most once for the Dijkstra and once for the search. Prices rise by
 * about one level per phase, so the phases grow with the affinity range and the unevenness of demand:
 * ~10-20 with a few levels. A work budget (`effort`, 40 full scans by default, counted, so deterministic)
 * bounds pathological inputs (affinities 0..1000 that all want the same jurors): past it the search
 * accepts moves within a growing tolerance, then any move; rules 1-2 still hold, `optimal` is false.
 * Measured (bench/affinity-planner.bench.mjs, 2 cores): 10,000 applications x 200 jurors, required 3,
 * 1% conflicts, in ~0.5 s at 100 % of the bound; with crowded fields ~0.7 s at 97 % (proven optimal).
 * Memory: ~45 bytes per (juror, application) pair while planning (~90 MB at 10,000 x 200).
 */
import { planAssignments, type PlanInput, type PlanResult } from './assignment-planner';

export interface AffinityPlanInput extends PlanInput {
  /** Integer affinity of a pair (expertise match plus a "like" bid, say); a missing pair is 0. */
  affinity: Array<[jurorId: string, applicationId: string, affinity: number]>;
  /** "I'd rather not read it" bids: used only when coverage or balance needs them, and then the fewest. */
  avoid: Array<[jurorId: string, applicationId: string]>;
  /** Highest load (existing + new) of any juror; replaces the balance rule when given. */
  cap?: number;
  /**
   * Work budget of the exact search, in full scans of the new pairs' alternatives (default 40, with a
   * floor for small rounds); past it the plan keeps every hard rule but is no longer proven optimal.
   */
  effort?: number;
}

type PlanShortfall = PlanResult['shortfalls'][number];
export type AffinityShortfall = Omit<PlanShortfall, 'reason'> & { reason: PlanShortfall['reason'] | 'CAPACITY' };

export interface AffinityPlanResult extends Omit<PlanResult, 'shortfalls'> {
  shortfalls: AffinityShortfall[];
  /** Affinity of each pair of `add`, in the same order (what the API shows to explain a pair). */
  affinityByPair: number[];
  /** Sum of `affinityByPair`. */
  totalAffinity: number;
  /** Every application given its best eligible jurors by affinity, ignoring loads and avoid bids (the bound of totalAffinity). */
  upperBound: number;
  /** Applications that no unconflicted juror knows (no positive affinity at all). */
  unmatched: string[];
  /** Applications some unconflicted juror knows but none of their jurors does (balance, cap or avoid bids). */
  notReadByKnower: string[];
  /** Added pairs that are avoid bids. */
  avoidedUsed: number;
  /** The dual check passed: no plan under the same coverage and balance is better (see the header). */
  optimal: boolean;
}

const CONFLICT = 1;
const KEPT = 2;
const AVOID = 4;
const SEEN = 8;
const MAX_AFFINITY = 1_000_000;
/** Work budget of the exact search, in full scans of the new pairs' alternatives (each at least SCAN_FLOOR). */
const DEFAULT_EFFORT = 40;
const SCAN_FLOOR = 2_500_000;

/** Code-unit order, independent of the process locale (as in planAssignments). */
function uniqueSorted(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

export function planWithAffinity(input: AffinityPlanInput): AffinityPlanResult {
  const jurorIds = uniqueSorted(input.jurors);
  const appIds = uniqueSorted(input.applications);
  const J = jurorIds.length;
  const A = appIds.length;
  const required = Math.max(0, Math.floor(input.required));
  const cap = input.cap === undefined ? undefined : Math.max(0, Math.floor(input.cap));
  if (cap !== undefined && !Number.isFinite(cap)) throw new RangeError('cap must be a finite number');
  const jurorIndex = new Map(jurorIds.map((id, i) => [id, i]));
  const appIndex = new Map(appIds.map((id, i) => [id, i]));

  // Dense per-pair facts, keyed a * J + j (the eligible lists below are as large anyway).
  const flags = new Uint8Array(A * J);
  const pairAffinity = new Int32Array(A * J);
  const pairOf = (jurorId: string, applicationId: string): number => {
    const j = jurorIndex.get(jurorId);
    const a = appIndex.get(applicationId);
    return j === undefined || a === undefined ? -1 : a * J + j;
  };
  for (const [jurorId, applicationId] of input.conflicts) {
    const p = pairOf(jurorId, applicationId);
    if (p >= 0) flags[p]! |= CONFLICT;
  }
  const keptLoad = new Int32Array(J);
  const keptCount = new Int32Array(A);
  for (const [jurorId, applicationId] of input.existing) {
    const p = pairOf(jurorId, applicationId);
    if (p < 0 || flags[p]! & (CONFLICT | KEPT)) continue;
    flags[p]! |= KEPT;
    keptLoad[p % J]!++;
    keptCount[Math.floor(p / J)]!++;
  }
  for (const [jurorId, applicationId, value] of input.affinity) {
    if (!Number.isFinite(value) || Math.abs(value) > MAX_AFFINITY) throw new RangeError(`affinity must be a number within ±${MAX_AFFINITY}`);
    const p = pairOf(jurorId, applicationId);
    if (p < 0) continue;
    const v = Math.round(value);
    pairAffinity[p] = flags[p]! & SEEN ? Math.max(pairAffinity[p]!, v) : v;
    flags[p]! |= SEEN;
  }
  for (const [jurorId, applicationId] of input.avoid) {
    const p = pairOf(jurorId, applicationId);
    if (p >= 0) flags[p]! |= AVOID;
  }

  // Per application: how many new jurors, whether a kept juror already knows it, who could.
  const need = new Int32Array(A);
  const keptKnower = new Uint8Array(A);
  const knowable = new Uint8Array(A);
  const unconflicted = new Int32Array(A);
  let entries = 0;
  let minAffinity = 0;
  let maxAffinity = 0;
  for (let a = 0; a < A; a++) {
    for (let j = 0, p = a * J; j < J; j++, p++) {
      const f = flags[p]!;
      if (f & CONFLICT) continue;
      unconflicted[a]!++;
      const v = pairAffinity[p]!;
      if (v > 0) knowable[a] = 1;
      if (f & KEPT) {
        if (v > 0) keptKnower[a] = 1;
        continue;
      }
      entries++;
      minAffinity = Math.min(minAffinity, v);
      maxAffinity = Math.max(maxAffinity, v);
    }
    need[a] = Math.max(0, Math.min(required, unconflicted[a]!) - keptCount[a]!);
  }
  let units = 0;
  let appsInPlay = 0;
  for (let a = 0; a < A; a++) {
    units += need[a]!;
    if (need[a]! > 0) appsInPlay++;
  }

  // Lexicographic tiers as one integer cost: affinity < knower bonus < avoid penalty.
  const spread = maxAffinity - minAffinity;
  const safe = Math.floor(2 ** 51 / (8 * (2 * J + 2)));
  let bonus = units * spread + 1;
  let penalty = appsInPlay * bonus + units * spread + 1;
  let tiersExact = true;
  if (penalty > safe) {
    tiersExact = false;
    penalty = safe;
    bonus = Math.max(spread + 1, Math.floor(Math.sqrt(safe)));
  }

  // Eligible (unconflicted, not kept) pairs of each application, in juror order (CSR).
  const start = new Int32Array(A + 1);
  const eJuror = new Int32Array(entries);
  const eApp = new Int32Array(entries);
  const eAffinity = new Int32Array(entries);
  const eAvoid = new Uint8Array(entries);
  const eKnower = new Uint8Array(entries);
  const w = new Float64Array(entries); // value of the pair: affinity - penalty x avoid
  const wb = new Float64Array(entries); // the same plus the knower bonus
  for (let a = 0, n = 0; a < A; a++) {
    start[a] = n;
    for (let j = 0, p = a * J; j < J; j++, p++) {
      const f = flags[p]!;
      if (f & (CONFLICT | KEPT)) continue;
      const v = pairAffinity[p]!;
      eJuror[n] = j;
      eApp[n] = a;
      eAffinity[n] = v;
      eAvoid[n] = f & AVOID ? 1 : 0;
      eKnower[n] = v > 0 && !(f & AVOID) ? 1 : 0;
      w[n] = v - (f & AVOID ? penalty : 0);
      wb[n] = w[n]! + eKnower[n]! * bonus;
      n++;
    }
    start[a + 1] = n;
  }

  // Upper bound: each application's `need` best affinities among its eligible jurors.
  let upperBound = 0;
  {
    const best: number[] = [];
    for (let a = 0; a < A; a++) {
      const n = need[a]!;
      if (n === 0) continue;
      best.length = 0;
      for (let e = start[a]!; e < start[a + 1]!; e++) {
        const v = eAffinity[e]!;
        if (best.length === n && v <= best[n - 1]!) continue;
        let pos = best.length < n ? best.length : n - 1;
        while (pos > 0 && best[pos - 1]! < v) {
          best[pos] = best[pos - 1]!;
          pos--;
        }
        best[pos] = v;
      }
      // With a cap an application may get fewer pairs: a negative affinity then need not be counted.
      for (const v of best) upperBound += cap === undefined ? v : Math.max(0, v);
    }
  }

  // Load bounds on new pairs per juror, and balance groups with a fixed total of new pairs.
  const lo = new Int32Array(J);
  const hi = new Int32Array(J);
  const groupOf = new Int32Array(J);
  const groupTotal: number[] = [];
  if (cap !== undefined) {
    for (let j = 0; j < J; j++) hi[j] = Math.max(0, cap - keptLoad[j]!);
    groupTotal.push(units);
  } else if (J > 0) {
    balanceGroups();
  }
  const G = groupTotal.length;
  const members: number[][] = Array.from({ length: G }, () => []);
  for (let j = 0; j < J; j++) members[groupOf[j]!]!.push(j);

  /** The canonical chain of the dec-min loads, read from the plan of planAssignments (see the header). */
  function balanceGroups(): void {
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
  }

  // Flow state. Nodes 0..J-1 are jurors, J..J+G-1 their balance groups.
  const N = J + G;
  const R = Math.max(1, required);
  const held = new Uint8Array(entries);
  const appHeld = new Int32Array(A * R);
  const appHeldCount = new Int32Array(A);
  const knowers = new Int32Array(A); // new pairs of the application with a knower
  const jurorApps: number[][] = Array.from({ length: J }, () => []);
  const position = new Int32Array(entries);
  const load = new Int32Array(J);
  const flow = new Int32Array(J); // juror -> group, in 0..hi - lo
  const imbalance = new Int32Array(N);
  const price = new Float64Array(N);
  let excess = 0;
  // Entries scanned by the searches, against the work budget of each solve (see the header).
  let work = 0;
  const workBudget = (input.effort ?? DEFAULT_EFFORT) * Math.max(SCAN_FLOOR, units * J);
  let tolerance = 0; // reduced length the search accepts: 0 while exact

  const take = (e: number): void => {
    const a = eApp[e]!;
    const j = eJuror[e]!;
    held[e] = 1;
    appHeld[a * R + appHeldCount[a]!++] = e;
    knowers[a]! += eKnower[e]!;
    position[e] = jurorApps[j]!.length;
    jurorApps[j]!.push(e);
    load[j]!++;
  };
  const release = (e: number): void => {
    const a = eApp[e]!;
    const j = eJuror[e]!;
    held[e] = 0;
    const base = a * R;
    const last = --appHeldCount[a]!;
    for (let i = 0; i <= last; i++) {
      if (appHeld[base + i] === e) {
        appHeld[base + i] = appHeld[base + last]!;
        break;
      }
    }
    knowers[a]! -= eKnower[e]!;
    const list = jurorApps[j]!;
    const moved = list.pop()!;
    if (moved !== e) {
      list[position[e]!] = moved;
      position[moved] = position[e]!;
    }
    load[j]!--;
  };
  /** Values used for a move out of e: with the bonus when e is the application's only knower source. */
  const valuesFor = (e: number): Float64Array => {
    const a = eApp[e]!;
    return keptKnower[a] === 0 && knowers[a] === eKnower[e] ? wb : w;
  };

  const keyOf = (e: number): number => w[e]! + price[eJuror[e]!]!;
  /** Does e come before f for its application: higher value + price, then the less loaded juror. */
  const before = (e: number, f: number): boolean => {
    const x = keyOf(e);
    const y = keyOf(f);
    return x > y || (x === y && load[eJuror[e]!]! < load[eJuror[f]!]!);
  };
  /**
   * The application's best set at the current juror prices (the most value + prices) into `top`: its best
   * n jurors, or, when none of them knows it, the best knower instead of the last when that pays; ties to
   * the least loaded jurors.
   */
  function bestSet(a: number, n: number, top: number[]): void {
    top.length = 0;
    let knower = -1;
    for (let e = start[a]!, end = start[a + 1]!; e < end; e++) {
      if (eKnower[e] && (knower < 0 || before(e, knower))) knower = e;
      if (top.length === n && !before(e, top[n - 1]!)) continue;
      let pos = top.length < n ? top.length : n - 1;
      while (pos > 0 && before(e, top[pos - 1]!)) {
        top[pos] = top[pos - 1]!;
        pos--;
      }
      top[pos] = e;
    }
    let knows = keptKnower[a] === 1;
    for (const e of top) if (eKnower[e]) knows = true;
    if (!knows && knower >= 0 && keyOf(knower) + bonus > keyOf(top[n - 1]!)) top[n - 1] = knower;
  }
  /** Start: every application takes its best set at the current prices (zero), ignoring loads. */
  function startWithBestSets(needNow: Int32Array): void {
    held.fill(0);
    appHeldCount.fill(0);
    knowers.fill(0);
    load.fill(0);
    for (const list of jurorApps) list.length = 0;
    const top: number[] = [];
    for (let a = 0; a < A; a++) {
      if (needNow[a]! === 0) continue;
      bestSet(a, needNow[a]!, top);
      for (const e of top) take(e);
    }
  }
  function computeImbalances(needNow: Int32Array): void {
    const groupNeed = new Int32Array(G);
    for (let g = 0; g < G; g++) groupNeed[g] = groupTotal[g]!;
    if (cap !== undefined) {
      let total = 0;
      for (let a = 0; a < A; a++) total += needNow[a]!;
      groupNeed[0] = total;
    }
    imbalance.fill(0);
    for (let j = 0; j < J; j++) {
      imbalance[j] = load[j]! - lo[j]! - flow[j]!;
      imbalance[J + groupOf[j]!]! += flow[j]! + lo[j]!;
    }
    for (let g = 0; g < G; g++) imbalance[J + g]! -= groupNeed[g]!;
    excess = 0;
    for (let v = 0; v < N; v++) if (imbalance[v]! > 0) excess += imbalance[v]!;
  }

  /** Min-cost flow by successive shortest paths; returns with excess > 0 only when stuck (cap). */
  function solve(needNow: Int32Array): void {
    work = 0;
    tolerance = 0;
    price.fill(0);
    startWithBestSets(needNow);
    for (let j = 0; j < J; j++) flow[j] = Math.min(Math.max(load[j]! - lo[j]!, 0), hi[j]! - lo[j]!);
    computeImbalances(needNow);
    while (excess > 0) {
      if (work > workBudget) return finishWithinBudget();
      const target = shortestPaths();
      if (target < 0) return; // only with a cap: the rest cannot be placed
      const reach = dist[target]!;
      for (let v = 0; v < N; v++) price[v]! += Math.min(dist[v]!, reach);
      if (blockingFlow() === 0) augmentAlongTree(target);
    }
  }

  // Dijkstra from every overloaded node to the nearest underloaded one, with reduced lengths >= 0.
  const dist = new Float64Array(N);
  const settled = new Uint8Array(N);
  const parent = new Int32Array(N);
  const parentFrom = new Int32Array(N); // entry given away on the way in, -1 for a group arc
  const parentTo = new Int32Array(N);
  function shortestPaths(): number {
    dist.fill(Infinity);
    settled.fill(0);
    for (let v = 0; v < N; v++) {
      if (imbalance[v]! > 0) {
        dist[v] = 0;
        parent[v] = -1;
      }
    }
    for (;;) {
      let v = -1;
      let best = Infinity;
      for (let u = 0; u < N; u++) {
        if (!settled[u] && dist[u]! < best) {
          best = dist[u]!;
          v = u;
        }
      }
      if (v < 0) return -1;
      settled[v] = 1;
      if (imbalance[v]! < 0) return v;
      const dv = dist[v]! + price[v]!;
      if (v < J) {
        for (const e of jurorApps[v]!) {
          const a = eApp[e]!;
          const values = valuesFor(e);
          const base = dv + values[e]!;
          const end = start[a + 1]!;
          work += end - start[a]!;
          for (let f = start[a]!; f < end; f++) {
            if (held[f]) continue;
            const k = eJuror[f]!;
            if (settled[k]) continue;
            const d = base - values[f]! - price[k]!;
            if (d < dist[k]!) {
              dist[k] = d;
              parent[k] = v;
              parentFrom[k] = e;
              parentTo[k] = f;
            }
          }
        }
        const g = J + groupOf[v]!;
        if (flow[v]! < hi[v]! - lo[v]! && !settled[g] && dv - price[g]! < dist[g]!) {
          dist[g] = dv - price[g]!;
          parent[g] = v;
          parentFrom[g] = -1;
        }
      } else {
        for (const k of members[v - J]!) {
          if (flow[k]! > 0 && !settled[k] && dv - price[k]! < dist[k]!) {
            dist[k] = dv - price[k]!;
            parent[k] = v;
            parentFrom[k] = -1;
          }
        }
      }
    }
  }

  // Blocking flow over zero-length edges: depth-first, each node's scan resumes where it stopped.
  const dead = new Int32Array(N);
  const onPath = new Uint8Array(N);
  const appOnPath = new Uint8Array(A);
  const scanApp = new Int32Array(J); // -1: the group edge comes first
  const scanEntry = new Int32Array(J);
  const scanFrom = new Int32Array(J);
  const scanMember = new Int32Array(Math.max(G, 1));
  const pathNode = new Int32Array(N + 1);
  const pathFrom = new Int32Array(N + 1);
  const pathTo = new Int32Array(N + 1);
  let deadStamp = 0;

  /** Next usable zero-length edge out of juror v (its head), or -1; the scan position stays on it. */
  function nextFromJuror(v: number, depth: number): number {
    const list = jurorApps[v]!;
    for (;;) {
      if (scanApp[v] === -1) {
        const g = J + groupOf[v]!;
        if (flow[v]! < hi[v]! - lo[v]! && price[v]! - price[g]! <= tolerance && dead[g] !== deadStamp && !onPath[g]) {
          pathFrom[depth + 1] = -1;
          return g;
        }
        scanApp[v] = 0;
        scanFrom[v] = -1;
        continue;
      }
      const i = scanApp[v]!;
      if (i >= list.length) return -1;
      const e = list[i]!;
      const a = eApp[e]!;
      if (scanFrom[v] !== e) {
        scanFrom[v] = e;
        scanEntry[v] = start[a]!;
      }
      if (!appOnPath[a]) {
        const values = valuesFor(e);
        const base = values[e]! + price[v]!;
        const end = start[a + 1]!;
        for (let f = scanEntry[v]!; f < end; f++) {
          if (held[f]) continue;
          const k = eJuror[f]!;
          if (dead[k] === deadStamp || onPath[k] || base - values[f]! - price[k]! > tolerance) continue;
          work += f - scanEntry[v]!;
          scanEntry[v] = f;
          pathFrom[depth + 1] = e;
          pathTo[depth + 1] = f;
          return k;
        }
      }
      work += start[a + 1]! - scanEntry[v]!;
      scanApp[v] = i + 1;
    }
  }
  function nextFromGroup(v: number, depth: number): number {
    const list = members[v - J]!;
    for (let i = scanMember[v - J]!; i < list.length; i++) {
      const k = list[i]!;
      if (flow[k]! > 0 && price[v]! - price[k]! <= tolerance && dead[k] !== deadStamp && !onPath[k]) {
        scanMember[v - J] = i;
        pathFrom[depth + 1] = -1;
        return k;
      }
    }
    scanMember[v - J] = list.length;
    return -1;
  }
  /** Pushes one unit along path[0..depth]: moves on juror edges, flow on group edges. */
  function push(depth: number): void {
    for (let i = 1; i <= depth; i++) {
      const u = pathNode[i - 1]!;
      const v = pathNode[i]!;
      if (u < J && v < J) {
        release(pathFrom[i]!);
        take(pathTo[i]!);
      } else if (u < J) flow[u]!++;
      else flow[v]!--;
    }
    imbalance[pathNode[0]!]!--;
    imbalance[pathNode[depth]!]!++;
    excess--;
  }
  function blockingFlow(): number {
    deadStamp++;
    scanApp.fill(-1);
    scanFrom.fill(-1);
    scanMember.fill(0);
    let pushed = 0;
    for (let s = 0; s < N; s++) {
      while (imbalance[s]! > 0 && dead[s] !== deadStamp) {
        let depth = 0;
        pathNode[0] = s;
        onPath[s] = 1;
        let reached = false;
        while (depth >= 0) {
          const v = pathNode[depth]!;
          if (depth > 0 && imbalance[v]! < 0) {
            reached = true;
            break;
          }
          const u = v < J ? nextFromJuror(v, depth) : nextFromGroup(v, depth);
          if (u >= 0) {
            depth++;
            pathNode[depth] = u;
            onPath[u] = 1;
            if (pathFrom[depth]! >= 0) appOnPath[eApp[pathFrom[depth]!]!] = 1;
          } else {
            dead[v] = deadStamp;
            onPath[v] = 0;
            if (depth > 0 && pathFrom[depth]! >= 0) appOnPath[eApp[pathFrom[depth]!]!] = 0;
            depth--;
          }
        }
        if (!reached) break;
        for (let i = 0; i <= depth; i++) {
          onPath[pathNode[i]!] = 0;
          if (i > 0 && pathFrom[i]! >= 0) appOnPath[eApp[pathFrom[i]!]!] = 0;
        }
        push(depth);
        pushed++;
      }
    }
    return pushed;
  }
  /** Progress guarantee: push along the Dijkstra tree when the search found nothing (not seen in practice). */
  function augmentAlongTree(target: number): void {
    const nodes: number[] = [];
    const froms: number[] = [];
    const tos: number[] = [];
    for (let v = target; parent[v] !== -1; v = parent[v]!) {
      nodes.push(v);
      froms.push(parent[v]! < J && v < J ? parentFrom[v]! : -1);
      tos.push(parentTo[v]!);
    }
    let v = target;
    while (parent[v] !== -1) v = parent[v]!;
    pathNode[0] = v;
    for (let i = nodes.length - 1, depth = 1; i >= 0; i--, depth++) {
      pathNode[depth] = nodes[i]!;
      pathFrom[depth] = froms[i]!;
      pathTo[depth] = tos[i]!;
    }
    push(nodes.length);
  }

  /**
   * Past the work budget (wide affinity ranges with very uneven demand: the prices then climb by small
   * steps over many phases), finish fast: push along moves whose reduced length is within a tolerance that
   * grows fourfold whenever nothing more passes, then along any move, then by breadth-first paths. The plan
   * keeps every rule of coverage, balance and conflicts; only rules 3-5 may lose, and `optimal` tells.
   */
  function finishWithinBudget(): void {
    tolerance = 1;
    while (excess > 0) {
      if (blockingFlow() > 0) continue;
      if (tolerance !== Infinity) {
        // Within the affinity range by fourfold steps, then a knower bonus, an avoid bid, anything.
        const slack = 4 * spread + 4;
        tolerance = tolerance < slack ? tolerance * 4 : tolerance < bonus ? bonus + slack : tolerance < penalty ? penalty + bonus + slack : Infinity;
        continue;
      }
      const target = anyPath();
      if (target < 0) return;
      augmentAlongTree(target);
    }
  }
  /** Breadth-first search of the residual moves from the overloaded nodes to an underloaded one (tree in parent). */
  function anyPath(): number {
    settled.fill(0);
    const queue: number[] = [];
    for (let v = 0; v < N; v++) {
      if (imbalance[v]! > 0) {
        settled[v] = 1;
        parent[v] = -1;
        queue.push(v);
      }
    }
    const reach = (u: number, from: number, e: number, f: number): boolean => {
      if (settled[u]) return false;
      settled[u] = 1;
      parent[u] = from;
      parentFrom[u] = e;
      parentTo[u] = f;
      queue.push(u);
      return imbalance[u]! < 0;
    };
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head]!;
      if (v < J) {
        for (const e of jurorApps[v]!) {
          const a = eApp[e]!;
          for (let f = start[a]!; f < start[a + 1]!; f++) if (!held[f] && reach(eJuror[f]!, v, e, f)) return eJuror[f]!;
        }
        if (flow[v]! < hi[v]! - lo[v]! && reach(J + groupOf[v]!, v, -1, -1)) return J + groupOf[v]!;
      } else {
        for (const k of members[v - J]!) if (flow[k]! > 0 && reach(k, v, -1, -1)) return k;
      }
    }
    return -1;
  }

  /** Dual check: no single move (or group edge) has a negative reduced length, and nothing is left over. */
  function certified(): boolean {
    if (excess > 0) return false;
    for (let v = 0; v < N; v++) if (imbalance[v] !== 0) return false;
    for (let j = 0; j < J; j++) {
      const g = J + groupOf[j]!;
      if (flow[j]! < hi[j]! - lo[j]! && price[j]! < price[g]!) return false;
      if (flow[j]! > 0 && price[g]! < price[j]!) return false;
      for (const e of jurorApps[j]!) {
        const a = eApp[e]!;
        const values = valuesFor(e);
        const base = values[e]! + price[j]!;
        for (let f = start[a]!; f < start[a + 1]!; f++) if (!held[f] && base - values[f]! < price[eJuror[f]!]!) return false;
      }
    }
    return true;
  }

  const needNow = Int32Array.from(need);
  solve(needNow);
  if (excess > 0) {
    // Caps too tight: drop the leftover at each overloaded juror, from the applications with the most
    // jurors, then the least valuable pair; then plan again with those numbers (all placeable now).
    for (let j = 0; j < J; j++) {
      for (let over = imbalance[j]!; over > 0; over--) {
        let drop = -1;
        let dropKey = 0;
        for (const e of jurorApps[j]!) {
          const a = eApp[e]!;
          const key = valuesFor(e)[e]! - (keptCount[a]! + appHeldCount[a]!) * 2 * penalty;
          if (drop < 0 || key < dropKey || (key === dropKey && e < drop)) {
            drop = e;
            dropKey = key;
          }
        }
        needNow[eApp[drop]!]!--;
        release(drop);
      }
    }
    solve(needNow);
  }
  const optimal = tiersExact && certified();

  const add: AffinityPlanResult['add'] = [];
  const affinityByPair: number[] = [];
  let totalAffinity = 0;
  let avoidedUsed = 0;
  const shortfalls: AffinityShortfall[] = [];
  const unmatched: string[] = [];
  const notReadByKnower: string[] = [];
  for (let a = 0; a < A; a++) {
    const mine = Array.from(appHeld.subarray(a * R, a * R + appHeldCount[a]!)).sort((x, y) => x - y);
    let known = keptKnower[a] === 1;
    for (const e of mine) {
      add.push([jurorIds[eJuror[e]!]!, appIds[a]!]);
      affinityByPair.push(eAffinity[e]!);
      totalAffinity += eAffinity[e]!;
      avoidedUsed += eAvoid[e]!;
      if (eAffinity[e]! > 0) known = true;
    }
    if (!knowable[a]) unmatched.push(appIds[a]!);
    else if (!known) notReadByKnower.push(appIds[a]!);
    const assigned = keptCount[a]! + mine.length;
    if (assigned < required) {
      const reason = J < required ? 'NOT_ENOUGH_JURORS' : assigned < Math.min(required, unconflicted[a]!) ? 'CAPACITY' : 'CONFLICTS';
      shortfalls.push({ applicationId: appIds[a]!, assigned, required, reason });
    }
  }
  const loads: Record<string, number> = {};
  for (let j = 0; j < J; j++) loads[jurorIds[j]!] = keptLoad[j]! + load[j]!;
  return { add, shortfalls, loads, affinityByPair, totalAffinity, upperBound, unmatched, notReadByKnower, avoidedUsed, optimal };
}
