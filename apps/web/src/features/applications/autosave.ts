import type { TAnswers, TApplication } from '@tahkim/contracts';
import { ApiError } from '../../lib/api';
import type { DraftStore } from './draft-storage';

/** What the person sees of the autosave. */
export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'offline'; attempt: number; retryInMs: number }
  /** `base`: the saved answers this page started from, when known (what it changed = mine vs base). */
  | { kind: 'conflict'; current: TApplication; mine: TAnswers; base?: TAnswers }
  | { kind: 'failed'; error: ApiError };

export interface AutosaveState {
  status: SaveStatus;
  /** The version the next save is based on. */
  version: number;
  /** Answers typed but not yet saved. */
  dirty: boolean;
}

export interface AutosaveOptions {
  /** PATCH the answers with the version they are based on. */
  save: (answers: TAnswers, version: number) => Promise<TApplication>;
  /** The non-file answers of a saved application, to compare with what is typed. */
  savedAnswersOf: (application: TApplication) => TAnswers;
  onSaved?: (application: TApplication) => void;
  store?: Pick<DraftStore, 'write' | 'clear'>;
  debounceMs?: number;
  /** Waits before each new try while offline or the server fails; the last one repeats. */
  retryDelaysMs?: readonly number[];
  now?: () => Date;
}

const TRANSIENT = (error: ApiError) => error.status === 0 || error.status >= 500 || error.status === 429;

/** Keys sorted so two saves of the same answers compare equal. */
function stable(answers: TAnswers): string {
  return JSON.stringify(Object.keys(answers).sort().map((key) => [key, answers[key]]));
}

/**
 * Saves a draft by itself: a debounce after typing stops, at once on `flush()` (leaving a step,
 * submitting), again with backoff while offline or failing, and never over a newer version: a 409
 * VERSION_CONFLICT stops saving until the person chooses (`resolveConflict`). A conflict caused only
 * by the person's own uploads (the saved answers did not move) is resolved silently.
 */
export class AutosaveController {
  private state: AutosaveState;
  private readonly listeners = new Set<() => void>();
  private latest: TAnswers;
  private base: TAnswers;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private attempt = 0;
  private disposed = false;
  private readonly options: Required<Omit<AutosaveOptions, 'onSaved' | 'store'>> & Pick<AutosaveOptions, 'onSaved' | 'store'>;

  constructor(initial: { version: number; answers: TAnswers }, options: AutosaveOptions) {
    this.options = { debounceMs: 2000, retryDelaysMs: [2000, 5000, 10_000, 30_000], now: () => new Date(), ...options };
    this.latest = initial.answers;
    this.base = initial.answers;
    this.state = { status: { kind: 'idle' }, version: initial.version, dirty: false };
  }

  getState = (): AutosaveState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<AutosaveState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener());
  }

  private isDirty(): boolean {
    return stable(this.latest) !== stable(this.base);
  }

  /** The answers as the form now holds them; saved after the debounce. */
  change(answers: TAnswers): void {
    if (this.disposed) return;
    this.latest = answers;
    const dirty = this.isDirty();
    if (dirty) this.options.store?.write(answers, this.state.version);
    if (this.state.status.kind === 'conflict') return this.set({ dirty });
    if (!dirty) {
      clearTimeout(this.debounce);
      return this.set({ dirty, status: this.state.status.kind === 'pending' ? { kind: 'idle' } : this.state.status });
    }
    this.set({ dirty, status: this.state.status.kind === 'offline' ? this.state.status : { kind: 'pending' } });
    if (this.state.status.kind === 'offline') return;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.run(), this.options.debounceMs);
  }

  /** Saves now. Resolves true when everything typed is saved. */
  async flush(): Promise<boolean> {
    clearTimeout(this.debounce);
    clearTimeout(this.retry);
    if (this.state.status.kind === 'conflict') return false;
    await this.run();
    if (this.inFlight) await this.inFlight;
    return !this.isDirty() && this.getState().status.kind !== 'conflict';
  }

  /** The browser is back online: try at once instead of waiting for the next retry. */
  online(): void {
    if (this.state.status.kind === 'offline') void this.flush();
  }

  /**
   * The application changed on the server by the person's own action (an upload): when its answers
   * are still those this page is based on, continue from its version.
   */
  serverChanged(application: TApplication): void {
    if (application.version <= this.state.version) return;
    if (stable(this.options.savedAnswersOf(application)) === stable(this.base)) this.set({ version: application.version });
  }

  /** After a conflict: the answers the person kept, saved over the current version. */
  async resolveConflict(answers: TAnswers, current: TApplication): Promise<boolean> {
    this.base = this.options.savedAnswersOf(current);
    this.latest = answers;
    this.attempt = 0;
    this.set({ version: current.version, status: { kind: 'pending' }, dirty: this.isDirty() });
    if (this.isDirty()) this.options.store?.write(answers, current.version);
    else this.options.store?.clear();
    return this.flush();
  }

  /** A conflict found on load (a local copy based on an older version). */
  showConflict(current: TApplication, mine: TAnswers): void {
    this.latest = mine;
    this.set({ status: { kind: 'conflict', current, mine }, dirty: true });
  }

  /** The page is leaving: no more timers (what is unsaved stays in the local copy). */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.debounce);
    clearTimeout(this.retry);
  }

  /** Mounted again (React's development double mount). */
  resume(): void {
    this.disposed = false;
  }

  private run(): Promise<void> {
    if (this.inFlight) return this.inFlight.then(() => this.run());
    if (this.disposed || !this.isDirty() || this.state.status.kind === 'conflict') return Promise.resolve();
    this.inFlight = this.saveOnce().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async saveOnce(): Promise<void> {
    const snapshot = this.latest;
    const version = this.state.version;
    this.set({ status: { kind: 'saving' } });
    try {
      const application = await this.options.save(snapshot, version);
      if (this.disposed) return;
      this.attempt = 0;
      this.base = snapshot;
      this.options.onSaved?.(application);
      const dirty = this.isDirty();
      this.set({ version: application.version, dirty, status: dirty ? { kind: 'pending' } : { kind: 'saved', at: this.options.now() } });
      if (dirty) {
        this.options.store?.write(this.latest, application.version);
        this.debounce = setTimeout(() => void this.run(), this.options.debounceMs);
      } else {
        this.options.store?.clear();
      }
    } catch (cause) {
      if (this.disposed) return;
      const error = cause instanceof ApiError ? cause : new ApiError({ status: 0, code: 'INTERNAL_ERROR', message: String(cause) }, { cause });
      if (error.code === 'VERSION_CONFLICT') {
        const current = currentOf(error);
        if (current && stable(this.options.savedAnswersOf(current)) === stable(this.latest)) {
          // What is saved now is exactly what is typed (e.g. this page's save landed as a tab closed).
          this.base = this.latest;
          this.options.onSaved?.(current);
          this.options.store?.clear();
          return this.set({ version: current.version, dirty: false, status: { kind: 'saved', at: this.options.now() } });
        }
        if (current && current.version > version && stable(this.options.savedAnswersOf(current)) === stable(this.base)) {
          // Only the version moved (an upload by this person): nothing of anyone else's to overwrite.
          this.set({ version: current.version });
          return this.saveOnce();
        }
        if (current) return this.set({ status: { kind: 'conflict', current, mine: this.latest, base: this.base } });
        return this.set({ status: { kind: 'failed', error } });
      }
      if (TRANSIENT(error)) {
        this.attempt += 1;
        const delays = this.options.retryDelaysMs;
        const retryInMs = delays[Math.min(this.attempt - 1, delays.length - 1)] ?? 30_000;
        this.set({ status: { kind: 'offline', attempt: this.attempt, retryInMs } });
        clearTimeout(this.retry);
        this.retry = setTimeout(() => void this.run(), retryInMs);
        return;
      }
      this.set({ status: { kind: 'failed', error } });
    }
  }
}

function currentOf(error: ApiError): TApplication | undefined {
  const details = error.details as { current?: TApplication } | undefined;
  return details && typeof details === 'object' && details.current && typeof details.current.version === 'number' ? details.current : undefined;
}
