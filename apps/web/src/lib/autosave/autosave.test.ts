import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api';
import { Autosave, type AutosaveOptions } from './autosave';
import { useAutosaveEngine } from './use-autosave';

type Own = { kind: 'waiting'; attempt: number; retryInMs: number } | { kind: 'choosing' } | { kind: 'closed' };
type Saved = { text: string; version: number };

/** The smallest feature: a text, saved with its version; a version conflict asks the person to choose. */
class TextAutosave extends Autosave<string, Saved, Own> {
  constructor(
    private readonly save: (text: string, version: number) => Promise<Saved>,
    options: AutosaveOptions<Saved> = {},
  ) {
    super({ version: 1, draft: '' }, { debounceMs: 1000, ...options }, { retrying: 'waiting', paused: 'choosing', locked: { kind: 'closed' } });
  }
  protected send(text: string, version: number) {
    return this.save(text, version);
  }
  protected versionOf(saved: Saved) {
    return saved.version;
  }
  protected same(a: string, b: string) {
    return a === b;
  }
  protected retrying(attempt: number, retryInMs: number): Own {
    return { kind: 'waiting', attempt, retryInMs };
  }
  protected versionConflict() {
    this.set({ status: { kind: 'choosing' } });
  }
}

const echo = async (text: string, version: number): Promise<Saved> => ({ text, version: version + 1 });
const unreachable = () => new ApiError({ status: 0, code: 'SERVICE_UNAVAILABLE', message: 'offline' });

describe('the autosave core', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces, saves the latest draft once with its version, and reports each state to listeners', async () => {
    const save = vi.fn(echo);
    const onSaved = vi.fn();
    const autosave = new TextAutosave(save, { onSaved, now: () => new Date(0) });
    const seen: string[] = [];
    autosave.subscribe(() => seen.push(autosave.getState().status.kind));
    autosave.change('a');
    await vi.advanceTimersByTimeAsync(900);
    autosave.change('ab');
    await vi.advanceTimersByTimeAsync(999);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledExactlyOnceWith('ab', 1);
    expect(onSaved).toHaveBeenCalledWith({ text: 'ab', version: 2 });
    expect(autosave.getState()).toEqual({ version: 2, dirty: false, status: { kind: 'saved', at: new Date(0) } });
    expect(seen).toEqual(['pending', 'pending', 'saving', 'saved']);
  });

  it('backs off while the API cannot be reached, repeating the last delay, and tries at once back online', async () => {
    const save = vi.fn(echo).mockRejectedValueOnce(unreachable()).mockRejectedValueOnce(new TypeError('Failed to fetch')).mockRejectedValueOnce(unreachable());
    const autosave = new TextAutosave(save, { retryDelaysMs: [100, 500] });
    autosave.change('x');
    await vi.advanceTimersByTimeAsync(1000);
    expect(autosave.getState().status).toEqual({ kind: 'waiting', attempt: 1, retryInMs: 100 });
    await vi.advanceTimersByTimeAsync(100);
    expect(autosave.getState().status).toEqual({ kind: 'waiting', attempt: 2, retryInMs: 500 });
    await vi.advanceTimersByTimeAsync(500);
    expect(autosave.getState().status).toEqual({ kind: 'waiting', attempt: 3, retryInMs: 500 });
    autosave.online();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(4);
    expect(autosave.getState()).toMatchObject({ version: 2, status: { kind: 'saved' } });
  });

  it('pauses on a version conflict but keeps what changes, and closes for good on CONFLICT', async () => {
    const save = vi.fn(echo).mockRejectedValueOnce(new ApiError({ status: 409, code: 'VERSION_CONFLICT', message: 'stale' }));
    const autosave = new TextAutosave(save);
    autosave.change('mine');
    expect(await autosave.flush()).toBe(false);
    expect(autosave.getState().status.kind).toBe('choosing');
    autosave.change('mine, more');
    expect(autosave.getState()).toMatchObject({ dirty: true, status: { kind: 'choosing' } });
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(1);

    const closing = new TextAutosave(vi.fn().mockRejectedValue(new ApiError({ status: 409, code: 'CONFLICT', message: 'submitted' })));
    closing.change('late');
    expect(await closing.flush()).toBe(false);
    expect(closing.getState().status).toEqual({ kind: 'closed' });
    closing.change('later');
    expect(closing.getState().dirty).toBe(true);
  });

  it('fails without retrying on a refusal, and says so from flush', async () => {
    const save = vi.fn().mockRejectedValue(new ApiError({ status: 422, code: 'VALIDATION_FAILED', message: 'bad' }));
    const autosave = new TextAutosave(save);
    autosave.change('x');
    expect(await autosave.flush()).toBe(false);
    expect(autosave.getState().status).toMatchObject({ kind: 'failed', error: { code: 'VALIDATION_FAILED' } });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('saves an unchanged draft only when asked to, and queues a change made during a save', async () => {
    let release!: () => void;
    const save = vi.fn(echo).mockImplementationOnce((text, version) => new Promise((resolve) => (release = () => resolve({ text, version: version + 1 }))));
    const autosave = new TextAutosave(save);
    expect(await autosave.flush()).toBe(true);
    expect(save).not.toHaveBeenCalled();
    const first = autosave.flush(true);
    autosave.change('typed meanwhile');
    release();
    expect(await first).toBe(false);
    expect(autosave.getState().status.kind).toBe('pending');
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenLastCalledWith('typed meanwhile', 2);
    expect(autosave.getState()).toMatchObject({ version: 3, dirty: false });
  });

  it('does nothing once disposed, and carries on when resumed', async () => {
    const save = vi.fn(echo);
    const autosave = new TextAutosave(save);
    autosave.change('x');
    autosave.dispose();
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).not.toHaveBeenCalled();
    autosave.resume();
    expect(await autosave.flush()).toBe(true);
    expect(save).toHaveBeenCalledWith('x', 1);
  });
});

describe('useAutosaveEngine', () => {
  it('follows the state, saves when the tab is hidden or the network returns, and stops on unmount', async () => {
    const save = vi.fn(echo);
    const { result, unmount } = renderHook(() => useAutosaveEngine(() => new TextAutosave(save, { debounceMs: 60_000 })));
    act(() => result.current.controller.change('hidden'));
    expect(result.current.state).toMatchObject({ dirty: true, status: { kind: 'pending' } });

    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    await act(async () => void document.dispatchEvent(new Event('visibilitychange')));
    visibility.mockRestore();
    expect(save).toHaveBeenCalledWith('hidden', 1);
    expect(result.current.state).toMatchObject({ version: 2, status: { kind: 'saved' } });

    const flush = vi.spyOn(result.current.controller, 'flush');
    save.mockRejectedValueOnce(unreachable());
    act(() => result.current.controller.change('offline'));
    await act(() => result.current.controller.flush());
    expect(result.current.state.status.kind).toBe('waiting');
    await act(async () => void window.dispatchEvent(new Event('online')));
    expect(flush).toHaveBeenCalledTimes(2);
    expect(result.current.state.status.kind).toBe('saved');

    unmount();
    result.current.controller.change('after unmount');
    expect(result.current.controller.getState().status.kind).toBe('saved');
  });
});
