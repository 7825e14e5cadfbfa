import type { TJuryBallot } from '@tahkim/contracts';
import type { ApiError } from '../../lib/api';
import { Autosave, type AutosaveOptions, type AutosaveState, type CommonSaveStatus } from '../../lib/autosave/autosave';
import type { BallotDraft } from './ballot-api';

/** What the juror sees of the draft's autosave. */
export type BallotSaveStatus =
  | CommonSaveStatus
  /** The API could not be reached (or failed): saving again by itself after `retryInMs`. */
  | { kind: 'retrying'; retryInMs: number }
  /** Saved meanwhile elsewhere (another tab or device): the saved order was loaded instead of this page's. */
  | { kind: 'reloaded' }
  /** Submitted meanwhile: nothing more can be saved. */
  | { kind: 'locked' };

export type BallotAutosaveState = AutosaveState<BallotSaveStatus>;

type Own = Exclude<BallotSaveStatus, CommonSaveStatus>;

export interface BallotAutosaveOptions extends AutosaveOptions<TJuryBallot> {
  save: (body: BallotDraft & { version: number }) => Promise<TJuryBallot>;
  /** After 409 VERSION_CONFLICT: the ballot as saved, which the page shows from now on. */
  onReload?: (current: TJuryBallot) => void;
}

/**
 * Saves a ballot draft by itself: 1.5 s after the last move, at once on `flush()` (before submitting,
 * when the tab is hidden), again with backoff while the API is unreachable, never over a newer version:
 * on 409 VERSION_CONFLICT the saved order is loaded and the juror told.
 */
export class BallotAutosave extends Autosave<BallotDraft, TJuryBallot, Own> {
  private readonly save: BallotAutosaveOptions['save'];
  private readonly onReload: BallotAutosaveOptions['onReload'];

  constructor(initial: { version: number; draft: BallotDraft; locked?: boolean }, { save, onReload, ...options }: BallotAutosaveOptions) {
    super(
      { version: initial.version, draft: initial.draft, status: initial.locked ? { kind: 'locked' } : undefined },
      { debounceMs: 1500, ...options },
      { retrying: 'retrying', locked: { kind: 'locked' } },
    );
    this.save = save;
    this.onReload = onReload;
  }

  protected send(draft: BallotDraft, version: number): Promise<TJuryBallot> {
    return this.save({ ...draft, version });
  }

  protected versionOf(ballot: TJuryBallot): number {
    return ballot.ballot.version;
  }

  protected same(a: BallotDraft, b: BallotDraft): boolean {
    return a.comment === b.comment && a.order.length === b.order.length && a.order.every((id, i) => id === b.order[i]);
  }

  protected retrying(_attempt: number, retryInMs: number): Own {
    return { kind: 'retrying', retryInMs };
  }

  protected versionConflict(error: ApiError): void {
    const current = (error.details as { current?: TJuryBallot } | undefined)?.current;
    if (current?.ballot && typeof current.ballot.version === 'number') {
      const draft = { order: current.ballot.order, comment: current.ballot.comment };
      this.latest = draft;
      this.base = draft;
      this.onReload?.(current);
      return this.set({ version: current.ballot.version, dirty: false, status: current.ballot.status === 'SUBMITTED' ? { kind: 'locked' } : { kind: 'reloaded' } });
    }
    this.set({ status: { kind: 'failed', error } });
  }

  /** A ballot loaded from elsewhere must be looked at before all counts as saved. */
  protected override settled(): boolean {
    return super.settled() && this.state.status.kind !== 'reloaded';
  }

  /** The page took a ballot from elsewhere (after submitting, reopening): continue from it. */
  reset(ballot: TJuryBallot): void {
    const draft = { order: ballot.ballot.order, comment: ballot.ballot.comment };
    this.latest = draft;
    this.base = draft;
    this.set({ version: ballot.ballot.version, dirty: false, status: ballot.ballot.status === 'SUBMITTED' ? { kind: 'locked' } : { kind: 'idle' } });
  }
}
