import { allFields, type TAnswers, type TApplication, type TFormDefinition } from '@tahkim/contracts';
import { differingKeys, formValuesFrom } from './answers';

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

/** Where the page starts from: the server's answers, or this browser's unsaved copy of them. */
export function startingPoint(form: TFormDefinition, application: Pick<TApplication, 'version' | 'answers' | 'attachments'>, store: Pick<DraftStore, 'read' | 'clear'>) {
  const server = formValuesFrom(form, application);
  const local = store.read();
  if (!local || local.version > application.version) return { values: server, restored: false, conflictWith: null };
  const fileKeys = new Set(allFields(form).filter((field) => field.type === 'FILE').map((field) => field.key));
  const typed = Object.fromEntries(Object.entries(local.answers).filter(([key]) => !fileKeys.has(key)));
  const values = { ...server, ...typed };
  // Nothing typed here that the server lacks (the save went through as the tab closed): no copy needed.
  if (differingKeys(form, values, server).length === 0) {
    store.clear();
    return { values: server, restored: false, conflictWith: null };
  }
  // Based on the version the server still has: the copy is newer, restore it. Based on an older one:
  // the draft was saved elsewhere since, so the person chooses between the two.
  if (local.version === application.version) return { values, restored: true, conflictWith: null };
  return { values: server, restored: false, conflictWith: values };
}
