import type { TApplicationStatus, TEligibilitySuggestion } from '@tahkim/contracts';

export const APPLICATION_STATUS_COLORS: Record<TApplicationStatus, string> = {
  DRAFT: 'gray',
  SUBMITTED: 'blue',
  ELIGIBLE: 'tahkim',
  INELIGIBLE: 'red',
  IN_REVIEW: 'indigo',
  SHORTLISTED: 'grape',
  WINNER: 'yellow',
  NOT_SELECTED: 'gray',
  WITHDRAWN: 'dark',
};

export const SUGGESTION_COLORS: Record<TEligibilitySuggestion, string> = {
  ELIGIBLE: 'tahkim',
  INELIGIBLE: 'red',
  UNSURE: 'yellow',
};

/** The API's `eligibilityReasons`: which rules failed or could not be checked, by index. */
export function eligibilityReasons(value: unknown): { failed: number[]; unanswered: number[] } {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const indexes = (list: unknown) => (Array.isArray(list) ? list.filter((item): item is number => typeof item === 'number') : []);
  return { failed: indexes(record.failed), unanswered: indexes(record.unanswered) };
}

/** What screening can still change: submitted, or screened and not yet taken further. */
export const SCREENABLE_STATUSES: readonly TApplicationStatus[] = ['SUBMITTED', 'ELIGIBLE', 'INELIGIBLE'];
