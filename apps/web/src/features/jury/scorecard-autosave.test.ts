import type { TScorecard } from '@tahkim/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api';
import type { TScorecardSave } from './jury-api';
import { ScorecardAutosave } from './scorecard-autosave';

type Body = Omit<TScorecardSave, 'version'>;

const body = (value: number | null, overallComment: string | null = null): Body => ({
  values: [{ criterionId: 'c1', value, comment: null }],
  overallComment,
  commentShareable: false,
});

function scorecard(version: number, from: Body, status: 'DRAFT' | 'SUBMITTED' = 'DRAFT'): TScorecard {
  return { assignmentId: 'a1', status, version, ...from, weightedScore: null, submittedAt: null, reopenedAt: null, reopenReason: null };
}

const saved = async ({ version, ...sent }: TScorecardSave) => scorecard(version + 1, sent);
const conflict = (current: TScorecard) => new ApiError({ status: 409, code: 'VERSION_CONFLICT', message: 'stale', details: { current } });

describe('the scorecard autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves 1.2 s after the last change, with the version it holds, and tells who listens', async () => {
    const save = vi.fn(saved);
    const onSaved = vi.fn();
    const autosave = new ScorecardAutosave({ version: 2, body: body(null) }, { save, onSaved, now: () => new Date('2026-11-10T13:02:00Z') });
    const listener = vi.fn();
    autosave.subscribe(listener);
    autosave.change(body(3));
    await vi.advanceTimersByTimeAsync(1000);
    autosave.change(body(4));
    await vi.advanceTimersByTimeAsync(1199);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ ...body(4), version: 2 });
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ version: 3 }));
    expect(autosave.getState()).toEqual({ version: 3, dirty: false, status: { kind: 'saved', at: new Date('2026-11-10T13:02:00Z') } });
    expect(listener).toHaveBeenCalled();
  });

  it('goes back to idle when a change is undone before it is saved', async () => {
    const save = vi.fn(saved);
    const autosave = new ScorecardAutosave({ version: 1, body: body(5) }, { save });
    autosave.change(body(6));
    expect(autosave.getState()).toMatchObject({ dirty: true, status: { kind: 'pending' } });
    autosave.change(body(5));
    expect(autosave.getState()).toMatchObject({ dirty: false, status: { kind: 'idle' } });
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).not.toHaveBeenCalled();
  });

  it('waits offline with backoff, keeps changes without restarting, and saves at once back online', async () => {
    const save = vi
      .fn(saved)
      .mockRejectedValueOnce(new ApiError({ status: 0, code: 'SERVICE_UNAVAILABLE', message: 'offline' }))
      .mockRejectedValueOnce(new ApiError({ status: 502, code: 'SERVICE_UNAVAILABLE', message: 'down' }));
    const autosave = new ScorecardAutosave({ version: 1, body: body(null) }, { save, retryDelaysMs: [1000, 3000] });
    autosave.change(body(2));
    await vi.advanceTimersByTimeAsync(1200);
    expect(autosave.getState().status).toEqual({ kind: 'offline', retryInMs: 1000 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(autosave.getState().status).toEqual({ kind: 'offline', retryInMs: 3000 });
    autosave.change(body(7));
    expect(autosave.getState().status.kind).toBe('offline');
    expect(await autosave.flush()).toBe(true);
    expect(save).toHaveBeenCalledTimes(3);
    expect(save).toHaveBeenLastCalledWith({ ...body(7), version: 1 });
    expect(autosave.getState()).toMatchObject({ version: 2, dirty: false, status: { kind: 'saved' } });
  });

  it('stops on a version conflict until the juror keeps theirs, then saves it over the current version', async () => {
    const current = scorecard(5, body(9));
    const save = vi.fn(saved).mockRejectedValueOnce(conflict(current));
    const autosave = new ScorecardAutosave({ version: 1, body: body(null) }, { save });
    autosave.change(body(2));
    await vi.advanceTimersByTimeAsync(1200);
    expect(autosave.getState().status).toEqual({ kind: 'conflict', current });
    autosave.change(body(3));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await autosave.flush()).toBe(false);
    expect(save).toHaveBeenCalledTimes(1);
    expect(await autosave.keepMine(current)).toBe(true);
    expect(save).toHaveBeenLastCalledWith({ ...body(3), version: 5 });
    expect(autosave.getState()).toMatchObject({ version: 6, dirty: false, status: { kind: 'saved' } });
  });

  it('keeps the juror’s version even when it equals what was last saved here', async () => {
    const current = scorecard(5, body(9));
    const save = vi.fn(saved).mockRejectedValueOnce(conflict(current));
    const autosave = new ScorecardAutosave({ version: 1, body: body(null) }, { save });
    autosave.change(body(2));
    await vi.advanceTimersByTimeAsync(1200);
    autosave.change(body(null));
    expect(await autosave.keepMine(current)).toBe(true);
    expect(save).toHaveBeenLastCalledWith({ ...body(null), version: 5 });
  });

  it('continues from the saved scorecard when the juror takes it', async () => {
    const current = scorecard(5, body(9));
    const save = vi.fn(saved).mockRejectedValueOnce(conflict(current));
    const autosave = new ScorecardAutosave({ version: 1, body: body(null) }, { save });
    autosave.change(body(2));
    await vi.advanceTimersByTimeAsync(1200);
    autosave.takeSaved(current, body(9));
    expect(autosave.getState()).toEqual({ version: 5, dirty: false, status: { kind: 'idle' } });
    autosave.change(body(8));
    await vi.advanceTimersByTimeAsync(1200);
    expect(save).toHaveBeenLastCalledWith({ ...body(8), version: 5 });
  });

  it('locks when the scorecard was submitted meanwhile, and then ignores changes', async () => {
    const save = vi.fn(saved).mockRejectedValueOnce(conflict(scorecard(4, body(1), 'SUBMITTED')));
    const autosave = new ScorecardAutosave({ version: 1, body: body(null) }, { save });
    autosave.change(body(2));
    expect(await autosave.flush()).toBe(false);
    expect(autosave.getState().status).toEqual({ kind: 'locked' });
    autosave.change(body(3));
    expect(autosave.getState().dirty).toBe(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('locks on a plain CONFLICT, and fails (without retrying) on another refusal', async () => {
    const locked = new ScorecardAutosave({ version: 1, body: body(null) }, { save: vi.fn().mockRejectedValue(new ApiError({ status: 409, code: 'CONFLICT', message: 'closed' })) });
    locked.change(body(2));
    await locked.flush();
    expect(locked.getState().status).toEqual({ kind: 'locked' });

    const save = vi.fn().mockRejectedValue(new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: 'bad' }));
    const failed = new ScorecardAutosave({ version: 1, body: body(null) }, { save });
    failed.change(body(2));
    expect(await failed.flush()).toBe(false);
    expect(failed.getState().status).toMatchObject({ kind: 'failed', error: { code: 'VALIDATION_FAILED' } });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('stops saving once disposed', async () => {
    const save = vi.fn(saved);
    const autosave = new ScorecardAutosave({ version: 1, body: body(null) }, { save });
    autosave.change(body(2));
    autosave.dispose();
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).not.toHaveBeenCalled();
  });
});
