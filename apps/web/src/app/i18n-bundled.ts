import type { i18n as I18n } from 'i18next';

/**
 * Every translation at once, for the unit tests and the server's rendering of public pages (both
 * need them synchronously). The browser loads them on demand instead (i18n-backend.ts).
 */
const files = import.meta.glob<Record<string, unknown>>('../locales/*/*.json', { eager: true, import: 'default' });

export function addAllTranslations(i18n: I18n): void {
  for (const [file, data] of Object.entries(files)) {
    const match = /\/locales\/([^/]+)\/([^/]+)\.json$/u.exec(file);
    if (!match) continue;
    const [, language, namespace] = match;
    if (!i18n.hasResourceBundle(language!, namespace!)) i18n.addResourceBundle(language!, namespace!, data, true, true);
  }
}
