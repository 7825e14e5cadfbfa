/**
 * `npm run db:migrate`: applies the pending migrations to DATABASE_URL or, when it is unset, to
 * the embedded PostgreSQL under DATA_DIR (default <repository>/.data), which it starts and stops.
 */
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../embedded-postgres';
import { applyMigrations } from '../migrations';
import { resolveDataDir } from '../paths';
import { runCli } from './run';

runCli(async () => {
  let embedded: EmbeddedPostgres | undefined;
  let url = process.env.DATABASE_URL;
  if (!url) {
    const dataDir = resolveDataDir();
    embedded = await startEmbeddedPostgres({ dataDir, persistent: true });
    console.log(`Embedded PostgreSQL started (data in ${dataDir}/postgres)`);
    url = embedded.url;
  } else {
    console.log(`Database: ${redact(url)}`);
  }
  try {
    const started = Date.now();
    const applied = await applyMigrations(url);
    const took = `${Date.now() - started} ms`;
    if (applied.length === 0) console.log(`No pending migration: the database is up to date (${took})`);
    else console.log(`Applied ${applied.length} migration(s) in ${took}:\n${applied.map((name) => `  ${name}`).join('\n')}`);
  } finally {
    await embedded?.stop();
  }
  return 0;
});

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}
