import { DESCRIBED_ACTIONS } from './audit-vocabulary';

/**
 * The audited actions and entity types the interface has words for. Anything else the API returns
 * (a newer action) is shown as its code, so the trail never hides an entry.
 */
export const KNOWN_ACTIONS = [
  ...DESCRIBED_ACTIONS,
  // Recorded by earlier versions: still labelled in the filter, told with the generic sentence.
  'round.criteria_updated',
  'email.queued',
] as const;
export type KnownAction = (typeof KNOWN_ACTIONS)[number];

/** A family is what comes before the first dot of an action: "scorecard" for "scorecard.submitted". */
export const KNOWN_FAMILIES = [
  'application',
  'assignments',
  'attachment',
  'auth',
  'ballot',
  'call',
  'conflict',
  'criteria',
  'decision',
  'decision_template',
  'decisions',
  'email',
  'form',
  'invitation',
  'juror',
  'jury',
  'programme',
  'progress_report',
  'public_profile',
  'report_form',
  'round',
  'scorecard',
  'user',
] as const;
export type KnownFamily = (typeof KNOWN_FAMILIES)[number];

export const KNOWN_ENTITY_TYPES = [
  'Application',
  'Attachment',
  'Ballot',
  'Call',
  'ConflictOfInterest',
  'Decision',
  'EmailMessage',
  'Invitation',
  'Juror',
  'Round',
  'Scorecard',
  'User',
] as const;
export type KnownEntityType = (typeof KNOWN_ENTITY_TYPES)[number];

const isOneOf =
  <T extends string>(values: readonly T[]) =>
  (value: string): value is T =>
    (values as readonly string[]).includes(value);

export const isKnownAction = isOneOf(KNOWN_ACTIONS);
export const isKnownFamily = isOneOf(KNOWN_FAMILIES);
export const isKnownEntityType = isOneOf(KNOWN_ENTITY_TYPES);

/** The families of the actions present ("scorecard"), in order, each offered as the filter "scorecard.". */
export function actionFamilies(actions: readonly string[]): string[] {
  const families = actions.flatMap((action) => {
    const dot = action.indexOf('.');
    return dot > 0 ? [action.slice(0, dot)] : [];
  });
  return [...new Set(families)].sort();
}

/** Where the back office shows an audited record, when it has a page for it. */
export function entityPath(entityType: string, entityId: string | null): string | null {
  if (!entityId) return null;
  const id = encodeURIComponent(entityId);
  switch (entityType) {
    case 'Application':
      return `/admin/applications/${id}`;
    case 'Call':
      return `/admin/calls/${id}`;
    case 'Round':
      return `/admin/rounds/${id}`;
    default:
      return null;
  }
}

/**
 * "01a22617-…-2ac7afece61f" → "…afece61f": enough to tell rows apart; the full id stays in a tooltip.
 * The ids are UUIDv7, whose first characters are a timestamp shared by records made together, so
 * the random end is kept.
 */
export function shortId(id: string): string {
  return id.length > 12 ? `…${id.slice(-8)}` : id;
}

/** Wraps a code or id in Unicode isolates, so it reads whole inside an Arabic sentence (as <bdi> does). */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
