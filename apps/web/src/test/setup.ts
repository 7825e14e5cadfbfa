import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { CASABLANCA_ZONE, zoneData } from '@tahkim/contracts/time-zone-data';
import { i18n, startI18n } from '../app/i18n';
import '../app/zod-locale';
import { addAllTranslations } from '../app/i18n-bundled';
import { setTimeZoneData } from '../lib/time-zone';

// Every translation is there from the start (the browser loads them on demand).
void startI18n('fr', { bundled: true });
addAllTranslations(i18n);

// Page tests render whole routes; on a busy 2-core CI machine the first render can take seconds.
configure({ asyncUtilTimeout: 5000 });

// jsdom lacks the few browser APIs Mantine relies on.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (!window.ResizeObserver) {
  window.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}
// jsdom has no FontFaceSet; Mantine's autosizing textarea listens to it.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', { value: { addEventListener: () => undefined, removeEventListener: () => undefined }, configurable: true });
}
Element.prototype.scrollIntoView ??= () => undefined;
// React Router's scroll restoration calls it on every navigation.
window.scrollTo = () => undefined;

// What the app loads from GET /api/time-zone: the server's packaged data, same range.
setTimeZoneData(zoneData(CASABLANCA_ZONE, new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2041, 0, 1))));

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('fr');
});

afterEach(() => {
  cleanup();
});
