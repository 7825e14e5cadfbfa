import { DEFAULT_LOCALE, isLocale, isRtl, LOCALES, type TLocale } from '@tahkim/contracts';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { NAMESPACES, resources } from './i18n-resources';
import { initialLocale } from './locale-preference';
import { setZodLocale } from './zod-locale';

/** The language of `<html>` (lang, dir) and of zod's messages follow the interface language. */
export function applyLocaleToDocument(locale: TLocale): void {
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
  setZodLocale(locale);
});

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  nonExplicitSupportedLngs: true,
  ns: [...NAMESPACES],
  defaultNS: 'common',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18n };
