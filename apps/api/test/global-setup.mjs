// One throw-away PostgreSQL for the whole run (removed on teardown), unless DATABASE_URL names one.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import db from '@tahkim/db';

export default async function globalSetup() {
  if (process.env.DATABASE_URL) {
    await db.applyMigrations(process.env.DATABASE_URL);
    return;
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tahkim-test-db-'));
  const started = await db.startEmbeddedPostgres({ dataDir, persistent: false });
  await db.applyMigrations(started.url);
  globalThis.__TAHKIM_DB__ = started;
  process.env.DATABASE_URL = started.url;
  process.env.TAHKIM_TEST_EMBEDDED = '1';
}
