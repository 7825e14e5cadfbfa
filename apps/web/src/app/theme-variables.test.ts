import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_THEME, defaultCssVariablesResolver, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { cssVariablesResolver, theme } from './theme';

/**
 * The theme's CSS variables (colours, fonts, the readable shades) live in a static stylesheet, loaded
 * with the entry: the public pages use them without Mantine's script, and MantineProvider is told not to
 * inject them again. This test writes what Mantine would inject for our theme, minus what its default
 * stylesheet already has, and fails when theme-variables.css differs. After changing theme.ts, run
 * `UPDATE_THEME_CSS=1 npx vitest run src/app/theme-variables.test.ts` in apps/web.
 */
const FILE = join(import.meta.dirname, 'theme-variables.css');

function expectedCss(): string {
  const full = mergeMantineTheme(DEFAULT_THEME, theme);
  const ours = defaultCssVariablesResolver(full);
  const custom = cssVariablesResolver(full);
  const defaults = defaultCssVariablesResolver(DEFAULT_THEME);
  const shared = Object.entries({ ...ours.variables, ...custom.variables }).filter(([name, value]) => defaults.variables[name as keyof typeof defaults.variables] !== value);
  // Mantine's stylesheet scopes the light scheme's to <html data-mantine-color-scheme="light">, which only
  // its provider sets: all of them are here, on :root too, so pages without the provider have them; with
  // the provider, this selector is as specific as Mantine's and comes later, so ours win.
  const light = Object.entries({ '--mantine-color-scheme': 'light', ...ours.light, ...custom.light });
  const block = (selector: string, entries: Array<[string, string]>) => [`${selector} {`, ...entries.map(([name, value]) => `  ${name}: ${value};`), '}'];
  return [
    '/* Generated from theme.ts by src/app/theme-variables.test.ts (see there to update): the light scheme only. */',
    ...block(':root', shared),
    '',
    ...block(":root,\n:root[data-mantine-color-scheme='light']", light),
    '',
  ].join('\n');
}

describe('theme-variables.css', () => {
  it('holds the variables Mantine would inject for the theme', () => {
    const css = expectedCss();
    if (process.env.UPDATE_THEME_CSS) writeFileSync(FILE, css);
    expect(readFileSync(FILE, 'utf8')).toBe(css);
  });
});
