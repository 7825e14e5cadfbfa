import type { TScorecard } from '@tahkim/contracts';
import type { ApiError } from '../../lib/api';
import { Autosave, type AutosaveOptions, type AutosaveState, type CommonSaveStatus } from '../../lib/autosave/autosave';
import type { TScorecardSave } from './jury-api';

/** What the juror sees of the draft's autosave. */
export type ScorecardSaveStatus =
  | CommonSaveStatus
  | { kind: 'offline'; retryInMs: number }
  /** Saved meanwhile elsewhere (another tab): the juror chooses to keep theirs or load the saved one. */
  | { kind: 'conflict'; current: TScorecard }
  /** Submitted meanwhile (another tab): nothing more can be saved. */
  | { kind: 'locked' };

export type ScorecardAutosaveState = AutosaveState<ScorecardSaveStatus>;

type Body = Omit<TScorecardSave, 'version'>;
type Own = Exclude<ScorecardSaveStatus, CommonSaveStatus>;

export interface ScorecardAutosaveOptions extends AutosaveOptions<TScorecard> {
  save: (body: TScorecardSave) => Promise<TScorecard>;
}

/**
 * Saves a scorecard draft by itself: after a short pause in typing, at once on `flush()` (before
 * submitting, when the tab is hidden), again with backoff while offline, never over a newer version
 * (409 VERSION_CONFLICT stops until the juror chooses).
 */
export class ScorecardAutosave extends Autosave<Body, TScorecard, Own> {
  private readonly save: ScorecardAutosaveOptions['save'];

  constructor(initial: { version: number; body: Body }, { save, ...options }: ScorecardAutosaveOptions) {
    super({ version: initial.version, draft: initial.body }, { debounceMs: 1200, ...options }, { retrying: 'offline', paused: 'conflict', locked: { kind: 'locked' } });
    this.save = save;
  }

  protected send(body: Body, version: number): Promise<TScorecard> {
    return this.save({ ...body, version });
  }

  protected versionOf(scorecard: TScorecard): number {
    return scorecard.version;
  }

  protected same(a: Body, b: Body): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  protected retrying(_attempt: number, retryInMs: number): Own {
    return { kind: 'offline', retryInMs };
  }

  protected versionConflict(error: ApiError): void {
    const current = (error.details as { current?: TScorecard } | undefined)?.current;
    if (current && typeof current.version === 'number') {
      return this.set({ status: current.status === 'SUBMITTED' ? { kind: 'locked' } : { kind: 'conflict', current } });
    }
    this.set({ status: { kind: 'failed', error } });
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
}
