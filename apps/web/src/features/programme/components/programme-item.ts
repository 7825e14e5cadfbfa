/** The programme's ordered lists, as named in the form (and as the prefix of their texts in the `programme` namespace). */
export type ProgrammeList = 'milestones' | 'indicators';

/** An item in the form: "milestones.2", "indicators.0". */
export type ProgrammeItemPath = `${ProgrammeList}.${number}`;

/** What marks an item's card for tests: "milestone", "indicator". */
export const ITEM_TEST_ID = { milestones: 'milestone', indicators: 'indicator' } as const satisfies Record<ProgrammeList, string>;

/**
 * The text that names an item (a milestone's title, an indicator's label): shown on its card, in the
 * removal question, and focused when the item is added. A template over the union would pair each list
 * with either field, so each list spells out its own.
 */
export function itemNamePath(list: ProgrammeList, index: number) {
  return list === 'milestones' ? (`milestones.${index}.title` as const) : (`indicators.${index}.label` as const);
}
