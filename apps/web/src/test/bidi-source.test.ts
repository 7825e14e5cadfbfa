import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.tsx') && !name.endsWith('.test.tsx') ? [path] : [];
  });
}

/**
 * A person's name shown as a child of an element, `{x.displayName}`, not inside `<bdi>`: an Arabic
 * name in a French table (or the reverse) would take the page's direction and drag its neighbours
 * (a comma, a number) to the wrong side. Attributes (`label={...}`) and translated sentences
 * (`t('…', { name: isolate(...) })`) are not matched.
 */
const BARE_NAME = /(?<![\w=(,:])\{\s*[\w.?!]*displayName\s*\}/gu;

describe('people’s names are isolated from the page direction', () => {
  it('renders every displayName inside <bdi> (or UserInline)', () => {
    const bare: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(BARE_NAME)) {
        const before = text.slice(Math.max(0, (match.index ?? 0) - 40), match.index);
        if (/<(bdi|UserInline)\b[^>]*>\s*$/u.test(before)) continue;
        const line = text.slice(0, match.index).split('\n').length;
        bare.push(`${relative(SRC, file)}:${line} ${match[0]}`);
      }
    }
    expect(bare).toEqual([]);
  });

  it('catches a bare name (the rule itself)', () => {
    const sample = '<Text>{user.displayName}</Text> <Table.Td><bdi>{juror.displayName}</bdi></Table.Td> label={juror.displayName}';
    expect([...sample.matchAll(BARE_NAME)].map((match) => match.index)).toHaveLength(2);
  });
});
