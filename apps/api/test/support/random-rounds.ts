/** Helpers of the planners' property tests: every random case can be replayed from its seed (`seededRandom`). */

/** An integer in [min, max], from `rng`. */
export const intIn = (rng: () => number, min: number, max: number): number => min + Math.floor(rng() * (max - min + 1));

/** A copy of `items` in an order drawn from `rng` (Fisher-Yates). */
export function shuffled<T>(items: readonly T[], rng: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const k = Math.floor(rng() * (i + 1));
    [copy[i], copy[k]] = [copy[k]!, copy[i]!];
  }
  return copy;
}
