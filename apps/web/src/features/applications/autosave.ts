import type { TAnswers, TApplication } from '@tahkim/contracts';
import type { ApiError } from '../../lib/api';
import { Autosave, type AutosaveOptions as EngineOptions, type AutosaveState as EngineState, type CommonSaveStatus } from '../../lib/autosave/autosave';
import { withoutUnstorableText } from './answers';
import type { DraftStore } from './draft-storage';

/** What is saved of answers: an application, or anything else answered with a form (a progress report). */
export interface SavedAnswers {
  version: number;
}

/** What the person sees of the autosave. */
export type SaveStatus<Saved extends SavedAnswers = TApplication> =
  | CommonSaveStatus
  | { kind: 'offline'; attempt: number; retryInMs: number }
  /** `base`: the saved answers this page started from, when known (what it changed = mine vs base). */
  | { kind: 'conflict'; current: Saved; mine: TAnswers; base?: TAnswers };

export type AutosaveState<Saved extends SavedAnswers = TApplication> = EngineState<SaveStatus<Saved>>;

type Own<Saved extends SavedAnswers> = Exclude<SaveStatus<Saved>, CommonSaveStatus>;

export interface AutosaveOptions<Saved extends SavedAnswers = TApplication> extends EngineOptions<Saved> {
  /** Sends the answers with the version they are based on (PATCH an application, PUT a report). */
  save: (answers: TAnswers, version: number) => Promise<Saved>;
  /** The non-file answers of what is saved, to compare with what is typed. */
  savedAnswersOf: (saved: Saved) => TAnswers;
  store?: Pick<DraftStore, 'write' | 'clear'>;
}

/** Keys sorted so two saves of the same answers compare equal. */
function stable(answers: TAnswers): string {
  return JSON.stringify(Object.keys(answers).sort().map((key) => [key, answers[key]]));
}

/**
 * Saves a draft by itself: a debounce after typing stops, at once on `flush()` (leaving a step,
 * submitting), again with backoff while offline or failing, and never over a newer version: a 409
 * VERSION_CONFLICT stops saving until the person chooses (`resolveConflict`). A conflict caused only
 * by the person's own uploads (the saved answers did not move) is resolved silently. What is typed
 * and not yet saved is also kept on this device (`store`).
 */
export class AutosaveController<Saved extends SavedAnswers = TApplication> extends Autosave<TAnswers, Saved, Own<Saved>> {
  private readonly save: AutosaveOptions<Saved>['save'];
  private readonly savedAnswersOf: AutosaveOptions<Saved>['savedAnswersOf'];
  private readonly store: AutosaveOptions<Saved>['store'];

  constructor(initial: { version: number; answers: TAnswers }, { save, savedAnswersOf, store, ...options }: AutosaveOptions<Saved>) {
    super({ version: initial.version, draft: initial.answers }, { debounceMs: 2000, ...options }, { retrying: 'offline', paused: 'conflict' });
    this.save = save;
    this.savedAnswersOf = savedAnswersOf;
    this.store = store;
  }

  protected send(answers: TAnswers, version: number): Promise<Saved> {
    return this.save(withoutUnstorableText(answers), version);
  }

  protected versionOf(saved: Saved): number {
    return saved.version;
  }

  protected same(a: TAnswers, b: TAnswers): boolean {
    return stable(withoutUnstorableText(a)) === stable(withoutUnstorableText(b));
  }

  protected retrying(attempt: number, retryInMs: number): Own<Saved> {
    return { kind: 'offline', attempt, retryInMs };
  }

  protected override changed(answers: TAnswers, dirty: boolean): void {
    if (dirty) this.store?.write(answers, this.state.version);
  }

  protected override afterSave(dirty: boolean): void {
    if (dirty) this.store?.write(this.latest, this.state.version);
    else this.store?.clear();
  }

  protected override settled(): boolean {
    return this.same(this.latest, this.base) && this.state.status.kind !== 'conflict';
  }

  protected versionConflict(error: ApiError, version: number): void | Promise<void> {
    const current = currentOf<Saved>(error);
    if (current && this.same(this.savedAnswersOf(current), this.latest)) {
      // What is saved now is exactly what is typed (e.g. this page's save landed as a tab closed).
      this.base = this.latest;
      this.options.onSaved?.(current);
      this.store?.clear();
      return this.set({ version: current.version, dirty: false, status: { kind: 'saved', at: this.options.now() } });
    }
    if (current && current.version > version && this.same(this.savedAnswersOf(current), this.base)) {
      // Only the version moved (an upload by this person): nothing of anyone else's to overwrite.
      this.set({ version: current.version });
      return this.saveOnce();
    }
    if (current) return this.set({ status: { kind: 'conflict', current, mine: this.latest, base: this.base } });
    this.set({ status: { kind: 'failed', error } });
  }

  /**
   * What is saved changed on the server by the person's own action (an upload): when its answers
   * are still those this page is based on, continue from its version.
   */
  serverChanged(saved: Saved): void {
    if (saved.version <= this.state.version) return;
    if (this.same(this.savedAnswersOf(saved), this.base)) this.set({ version: saved.version });
  }

  /** After a conflict: the answers the person kept, saved over the current version. */
  async resolveConflict(answers: TAnswers, current: Saved): Promise<boolean> {
    this.base = this.savedAnswersOf(current);
    this.latest = answers;
    this.attempt = 0;
    const dirty = !this.same(this.latest, this.base);
    this.set({ version: current.version, status: { kind: 'pending' }, dirty });
    if (dirty) this.store?.write(answers, current.version);
    else this.store?.clear();
    return this.flush();
  }

  /** A conflict found on load (a local copy based on an older version). */
  showConflict(current: Saved, mine: TAnswers): void {
    this.latest = mine;
    this.set({ status: { kind: 'conflict', current, mine }, dirty: true });
  }
}

function currentOf<Saved extends SavedAnswers>(error: ApiError): Saved | undefined {
  const details = error.details as { current?: Saved } | undefined;
  return details && typeof details === 'object' && details.current && typeof details.current.version === 'number' ? details.current : undefined;
}
