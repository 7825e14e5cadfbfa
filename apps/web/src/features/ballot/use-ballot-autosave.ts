import { useAutosaveEngine } from '../../lib/autosave/use-autosave';
import type { BallotDraft } from './ballot-api';
import { BallotAutosave, type BallotAutosaveOptions } from './ballot-autosave';

/** One autosave per mounted ballot; it saves what is pending when the tab is hidden or the network returns. */
export function useBallotAutosave(initial: { version: number; draft: BallotDraft; locked: boolean }, options: BallotAutosaveOptions) {
  return useAutosaveEngine(() => new BallotAutosave(initial, options));
}
