import { pathToFileURL } from 'node:url';

/**
 * `import()` that no transpiler rewrites: when a consumer's Jest transform (swc, babel) compiles
 * this package's CommonJS output again, it turns `import()` into `require()`, which cannot load
 * an ES module.
 */
const importFromString = new Function('url', 'return import(url)') as (url: string) => Promise<unknown>;

/**
 * Loads an ESM-only package from this CommonJS package. TypeScript (module nodenext) keeps the
 * `import()` as is. The specifier is resolved from this package first, so the fallback does not
 * depend on the working directory. Inside Jest, ES modules load only when Jest runs with
 * --experimental-vm-modules (or from a globalSetup file): say so instead of Jest's cryptic error.
 */
export async function importEsm<T>(specifier: string): Promise<T> {
  const url = pathToFileURL(require.resolve(specifier)).href;
  try {
    try {
      return (await import(url)) as T;
    } catch (error) {
      if (errorCode(error) !== 'ERR_REQUIRE_ESM') throw error;
      return (await importFromString(url)) as T;
    }
  } catch (error) {
    if (errorCode(error).startsWith('ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING')) {
      throw new Error(
        `@tahkim/db: cannot load the ES module "${specifier}" inside Jest: run Jest with ` +
          'NODE_OPTIONS=--experimental-vm-modules, or call this from a globalSetup file',
        { cause: error },
      );
    }
    throw error;
  }
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}
