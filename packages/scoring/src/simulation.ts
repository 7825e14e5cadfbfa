import { rankRound, type SubmittedScore } from './ranking';
import { planSecondLook } from './second-look';
import { seededRandom } from './seeded-random';
import { weightedScore, type WeightedCriterion } from './weighted-score';

/**
 * A simulated call to measure how well a jury's scorecards find the best projects, and what extra
 * scorecards buy. Each application has a true quality q ~ N(0, 1); each juror a severity ~ N(0,
 * severitySd) in scale points and a spread ~ U(spreadMin, spreadMax); a criterion value is
 * clamp(round(2.5 + 1.2 * spread * (q + noise) + severity), 0, 5) with noise ~ N(0, noiseSd) per value;
 * criteria weighted as given, on a 0-5 scale. Reviews are assigned at random with balanced loads.
 */
export interface SimulationOptions {
  applications: number;
  jurors: number;
  reviews: number;
  severitySd: number;
  spreadMin: number;
  spreadMax: number;
  noiseSd: number;
  weights: readonly number[];
  shortlist: number;
}

export const SIMULATION_DEFAULTS: SimulationOptions = {
  applications: 120,
  jurors: 15,
  reviews: 3,
  severitySd: 0.8,
  spreadMin: 0.5,
  spreadMax: 1.5,
  noiseSd: 0.6,
  weights: [30, 25, 20, 15, 10],
  shortlist: 10,
};

/** The round's settings the ranking and the planner use in the simulation (DESIGN.md defaults). */
const REQUIRED = 3;
const DISAGREEMENT_THRESHOLD = 15;

export interface SimulatedCall {
  options: SimulationOptions;
  applicationIds: string[];
  jurorIds: string[];
  quality: number[];
  scorecards: SubmittedScore[];
  /** `${applicationId}|${jurorId}` of every review given so far. */
  reviewed: Set<string>;
  /** Writes one more scorecard of the juror on the application, from the model. */
  review: (applicationIndex: number, jurorIndex: number) => void;
  random: () => number;
}

function normal(random: () => number): number {
  // Box-Muller; 1 - u keeps the logarithm finite.
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function simulateCall(seed: number, overrides: Partial<SimulationOptions> = {}): SimulatedCall {
  const options = { ...SIMULATION_DEFAULTS, ...overrides };
  const random = seededRandom(seed);
  const applicationIds = Array.from({ length: options.applications }, (_, a) => `a${a}`);
  const jurorIds = Array.from({ length: options.jurors }, (_, j) => `j${j}`);
  const quality = applicationIds.map(() => normal(random));
  const severity = jurorIds.map(() => normal(random) * options.severitySd);
  const spread = jurorIds.map(() => options.spreadMin + random() * (options.spreadMax - options.spreadMin));
  const criteria: WeightedCriterion[] = options.weights.map((weight, c) => ({ id: `c${c}`, weight, scaleMin: 0, scaleMax: 5 }));
  const scorecards: SubmittedScore[] = [];
  const reviewed = new Set<string>();
  const review = (a: number, j: number) => {
    const values: Record<string, number> = {};
    for (const criterion of criteria) {
      const raw = 2.5 + 1.2 * spread[j]! * (quality[a]! + normal(random) * options.noiseSd) + severity[j]!;
      values[criterion.id] = Math.min(5, Math.max(0, Math.round(raw)));
    }
    scorecards.push({ applicationId: applicationIds[a]!, jurorId: jurorIds[j]!, score: weightedScore(criteria, values)! });
    reviewed.add(`${applicationIds[a]}|${jurorIds[j]}`);
  };
  // Balanced random assignment: applications in random order, each to the least loaded jurors (ties at random).
  const load = jurorIds.map(() => 0);
  for (const a of shuffled(applicationIds.length, random)) {
    const order = shuffled(jurorIds.length, random).sort((x, y) => load[x]! - load[y]!);
    for (const j of order.slice(0, options.reviews)) {
      load[j]! += 1;
      review(a, j);
    }
  }
  return { options, applicationIds, jurorIds, quality, scorecards, reviewed, review, random };
}

function shuffled(n: number, random: () => number): number[] {
  const items = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const k = Math.floor(random() * (i + 1));
    [items[i], items[k]] = [items[k]!, items[i]!];
  }
  return items;
}

/** The share of the true top k (by quality) found in the shortlist of k (by the normalised rank). */
export function shortlistRecall(call: SimulatedCall): number {
  const k = call.options.shortlist;
  const rows = rankRound({ applicationIds: call.applicationIds, scorecards: call.scorecards, required: REQUIRED, disagreementThreshold: DISAGREEMENT_THRESHOLD });
  const shortlist = rows
    .map((row, index) => ({ row, index }))
    .sort((x, y) => (x.row.normalisedRank ?? Infinity) - (y.row.normalisedRank ?? Infinity) || x.index - y.index)
    .slice(0, k)
    .map(({ index }) => index);
  const best = new Set(
    call.quality
      .map((q, index) => ({ q, index }))
      .sort((x, y) => y.q - x.q)
      .slice(0, k)
      .map(({ index }) => index),
  );
  return shortlist.filter((index) => best.has(index)).length / k;
}

/** N more scorecards, each on an application drawn at random, by a juror drawn among those who have not scored it. */
export function addRandomReviews(call: SimulatedCall, count: number): void {
  for (let added = 0; added < count; ) {
    const a = Math.floor(call.random() * call.applicationIds.length);
    const free = call.jurorIds.map((_, j) => j).filter((j) => !call.reviewed.has(`${call.applicationIds[a]}|${call.jurorIds[j]}`));
    if (free.length === 0) continue;
    call.review(a, free[Math.floor(call.random() * free.length)]!);
    added++;
  }
}

/** N more scorecards placed by the second-look planner (the API's), for a shortlist of k under the normalised method. */
export function addSecondLook(call: SimulatedCall, count: number): void {
  const load = new Map(call.jurorIds.map((id) => [id, 0]));
  for (const card of call.scorecards) load.set(card.jurorId, load.get(card.jurorId)! + 1);
  const plan = planSecondLook({
    applicationIds: call.applicationIds,
    scorecards: call.scorecards,
    required: REQUIRED,
    disagreementThreshold: DISAGREEMENT_THRESHOLD,
    method: 'normalised',
    cut: { size: call.options.shortlist },
    jurors: call.jurorIds.map((id) => ({ id, load: load.get(id)! })),
    excluded: (applicationId, jurorId) => call.reviewed.has(`${applicationId}|${jurorId}`),
    budget: { total: count },
  });
  const appIndex = new Map(call.applicationIds.map((id, i) => [id, i]));
  const jurorIndex = new Map(call.jurorIds.map((id, i) => [id, i]));
  for (const pick of plan.picks) call.review(appIndex.get(pick.applicationId)!, jurorIndex.get(pick.jurorId)!);
}
