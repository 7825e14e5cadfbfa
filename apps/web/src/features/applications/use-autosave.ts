import type { TAnswers } from '@tahkim/contracts';
import { useAutosaveEngine } from '../../lib/autosave/use-autosave';
import { AutosaveController, type AutosaveOptions } from './autosave';

/** One autosave per mounted form; it saves what is pending when the page is hidden or closed (the local copy covers what this cannot send). */
export function useAutosave(initial: { version: number; answers: TAnswers }, options: AutosaveOptions) {
  return useAutosaveEngine(() => new AutosaveController(initial, options));
}
