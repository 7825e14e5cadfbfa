import type { TAnswers } from '@tahkim/contracts';

export type ConflictChoice = 'mine' | 'saved';

/**
 * The answers kept after a conflict: the saved version, with each differing field taken from the
 * side the person chose for it (a field without a choice keeps theirs: typing is never dropped silently).
 */
export function mergeConflict(
  mine: TAnswers,
  saved: TAnswers,
  differing: readonly string[],
  choices: Readonly<Record<string, ConflictChoice>>,
): TAnswers {
  const merged: TAnswers = { ...saved };
  for (const key of differing) {
    const choice = choices[key] ?? 'mine';
    if (choice === 'mine') merged[key] = mine[key];
    else merged[key] = saved[key];
  }
  return merged;
}

export function chooseAll(differing: readonly string[], choice: ConflictChoice): Record<string, ConflictChoice> {
  return Object.fromEntries(differing.map((key) => [key, choice]));
}

/**
 * The choice offered first for each differing answer: this page's version where this page changed
 * it, the saved version where only the other side did. So "keep my choices" never quietly undoes an
 * edit made elsewhere to an answer this page did not touch. Without a known base (a local copy
 * found on load), this page's typing is offered first everywhere.
 */
export function defaultChoices(differing: readonly string[], mine: TAnswers, base: TAnswers | undefined): Record<string, ConflictChoice> {
  if (!base) return chooseAll(differing, 'mine');
  return Object.fromEntries(differing.map((key) => [key, JSON.stringify(mine[key] ?? null) !== JSON.stringify(base[key] ?? null) ? 'mine' : 'saved']));
}
