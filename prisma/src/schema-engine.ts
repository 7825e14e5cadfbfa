import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
} from '@prisma/driver-adapter-utils';
import type * as Wasm from '@prisma/schema-engine-wasm/schema_engine_bg' with { 'resolution-mode': 'import' };
import { importEsm } from './esm';

/**
 * Prisma's schema engine compiled to WebAssembly: the migration commands (diff, apply) without the
 * native binary that `prisma migrate` downloads. It talks to PostgreSQL through a driver adapter.
 */
export type SchemaEngine = Wasm.SchemaEngine;
export type { ApplyMigrationsOutput, DiffParams, MigrationList } from '@prisma/schema-engine-wasm/schema_engine_bg' with { 'resolution-mode': 'import' };

/** The part of the WebAssembly API used here (lib "dom" is not loaded in this package). */
declare const WebAssembly: {
  instantiate(bytes: Uint8Array, imports: Record<string, unknown>): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

let wasmModule: Promise<typeof Wasm> | undefined;

/** Instantiates the wasm module once per process (its bindings keep module-level state). */
function loadWasm(): Promise<typeof Wasm> {
  wasmModule ??= (async () => {
    const specifier = '@prisma/schema-engine-wasm/schema_engine_bg';
    const bindings = await importEsm<typeof Wasm>(specifier);
    const wasmFile = path.join(path.dirname(require.resolve(specifier)), 'schema_engine_bg.wasm');
    // The engine arms 10 s timers (setTimeout) that it never clears; unref them so that they do not
    // keep the process alive after the work is done.
    const imports: Record<string, unknown> = { ...bindings };
    for (const name of Object.keys(bindings)) {
      if (name.startsWith('__wbg_setTimeout_')) {
        imports[name] = (callback: () => void, ms: number) => setTimeout(callback, ms >>> 0).unref();
      }
    }
    const { instance } = await WebAssembly.instantiate(await readFile(wasmFile), { './schema_engine_bg.js': imports });
    bindings.__wbg_set_wasm(instance.exports as never);
    (instance.exports.__wbindgen_start as () => void)();
    return bindings;
  })().catch((error: unknown) => {
    wasmModule = undefined;
    throw error;
  });
  return wasmModule;
}

export interface SchemaEngineOptions {
  /** The PostgreSQL to work on, or 'offline' for commands that only compare schemas (diff). */
  database: { url: string } | 'offline';
  /** Prisma schema files the engine starts with: [path, content]. */
  datamodels?: [string, string][];
  /** The engine's log lines (JSON). */
  onLog?: (line: string) => void;
}

/**
 * Runs `work` with a schema engine, then frees it and closes every connection it opened, so the
 * process is not kept alive by an idle pool.
 */
export async function withSchemaEngine<T>(options: SchemaEngineOptions, work: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const wasm = await loadWasm();
  const adapters = options.database === 'offline' ? offlineAdapterFactory() : pgAdapterFactory(options.database.url);
  let engine: SchemaEngine | undefined;
  try {
    engine = await wasm.SchemaEngine.new(
      { datamodels: options.datamodels },
      (line: string) => options.onLog?.(line),
      bindMigrationAwareSqlAdapterFactory(adapters.factory),
    );
    return await work(engine);
  } finally {
    engine?.free();
    await adapters.dispose();
  }
}

interface TrackedFactory {
  factory: SqlMigrationAwareDriverAdapterFactory;
  dispose(): Promise<void>;
}

/**
 * @prisma/adapter-pg with two changes for migrations:
 * - executeScript sends the whole script as one simple query, as Prisma's native engine does:
 *   the adapter's own version splits on ";", which breaks PL/pgSQL bodies ($$ ... ; ... $$) and
 *   applies a failing migration half-way; a multi-statement simple query runs in one implicit
 *   transaction, so a migration applies entirely or not at all.
 * - every pool it opens is remembered and closed by dispose().
 */
function pgAdapterFactory(connectionString: string): TrackedFactory {
  const pg = new PrismaPg({ connectionString });
  const opened: SqlDriverAdapter[] = [];
  const track = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const onError = (adapter as unknown as { onError?: (error: unknown) => never }).onError?.bind(adapter);
    const driver = (adapter as unknown as { underlyingDriver(): { query(sql: string): Promise<unknown> } }).underlyingDriver();
    adapter.executeScript = async (script: string) => {
      try {
        await driver.query(script);
      } catch (error) {
        if (onError) onError(error);
        throw error;
      }
    };
    opened.push(adapter);
    return adapter;
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: pg.provider,
    adapterName: pg.adapterName,
    connect: async () => track((await pg.connect()) as unknown as SqlDriverAdapter),
    connectToShadowDb: async () => track((await pg.connectToShadowDb()) as unknown as SqlDriverAdapter),
  };
  return {
    factory,
    dispose: async () => {
      await Promise.allSettled(opened.splice(0).map((adapter) => adapter.dispose()));
    },
  };
}

/**
 * For comparing two schema files no database is needed, but the engine asks the server's version
 * when it starts: answer that one question (as PostgreSQL 15, the oldest version Tahkim supports)
 * and refuse anything else.
 */
function offlineAdapterFactory(): TrackedFactory {
  const refuse = (what: string) => Promise.reject(new Error(`No database in offline mode (${what})`));
  const adapter: SqlDriverAdapter = {
    provider: 'postgres',
    adapterName: '@tahkim/db-offline',
    queryRaw: async (query: SqlQuery) => {
      if (/version\(\)/.test(query.sql) && /pg_namespace/.test(query.sql)) {
        return {
          columnNames: ['exists', 'version', 'numeric_version'],
          columnTypes: [5, 7, 0], // Boolean, Text, Int32
          rows: [[true, 'PostgreSQL 15.0 (offline schema diff)', 150000]],
        };
      }
      return refuse(query.sql.trim().slice(0, 80));
    },
    executeRaw: (query: SqlQuery) => refuse(query.sql.trim().slice(0, 80)),
    executeScript: () => refuse('executeScript'),
    startTransaction: () => refuse('startTransaction'),
    dispose: async () => {},
  };
  return {
    factory: {
      provider: 'postgres',
      adapterName: '@tahkim/db-offline',
      connect: async () => adapter,
      connectToShadowDb: async () => adapter,
    },
    dispose: async () => {},
  };
}
