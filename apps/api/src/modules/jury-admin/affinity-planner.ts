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
 *    max - min <= 1 whenever any plan achieves it. The boxes of the dec-min loads, read from a plan of
 *    `planAssignments` (affinity-balance.ts), become bounds in a flow network; in the usual case they are
 *    the floor and ceiling of the average.
 * 3. As few "rather not" (avoid) pairs as possible: they are used only when coverage or balance needs them.
 * 4. As many applications as possible read by at least one juror who knows their field (not through an
 *    avoid pair), when an application has such a juror. Who knows what: exactly the `knows` pairs when they
 *    are given (a like raises the affinity but is no expertise), otherwise every pair of positive affinity;
 *    a conflicted pair never counts.
 * 5. The largest total affinity (likes are part of the affinity the caller passes).
 *
 * Algorithm (affinity-flow.ts): a min-cost flow (source -> application -> juror -> juror's balance group
 * -> sink) solved by successive shortest paths over the juror side only. Rules 3-5 are one integer cost
 * per pair, tiers far enough apart to be lexicographic (avoid penalty > knower bonus > affinity); rules 1-2
 * are bounds on the jurors' loads. Without a cap the balance boxes always admit a plan, so the run ends
 * with every rule met. With a cap, what cannot be placed is dropped as said in rule 1, and the plan is
 * made again for those numbers.
 *
 * Guarantees. Rules 1-2 always hold (checked against all plans of tiny rounds and by invariants in the
 * spec). At the end the prices are checked against every possible single move (`optimal`): when true
 * they are a dual certificate, and no plan meeting rules 1-2 does better on rules 3-5 (with a cap: none
 * with the same number of jurors per application). Tiers are exact while pairs x affinity range x
 * applications stays below ~2^51 / (8 x jurors), far above a round's size. Affinities are rounded to
 * integers. `upperBound` is each application's best eligible jurors by affinity ignoring loads and avoid
 * bids (with a cap, negative ones left out), so totalAffinity <= upperBound; both count added pairs only.
 *
 * Cost. Reading, starting and checking: O(applications x jurors); each phase of the search scans the
 * alternatives of the new pairs (new pairs x jurors), ~10-20 phases with a few affinity levels (more with
 * wide ranges and uneven demand, see affinity-flow.ts). A work budget (`effort`, 40 full scans by default,
 * counted, so deterministic) bounds pathological inputs (affinities 0..1000 that all want the same
 * jurors): past it the search accepts moves within a growing tolerance, then any move; rules 1-2 still
 * hold, `optimal` is false.
 * Measured (bench/affinity-planner.bench.mjs, 2 cores): 10,000 applications x 200 jurors, required 3,
 * 1% conflicts, in ~0.5 s at 100 % of the bound; with crowded fields ~0.7 s at 97 % (proven optimal).
 * Memory: ~45 bytes per (juror, application) pair while planning (~90 MB at 10,000 x 200).
 */
import { balanceBoxes, type BalanceBoxes } from './affinity-balance';
import { solveAffinityFlow } from './affinity-flow';
import { uniqueSorted, type PlanInput, type PlanResult } from './assignment-planner';

export interface AffinityPlanInput extends PlanInput {
  /** Integer affinity of a pair (expertise match plus a "like" bid, say); a missing pair is 0. */
  affinity: Array<[jurorId: string, applicationId: string, affinity: number]>;
  /** "I'd rather not read it" bids: used only when coverage or balance needs them, and then the fewest. */
  avoid: Array<[jurorId: string, applicationId: string]>;
  /**
   * Pairs whose juror knows the application's field (rule 4 of the header: the knower bonus, `unmatched`,
   * `notReadByKnower`). When given, exactly these pairs are knowers, whatever their affinity (a "like" bid
   * gives a positive affinity but is no expertise); when absent, every pair of positive affinity is.
   */
  knows?: Array<[jurorId: string, applicationId: string]>;
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
  /** Applications that no unconflicted juror knows (no `knows` pair, or without `knows` no positive affinity, at all). */
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
const KNOWS = 16;
const MAX_AFFINITY = 1_000_000;
/** Work budget of the exact search, in full scans of the new pairs' alternatives (each at least SCAN_FLOOR). */
const DEFAULT_EFFORT = 40;
const SCAN_FLOOR = 2_500_000;

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
  const knowsGiven = input.knows !== undefined;
  for (const [jurorId, applicationId] of input.knows ?? []) {
    const p = pairOf(jurorId, applicationId);
    if (p >= 0) flags[p]! |= KNOWS;
  }
  /** Does the juror of pair p know its application (rule 4)? Conflicts and avoid bids are the caller's to check. */
  const knower = (p: number): boolean => (knowsGiven ? (flags[p]! & KNOWS) !== 0 : pairAffinity[p]! > 0);

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
      const knows = knower(p);
      if (knows) knowable[a] = 1;
      if (f & KEPT) {
        if (knows) keptKnower[a] = 1;
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
      eKnower[n] = knower(p) && !(f & AVOID) ? 1 : 0;
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
  let boxes: BalanceBoxes;
  if (cap !== undefined) {
    const hi = Int32Array.from(keptLoad, (kept) => Math.max(0, cap - kept));
    boxes = { lo: new Int32Array(J), hi, groupOf: new Int32Array(J), groupTotal: [units] };
  } else if (J > 0) {
    boxes = balanceBoxes(input, { jurorIds, jurorIndex, appIndex, keptLoad, start, eJuror });
  } else {
    boxes = { lo: new Int32Array(0), hi: new Int32Array(0), groupOf: new Int32Array(0), groupTotal: [] };
  }

  const workBudget = (input.effort ?? DEFAULT_EFFORT) * Math.max(SCAN_FLOOR, units * J);
  const flow = solveAffinityFlow({
    ...boxes,
    J,
    A,
    required,
    need,
    start,
    eJuror,
    eApp,
    eKnower,
    w,
    wb,
    keptKnower,
    keptCount,
    capped: cap !== undefined,
    spread,
    bonus,
    penalty,
    workBudget,
  });
  const optimal = tiersExact && flow.certified();

  const add: AffinityPlanResult['add'] = [];
  const affinityByPair: number[] = [];
  let totalAffinity = 0;
  let avoidedUsed = 0;
  const shortfalls: AffinityShortfall[] = [];
  const unmatched: string[] = [];
  const notReadByKnower: string[] = [];
  for (let a = 0; a < A; a++) {
    const mine = flow.chosen(a);
    let known = keptKnower[a] === 1;
    for (const e of mine) {
      add.push([jurorIds[eJuror[e]!]!, appIds[a]!]);
      affinityByPair.push(eAffinity[e]!);
      totalAffinity += eAffinity[e]!;
      avoidedUsed += eAvoid[e]!;
      if (knower(a * J + eJuror[e]!)) known = true; // an avoid pair too: the juror knows the field
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
  for (let j = 0; j < J; j++) loads[jurorIds[j]!] = keptLoad[j]! + flow.load[j]!;
  return { add, shortfalls, loads, affinityByPair, totalAffinity, upperBound, unmatched, notReadByKnower, avoidedUsed, optimal };
}
