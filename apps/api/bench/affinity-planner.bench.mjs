// Benchmark of the affinity-aware planner (planWithAffinity) beside the unweighted one (planAssignments) on
// the same rounds. Run on demand, not in CI; it loads the compiled planners, so build first:
//   cd apps/api && npx tsc -p tsconfig.build.json && node bench/affinity-planner.bench.mjs [--runs 5]
// The standard scenarios are 500 x 30, 2,000 x 100 and 10,000 x 200 (required 3, 1% conflicts), then
// 10,000 x 200 with skewed topics. One scenario of your own shape instead:
//   node bench/affinity-planner.bench.mjs --applications 2000 --jurors 100 --reviews 3 --conflicts 0.01 --seed 7 [--skewed 1]
// Affinities are made like expertise: 9 topics, each application has 1-2 (primary weight 2, secondary 1),
// each juror knows 2-3; affinity = sum of the weights of the application's topics the juror knows, plus a
// "like" (+2) on 3% of pairs; 2% of pairs are "rather not" (avoid). The last line sums it up:
//   RESULT affinity-planner <size>=<median ms>/<affinity / upper bound> ... worst_ratio=... max_ms=... spread=... optimal=...
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { seededRandom } from '@tahkim/scoring';
import { optionalNumber } from './support.mjs';

const require = createRequire(import.meta.url);
const { planWithAffinity } = require('../dist/modules/jury-admin/affinity-planner.js');
const { planAssignments } = require('../dist/modules/jury-admin/assignment-planner.js');

const TOPICS = 9;

/** Same seed, same round: ids, conflicts, topics, bids. */
function affinityScenario({ seed, apps, jurors, required, conflictDensity, likeDensity = 0.03, avoidDensity = 0.02, skewed = false }) {
  const rng = seededRandom(seed);
  // Skewed: topic t is drawn for applications with weight 1 / (t + 1) (a few crowded fields), for jurors uniformly.
  const weights = Array.from({ length: TOPICS }, (_, t) => 1 / (t + 1));
  const weightSum = weights.reduce((x, y) => x + y, 0);
  const drawTopic = (uneven) => {
    if (!uneven) return Math.floor(rng() * TOPICS);
    let x = rng() * weightSum;
    for (let t = 0; t < TOPICS; t++) if ((x -= weights[t]) < 0) return t;
    return TOPICS - 1;
  };
  const pickTopics = (count, uneven = false) => {
    const chosen = [];
    while (chosen.length < count) {
      const t = drawTopic(uneven);
      if (!chosen.includes(t)) chosen.push(t);
    }
    return chosen;
  };
  const applications = Array.from({ length: apps }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  const jurorIds = Array.from({ length: jurors }, (_, i) => `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  const appTopics = applications.map(() => pickTopics(rng() < 0.5 ? 1 : 2, skewed));
  const expertise = jurorIds.map(() => new Set(pickTopics(rng() < 0.5 ? 2 : 3)));
  const conflicts = [];
  const affinity = [];
  const avoid = [];
  applications.forEach((a, ai) => {
    const [primary, secondary] = appTopics[ai];
    jurorIds.forEach((j, ji) => {
      if (rng() < conflictDensity) conflicts.push([j, a]);
      let value = (expertise[ji].has(primary) ? 2 : 0) + (secondary !== undefined && expertise[ji].has(secondary) ? 1 : 0);
      const bid = rng();
      if (bid < likeDensity) value += 2;
      else if (bid < likeDensity + avoidDensity) avoid.push([j, a]);
      if (value !== 0) affinity.push([j, a, value]);
    });
  });
  return { applications, jurors: jurorIds, required, existing: [], conflicts, affinity, avoid };
}

const args = process.argv.slice(2);
const option = (name) => optionalNumber(args, name);
const custom = ['applications', 'jurors', 'reviews', 'conflicts', 'seed', 'skewed'].some((name) => option(name) !== undefined);
const scenarios = custom
  ? [{ seed: option('seed') ?? 1, apps: option('applications') ?? 10_000, jurors: option('jurors') ?? 200, required: option('reviews') ?? 3, conflictDensity: option('conflicts') ?? 0.01, skewed: option('skewed') === 1 }]
  : [
      { seed: 11, apps: 500, jurors: 30, required: 3, conflictDensity: 0.01 },
      { seed: 12, apps: 2_000, jurors: 100, required: 3, conflictDensity: 0.01 },
      { seed: 13, apps: 10_000, jurors: 200, required: 3, conflictDensity: 0.01 },
      // Harder: a few crowded fields, so balance keeps some applications from their best readers.
      { seed: 14, apps: 10_000, jurors: 200, required: 3, conflictDensity: 0.01, skewed: true },
    ];

const RUNS = option('runs') ?? 5;
const median = (xs) => [...xs].sort((x, y) => x - y)[xs.length >> 1];
function time(fn, input) {
  const times = [];
  let result;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    result = fn(input);
    times.push(performance.now() - started);
  }
  return { result, ms: median(times), max: Math.max(...times) };
}
/** Affinity of an unweighted plan's pairs, for comparison. */
function affinityOf(input, add) {
  const value = new Map(input.affinity.map(([j, a, v]) => [`${j}|${a}`, v]));
  const avoided = new Set(input.avoid.map(([j, a]) => `${j}|${a}`));
  let total = 0;
  let avoidedUsed = 0;
  for (const [j, a] of add) {
    total += value.get(`${j}|${a}`) ?? 0;
    if (avoided.has(`${j}|${a}`)) avoidedUsed++;
  }
  return { total, avoidedUsed };
}

const summary = [];
let worstRatio = Infinity;
let maxMs = 0;
let worstSpread = 0;
let allOptimal = true;
for (const shape of scenarios) {
  const input = affinityScenario(shape);
  const name = `${shape.apps} x ${shape.jurors} x ${shape.required}, ${shape.conflictDensity * 100}% conflicts${shape.skewed ? ', skewed topics' : ''}`;
  const weighted = time(planWithAffinity, input);
  const plain = time(planAssignments, input);
  const r = weighted.result;
  const loads = Object.values(r.loads);
  const spread = loads.length ? Math.max(...loads) - Math.min(...loads) : 0;
  const ratio = r.upperBound > 0 ? r.totalAffinity / r.upperBound : 1;
  const base = affinityOf(input, plain.result.add);
  console.log(`${name}  (${input.affinity.length} affinities, ${input.avoid.length} avoid bids)`);
  console.log(
    `  affinity planner  median ${weighted.ms.toFixed(0).padStart(6)} ms  max ${weighted.max.toFixed(0).padStart(6)} ms  ` +
      `affinity ${r.totalAffinity}/${r.upperBound} = ${(ratio * 100).toFixed(2)} %  loads ${Math.min(...loads)}..${Math.max(...loads)}  ` +
      `added ${r.add.length}  shortfalls ${r.shortfalls.length}  avoid used ${r.avoidedUsed}  unmatched ${r.unmatched.length}  ` +
      `not read by a knower ${r.notReadByKnower.length}  optimal ${r.optimal}`,
  );
  console.log(
    `  unweighted        median ${plain.ms.toFixed(0).padStart(6)} ms  max ${plain.max.toFixed(0).padStart(6)} ms  ` +
      `affinity ${base.total}/${r.upperBound} = ${((base.total / Math.max(1, r.upperBound)) * 100).toFixed(2)} %  avoid used ${base.avoidedUsed}`,
  );
  summary.push(`${shape.apps}x${shape.jurors}${shape.skewed ? 'skewed' : ''}=${weighted.ms.toFixed(0)}ms/${ratio.toFixed(4)}`);
  worstRatio = Math.min(worstRatio, ratio);
  maxMs = Math.max(maxMs, weighted.max);
  worstSpread = Math.max(worstSpread, spread);
  allOptimal &&= r.optimal;
}
console.log(
  `RESULT affinity-planner ${summary.join(' ')} worst_ratio=${worstRatio.toFixed(4)} max_ms=${maxMs.toFixed(0)} spread=${worstSpread} optimal=${allOptimal}`,
);
