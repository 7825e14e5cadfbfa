import type { TAnswers, TApplication } from '@tahkim/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../lib/api';
import { AutosaveController, type AutosaveOptions } from './autosave';
import { createDraftStore } from './draft-storage';

function application(version: number, answers: TAnswers): TApplication {
  return {
    id: 'app-1',
    callId: 'call-1',
    call: { slug: 'c', title: { ar: 'أ', fr: 'A', en: 'A' }, opensAt: '2026-01-01T00:00:00Z', closesAt: '2027-01-01T00:00:00Z', acceptingApplications: true },
    status: 'DRAFT',
    answers,
    version,
    formVersion: 1,
    reference: null,
    submittedAt: null,
    withdrawnAt: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-02T10:00:00Z',
    attachments: [],
  };
}

const offline = () => new ApiError({ status: 0, code: 'SERVICE_UNAVAILABLE', message: 'offline' });
const conflict = (current: TApplication) =>
  new ApiError({ status: 409, code: 'VERSION_CONFLICT', message: 'conflict', details: { current } });

function setup(save: AutosaveOptions['save']) {
  const store = createDraftStore('app-1');
  const controller = new AutosaveController(
    { version: 3, answers: { name: 'A' } },
    { save, savedAnswersOf: (app) => app.answers, store, debounceMs: 2000, retryDelaysMs: [1000, 4000] },
  );
  return { controller, store };
}

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for typing to stop, then saves once with the version it was based on', async () => {
    const save = vi.fn(async (answers: TAnswers, version: number) => application(version + 1, answers));
    const { controller, store } = setup(save);
    controller.change({ name: 'Ab' });
    await vi.advanceTimersByTimeAsync(1500);
    controller.change({ name: 'Abc' });
    expect(controller.getState().status.kind).toBe('pending');
    expect(store.read()?.answers).toEqual({ name: 'Abc' });
    await vi.advanceTimersByTimeAsync(1999);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ name: 'Abc' }, 3);
    expect(controller.getState()).toMatchObject({ status: { kind: 'saved' }, version: 4, dirty: false });
    // Saved: the local copy is no longer needed.
    expect(store.read()).toBeNull();
  });

  it('leaves out the invisible characters the server refuses (a NUL pasted from a PDF, half an emoji), and settles', async () => {
    const save = vi.fn(async (answers: TAnswers, version: number) => application(version + 1, answers));
    const { controller } = setup(save);
    controller.change({ name: 'Coop\u0000érative 🌿', tags: ['a\ud800', 'b'] });
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ name: 'Coopérative 🌿', tags: ['a', 'b'] }, 3);
    expect(controller.getState()).toMatchObject({ status: { kind: 'saved' }, dirty: false });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('does not save when nothing changed, and saves at once on flush', async () => {
    const save = vi.fn(async (answers: TAnswers, version: number) => application(version + 1, answers));
    const { controller } = setup(save);
    controller.change({ name: 'A' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).not.toHaveBeenCalled();
    controller.change({ name: 'B' });
    await expect(controller.flush()).resolves.toBe(true);
    expect(save).toHaveBeenCalledWith({ name: 'B' }, 3);
  });

  it('keeps what is typed while a save is in flight and saves it next, on the new version', async () => {
    let release!: () => void;
    const save = vi
      .fn<AutosaveOptions['save']>()
      .mockImplementationOnce((answers, version) => new Promise((resolve) => (release = () => resolve(application(version + 1, answers)))))
      .mockImplementation(async (answers, version) => application(version + 1, answers));
    const { controller } = setup(save);
    controller.change({ name: 'B' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(controller.getState().status.kind).toBe('saving');
    controller.change({ name: 'BC' });
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(controller.getState().status.kind).toBe('pending');
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenLastCalledWith({ name: 'BC' }, 4);
    expect(controller.getState()).toMatchObject({ status: { kind: 'saved' }, version: 5 });
  });

  it('goes offline with backoff, keeps the local copy, and retries at once when the browser is back online', async () => {
    const save = vi
      .fn<AutosaveOptions['save']>()
      .mockRejectedValueOnce(offline())
      .mockRejectedValueOnce(offline())
      .mockImplementation(async (answers, version) => application(version + 1, answers));
    const { controller, store } = setup(save);
    controller.change({ name: 'Offline' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(controller.getState().status).toMatchObject({ kind: 'offline', attempt: 1, retryInMs: 1000 });
    expect(store.read()?.answers).toEqual({ name: 'Offline' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(controller.getState().status).toMatchObject({ kind: 'offline', attempt: 2, retryInMs: 4000 });
    // Typing while offline does not restart the debounce; coming back online saves at once.
    controller.change({ name: 'Offline, still typing' });
    expect(controller.getState().status.kind).toBe('offline');
    controller.online();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(3);
    expect(save).toHaveBeenLastCalledWith({ name: 'Offline, still typing' }, 3);
    expect(controller.getState().status.kind).toBe('saved');
    expect(store.read()).toBeNull();
  });

  it('retries a server error (5xx) but stops on a refused save (4xx)', async () => {
    const save = vi
      .fn<AutosaveOptions['save']>()
      .mockRejectedValueOnce(new ApiError({ status: 503, code: 'SERVICE_UNAVAILABLE', message: 'down' }))
      .mockRejectedValueOnce(new ApiError({ status: 400, code: 'VALIDATION_FAILED', message: 'bad' }));
    const { controller } = setup(save);
    controller.change({ name: 'X' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(controller.getState().status.kind).toBe('offline');
    await vi.advanceTimersByTimeAsync(1000);
    expect(controller.getState().status).toMatchObject({ kind: 'failed', error: { code: 'VALIDATION_FAILED' } });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('stops on a version conflict, shows both versions, and saves the chosen answers on the current version', async () => {
    const current = application(7, { name: 'Saved elsewhere' });
    const save = vi
      .fn<AutosaveOptions['save']>()
      .mockRejectedValueOnce(conflict(current))
      .mockImplementation(async (answers, version) => application(version + 1, answers));
    const { controller, store } = setup(save);
    controller.change({ name: 'Mine' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(controller.getState().status).toMatchObject({ kind: 'conflict', current, mine: { name: 'Mine' } });
    // Nothing overwrites while the person chooses, even if they keep typing.
    controller.change({ name: 'Mine, more' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await controller.flush()).toBe(false);
    expect(save).toHaveBeenCalledTimes(1);
    expect(store.read()?.answers).toEqual({ name: 'Mine, more' });

    await expect(controller.resolveConflict({ name: 'Mine, more' }, current)).resolves.toBe(true);
    expect(save).toHaveBeenLastCalledWith({ name: 'Mine, more' }, 7);
    expect(controller.getState()).toMatchObject({ status: { kind: 'saved' }, version: 8 });
  });

  it('continues silently when only the version moved (the person uploaded a file)', async () => {
    const save = vi
      .fn<AutosaveOptions['save']>()
      .mockRejectedValueOnce(conflict(application(4, { name: 'A' })))
      .mockImplementation(async (answers, version) => application(version + 1, answers));
    const { controller } = setup(save);
    controller.change({ name: 'Typed' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith({ name: 'Typed' }, 4);
    expect(controller.getState()).toMatchObject({ status: { kind: 'saved' }, version: 5 });
  });

  it('treats a conflict with identical answers as saved (a save that landed as the tab closed)', async () => {
    const save = vi.fn<AutosaveOptions['save']>().mockRejectedValueOnce(conflict(application(9, { name: 'Same' })));
    const { controller, store } = setup(save);
    controller.change({ name: 'Same' });
    await vi.advanceTimersByTimeAsync(2000);
    expect(controller.getState()).toMatchObject({ status: { kind: 'saved' }, version: 9, dirty: false });
    expect(store.read()).toBeNull();
    expect(save).toHaveBeenCalledTimes(1);
  });
});
