/** Helpers of the planners' property tests: every random case can be replayed from its seed (`seededRandom`). */
import type { PlanInput } from '../../src/modules/jury-admin/assignment-planner';

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

/** Key of a (juror, application) pair in the sets of `roundFacts`. */
export const pairKey = (jurorId: string, applicationId: string): string => `${jurorId}\u0000${applicationId}`;

/** A planner input's facts, recomputed in the specs independently of the planners. */
export interface RoundFacts {
  /** Distinct jurors and applications, in input order. */
  jurors: string[];
  apps: string[];
  jurorSet: Set<string>;
  appSet: Set<string>;
  /** Conflicted pairs (`pairKey`), as given (unknown ids included: they match no real pair). */
  conflicted: Set<string>;
  /** Existing pairs that are kept: both ids known, not conflicted (`pairKey`). */
  kept: Set<string>;
  /** Kept pairs of each juror. */
  keptLoad: Map<string, number>;
}

/** The facts of a round that both planners' specs check plans against. */
export function roundFacts(input: Pick<PlanInput, 'jurors' | 'applications' | 'conflicts' | 'existing'>): RoundFacts {
  const jurors = [...new Set(input.jurors)];
  const apps = [...new Set(input.applications)];
  const jurorSet = new Set(jurors);
  const appSet = new Set(apps);
  const conflicted = new Set(input.conflicts.map(([j, a]) => pairKey(j, a)));
  const kept = new Set(input.existing.filter(([j, a]) => jurorSet.has(j) && appSet.has(a) && !conflicted.has(pairKey(j, a))).map(([j, a]) => pairKey(j, a)));
  const keptLoad = new Map(jurors.map((j) => [j, 0]));
  for (const k of kept) {
    const j = k.split('\u0000')[0]!;
    keptLoad.set(j, keptLoad.get(j)! + 1);
  }
  return { jurors, apps, jurorSet, appSet, conflicted, kept, keptLoad };
}
