import type { TScorecard } from '@tahkim/contracts';
import type { TScorecardSave } from './jury-api';
import { ApiError } from '../../lib/api';

/** What the juror sees of the draft's autosave. */
export type ScorecardSaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'offline'; retryInMs: number }
  /** Saved meanwhile elsewhere (another tab): the juror chooses to keep theirs or load the saved one. */
  | { kind: 'conflict'; current: TScorecard }
  /** Submitted meanwhile (another tab): nothing more can be saved. */
  | { kind: 'locked' }
  | { kind: 'failed'; error: ApiError };

export interface ScorecardAutosaveState {
  status: ScorecardSaveStatus;
  version: number;
  dirty: boolean;
}

type Body = Omit<TScorecardSave, 'version'>;

export interface ScorecardAutosaveOptions {
  save: (body: TScorecardSave) => Promise<TScorecard>;
  onSaved?: (scorecard: TScorecard) => void;
  debounceMs?: number;
  retryDelaysMs?: readonly number[];
  now?: () => Date;
}

const same = (a: Body, b: Body) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Saves a scorecard draft by itself: after a short pause in typing, at once on `flush()` (before
 * submitting, when the tab is hidden), again with backoff while offline, never over a newer version
 * (409 VERSION_CONFLICT stops until the juror chooses).
 */
export class ScorecardAutosave {
  private state: ScorecardAutosaveState;
  private readonly listeners = new Set<() => void>();
  private latest: Body;
  private base: Body;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private attempt = 0;
  private disposed = false;
  /** Save even if nothing changed since the last save (keeping this page's version after a conflict). */
  private forceNext = false;
  private readonly options: Required<Omit<ScorecardAutosaveOptions, 'onSaved'>> & Pick<ScorecardAutosaveOptions, 'onSaved'>;

  constructor(initial: { version: number; body: Body }, options: ScorecardAutosaveOptions) {
    this.options = { debounceMs: 1200, retryDelaysMs: [2000, 5000, 10_000, 30_000], now: () => new Date(), ...options };
    this.latest = initial.body;
    this.base = initial.body;
    this.state = { status: { kind: 'idle' }, version: initial.version, dirty: false };
  }

  getState = (): ScorecardAutosaveState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<ScorecardAutosaveState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener());
  }

  change(body: Body): void {
    if (this.disposed || this.state.status.kind === 'locked') return;
    this.latest = body;
    const dirty = !same(this.latest, this.base);
    if (this.state.status.kind === 'conflict') return this.set({ dirty });
    if (!dirty) {
      clearTimeout(this.debounce);
      return this.set({ dirty, status: this.state.status.kind === 'pending' ? { kind: 'idle' } : this.state.status });
    }
    if (this.state.status.kind === 'offline') return this.set({ dirty });
    this.set({ dirty, status: { kind: 'pending' } });
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.run(), this.options.debounceMs);
  }

  /** Saves now; resolves true when everything typed is saved. */
  async flush(): Promise<boolean> {
    clearTimeout(this.debounce);
    clearTimeout(this.retry);
    const blocked = () => ['conflict', 'locked'].includes(this.state.status.kind);
    if (blocked()) return false;
    await this.run();
    if (this.inFlight) await this.inFlight;
    return !this.state.dirty && !blocked() && this.state.status.kind !== 'failed' && this.state.status.kind !== 'offline';
  }

  /** After a conflict: keep what this page holds, saved over the current version. */
  keepMine(current: TScorecard): Promise<boolean> {
    this.forceNext = true;
    this.set({ version: current.version, status: { kind: 'pending' }, dirty: true });
    return this.flush();
  }

  /** After a conflict: continue from the saved scorecard (the page reloads its values from it). */
  takeSaved(current: TScorecard, body: Body): void {
    this.latest = body;
    this.base = body;
    this.set({ version: current.version, status: { kind: 'idle' }, dirty: false });
  }

  online(): void {
    if (this.state.status.kind === 'offline') void this.flush();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.debounce);
    clearTimeout(this.retry);
  }

  resume(): void {
    this.disposed = false;
  }

  private run(): Promise<void> {
    if (this.inFlight) return this.inFlight.then(() => this.run());
    if (this.disposed || (!this.forceNext && same(this.latest, this.base)) || ['conflict', 'locked'].includes(this.state.status.kind)) return Promise.resolve();
    this.inFlight = this.saveOnce().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async saveOnce(): Promise<void> {
    const snapshot = this.latest;
    this.set({ status: { kind: 'saving' } });
    try {
      const scorecard = await this.options.save({ ...snapshot, version: this.state.version });
      if (this.disposed) return;
      this.attempt = 0;
      this.forceNext = false;
      this.base = snapshot;
      this.options.onSaved?.(scorecard);
      const dirty = !same(this.latest, this.base);
      this.set({ version: scorecard.version, dirty, status: dirty ? { kind: 'pending' } : { kind: 'saved', at: this.options.now() } });
      if (dirty) this.debounce = setTimeout(() => void this.run(), this.options.debounceMs);
    } catch (cause) {
      if (this.disposed) return;
      const error = cause instanceof ApiError ? cause : new ApiError({ status: 0, code: 'INTERNAL_ERROR', message: String(cause) }, { cause });
      if (error.code === 'VERSION_CONFLICT') {
        const current = (error.details as { current?: TScorecard } | undefined)?.current;
        if (current && typeof current.version === 'number') {
          return this.set({ status: current.status === 'SUBMITTED' ? { kind: 'locked' } : { kind: 'conflict', current } });
        }
        return this.set({ status: { kind: 'failed', error } });
      }
      if (error.code === 'CONFLICT') return this.set({ status: { kind: 'locked' } });
      if (error.status === 0 || error.status >= 500 || error.status === 429) {
        this.attempt += 1;
        const delays = this.options.retryDelaysMs;
        const retryInMs = delays[Math.min(this.attempt - 1, delays.length - 1)] ?? 30_000;
        this.set({ status: { kind: 'offline', retryInMs } });
        clearTimeout(this.retry);
        this.retry = setTimeout(() => void this.run(), retryInMs);
        return;
      }
      this.set({ status: { kind: 'failed', error } });
    }
  }
}
