// The second look on simulated calls (src/simulation.ts: 120 applications, 15 jurors of normal severity
// sd 0.8 points and spread 0.5-1.5, noise sd 0.6, five criteria weighted 30/25/20/15/10 on 0-5, three
// balanced random reviews each, shortlist of 10 by the juror z-score method). For each call, the same
// scorecards are extended in four ways: nothing, +N at random, +N by the second-look planner (the code
// the API uses), +4N at random; each prints the mean share of the true top 10 found in the shortlist.
//   npm run bench:second-look -w @tahkim/scoring [-- --calls 200 --seed 1 --extra 60]
// The last line sums it up: RESULT second-look base=... random=... second_look=... random4x=...
import { addRandomReviews, addSecondLook, shortlistRecall, simulateCall } from '../dist/simulation.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const value = Number(args[i + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} takes a whole number`);
  return value;
};
const CALLS = option('calls', 200);
const SEED = option('seed', 1);
const EXTRA = option('extra', 60);

const strategies = {
  base: () => {},
  random: (call) => addRandomReviews(call, EXTRA),
  second_look: (call) => addSecondLook(call, EXTRA),
  random4x: (call) => addRandomReviews(call, 4 * EXTRA),
};
const totals = Object.fromEntries(Object.keys(strategies).map((name) => [name, 0]));
const started = performance.now();
for (let c = 0; c < CALLS; c++) {
  for (const [name, extend] of Object.entries(strategies)) {
    // The same seed: the same call and the same first scorecards for every strategy.
    const call = simulateCall(SEED * 100_003 + c);
    extend(call);
    totals[name] += shortlistRecall(call);
  }
}
const mean = (name) => (totals[name] / CALLS).toFixed(3);
console.log(`${CALLS} simulated calls (seed ${SEED}), ${((performance.now() - started) / 1000).toFixed(1)} s; share of the true top 10 in the shortlist of 10:`);
console.log(`  no extra scorecard:          ${mean('base')}`);
console.log(`  +${EXTRA} at random:              ${mean('random')}`);
console.log(`  +${EXTRA} by the second look:     ${mean('second_look')}`);
console.log(`  +${4 * EXTRA} at random:             ${mean('random4x')}`);
console.log(`RESULT second-look base=${mean('base')} random=${mean('random')} second_look=${mean('second_look')} random4x=${mean('random4x')} calls=${CALLS}`);
