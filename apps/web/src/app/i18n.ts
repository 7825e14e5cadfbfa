import { DEFAULT_LOCALE, isLocale, isRtl, LOCALES, type TLocale } from '@tahkim/contracts';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { translationFile, translationsBackend } from './i18n-backend';
import { CORE_NAMESPACES } from './i18n-resources';
import { rememberLocaleForServer } from './locale-preference';

/** The language of `<html>` (lang, dir) follows the interface language. */
export function applyLocaleToDocument(locale: TLocale): void {
  if (typeof document === 'undefined') return;
  const root = document.documentElement;
  root.lang = locale;
  root.dir = isRtl(locale) ? 'rtl' : 'ltr';
}

export function currentLocale(): TLocale {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(language) ? language : DEFAULT_LOCALE;
}

i18n.on('languageChanged', (language) => {
  const locale = isLocale(language) ? language : DEFAULT_LOCALE;
  applyLocaleToDocument(locale);
  rememberLocaleForServer(locale);
});

/**
 * Starts i18n in `locale`. In the browser, translations come from the backend one namespace at a time
 * (`ready` resolves once the core namespaces of that language are in); the server and the unit tests
 * add every translation up front and start synchronously.
 */
let started: Promise<unknown> | undefined;

export function startI18n(locale: TLocale, options: { bundled?: boolean } = {}): Promise<unknown> {
  if (started) return started.then(() => i18n.changeLanguage(locale));
  if (!options.bundled) i18n.use(translationsBackend);
  started = i18n.use(initReactI18next).init({
    lng: locale,
    // Every language holds every key (a unit test checks it): no other language is ever downloaded.
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    nonExplicitSupportedLngs: true,
    load: 'currentOnly',
    ns: [...CORE_NAMESPACES],
    defaultNS: 'common',
    partialBundledLanguages: true,
    initAsync: !options.bundled,
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: true },
  });
  // Each language names itself in every language's switcher and form: `common` is there in all three.
  if (!options.bundled) started = started.then(() => addBundles(LOCALES, ['common']));
  return started;
}

/** Adds namespaces of other languages than the page's (no-op for those already there). */
async function addBundles(languages: readonly TLocale[], namespaces: readonly string[]): Promise<void> {
  await Promise.all(
    languages.flatMap((language) =>
      namespaces.map(async (namespace) => {
        if (i18n.hasResourceBundle(language, namespace)) return;
        const load = translationFile(language, namespace);
        if (load) i18n.addResourceBundle(language, namespace, await load(), true, true);
      }),
    ),
  );
}

/** Loads namespaces of the current language (before showing a page that needs them). */
export async function loadNamespaces(namespaces: readonly string[], options: { allLanguages?: boolean } = {}): Promise<void> {
  await started;
  if (namespaces.length === 0) return;
  await i18n.loadNamespaces([...namespaces]);
  // Staff write a call's texts in the three languages and preview what each applicant reads.
  if (options.allLanguages) await addBundles(LOCALES, namespaces);
}

export { i18n };
