/**
 * Shares of a whole in percent, rounded so that the shown shares add up to exactly 100 (largest remainder
 * method): each share is rounded down, then the units still missing go to the shares that lost the most
 * (ties to the earlier one). Rounding each share on its own would show 33 + 33 + 33 = 99 or 101.
 * Weights that are not positive numbers get 0; with no positive weight every share is 0.
 */
export function roundedShares(weights: readonly number[], decimals = 0): number[] {
  const valid = weights.map((weight) => (Number.isFinite(weight) && weight > 0 ? weight : 0));
  const total = valid.reduce((sum, weight) => sum + weight, 0);
  if (total <= 0) return valid.map(() => 0);
  const scale = 10 ** decimals;
  const units = 100 * scale;
  const exact = valid.map((weight) => (weight / total) * units);
  const floors = exact.map((value) => Math.floor(value + 1e-9));
  let missing = units - floors.reduce((sum, value) => sum + value, 0);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - floors[index]! }))
    .filter(({ index }) => valid[index]! > 0)
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (missing <= 0) break;
    floors[index]! += 1;
    missing -= 1;
  }
  return floors.map((value) => value / scale);
}
