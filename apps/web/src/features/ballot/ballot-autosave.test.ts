import type { TJuryBallot } from '@tahkim/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api';
import { BallotAutosave } from './ballot-autosave';

function ballot(order: string[], version: number, status: 'DRAFT' | 'SUBMITTED' = 'DRAFT'): TJuryBallot {
  return {
    round: { id: 'r', name: { fr: 'F', ar: 'F', en: 'F' }, instructions: null, closesAt: null, blind: true },
    call: { id: 'c', title: { fr: 'C', ar: 'C', en: 'C' } },
    candidates: [],
    ballot: { status, version, order, comment: null, submittedAt: null, saved: true },
    conflicts: [],
  };
}

const conflict = (current: TJuryBallot) => new ApiError({ status: 409, code: 'VERSION_CONFLICT', message: 'stale', details: { current } });

describe('the ballot autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once, 1.5 s after the last move, with the version it holds, then the next version', async () => {
    const save = vi.fn(async (body: { order: string[]; version: number }) => ballot(body.order, body.version + 1));
    const autosave = new BallotAutosave({ version: 3, draft: { order: ['a', 'b'], comment: null } }, { save });
    autosave.change({ order: ['b', 'a'], comment: null });
    await vi.advanceTimersByTimeAsync(1000);
    autosave.change({ order: ['a', 'b'], comment: null });
    autosave.change({ order: ['b', 'a'], comment: null });
    expect(autosave.getState().status.kind).toBe('pending');
    await vi.advanceTimersByTimeAsync(1499);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ order: ['b', 'a'], comment: null, version: 3 });
    expect(autosave.getState()).toMatchObject({ version: 4, dirty: false, status: { kind: 'saved' } });
    autosave.change({ order: ['a', 'b'], comment: 'x' });
    await vi.advanceTimersByTimeAsync(1500);
    expect(save).toHaveBeenLastCalledWith({ order: ['a', 'b'], comment: 'x', version: 4 });
  });

  it('retries by itself while the API cannot be reached, then saves', async () => {
    const save = vi
      .fn()
      .mockRejectedValueOnce(new ApiError({ status: 503, code: 'SERVICE_UNAVAILABLE', message: 'down' }))
      .mockImplementation(async (body: { order: string[]; version: number }) => ballot(body.order, body.version + 1));
    const autosave = new BallotAutosave({ version: 1, draft: { order: ['a', 'b'], comment: null } }, { save, retryDelaysMs: [2000] });
    autosave.change({ order: ['b', 'a'], comment: null });
    await vi.advanceTimersByTimeAsync(1500);
    expect(autosave.getState().status).toEqual({ kind: 'retrying', retryInMs: 2000 });
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(autosave.getState()).toMatchObject({ version: 2, dirty: false, status: { kind: 'saved' } });
  });

  it('on a version conflict, takes the saved ballot and says so; a submitted one locks', async () => {
    const onReload = vi.fn();
    const save = vi.fn().mockRejectedValueOnce(conflict(ballot(['b', 'c', 'a'], 7)));
    const autosave = new BallotAutosave({ version: 2, draft: { order: ['a', 'b', 'c'], comment: null } }, { save, onReload });
    autosave.change({ order: ['c', 'b', 'a'], comment: null });
    expect(await autosave.flush()).toBe(false);
    expect(onReload).toHaveBeenCalledWith(expect.objectContaining({ ballot: expect.objectContaining({ order: ['b', 'c', 'a'], version: 7 }) }));
    expect(autosave.getState()).toMatchObject({ version: 7, dirty: false, status: { kind: 'reloaded' } });

    save.mockRejectedValueOnce(conflict(ballot(['b', 'c', 'a'], 8, 'SUBMITTED')));
    autosave.change({ order: ['a', 'b', 'c'], comment: null });
    await autosave.flush();
    expect(autosave.getState().status.kind).toBe('locked');
    autosave.change({ order: ['c', 'a', 'b'], comment: null });
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('saves an unchanged, never-saved order when asked to before submitting', async () => {
    const save = vi.fn(async (body: { order: string[]; version: number }) => ballot(body.order, body.version + 1));
    const autosave = new BallotAutosave({ version: 1, draft: { order: ['a', 'b'], comment: null } }, { save });
    expect(await autosave.flush()).toBe(true);
    expect(save).not.toHaveBeenCalled();
    expect(await autosave.flush(true)).toBe(true);
    expect(save).toHaveBeenCalledWith({ order: ['a', 'b'], comment: null, version: 1 });
    expect(autosave.getState().version).toBe(2);
  });
});
