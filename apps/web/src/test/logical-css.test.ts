import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(css|tsx)$/u.test(name) && !name.endsWith('.test.tsx') ? [path] : [];
  });
}

/** Physical directions would not mirror in Arabic: only logical properties (inline-start/end) are used. */
const PHYSICAL = [
  /(margin|padding|border)-(left|right)\b/u,
  /(^|[\s{;])(left|right)\s*:/mu,
  /text-align:\s*(left|right)/u,
  /\b(ml|mr|pl|pr)=\{/u,
  /\bta="(left|right)"/u,
  /(marginLeft|marginRight|paddingLeft|paddingRight)\b/u,
];

describe('layout mirrors in right-to-left', () => {
  it('uses no physical left/right in styles or style props', () => {
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of PHYSICAL) expect(text, `${file} matches ${pattern}`).not.toMatch(pattern);
    }
  });
});
