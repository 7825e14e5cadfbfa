import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { i18n } from '../app/i18n';

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
Element.prototype.scrollIntoView ??= () => undefined;
// React Router's scroll restoration calls it on every navigation.
window.scrollTo = () => undefined;

beforeEach(async () => {
  window.localStorage.clear();
  await i18n.changeLanguage('fr');
});

afterEach(() => {
  cleanup();
});
