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
