import type { BackendModule, ReadCallback } from 'i18next';

/**
 * Translations are loaded on demand, one file per language and namespace (each its own small chunk):
 * a page downloads only its language and the namespaces its screens use.
 */
const files = import.meta.glob<Record<string, unknown>>('../locales/*/*.json', { import: 'default' });

export function translationFile(language: string, namespace: string): (() => Promise<Record<string, unknown>>) | undefined {
  return files[`../locales/${language}/${namespace}.json`];
}

export const translationsBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language: string, namespace: string, callback: ReadCallback) {
    const load = translationFile(language, namespace);
    if (!load) {
      callback(new Error(`No translation file locales/${language}/${namespace}.json`), false);
      return;
    }
    load().then(
      (data) => callback(null, data as Parameters<ReadCallback>[1]),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};
