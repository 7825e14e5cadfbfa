import type { TAnswers, TApplication, TFormDefinition } from '@tahkim/contracts';
import { useEffect, type RefObject } from 'react';
import { useAutosaveEngine } from '../../lib/autosave/use-autosave';
import { answersToSave, savableAnswers } from './answers';
import { AutosaveController, type AutosaveOptions, type SavedAnswers } from './autosave';
import type { startingPoint } from './draft-storage';

/** One autosave per mounted form; it saves what is pending when the page is hidden or closed (the local copy covers what this cannot send). */
export function useAutosave<Saved extends SavedAnswers = TApplication>(initial: { version: number; answers: TAnswers }, options: AutosaveOptions<Saved>) {
  return useAutosaveEngine(() => new AutosaveController<Saved>(initial, options));
}

/**
 * Wires a react-hook-form form to its autosave, once, when the page mounts: every change goes to the
 * autosave (and this browser's copy) as it happens, with only the answers that can be saved (the count of
 * the others is reported); a stored copy older than the server's opens the conflict screen at once, a
 * restored one is pushed to be saved.
 */
export function useFormAutosave<Saved extends SavedAnswers>({
  form,
  subscribe,
  controller,
  start,
  saved,
  savedRef,
  onInvalidCount,
}: {
  form: TFormDefinition;
  /**
   * Calls `push` with the form's values at every change, until unsubscribed: `(push) => rhf.watch(push)`,
   * written in the component, where react-hook-form's `watch` keeps it out of the React Compiler's rules.
   */
  subscribe: (push: (values: TAnswers) => void) => { unsubscribe: () => void };
  controller: AutosaveController<Saved>;
  start: ReturnType<typeof startingPoint>;
  /** What the server holds, to show beside a conflicting stored copy. */
  saved: Saved;
  /** The answers last saved, to keep an invalid answer's saved value. */
  savedRef: RefObject<TAnswers>;
  onInvalidCount: (count: number) => void;
}): void {
  useEffect(() => {
    const push = (next: TAnswers) => {
      const { answers, invalid } = savableAnswers(form, next, savedRef.current);
      onInvalidCount(invalid.length);
      controller.change(answers);
    };
    if (start.conflictWith) controller.showConflict(saved, answersToSave(form, start.conflictWith));
    else if (start.restored) push(start.values);
    const subscription = subscribe(push);
    return () => subscription.unsubscribe();
    // Mount only: the form, the controller and the starting point do not change for this page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
