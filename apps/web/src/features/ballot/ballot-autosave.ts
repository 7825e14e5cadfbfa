import type { TJuryBallot } from '@tahkim/contracts';
import { ApiError } from '../../lib/api';
import type { BallotDraft } from './ballot-api';

/** What the juror sees of the draft's autosave. */
export type BallotSaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  /** The API could not be reached (or failed): saving again by itself after `retryInMs`. */
  | { kind: 'retrying'; retryInMs: number }
  /** Saved meanwhile elsewhere (another tab or device): the saved order was loaded instead of this page's. */
  | { kind: 'reloaded' }
  /** Submitted meanwhile: nothing more can be saved. */
  | { kind: 'locked' }
  | { kind: 'failed'; error: ApiError };

export interface BallotAutosaveState {
  status: BallotSaveStatus;
  version: number;
  dirty: boolean;
}

export interface BallotAutosaveOptions {
  save: (body: BallotDraft & { version: number }) => Promise<TJuryBallot>;
  onSaved?: (ballot: TJuryBallot) => void;
  /** After 409 VERSION_CONFLICT: the ballot as saved, which the page shows from now on. */
  onReload?: (current: TJuryBallot) => void;
  debounceMs?: number;
  retryDelaysMs?: readonly number[];
  now?: () => Date;
}

const same = (a: BallotDraft, b: BallotDraft) => a.comment === b.comment && a.order.length === b.order.length && a.order.every((id, i) => id === b.order[i]);

/**
 * Saves a ballot draft by itself: 1.5 s after the last move, at once on `flush()` (before submitting,
 * when the tab is hidden), again with backoff while the API is unreachable, never over a newer version:
 * on 409 VERSION_CONFLICT the saved order is loaded and the juror told.
 */
export class BallotAutosave {
  private state: BallotAutosaveState;
  private readonly listeners = new Set<() => void>();
  private latest: BallotDraft;
  private base: BallotDraft;
  private debounce: ReturnType<typeof setTimeout> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | undefined;
  private attempt = 0;
  private disposed = false;
  private readonly options: Required<Omit<BallotAutosaveOptions, 'onSaved' | 'onReload'>> & Pick<BallotAutosaveOptions, 'onSaved' | 'onReload'>;

  constructor(initial: { version: number; draft: BallotDraft; locked?: boolean }, options: BallotAutosaveOptions) {
    this.options = { debounceMs: 1500, retryDelaysMs: [2000, 5000, 10_000, 30_000], now: () => new Date(), ...options };
    this.latest = initial.draft;
    this.base = initial.draft;
    this.state = { status: initial.locked ? { kind: 'locked' } : { kind: 'idle' }, version: initial.version, dirty: false };
  }

  getState = (): BallotAutosaveState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<BallotAutosaveState>): void {
    this.state = { ...this.state, ...patch };
    this.listeners.forEach((listener) => listener());
  }

  change(draft: BallotDraft): void {
    if (this.disposed || this.state.status.kind === 'locked') return;
    this.latest = draft;
    const dirty = !same(this.latest, this.base);
    if (!dirty) {
      clearTimeout(this.debounce);
      return this.set({ dirty, status: this.state.status.kind === 'pending' ? { kind: 'idle' } : this.state.status });
    }
    if (this.state.status.kind === 'retrying') return this.set({ dirty });
    this.set({ dirty, status: { kind: 'pending' } });
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.run(), this.options.debounceMs);
  }

  /** Saves now, even an unchanged draft when `always` (a first save before submitting); true when all is saved. */
  async flush(always = false): Promise<boolean> {
    clearTimeout(this.debounce);
    clearTimeout(this.retry);
    if (this.state.status.kind === 'locked') return false;
    await this.run(always);
    if (this.inFlight) await this.inFlight;
    return !this.state.dirty && !['locked', 'failed', 'retrying', 'reloaded'].includes(this.state.status.kind);
  }

  /** The page took a ballot from elsewhere (after submitting, reopening): continue from it. */
  reset(ballot: TJuryBallot): void {
    const draft = { order: ballot.ballot.order, comment: ballot.ballot.comment };
    this.latest = draft;
    this.base = draft;
    this.set({ version: ballot.ballot.version, dirty: false, status: ballot.ballot.status === 'SUBMITTED' ? { kind: 'locked' } : { kind: 'idle' } });
  }

  online(): void {
    if (this.state.status.kind === 'retrying') void this.flush();
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.debounce);
    clearTimeout(this.retry);
  }

  resume(): void {
    this.disposed = false;
  }

  private run(always = false): Promise<void> {
    if (this.inFlight) return this.inFlight.then(() => this.run(always));
    if (this.disposed || this.state.status.kind === 'locked' || (!always && same(this.latest, this.base))) return Promise.resolve();
    this.inFlight = this.saveOnce().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  private async saveOnce(): Promise<void> {
    const snapshot = this.latest;
    this.set({ status: { kind: 'saving' } });
    try {
      const ballot = await this.options.save({ ...snapshot, version: this.state.version });
      if (this.disposed) return;
      this.attempt = 0;
      this.base = snapshot;
      this.options.onSaved?.(ballot);
      const dirty = !same(this.latest, this.base);
      this.set({ version: ballot.ballot.version, dirty, status: dirty ? { kind: 'pending' } : { kind: 'saved', at: this.options.now() } });
      if (dirty) this.debounce = setTimeout(() => void this.run(), this.options.debounceMs);
    } catch (cause) {
      if (this.disposed) return;
      const error = cause instanceof ApiError ? cause : new ApiError({ status: 0, code: 'INTERNAL_ERROR', message: String(cause) }, { cause });
      if (error.code === 'VERSION_CONFLICT') {
        const current = (error.details as { current?: TJuryBallot } | undefined)?.current;
        if (current?.ballot && typeof current.ballot.version === 'number') {
          const draft = { order: current.ballot.order, comment: current.ballot.comment };
          this.latest = draft;
          this.base = draft;
          this.options.onReload?.(current);
          return this.set({ version: current.ballot.version, dirty: false, status: current.ballot.status === 'SUBMITTED' ? { kind: 'locked' } : { kind: 'reloaded' } });
        }
        return this.set({ status: { kind: 'failed', error } });
      }
      if (error.code === 'CONFLICT') return this.set({ status: { kind: 'locked' } });
      if (error.status === 0 || error.status >= 500 || error.status === 429) {
        this.attempt += 1;
        const delays = this.options.retryDelaysMs;
        const retryInMs = delays[Math.min(this.attempt - 1, delays.length - 1)] ?? 30_000;
        this.set({ status: { kind: 'retrying', retryInMs } });
        clearTimeout(this.retry);
        this.retry = setTimeout(() => void this.run(), retryInMs);
        return;
      }
      this.set({ status: { kind: 'failed', error } });
    }
  }
}
