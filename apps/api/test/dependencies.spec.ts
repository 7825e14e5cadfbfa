import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const script = path.join(root, 'scripts/check-advisories.mjs');

describe('dependencies with published advisories', () => {
  it('resolves no package inside a range listed in security/advisories.json', () => {
    const out = execFileSync(process.execPath, [script], { encoding: 'utf8' });
    expect(out).toMatch(/No installed package in an advisory range/);
  });

  it('fails on a lockfile that resolves an affected version, nested copies included', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tahkim-lock-'));
    const lock = path.join(dir, 'package-lock.json');
    writeFileSync(
      lock,
      JSON.stringify({
        packages: {
          '': { name: 'x' },
          'node_modules/fastify': { version: '5.12.8' },
          'node_modules/exceljs/node_modules/uuid': { version: '8.3.2' },
          'node_modules/@scope/thing/node_modules/nodemailer': { version: '9.1.0' },
        },
      }),
    );
    const run = spawnSync(process.execPath, [script, lock], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('uuid@8.3.2 (node_modules/exceljs/node_modules/uuid)');
    expect(run.stderr).toContain('nodemailer@9.1.0');
    expect(run.stderr).not.toContain('fastify@');
  });
});
