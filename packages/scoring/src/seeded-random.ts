/**
 * mulberry32: a small, fast seeded generator, uniform in [0, 1). The demo data, the property tests and
 * the benches draw from it, so the same seed gives the same numbers everywhere and a failing case can
 * be replayed from its seed. Not for anything that must be unpredictable.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
