import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const webDir = path.resolve(__dirname, '..', '..');
/** openapi-typescript sits next to the web app or at the workspace root, depending on npm's layout. */
const cli = [path.join(webDir, 'node_modules/.bin/openapi-typescript'), path.join(webDir, '../../node_modules/.bin/openapi-typescript')].find((file) => existsSync(file))!;

describe('generated API types', () => {
  it('match the committed OpenAPI document (run `npm run openapi` after an API change)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tahkim-api-types-'));
    try {
      const out = path.join(dir, 'api-types.ts');
      execFileSync(cli, ['../api/openapi.json', '-o', out], {
        cwd: webDir,
        stdio: 'pipe',
      });
      expect(readFileSync(path.join(webDir, 'src/lib/api-types.ts'), 'utf8')).toBe(readFileSync(out, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30000);
});
