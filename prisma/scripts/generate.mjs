// Runs `prisma generate` offline. The Prisma CLI refuses to start without its native schema
// engine, which its postinstall tries to download from a host that may be unreachable; generating
// the client does not use that engine, so any existing file satisfies the check.
//
// The client is regenerated only when the schema or Prisma's version changed (or with --force):
// rewriting it while tests read it (turbo runs typecheck and test side by side) breaks them.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(packageDir, 'package.json'));
const prismaPackage = require.resolve('prisma/package.json');
const cli = path.join(path.dirname(prismaPackage), 'build', 'index.js');
const output = path.join(packageDir, 'generated', 'client');
const stampFile = path.join(packageDir, 'generated', '.stamp');

const stamp = createHash('sha256')
  .update(readFileSync(path.join(packageDir, 'schema.prisma')))
  .update(JSON.parse(readFileSync(prismaPackage, 'utf8')).version)
  .update(readFileSync(fileURLToPath(import.meta.url)))
  .digest('hex');
const upToDate =
  !process.argv.includes('--force') &&
  existsSync(path.join(output, 'client.ts')) &&
  existsSync(stampFile) &&
  readFileSync(stampFile, 'utf8') === stamp;
if (upToDate) {
  console.log('Prisma client is up to date (generated/client)');
  process.exit(0);
}

const env = { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' };
const configured = env.PRISMA_SCHEMA_ENGINE_BINARY;
if (!configured || !existsSync(configured)) {
  // The CLI's own entry file: present wherever the CLI is; generate only checks that it exists.
  env.PRISMA_SCHEMA_ENGINE_BINARY = cli;
}

const result = spawnSync(process.execPath, [cli, 'generate', '--config', path.join(packageDir, 'prisma.config.ts')], {
  cwd: packageDir,
  env,
  stdio: 'inherit',
});
if (result.error) throw result.error;
if (result.status === 0) writeFileSync(stampFile, stamp);
process.exit(result.status ?? 1);
