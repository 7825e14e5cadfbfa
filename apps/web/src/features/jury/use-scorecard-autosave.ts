import { useAutosaveEngine } from '../../lib/autosave/use-autosave';
import type { TScorecardSave } from './jury-api';
import { ScorecardAutosave, type ScorecardAutosaveOptions } from './scorecard-autosave';

/** One autosave per mounted scorecard; it saves what is pending when the tab is hidden. */
export function useScorecardAutosave(initial: { version: number; body: Omit<TScorecardSave, 'version'> }, options: ScorecardAutosaveOptions) {
  return useAutosaveEngine(() => new ScorecardAutosave(initial, options));
}
