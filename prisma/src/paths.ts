import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The package folder (prisma/), found from this file whether it runs from src/ (tests) or
 * dist/src/ (the built package), so that paths never depend on the working directory.
 */
function findPackageDir(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@tahkim/db') {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`@tahkim/db: cannot find the package folder above ${__dirname}`);
    dir = parent;
  }
}

export const PACKAGE_DIR = findPackageDir();
export const SCHEMA_PATH = path.join(PACKAGE_DIR, 'schema.prisma');
export const MIGRATIONS_DIR = path.join(PACKAGE_DIR, 'migrations');
/** The repository root: `DATA_DIR` defaults to `<root>/.data`. */
export const REPOSITORY_ROOT = path.dirname(PACKAGE_DIR);

/** Resolves DATA_DIR like the API does: relative paths are taken from the repository root. */
export function resolveDataDir(dataDir: string | undefined = process.env.DATA_DIR): string {
  return path.resolve(REPOSITORY_ROOT, dataDir && dataDir.length > 0 ? dataDir : '.data');
}
