import type { TAnswers, TApplication } from '@tahkim/contracts';
import { useAutosaveEngine } from '../../lib/autosave/use-autosave';
import { AutosaveController, type AutosaveOptions, type SavedAnswers } from './autosave';

/** One autosave per mounted form; it saves what is pending when the page is hidden or closed (the local copy covers what this cannot send). */
export function useAutosave<Saved extends SavedAnswers = TApplication>(initial: { version: number; answers: TAnswers }, options: AutosaveOptions<Saved>) {
  return useAutosaveEngine(() => new AutosaveController<Saved>(initial, options));
}
