import { seededRandom } from '@tahkim/scoring';
import { intIn, pairKey as key, roundFacts, shuffled, type RoundFacts } from '../../../test/support/random-rounds';
import { planAssignments } from './assignment-planner';
import { planWithAffinity, type AffinityPlanInput, type AffinityPlanResult } from './affinity-planner';

/** Every failing case can be replayed from its seed. */
const prng = seededRandom;
const plan = (input: AffinityPlanInput) => planWithAffinity(structuredClone(input));
const base = { existing: [], conflicts: [], affinity: [], avoid: [] } satisfies Partial<AffinityPlanInput>;

const ascending = (xs: number[]) => [...xs].sort((x, y) => x - y);

/** Random round: ids out of index order, conflicts, skewed existing work, affinities, likes, avoid bids. */
function randomCase(seed: number, maxApps: number, maxJurors: number): AffinityPlanInput {
  const rng = prng(seed);
  const id = (prefix: string, i: number) => `${prefix}-${Math.floor(rng() * 1e9).toString(36)}-${i}`;
  const applications = Array.from({ length: intIn(rng, 0, maxApps) }, (_, i) => id('app', i));
  const jurors = Array.from({ length: intIn(rng, 0, maxJurors) }, (_, i) => id('jur', i));
  const conflictDensity = rng() * 0.3;
  const existingDensity = rng() < 0.4 ? 0 : rng() * 0.05;
  const avoidDensity = rng() * 0.2;
  const skew = jurors.map(() => (rng() < 0.15 ? 4 : 1));
  const input: AffinityPlanInput = { applications, jurors, required: intIn(rng, 1, 4), existing: [], conflicts: [], affinity: [], avoid: [] };
  for (const a of applications) {
    jurors.forEach((j, ji) => {
      if (rng() < conflictDensity) input.conflicts.push([j, a]);
      if (rng() < existingDensity * skew[ji]!) input.existing.push([j, a]);
      if (rng() < 0.5) input.affinity.push([j, a, intIn(rng, -1, 4)]);
      if (rng() < avoidDensity) input.avoid.push([j, a]);
    });
  }
  if (rng() < 0.3) input.cap = intIn(rng, 0, Math.ceil((applications.length * input.required) / Math.max(1, jurors.length)) + 2);
  // Noise: duplicates (the highest affinity counts) and unknown ids.
  if (input.affinity.length > 0) input.affinity.push([input.affinity[0]![0], input.affinity[0]![1], -1]);
  if (rng() < 0.3) input.existing.push(['jur-unknown', applications[0] ?? 'app-unknown']);
  if (rng() < 0.3) input.affinity.push([jurors[0] ?? 'jur-unknown', 'app-unknown', 3]);
  return input;
}

/**
 * The same round with `knows` pairs drawn apart from its affinities (their own generator, so `randomCase`
 * stays as it was): any pair, conflicted, kept or avoided ones included, plus duplicates and unknown ids.
 */
function withKnows(input: AffinityPlanInput, seed: number): AffinityPlanInput {
  const rng = prng(seed * 104_729 + 17);
  const density = rng() * 0.6;
  const knows: Array<[string, string]> = [];
  for (const a of input.applications) for (const j of input.jurors) if (rng() < density) knows.push([j, a]);
  if (knows.length > 0) knows.push(knows[0]!);
  if (rng() < 0.5) knows.push(['jur-unknown', input.applications[0] ?? 'app-unknown'], [input.jurors[0] ?? 'jur-unknown', 'app-unknown']);
  return { ...input, knows };
}

/**
 * As in the bench: 9 topics; applications have 1-2 (primary weight 2, secondary 1), drawn uniformly or, when
 * skewed, topic t with weight 1 / (t + 1); jurors know 2-3, uniformly; a like (+2) on 3% of pairs, an avoid
 * bid on 2%, 1% conflicts.
 */
function expertiseCase(seed: number, apps: number, jurors: number, skewed: boolean): AffinityPlanInput {
  const rng = prng(seed);
  const weights = Array.from({ length: 9 }, (_, t) => (skewed ? 1 / (t + 1) : 1));
  const weightSum = weights.reduce((x, y) => x + y, 0);
  const topic = (uneven: boolean) => {
    if (!uneven) return Math.floor(rng() * 9);
    let x = rng() * weightSum;
    for (let t = 0; t < 9; t++) if ((x -= weights[t]!) < 0) return t;
    return 8;
  };
  const topics = (count: number, uneven: boolean) => {
    const chosen: number[] = [];
    while (chosen.length < count) {
      const t = topic(uneven);
      if (!chosen.includes(t)) chosen.push(t);
    }
    return chosen;
  };
  const applications = Array.from({ length: apps }, (_, i) => `app-${i}`);
  const jurorIds = Array.from({ length: jurors }, (_, i) => `jur-${i}`);
  const appTopics = applications.map(() => topics(rng() < 0.5 ? 1 : 2, true));
  const expertise = jurorIds.map(() => new Set(topics(rng() < 0.5 ? 2 : 3, false)));
  const input: AffinityPlanInput = { applications, jurors: jurorIds, required: 3, existing: [], conflicts: [], affinity: [], avoid: [] };
  applications.forEach((a, ai) => {
    const [primary, secondary] = appTopics[ai]!;
    jurorIds.forEach((j, ji) => {
      if (rng() < 0.01) input.conflicts.push([j, a]);
      let value = (expertise[ji]!.has(primary!) ? 2 : 0) + (secondary !== undefined && expertise[ji]!.has(secondary) ? 1 : 0);
      const bid = rng();
      if (bid < 0.03) value += 2;
      else if (bid < 0.05) input.avoid.push([j, a]);
      if (value !== 0) input.affinity.push([j, a, value]);
    });
  });
  return input;
}

interface Facts extends RoundFacts {
  affinity: (j: string, a: string) => number;
  avoided: Set<string>;
  /** Does j know a's field: a `knows` pair when they are given, otherwise a positive affinity (conflicts and avoid bids aside). */
  knows: (j: string, a: string) => boolean;
}
function factsOf(input: AffinityPlanInput): Facts {
  const values = new Map<string, number>();
  for (const [j, a, v] of input.affinity) values.set(key(j, a), Math.max(values.get(key(j, a)) ?? -Infinity, v));
  const affinity = (j: string, a: string) => values.get(key(j, a)) ?? 0;
  const knowing = input.knows && new Set(input.knows.map(([j, a]) => key(j, a)));
  const knows = (j: string, a: string) => (knowing ? knowing.has(key(j, a)) : affinity(j, a) > 0);
  return { ...roundFacts(input), affinity, avoided: new Set(input.avoid.map(([j, a]) => key(j, a))), knows };
}

/** What any valid plan must look like, recomputed here independently of the planner. */
function checkInvariants(input: AffinityPlanInput, result: AffinityPlanResult): void {
  const { jurors, apps, jurorSet, appSet, conflicted, kept, keptLoad, affinity, avoided, knows } = factsOf(input);
  const added = new Set<string>();
  const badPairs: Array<{ pair: [string, string]; problem: string }> = [];
  result.add.forEach(([j, a], i) => {
    if (!jurorSet.has(j) || !appSet.has(a)) badPairs.push({ pair: [j, a], problem: 'unknown id' });
    else if (conflicted.has(key(j, a))) badPairs.push({ pair: [j, a], problem: 'conflicted' });
    else if (kept.has(key(j, a))) badPairs.push({ pair: [j, a], problem: 'already assigned' });
    else if (added.has(key(j, a))) badPairs.push({ pair: [j, a], problem: 'duplicate' });
    else if (result.affinityByPair[i] !== affinity(j, a)) badPairs.push({ pair: [j, a], problem: 'wrong affinity' });
    added.add(key(j, a));
  });
  expect(badPairs).toEqual([]);
  expect(result.affinityByPair).toHaveLength(result.add.length);
  expect(result.totalAffinity).toBe(result.affinityByPair.reduce((x, y) => x + y, 0));
  expect(result.totalAffinity).toBeLessThanOrEqual(result.upperBound);
  expect(result.avoidedUsed).toBe(result.add.filter(([j, a]) => avoided.has(key(j, a))).length);

  const loads: Record<string, number> = Object.fromEntries(jurors.map((j) => [j, 0]));
  for (const k of [...kept, ...added]) loads[k.split('\u0000')[0]!]!++;
  expect(result.loads).toEqual(loads);
  const final = (a: string) => jurors.filter((j) => kept.has(key(j, a)) || added.has(key(j, a)));
  const wrong: unknown[] = [];
  for (const a of apps) {
    const eligible = jurors.filter((j) => !conflicted.has(key(j, a))).length;
    const existing = jurors.filter((j) => kept.has(key(j, a))).length;
    const target = Math.max(existing, Math.min(input.required, eligible));
    const got = final(a).length;
    // With a cap an application may get fewer, never more; without one, exactly the target.
    if (input.cap === undefined ? got !== target : got > target || got < existing) wrong.push({ a, got, target });
  }
  expect(wrong).toEqual([]);
  if (input.cap !== undefined) {
    const over = jurors.filter((j) => loads[j]! > Math.max(input.cap!, keptLoad.get(j)!));
    expect(over).toEqual([]);
  } else {
    // Balance: the same sorted loads as planAssignments, whose loads are decreasingly minimal.
    expect(ascending(Object.values(result.loads))).toEqual(ascending(Object.values(planAssignments(structuredClone(input)).loads)));
  }
  const expectedShortfalls = apps.filter((a) => final(a).length < input.required).sort();
  expect(result.shortfalls.map((s) => s.applicationId).sort()).toEqual(expectedShortfalls);
  for (const s of result.shortfalls) {
    const eligible = jurors.filter((j) => !conflicted.has(key(j, s.applicationId))).length;
    const reason = jurors.length < input.required ? 'NOT_ENOUGH_JURORS' : s.assigned < Math.min(input.required, eligible) ? 'CAPACITY' : 'CONFLICTS';
    expect(s).toEqual({ applicationId: s.applicationId, assigned: final(s.applicationId).length, required: input.required, reason });
  }
  const knowable = (a: string) => jurors.some((j) => !conflicted.has(key(j, a)) && knows(j, a));
  expect(result.unmatched).toEqual(apps.filter((a) => !knowable(a)).sort());
  expect(result.notReadByKnower).toEqual(apps.filter((a) => knowable(a) && !final(a).some((j) => knows(j, a))).sort());
}

function combinations<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((item, i) => combinations(items.slice(i + 1), size - 1).map((rest) => [item, ...rest]));
}

/**
 * Every plan of a tiny round, scored by the rules in order: coverage (with a cap) or the sorted loads
 * (balance), then avoid bids used, applications read by a knower (`knows`, not avoided), affinity.
 */
function bestByBruteForce(input: AffinityPlanInput, result: AffinityPlanResult) {
  const { jurors, apps, conflicted, kept, keptLoad: keptLoads, affinity, avoided, knows } = factsOf(input);
  const perApp = apps.map((a) => {
    const eligible = jurors.filter((j) => !conflicted.has(key(j, a)));
    const existing = eligible.filter((j) => kept.has(key(j, a)));
    const candidates = eligible.filter((j) => !kept.has(key(j, a)));
    const need = Math.max(0, Math.min(input.required, eligible.length) - existing.length);
    const sizes = input.cap === undefined ? [need] : Array.from({ length: need + 1 }, (_, n) => n);
    return { a, known: existing.some((j) => knows(j, a)), options: sizes.flatMap((n) => combinations(candidates, n)) };
  });
  const keptLoad = (j: string) => keptLoads.get(j)!;
  const score = (choice: string[][]) => {
    const loads = new Map(jurors.map((j) => [j, keptLoad(j)]));
    let avoid = 0;
    let readByKnower = 0;
    let total = 0;
    let coverage = 0;
    choice.forEach((chosen, i) => {
      const { a, known } = perApp[i]!;
      let read = known;
      for (const j of chosen) {
        loads.set(j, loads.get(j)! + 1);
        if (avoided.has(key(j, a))) avoid++;
        else if (knows(j, a)) read = true;
        total += affinity(j, a);
      }
      coverage += chosen.length;
      if (read) readByKnower++;
    });
    if (input.cap !== undefined && jurors.some((j) => loads.get(j)! > Math.max(input.cap!, keptLoad(j)))) return undefined;
    return { sorted: [...loads.values()].sort((x, y) => y - x), coverage, avoid, readByKnower, total, counts: choice.map((c) => c.length) };
  };
  type Score = NonNullable<ReturnType<typeof score>>;
  const lexLoads = (x: number[], y: number[]) => x.findIndex((v, i) => v !== y[i]);
  const better = (x: Score, y: Score): boolean => {
    if (input.cap !== undefined) {
      if (x.coverage !== y.coverage) return x.coverage > y.coverage;
    } else {
      const i = lexLoads(x.sorted, y.sorted);
      if (i >= 0) return x.sorted[i]! < y.sorted[i]!;
    }
    if (x.avoid !== y.avoid) return x.avoid < y.avoid;
    if (x.readByKnower !== y.readByKnower) return x.readByKnower > y.readByKnower;
    return x.total > y.total;
  };
  const planned = perApp.map(({ a }) => result.add.filter(([, b]) => b === a).map(([j]) => j));
  const plannedCounts = planned.map((c) => c.length);
  let best: Score | undefined;
  let bestSameCoverage: Score | undefined;
  const walk = (i: number, choice: string[][]): void => {
    if (i === perApp.length) {
      const s = score(choice);
      if (!s) return;
      if (!best || better(s, best)) best = s;
      if (s.counts.every((c, k) => c === plannedCounts[k]) && (!bestSameCoverage || better(s, bestSameCoverage))) bestSameCoverage = s;
      return;
    }
    for (const option of perApp[i]!.options) walk(i + 1, [...choice, option]);
  };
  walk(0, []);
  return { best: best!, bestSameCoverage, mine: score(planned) };
}

/** The plan of a tiny round is the best of all its plans by every rule in order, and says so (`optimal`). */
function expectBestByEveryRule(seed: number, input: AffinityPlanInput, result: AffinityPlanResult): void {
  const { best, bestSameCoverage, mine } = bestByBruteForce(input, result);
  const tiers = (s: typeof mine) => s && { avoid: s.avoid, readByKnower: s.readByKnower, total: s.total };
  if (input.cap === undefined) {
    expect({ seed, loads: mine?.sorted, ...tiers(mine) }).toEqual({ seed, loads: best.sorted, ...tiers(best) });
  } else {
    // The most pairs the caps allow; and for that coverage of each application, the best by the tiers.
    expect({ seed, coverage: mine?.coverage, ...tiers(mine) }).toEqual({ seed, coverage: best.coverage, ...tiers(bestSameCoverage) });
  }
  expect({ seed, optimal: result.optimal }).toEqual({ seed, optimal: true });
}

/** The same round with every array in another order drawn from `rng`. */
const reorder = (input: AffinityPlanInput, rng: () => number): AffinityPlanInput => ({
  ...input,
  applications: shuffled(input.applications, rng),
  jurors: shuffled(input.jurors, rng),
  existing: shuffled(input.existing, rng),
  conflicts: shuffled(input.conflicts, rng),
  affinity: shuffled(input.affinity, rng),
  avoid: shuffled(input.avoid, rng),
  ...(input.knows && { knows: shuffled(input.knows, rng) }),
});

describe('planWithAffinity', () => {
  it('finds the best plan by every rule in order, checked against all plans of 400 tiny rounds', () => {
    let withAvoidUsed = 0;
    let withCapShortfalls = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const input = randomCase(seed, 4, 4);
      const result = plan(input);
      checkInvariants(input, result);
      expectBestByEveryRule(seed, input, result);
      if (input.cap !== undefined && result.shortfalls.some((s) => s.reason === 'CAPACITY')) withCapShortfalls++;
      if (result.avoidedUsed > 0) withAvoidUsed++;
    }
    // The generator must reach the interesting branches.
    expect(withAvoidUsed).toBeGreaterThan(10);
    expect(withCapShortfalls).toBeGreaterThan(10);
  });

  it('holds every rule and is deterministic under shuffled input over 120 random rounds (up to 200 x 25)', () => {
    for (let seed = 1001; seed <= 1120; seed++) {
      const input = randomCase(seed, 200, 25);
      const result = plan(input);
      checkInvariants(input, result);
      expect({ seed, optimal: result.optimal }).toEqual({ seed, optimal: true });
      const expected = JSON.stringify(result);
      const reordered = reorder(input, prng(seed * 7919));
      expect({ seed, sameAfterShuffle: JSON.stringify(plan(reordered)) === expected }).toEqual({ seed, sameAfterShuffle: true });
    }
  });

  it('counts as knowers exactly the `knows` pairs when given: a like is no expertise, an expert of affinity 0 is one', () => {
    // j1 likes a1 and a2 without knowing either field; j2 knows a2's field and has no affinity for it.
    const input: AffinityPlanInput = { ...base, applications: ['a1', 'a2'], jurors: ['j1', 'j2'], required: 1, affinity: [['j1', 'a1', 2], ['j1', 'a2', 3]] };
    // Without `knows` a positive affinity is a knower: the best total, j1 on a2.
    const byAffinity = plan(input);
    checkInvariants(input, byAffinity);
    expect(byAffinity.add).toEqual([['j2', 'a1'], ['j1', 'a2']]);
    expect(byAffinity.unmatched).toEqual([]);
    expect(byAffinity.notReadByKnower).toEqual(['a1']);
    // With `knows` (duplicates and unknown ids ignored), a1 has no knower and a2 goes to its expert first.
    const withExpertise: AffinityPlanInput = { ...input, knows: [['j2', 'a2'], ['j2', 'a2'], ['ghost', 'a2'], ['j1', 'a-ghost']] };
    const byExpertise = plan(withExpertise);
    checkInvariants(withExpertise, byExpertise);
    expect(byExpertise.add).toEqual([['j1', 'a1'], ['j2', 'a2']]);
    expect(byExpertise.affinityByPair).toEqual([2, 0]);
    expect(byExpertise.unmatched).toEqual(['a1']);
    expect(byExpertise.notReadByKnower).toEqual([]);
    expect(byExpertise.optimal).toBe(true);
    // An empty list: nobody knows anything, affinity alone decides.
    const byNobody = plan({ ...input, knows: [] });
    expect(byNobody.add).toEqual([['j2', 'a1'], ['j1', 'a2']]);
    expect(byNobody.unmatched).toEqual(['a1', 'a2']);
    // A conflicted or avoided expert is no knower for rule 4: an avoided one reads only if balance needs it.
    const avoided = plan({ ...withExpertise, avoid: [['j2', 'a2']] });
    expect(avoided.add).toEqual([['j2', 'a1'], ['j1', 'a2']]);
    expect(avoided.avoidedUsed).toBe(0);
    const conflicted = plan({ ...withExpertise, conflicts: [['j2', 'a2']] });
    expect(conflicted.unmatched).toEqual(['a1', 'a2']);
  });

  it('follows `knows` by every rule in order, checked against all plans of 300 tiny rounds', () => {
    let changedByKnows = 0;
    for (let seed = 5001; seed <= 5300; seed++) {
      const input = withKnows(randomCase(seed, 4, 4), seed);
      const result = plan(input);
      checkInvariants(input, result);
      expectBestByEveryRule(seed, input, result);
      if (JSON.stringify(result) !== JSON.stringify(plan({ ...input, knows: undefined }))) changedByKnows++;
    }
    // `knows` must matter in a good share of the rounds, or the test proves little.
    expect(changedByKnows).toBeGreaterThan(30);
  });

  it('is deterministic under shuffled input with `knows`, and `knows` = the positive affinities changes nothing (60 rounds up to 200 x 25)', () => {
    for (let seed = 6001; seed <= 6060; seed++) {
      const round = randomCase(seed, 200, 25);
      const input = withKnows(round, seed);
      const result = plan(input);
      checkInvariants(input, result);
      expect({ seed, optimal: result.optimal }).toEqual({ seed, optimal: true });
      const expected = JSON.stringify(result);
      expect({ seed, sameAfterShuffle: JSON.stringify(plan(reorder(input, prng(seed * 7919)))) === expected }).toEqual({ seed, sameAfterShuffle: true });
      // Today's rule spelled out as a list gives the very same plan (the highest of duplicate affinities counts).
      const highest = new Map<string, [string, string, number]>();
      for (const [j, a, v] of round.affinity) if ((highest.get(key(j, a))?.[2] ?? -Infinity) < v) highest.set(key(j, a), [j, a, v]);
      const positive = [...highest.values()].filter(([, , v]) => v > 0).map(([j, a]): [string, string] => [j, a]);
      expect({ seed, same: JSON.stringify(plan({ ...round, knows: positive })) === JSON.stringify(plan(round)) }).toEqual({ seed, same: true });
    }
  });

  it('keeps existing pairs, never uses a conflicted juror, drops a now-conflicted existing pair', () => {
    const input: AffinityPlanInput = {
      ...base,
      applications: ['a1', 'a2'],
      jurors: ['j1', 'j2', 'j3'],
      required: 2,
      existing: [['j1', 'a1'], ['j2', 'a2']],
      conflicts: [['j2', 'a2'], ['j3', 'a1']],
      affinity: [['j3', 'a1', 9], ['j2', 'a2', 9], ['j1', 'a2', 1]],
    };
    const result = plan(input);
    checkInvariants(input, result);
    expect(result.add).toEqual([['j2', 'a1'], ['j1', 'a2'], ['j3', 'a2']]);
    expect(result.affinityByPair).toEqual([0, 1, 0]);
    expect(result.loads).toEqual({ j1: 2, j2: 1, j3: 1 });
  });

  it('avoids "rather not" pairs whenever the same coverage and balance allow it', () => {
    // j1 knows a1 best but would rather not read it: the swap costs affinity, not balance.
    const input: AffinityPlanInput = {
      ...base,
      applications: ['a1', 'a2'],
      jurors: ['j1', 'j2'],
      required: 1,
      affinity: [['j1', 'a1', 5], ['j2', 'a2', 1]],
      avoid: [['j1', 'a1']],
    };
    const result = plan(input);
    expect(result.add).toEqual([['j2', 'a1'], ['j1', 'a2']]);
    expect(result.avoidedUsed).toBe(0);
    expect(result.totalAffinity).toBe(0);
    expect(result.upperBound).toBe(6);
    // Without the bid, the best reader takes it.
    expect(plan({ ...input, avoid: [] }).add).toEqual([['j1', 'a1'], ['j2', 'a2']]);
  });

  it('uses the fewest avoid pairs when coverage or balance needs them', () => {
    // Coverage: a1 needs both jurors.
    const coverage = plan({ ...base, applications: ['a1'], jurors: ['j1', 'j2'], required: 2, avoid: [['j1', 'a1']] });
    expect(coverage.add).toEqual([['j1', 'a1'], ['j2', 'a1']]);
    expect(coverage.avoidedUsed).toBe(1);
    expect(coverage.shortfalls).toEqual([]);
    // Balance: j2 would rather not read a1..a3, but 2/2 needs one of them; 3/1 would avoid it but is not balanced.
    const input: AffinityPlanInput = {
      ...base,
      applications: ['a1', 'a2', 'a3', 'a4'],
      jurors: ['j1', 'j2'],
      required: 1,
      affinity: [['j2', 'a2', 1]],
      avoid: [['j2', 'a1'], ['j2', 'a2'], ['j2', 'a3']],
    };
    const balanced = plan(input);
    expect(balanced.loads).toEqual({ j1: 2, j2: 2 });
    expect(balanced.avoidedUsed).toBe(1);
    // Among the avoid pairs it must use, the one with the best affinity.
    expect(balanced.add).toEqual([['j1', 'a1'], ['j2', 'a2'], ['j1', 'a3'], ['j2', 'a4']]);
    // With a cap of 3 instead of balance, none is needed.
    const capped = plan({ ...input, cap: 3 });
    expect(capped.avoidedUsed).toBe(0);
    expect(capped.loads).toEqual({ j1: 3, j2: 1 });
  });

  it('honours likes as far as balance allows', () => {
    // j1 likes a1..a4 (affinity 3), j2 likes a5; balance gives everyone 2 of the 6 applications.
    const likes: AffinityPlanInput['affinity'] = [['j1', 'a1', 3], ['j1', 'a2', 3], ['j1', 'a3', 3], ['j1', 'a4', 3], ['j2', 'a5', 3], ['j3', 'a3', 1]];
    const input: AffinityPlanInput = { ...base, applications: ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'], jurors: ['j1', 'j2', 'j3'], required: 1, affinity: likes };
    const result = plan(input);
    checkInvariants(input, result);
    expect(result.loads).toEqual({ j1: 2, j2: 2, j3: 2 });
    // j1 reads two liked ones (not a3, which j3 knows), j2 its liked a5; the rest where balance sends them.
    const j1Reads = result.add.filter(([j]) => j === 'j1').map(([, a]) => a);
    expect(j1Reads).toHaveLength(2);
    expect(['a1', 'a2', 'a4']).toEqual(expect.arrayContaining(j1Reads));
    expect(result.add).toContainEqual(['j2', 'a5']);
    expect(result.add).toContainEqual(['j3', 'a3']);
    expect(result.totalAffinity).toBe(10);
    expect(result.upperBound).toBe(15);
    // With room for all of them (cap 4), every like is honoured.
    const capped = plan({ ...input, cap: 4 });
    expect(capped.totalAffinity).toBe(15);
    expect(capped.loads.j1).toBe(4);
  });

  it('has every application read by a juror of its field when balance allows (demo-like: 40 x 8, required 3)', () => {
    // Juror k is the only expert of topic k; applications have one or two of the 8 topics (primary match
    // worth 2, secondary 1), a few a 9th topic nobody knows.
    const rng = prng(2024);
    const jurors = Array.from({ length: 8 }, (_, k) => `expert-${k}`);
    const input: AffinityPlanInput = { ...base, applications: [], jurors, required: 3 };
    for (let i = 0; i < 40; i++) {
      const a = `app-${String(i).padStart(2, '0')}`;
      input.applications.push(a);
      if (i >= 37) continue; // topic 9: no expert
      const primary = Math.floor(rng() * 8);
      const secondary = rng() < 0.5 ? (primary + 1 + Math.floor(rng() * 7)) % 8 : undefined;
      input.affinity.push([jurors[primary]!, a, 2]);
      if (secondary !== undefined) input.affinity.push([jurors[secondary]!, a, 1]);
    }
    const result = plan(input);
    checkInvariants(input, result);
    expect(Object.values(result.loads)).toEqual(Array(8).fill(15));
    expect(result.unmatched).toEqual(['app-37', 'app-38', 'app-39']);
    expect(result.notReadByKnower).toEqual([]);
    for (const a of input.applications.slice(0, 37)) {
      const knowers = new Set(input.affinity.filter(([, b]) => b === a).map(([j]) => j));
      expect({ a, read: result.add.some(([j, b]) => b === a && knowers.has(j)) }).toEqual({ a, read: true });
    }
  });

  it('prefers having every application read by a knower to a higher total affinity', () => {
    // k knows p1 best (3) and is the only one who knows p2 and s; l knows p1 a little. Balance: 2/1/1.
    // The most affinity would be k on p1 and p2 (5), leaving s without a knower; instead l takes p1.
    const input: AffinityPlanInput = {
      ...base,
      applications: ['p1', 'p2', 's', 'z'],
      jurors: ['k', 'l', 'm'],
      required: 1,
      affinity: [['k', 'p1', 3], ['k', 'p2', 2], ['k', 's', 1], ['l', 'p1', 1]],
    };
    const result = plan(input);
    checkInvariants(input, result);
    expect(result.add).toEqual([['l', 'p1'], ['k', 'p2'], ['k', 's'], ['m', 'z']]);
    expect(result.totalAffinity).toBe(4);
    expect(result.notReadByKnower).toEqual([]);
  });

  it('reads as many applications by an expert as balance allows when one field is crowded', () => {
    // 20 applications in j0's field only; 4 jurors share 20 places, so j0 reads 5 of them, the others none.
    const applications = Array.from({ length: 20 }, (_, i) => `a${String(i).padStart(2, '0')}`);
    const input: AffinityPlanInput = { ...base, applications, jurors: ['j0', 'j1', 'j2', 'j3'], required: 1, affinity: applications.map((a): [string, string, number] => ['j0', a, 2]) };
    const result = plan(input);
    checkInvariants(input, result);
    expect(result.loads).toEqual({ j0: 5, j1: 5, j2: 5, j3: 5 });
    expect(result.totalAffinity).toBe(10);
    expect(result.notReadByKnower).toHaveLength(15);
    expect(result.unmatched).toEqual([]);
  });

  it('respects a cap, fills every place it can and spreads what is missing (reason CAPACITY)', () => {
    const applications = Array.from({ length: 10 }, (_, i) => `a${i}`);
    const input: AffinityPlanInput = { ...base, applications, jurors: ['j1', 'j2', 'j3'], required: 3, cap: 8, existing: [['j1', 'a0']] };
    const result = plan(input);
    checkInvariants(input, result);
    expect(result.loads).toEqual({ j1: 8, j2: 8, j3: 8 });
    expect(result.shortfalls).toHaveLength(6);
    expect(result.shortfalls.every((s) => s.assigned === 2 && s.reason === 'CAPACITY')).toBe(true);
    const over = plan({ ...input, cap: 0 });
    expect(over.add).toEqual([]);
    expect(over.loads).toEqual({ j1: 1, j2: 0, j3: 0 });
  });

  it('explains shortfalls and handles empty rounds', () => {
    expect(plan({ ...base, applications: ['a1'], jurors: ['j1', 'j2'], required: 3 }).shortfalls).toEqual([
      { applicationId: 'a1', assigned: 2, required: 3, reason: 'NOT_ENOUGH_JURORS' },
    ]);
    const conflicted = plan({ ...base, applications: ['a1', 'a2'], jurors: ['j1', 'j2', 'j3'], required: 3, conflicts: [['j1', 'a2'], ['j3', 'a2']] });
    expect(conflicted.shortfalls).toEqual([{ applicationId: 'a2', assigned: 1, required: 3, reason: 'CONFLICTS' }]);
    expect(plan({ ...base, applications: ['a1'], jurors: [], required: 1 })).toEqual({
      add: [],
      shortfalls: [{ applicationId: 'a1', assigned: 0, required: 1, reason: 'NOT_ENOUGH_JURORS' }],
      loads: {},
      affinityByPair: [],
      totalAffinity: 0,
      upperBound: 0,
      unmatched: ['a1'],
      notReadByKnower: [],
      avoidedUsed: 0,
      optimal: true,
    });
    expect(plan({ ...base, applications: [], jurors: ['j1'], required: 3 }).loads).toEqual({ j1: 0 });
    expect(() => plan({ ...base, applications: ['a1'], jurors: ['j1'], required: 1, affinity: [['j1', 'a1', Number.NaN]] })).toThrow(RangeError);
  });

  it('reaches at least 95 % of the upper bound on 500 x 30 rounds with topics drawn evenly (seeded)', () => {
    for (const seed of [1, 2, 3]) {
      const input = expertiseCase(seed, 500, 30, false);
      const result = plan(input);
      checkInvariants(input, result);
      expect(result.shortfalls).toEqual([]);
      const loads = Object.values(result.loads);
      expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      expect({ seed, optimal: result.optimal, avoidedUsed: result.avoidedUsed, notReadByKnower: result.notReadByKnower }).toEqual({ seed, optimal: true, avoidedUsed: 0, notReadByKnower: [] });
      expect(result.totalAffinity / result.upperBound).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('stays optimal when a few fields are crowded (skewed topics), where the bound is out of reach', () => {
    // A third of the applications share one field that ~8 of the 30 jurors know: balance caps what they can
    // read, so the optimum itself is 88-99 % of the bound here. `optimal` certifies that nothing does better.
    for (const seed of [1, 2]) {
      const input = expertiseCase(seed, 500, 30, true);
      const result = plan(input);
      checkInvariants(input, result);
      expect({ seed, optimal: result.optimal, avoidedUsed: result.avoidedUsed }).toEqual({ seed, optimal: true, avoidedUsed: 0 });
      expect(result.totalAffinity / result.upperBound).toBeGreaterThan(0.85);
    }
  });

  it('keeps every hard rule when its work budget runs out (affinities 0..999, everyone wants the same jurors)', () => {
    // Prices then climb by small steps over many phases. With a tiny budget the planner finishes fast, still
    // balanced and conflict-free, and says the plan is not proven optimal; the default budget proves it.
    const rng = prng(7);
    const applications = Array.from({ length: 300 }, (_, i) => `a${i}`);
    const jurors = Array.from({ length: 20 }, (_, i) => `j${i}`);
    const appeal = jurors.map(() => rng() ** 3);
    const input: AffinityPlanInput = { ...base, applications, jurors, required: 3, conflicts: [], affinity: [] };
    for (const a of applications) {
      jurors.forEach((j, ji) => {
        if (rng() < 0.05) input.conflicts.push([j, a]);
        input.affinity.push([j, a, Math.floor(1000 * appeal[ji]! * rng())]);
      });
    }
    const hurried = plan({ ...input, effort: 1 });
    checkInvariants(input, hurried);
    expect(hurried.optimal).toBe(false);
    const exact = plan(input);
    checkInvariants(input, exact);
    expect(exact.optimal).toBe(true);
    expect(exact.totalAffinity).toBeGreaterThan(hurried.totalAffinity);
    const value = new Map(input.affinity.map(([j, a, v]) => [key(j, a), v]));
    const unweighted = planAssignments(structuredClone(input)).add.reduce((sum, [j, a]) => sum + value.get(key(j, a))!, 0);
    expect(hurried.totalAffinity).toBeGreaterThan(1.3 * unweighted);
  });
});
