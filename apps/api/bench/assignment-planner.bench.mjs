// Benchmark of the automatic assignment planner (issue 4: "10,000 applications to 200 jurors in seconds").
// Run on demand, not in CI (builds what it needs first):
//   npm run bench:planner -w @tahkim/api
// runs the standard scenarios; with any of the options below it runs one scenario of that shape instead:
//   npm run bench:planner -w @tahkim/api -- --applications 2000 --jurors 100 --reviews 3 --conflicts 0.01 --seed 7 [--runs 7]
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { seededRandom } from '@tahkim/scoring';
import { optionalNumber } from './support.mjs';

const require = createRequire(import.meta.url);
const { planAssignments } = require('../dist/modules/jury-admin/assignment-planner.js');

/** As in the property tests: every scenario is the same on every run. */
const prng = seededRandom;

function scenario({ seed, apps, jurors, required, conflictDensity, existingDensity = 0, heavyJurors = 0 }) {
  const rng = prng(seed);
  const applications = Array.from({ length: apps }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  const jurorIds = Array.from({ length: jurors }, (_, i) => `10000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
  const conflicts = [];
  const existing = [];
  for (const a of applications) {
    jurorIds.forEach((j, ji) => {
      if (rng() < conflictDensity) conflicts.push([j, a]);
      // The first `heavyJurors` jurors already carry five times as much work as the others.
      if (rng() < existingDensity * (ji < heavyJurors ? 5 : 1)) existing.push([j, a]);
    });
  }
  return { applications, jurors: jurorIds, required, existing, conflicts };
}

const args = process.argv.slice(2);
const option = (name) => optionalNumber(args, name);
const custom = ['applications', 'jurors', 'reviews', 'conflicts', 'seed'].some((name) => option(name) !== undefined);

const scenarios = custom
  ? [(() => {
      const shape = { seed: option('seed') ?? 1, apps: option('applications') ?? 10_000, jurors: option('jurors') ?? 200, required: option('reviews') ?? 3, conflictDensity: option('conflicts') ?? 0.01 };
      return [`${shape.apps} x ${shape.jurors} x ${shape.required}, ${shape.conflictDensity * 100}% conflicts, seed ${shape.seed}`, shape];
    })()]
  : [
  ['10,000 x 200 x 3, 1% conflicts', { seed: 1, apps: 10_000, jurors: 200, required: 3, conflictDensity: 0.01 }],
  ['10,000 x 200 x 3, 30% conflicts', { seed: 2, apps: 10_000, jurors: 200, required: 3, conflictDensity: 0.3 }],
  ['10,000 x 200 x 3, 10% conflicts, skewed existing', { seed: 3, apps: 10_000, jurors: 200, required: 3, conflictDensity: 0.1, existingDensity: 0.002, heavyJurors: 20 }],
  ['500 x 23 x 3, 10% conflicts (issue 4)', { seed: 4, apps: 500, jurors: 23, required: 3, conflictDensity: 0.1 }],
];

const RUNS = option('runs') ?? 7;
for (const [name, shape] of scenarios) {
  const input = scenario(shape);
  const times = [];
  let result;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    result = planAssignments(input);
    times.push(performance.now() - started);
  }
  times.sort((x, y) => x - y);
  const loads = Object.values(result.loads);
  const spread = loads.length ? Math.max(...loads) - Math.min(...loads) : 0;
  console.log(
    `${name.padEnd(52)} median ${times[RUNS >> 1].toFixed(1).padStart(7)} ms  max ${times[RUNS - 1].toFixed(1).padStart(7)} ms  ` +
      `added ${result.add.length}  shortfalls ${result.shortfalls.length}  load spread ${spread}`,
  );
}
