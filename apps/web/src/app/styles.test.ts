import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Mantine's styles are imported per component: every page loads Mantine's base (`mantine-public.css`,
 * with the entry), the pages built with Mantine the stylesheets of the components they use
 * (`mantine-components.css`, with Mantine itself: the public site and the application form are plain),
 * the back office and the jury's screens add theirs (`mantine-staff.css`, through `styles-staff.ts`). A component used
 * without its stylesheet would render unstyled: this test finds every Mantine component the app
 * imports, follows Mantine's own code to the stylesheets it needs (a Select needs Combobox, Input,
 * Popover…) and names any that is missing.
 */

const SRC = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const CORE = dirname(require.resolve('@mantine/core/styles.css'));
const NOTIFICATIONS = dirname(require.resolve('@mantine/notifications/styles.css'));
const BASE = ['baseline', 'default-css-variables', 'global'];
const NOTIFICATIONS_SHEET = '@mantine/notifications/styles.css';

/** The back office's and the jury's screens: loaded on their own, with `styles-staff.ts`. */
const STAFF_FEATURES = ['admin', 'call-admin', 'screening', 'rounds', 'results', 'decisions', 'programme', 'follow-up', 'audit', 'emails', 'invitations', 'jury', 'ballot'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'test' ? [] : sourceFiles(path);
    return /\.tsx?$/u.test(name) && !/\.test\.tsx?$/u.test(name) ? [path] : [];
  });
}

/** `import { A, B as C, type D } from '<module>'`: the values imported (A, B). */
function namedImports(source: string, module: string): string[] {
  const pattern = new RegExp(String.raw`import\s+(type\s+)?\{([^}]*)\}\s*from\s*['"]${module.replace('/', '\\/')}['"]`, 'gu');
  return [...source.matchAll(pattern)].flatMap((match) =>
    match[1]
      ? []
      : match[2]!
          .split(',')
          .map((part) => part.trim())
          .filter((part) => part && !part.startsWith('type '))
          .map((part) => part.split(/\s+as\s+/u)[0]!.trim()),
  );
}

/** Where each name exported by a Mantine package's ESM index is defined. */
function exportsOf(esmDir: string): Map<string, string> {
  const index = readFileSync(join(esmDir, 'index.mjs'), 'utf8');
  const files = new Map<string, string>();
  for (const match of index.matchAll(/import \{([^}]*)\} from "(\.[^"]+)"/gu)) {
    for (const part of match[1]!.split(',')) files.set(part.trim().split(/\s+as\s+/u).pop()!, join(esmDir, match[2]!));
  }
  return files;
}

const coreExports = exportsOf(join(CORE, 'esm'));
const notificationsExports = exportsOf(join(NOTIFICATIONS, 'esm'));

/**
 * The stylesheets a Mantine export needs: its module and every module it imports, followed through
 * Mantine's published code; each `X.module.mjs` (its class names) stands for `styles/X.css`.
 */
function sheetsOf(file: string, seen = new Set<string>(), sheets = new Set<string>()): Set<string> {
  if (seen.has(file)) return sheets;
  seen.add(file);
  if (file.startsWith(CORE) && file.endsWith('.module.mjs')) sheets.add(basename(file, '.module.mjs'));
  const source = readFileSync(file, 'utf8');
  for (const match of source.matchAll(/from "(\.[^"]+)"/gu)) sheetsOf(join(dirname(file), match[1]!), seen, sheets);
  // @mantine/notifications builds on @mantine/core's components (Notification) and has a sheet of its own.
  for (const name of namedImports(source, '@mantine/core')) {
    const core = coreExports.get(name);
    if (core) sheetsOf(core, seen, sheets);
  }
  if (file.startsWith(NOTIFICATIONS)) sheets.add(NOTIFICATIONS_SHEET);
  return sheets;
}

/** The stylesheets a CSS file of the app brings in with `@import`, by name (`Button`, `baseline`…). */
function importedSheets(cssFile: string): string[] {
  const css = readFileSync(join(SRC, 'app', cssFile), 'utf8');
  return [...css.matchAll(/@import\s+['"]([^'"]+)['"]/gu)].map(([, path]) =>
    path!.startsWith('@mantine/core/styles/') ? basename(path!, '.css') : path!,
  );
}

interface Use {
  file: string;
  name: string;
  sheets: string[];
}

/** Every Mantine component the app renders, where, and the stylesheets it needs. */
function mantineUses(): Use[] {
  return sourceFiles(SRC).flatMap((path) => {
    const source = readFileSync(path, 'utf8');
    const file = relative(SRC, path);
    const uses = [
      ...namedImports(source, '@mantine/core').map((name) => ({ name, definition: coreExports.get(name) })),
      ...namedImports(source, '@mantine/notifications').map((name) => ({ name, definition: notificationsExports.get(name) })),
    ];
    return uses
      .filter(({ name }) => {
        // `Modal.extend({...})` in the theme sets defaults: it renders nothing.
        const mentions = source.match(new RegExp(String.raw`\b${name}\b(?!\s*[,}:])`, 'gu')) ?? [];
        const extendOnly = source.match(new RegExp(String.raw`\b${name}\.extend\(`, 'gu')) ?? [];
        return mentions.length > extendOnly.length;
      })
      .map(({ name, definition }) => {
        if (!definition) throw new Error(`${file}: ${name} is not exported by Mantine's ESM index`);
        return { file, name, sheets: [...sheetsOf(definition)] };
      });
  });
}

function isStaff(file: string): boolean {
  const [top, feature] = file.split(/[\\/]/u);
  return top === 'features' && STAFF_FEATURES.includes(feature!);
}

/** Mantine's own order of its stylesheets (that of `styles.css`): a component's comes after those it builds on. */
let allStyles: string | undefined;
function mantineOrder(sheet: string): number {
  const all = (allStyles ??= readFileSync(join(CORE, 'styles.css'), 'utf8'));
  if (sheet === NOTIFICATIONS_SHEET) return all.length;
  return all.indexOf(readFileSync(join(CORE, 'styles', `${sheet}.css`), 'utf8').slice(0, 300));
}

describe("Mantine's stylesheets, per component", () => {
  const uses = mantineUses();
  const baseSheets = importedSheets('mantine-public.css');
  const publicSheets = [...baseSheets, ...importedSheets('mantine-components.css')];
  const staffSheets = importedSheets('mantine-staff.css');

  it('finds the components the app uses', () => {
    const names = new Set(uses.map((use) => use.name));
    for (const name of ['Button', 'Modal', 'Select', 'Menu', 'Table', 'Notifications']) expect(names).toContain(name);
    expect(uses.find((use) => use.name === 'Select')?.sheets).toEqual(expect.arrayContaining(['Combobox', 'Input', 'Popover']));
    expect(uses.find((use) => use.name === 'Notifications')?.sheets).toEqual(expect.arrayContaining(['Notification', NOTIFICATIONS_SHEET]));
  });

  it('loads the stylesheet of every component with the page that uses it', () => {
    const missing = uses.flatMap(({ file, name, sheets }) => {
      const loaded = new Set(isStaff(file) ? [...publicSheets, ...staffSheets] : publicSheets);
      return sheets.filter((sheet) => !loaded.has(sheet)).map((sheet) => `${name} (${file}) needs ${sheet}`);
    });
    expect(missing, 'add them to mantine-components.css (sign-in, portal, header) or mantine-staff.css (back office, jury)').toEqual([]);
  });

  it('loads no stylesheet that no component of its pages needs', () => {
    const needed = (staff: boolean) => new Set(uses.filter((use) => isStaff(use.file) === staff).flatMap((use) => use.sheets));
    const publicNeeded = needed(false);
    const staffNeeded = needed(true);
    expect(baseSheets).toEqual(BASE);
    expect(publicSheets.slice(3).filter((sheet) => !publicNeeded.has(sheet))).toEqual([]);
    expect(staffSheets.filter((sheet) => !staffNeeded.has(sheet) || publicSheets.includes(sheet))).toEqual([]);
  });

  it("keeps Mantine's order, so a component's styles come after those it builds on", () => {
    for (const sheets of [publicSheets, staffSheets]) {
      const positions = sheets.map(mantineOrder);
      expect(positions.every((position) => position >= 0)).toBe(true);
      expect(sheets).toEqual([...sheets].sort((a, b) => mantineOrder(a) - mantineOrder(b)));
    }
  });

  it('loads the back office and jury stylesheet from the code of those screens', () => {
    const importers = sourceFiles(SRC).filter((path) => /import\(?\s*['"][./]*(app\/)?styles-staff['"]/u.test(readFileSync(path, 'utf8')));
    expect(importers.map((path) => relative(SRC, path))).not.toEqual([]);
  });
});
