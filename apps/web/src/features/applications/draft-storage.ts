import type { TAnswers } from '@tahkim/contracts';

/**
 * An unsaved copy of a draft in this browser, so a closed tab, a reload or a lost connection never
 * loses typing. Keyed by application and the version the answers are based on.
 */
export interface LocalDraft {
  version: number;
  answers: TAnswers;
  /** When the copy was written (ms since epoch). */
  writtenAt: number;
}

const PREFIX = 'tahkim:application-draft:';
const keyFor = (applicationId: string, version: number) => `${PREFIX}${applicationId}:${version}`;

function keysOf(applicationId: string, storage: Storage): string[] {
  const keys: string[] = [];
  for (let index = 0; index < storage.length; index += 1) {
    const key = storage.key(index);
    if (key?.startsWith(`${PREFIX}${applicationId}:`)) keys.push(key);
  }
  return keys;
}

export function createDraftStore(applicationId: string, storage: Storage = window.localStorage) {
  return {
    write(answers: TAnswers, version: number): void {
      try {
        for (const key of keysOf(applicationId, storage)) if (key !== keyFor(applicationId, version)) storage.removeItem(key);
        storage.setItem(keyFor(applicationId, version), JSON.stringify({ version, answers, writtenAt: Date.now() } satisfies LocalDraft));
      } catch {
        // Storage full or disabled (private mode): the server copy still saves; nothing else to do.
      }
    },
    /** The most recent copy, whatever version it is based on. */
    read(): LocalDraft | null {
      let latest: LocalDraft | null = null;
      for (const key of keysOf(applicationId, storage)) {
        try {
          const draft = JSON.parse(storage.getItem(key) ?? 'null') as LocalDraft | null;
          if (draft && typeof draft.version === 'number' && typeof draft.answers === 'object' && (!latest || draft.version > latest.version)) latest = draft;
        } catch {
          storage.removeItem(key);
        }
      }
      return latest;
    },
    clear(): void {
      for (const key of keysOf(applicationId, storage)) storage.removeItem(key);
    },
  };
}
export type DraftStore = ReturnType<typeof createDraftStore>;
