import type { TMilestoneState } from '@tahkim/contracts';

/** Each milestone state's colour, for the winner's pages and the staff's alike; its words always go with it. */
export const MILESTONE_STATE_COLORS: Record<TMilestoneState, string> = {
  UPCOMING: 'gray',
  DUE: 'grape',
  LATE: 'red',
  SUBMITTED: 'blue',
  CHANGES_REQUESTED: 'orange',
  DONE: 'tahkim',
};
