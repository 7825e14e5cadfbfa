import { ApiError } from '../api';

/** The states every autosave goes through; each feature adds its own (offline, conflict, locked...). */
export type CommonSaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; error: ApiError };

export interface AutosaveState<Status> {
  status: Status;
  /** The version the next save is based on. */
  version: number;
  /** Changes made but not yet saved. */
  dirty: boolean;
}

export interface AutosaveOptions<Saved> {
  onSaved?: (saved: Saved) => void;
  debounceMs?: number;
  /** Waits before each new try while the API cannot be reached or fails; the last one repeats. */
  retryDelaysMs?: readonly number[];
  now?: () => Date;
}

/** How a feature's own states fit the common machinery. */
export interface AutosaveKinds<Own extends { kind: string }> {
  /** The state while it waits to try again (the API could not be reached, or failed). */
  retrying: Own['kind'];
  /** The state in which nothing is saved until the person chooses (a conflict); what they change is kept. */
  paused?: Own['kind'];
  /** The state in which nothing more can be saved (submitted meanwhile); also what a 409 CONFLICT means. */
  locked?: Own;
}

const DEFAULT_RETRY_DELAYS_MS = [2000, 5000, 10_000, 30_000];

const transient = (error: ApiError) => error.status === 0 || error.status >= 500 || error.status === 429;

/**
 * Saves a draft by itself: a debounce after the changes stop, at once on `flush()` (before
 * submitting, when the tab is hidden), again with backoff while the API cannot be reached or fails,
 * and never over a newer version. A feature says what it saves (`send`), how two drafts compare,
 * and what a 409 VERSION_CONFLICT means for it.
 */
export abstract class Autosave<Draft, Saved, Own extends { kind: string }> {
  protected state: AutosaveState<CommonSaveStatus | Own>;
  private readonly listeners = new Set<() => void>();
  /** What the person has now. */
  protected latest: Draft;
  /** What is saved (as far as this page knows). */
  protected base: Draft;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  protected attempt = 0;
  protected disposed = false;
  /** Save even if nothing changed since the last save (keeping this page's version after a conflict). */
  protected forceNext = false;
  protected readonly options: Required<Omit<AutosaveOptions<Saved>, 'onSaved'>> & Pick<AutosaveOptions<Saved>, 'onSaved'>;

  protected constructor(
    initial: { version: number; draft: Draft; status?: CommonSaveStatus | Own },
    options: AutosaveOptions<Saved> & { debounceMs: number },
    private readonly kinds: AutosaveKinds<Own>,
  ) {
    this.options = { retryDelaysMs: DEFAULT_RETRY_DELAYS_MS, now: () => new Date(), ...options };
    this.latest = initial.draft;
    this.base = initial.draft;
    this.state = { status: initial.status ?? { kind: 'idle' }, version: initial.version, dirty: false };
  }

  /** Sends the draft with the version it is based on. */
  protected abstract send(draft: Draft, version: number): Promise<Saved>;
  protected abstract versionOf(saved: Saved): number;
  protected abstract same(a: Draft, b: Draft): boolean;
  /** The state while waiting `retryInMs` before try number `attempt` + 1. */
  protected abstract retrying(attempt: number, retryInMs: number): Own;
  /** Someone saved meanwhile (409 VERSION_CONFLICT after sending `version`). */
  protected abstract versionConflict(error: ApiError, version: number): void | Promise<void>;
  /** Called with each change, once its dirtiness is known. */
  protected changed(_draft: Draft, _dirty: boolean): void {}
  /** Called after each successful save, `dirty` when changes came meanwhile. */
  protected afterSave(_dirty: boolean): void {}

  getState = (): AutosaveState<CommonSaveStatus | Own> => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  protected set(patch: Partial<AutosaveState<CommonSaveStatus | Own>>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener());
  }

  protected is(kind: Own['kind'] | undefined): boolean {
    return kind !== undefined && this.state.status.kind === kind;
  }

  protected isBlocked(): boolean {
    return this.is(this.kinds.paused) || this.is(this.kinds.locked?.kind);
  }

  /** The draft as the page now holds it; saved after the debounce. */
  change(draft: Draft): void {
    if (this.disposed || this.is(this.kinds.locked?.kind)) return;
    this.latest = draft;
    const dirty = !this.same(this.latest, this.base);
    this.changed(draft, dirty);
    if (this.is(this.kinds.paused)) return this.set({ dirty });
    if (!dirty) {
      clearTimeout(this.debounce);
      return this.set({ dirty, status: this.state.status.kind === 'pending' ? { kind: 'idle' } : this.state.status });
    }
    if (this.is(this.kinds.retrying)) return this.set({ dirty });
    this.set({ dirty, status: { kind: 'pending' } });
    this.schedule();
  }

  /** Saves now, even an unchanged draft when `always`; resolves true when everything is saved. */
  async flush(always = false): Promise<boolean> {
    clearTimeout(this.debounce);
    clearTimeout(this.retry);
    if (this.isBlocked()) return false;
    await this.run(always);
    if (this.inFlight) await this.inFlight;
    return this.settled();
  }

  /** Whether everything is saved and nothing waits for the person or for the network. */
  protected settled(): boolean {
    return !this.state.dirty && !this.isBlocked() && !this.is(this.kinds.retrying) && this.state.status.kind !== 'failed';
  }

  /** The browser is back online: try at once instead of waiting for the next retry. */
  online(): void {
    if (this.is(this.kinds.retrying)) void this.flush();
  }

  /** The page is leaving: no more timers. */
  dispose(): void {
    this.disposed = true;
    clearTimeout(this.debounce);
    clearTimeout(this.retry);
  }

  /** Mounted again (React's development double mount). */
  resume(): void {
    this.disposed = false;
  }

  private schedule(): void {
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.run(), this.options.debounceMs);
  }

  private run(always = false): Promise<void> {
    if (this.inFlight) return this.inFlight.then(() => this.run(always));
    if (this.disposed || this.isBlocked() || (!always && !this.forceNext && this.same(this.latest, this.base))) return Promise.resolve();
    this.inFlight = this.saveOnce().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  protected async saveOnce(): Promise<void> {
    const snapshot = this.latest;
    const version = this.state.version;
    this.set({ status: { kind: 'saving' } });
    try {
      const saved = await this.send(snapshot, version);
      if (this.disposed) return;
      this.attempt = 0;
      this.forceNext = false;
      this.base = snapshot;
      this.options.onSaved?.(saved);
      const dirty = !this.same(this.latest, this.base);
      this.set({ version: this.versionOf(saved), dirty, status: dirty ? { kind: 'pending' } : { kind: 'saved', at: this.options.now() } });
      this.afterSave(dirty);
      if (dirty) this.schedule();
    } catch (cause) {
      if (this.disposed) return;
      const error = cause instanceof ApiError ? cause : new ApiError({ status: 0, code: 'INTERNAL_ERROR', message: String(cause) }, { cause });
      if (error.code === 'VERSION_CONFLICT') return this.versionConflict(error, version);
      if (error.code === 'CONFLICT' && this.kinds.locked) return this.set({ status: this.kinds.locked });
      if (transient(error)) {
        this.attempt += 1;
        const delays = this.options.retryDelaysMs;
        const retryInMs = delays[Math.min(this.attempt - 1, delays.length - 1)] ?? 30_000;
        this.set({ status: this.retrying(this.attempt, retryInMs) });
        clearTimeout(this.retry);
        this.retry = setTimeout(() => void this.run(), retryInMs);
        return;
      }
      this.set({ status: { kind: 'failed', error } });
    }
  }
}
