import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../src/embedded-postgres';
import { createMigration, EmptyMigrationError, migrationSlug, SNAPSHOT_FILE } from '../src/migrations';
import { MIGRATIONS_DIR, PACKAGE_DIR, SCHEMA_PATH } from '../src/paths';
import { reportTimings, runTs, stopPostgresOn, tempDir, timings } from './support/helpers';

const CREATE_MIGRATION_CLI = path.join(PACKAGE_DIR, 'src', 'cli', 'create-migration.ts');
const MIGRATE_CLI = path.join(PACKAGE_DIR, 'src', 'cli', 'migrate.ts');

/** A copy of the migrations folder's bookkeeping (lockfile, snapshot, no migration bodies needed). */
async function copyOfMigrationsDir(): Promise<string> {
  const dir = await tempDir('migrations');
  for (const file of ['migration_lock.toml', SNAPSHOT_FILE]) await copyFile(path.join(MIGRATIONS_DIR, file), path.join(dir, file));
  const [first] = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((entry) => entry.isDirectory());
  await mkdir(path.join(dir, first!.name));
  await copyFile(path.join(MIGRATIONS_DIR, first!.name, 'migration.sql'), path.join(dir, first!.name, 'migration.sql'));
  return dir;
}

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  reportTimings('migrations-cli.spec timings');
});

describe('createMigration', () => {
  it('refuses when schema.prisma has no change since the last migration (the committed state)', async () => {
    const dir = await copyOfMigrationsDir();
    dirs.push(dir);
    const before = await readdir(dir);
    await expect(createMigration('nothing', { migrationsDir: dir })).rejects.toBeInstanceOf(EmptyMigrationError);
    await expect(createMigration('nothing', { migrationsDir: dir })).rejects.toThrow(/No schema change/);
    expect(await readdir(dir)).toEqual(before);
  });

  it('writes the difference from the snapshot, then updates the snapshot', async () => {
    const dir = await copyOfMigrationsDir();
    dirs.push(dir);
    const schemaPath = path.join(dir, 'schema.prisma');
    const schema = await readFile(SCHEMA_PATH, 'utf8');
    const changed = schema.replace(/^model Ballot \{\n/m, 'model Ballot {\n  tieBreakNote String?\n');
    expect(changed).not.toBe(schema);
    await writeFile(schemaPath, changed);

    const created = await createMigration('Add tie-break note', {
      migrationsDir: dir,
      schemaPath,
      now: new Date(Date.UTC(2031, 0, 2, 3, 4, 5)),
    });
    expect(created.name).toBe('20310102030405_add_tie_break_note');
    expect(await readFile(path.join(dir, created.name, 'migration.sql'), 'utf8')).toBe(created.sql);
    expect(created.sql).toMatch(/ALTER TABLE "Ballot" ADD COLUMN\s+"tieBreakNote" TEXT/);
    expect(await readFile(path.join(dir, SNAPSHOT_FILE), 'utf8')).toBe(changed);
    await expect(createMigration('again', { migrationsDir: dir, schemaPath })).rejects.toBeInstanceOf(EmptyMigrationError);
  });

  it('starts from an empty database when there is no migration yet', async () => {
    const dir = await tempDir('first-migration');
    dirs.push(dir);
    const created = await createMigration('init', { migrationsDir: dir, now: new Date(Date.UTC(2030, 0, 1)) });
    // From nothing, the whole of schema.prisma: every model becomes a table.
    const models = [...(await readFile(SCHEMA_PATH, 'utf8')).matchAll(/^model (\w+) \{/gm)].map((match) => match[1]!);
    expect(models.length).toBeGreaterThan(10);
    for (const model of models) expect(created.sql).toContain(`CREATE TABLE "${model}"`);
    // The committed init migration is generated SQL of the same kind, followed by the hand-written rules.
    const committed = (await readdir(MIGRATIONS_DIR)).filter((name) => /^\d{14}_/.test(name)).sort()[0]!;
    const committedSql = await readFile(path.join(MIGRATIONS_DIR, committed, 'migration.sql'), 'utf8');
    const firstStatement = created.sql.slice(0, created.sql.indexOf(';') + 1);
    expect(committedSql.startsWith(firstStatement)).toBe(true);
    expect(committedSql).toMatch(/Hand-written/);
    expect(await readFile(path.join(dir, 'migration_lock.toml'), 'utf8')).toMatch(/provider = "postgresql"/);
  });

  it('names migrations as prisma migrate dev does', () => {
    expect(migrationSlug(' Add Ballot comments ')).toBe('add_ballot_comments');
    expect(() => migrationSlug('  ')).toThrow(/Give the migration a name/);
  });
});

describe('command line', () => {
  let dataDir: string;
  let server: EmbeddedPostgres;
  beforeAll(async () => {
    dataDir = await tempDir('cli');
    dirs.push(dataDir);
    server = await startEmbeddedPostgres({ dataDir, persistent: false });
  });
  afterAll(async () => {
    await server?.stop();
    expect(await stopPostgresOn(dataDir)).toEqual([]);
  });

  it('db:migration refuses an unchanged schema with a clear message and exit code 1', async () => {
    // The command writes into the real migrations folder when there is a change: check on a copy first.
    const copy = await copyOfMigrationsDir();
    dirs.push(copy);
    const pending = await createMigration('probe', { migrationsDir: copy }).then(
      () => true,
      (error: unknown) => !(error instanceof EmptyMigrationError),
    );
    if (pending) throw new Error('schema.prisma changed without a migration: run npm run db:migration -- <name>');
    const result = await runTs(CREATE_MIGRATION_CLI, ['nothing_changed']);
    expect(result.stderr).toMatch(/No schema change: schema\.prisma matches the last migration/);
    expect(result.code).toBe(1);
    const usage = await runTs(CREATE_MIGRATION_CLI, []);
    expect(usage.stderr).toMatch(/Usage: npm run db:migration -- <name>/);
    expect(usage.code).toBe(2);
  });

  it('db:migrate applies to DATABASE_URL, then finds nothing to do, and exits promptly', async () => {
    const env = { ...process.env, DATABASE_URL: server.url };
    const first = await runTs(MIGRATE_CLI, [], env);
    expect(first.stderr).toBe('');
    expect(first.stdout).toMatch(/Applied \d+ migration\(s\)/);
    expect(first.code).toBe(0);
    const second = await runTs(MIGRATE_CLI, [], env);
    expect(second.stdout).toMatch(/No pending migration/);
    expect(second.code).toBe(0);
    timings['db:migrate process, up to date (node + swc + wasm)'] = second.ms;
    expect(second.ms).toBeLessThan(8_000);
  });

  it('two replicas starting at the same moment on an empty database apply the migrations once', async () => {
    // A database of its own in the same server, empty: two processes migrate it together, as two API
    // replicas started by one deploy would. The advisory lock makes the second wait, then find nothing to do.
    const admin = new Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE "replicas"');
    const url = new URL(server.url);
    url.pathname = '/replicas';
    const env = { ...process.env, DATABASE_URL: url.toString() };
    const [one, two] = await Promise.all([runTs(MIGRATE_CLI, [], env), runTs(MIGRATE_CLI, [], env)]);
    expect([one.code, two.code]).toEqual([0, 0]);
    expect([one.stderr, two.stderr]).toEqual(['', '']);
    const outputs = [one.stdout, two.stdout];
    expect(outputs.filter((output) => /Applied \d+ migration\(s\)/.test(output))).toHaveLength(1);
    expect(outputs.filter((output) => /No pending migration/.test(output))).toHaveLength(1);
    const migrations = new Client({ connectionString: url.toString() });
    await migrations.connect();
    const { rows } = await migrations.query<{ migration_name: string; n: number }>(
      'SELECT migration_name, count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL GROUP BY migration_name ORDER BY migration_name',
    );
    await migrations.end();
    await admin.end();
    const expected = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
    expect(rows.map((row) => row.migration_name)).toEqual(expected);
    expect(rows.every((row) => row.n === 1)).toBe(true);
  });

  it('db:migrate starts and stops the embedded PostgreSQL under DATA_DIR when DATABASE_URL is unset', async () => {
    const own = await tempDir('cli-embedded');
    dirs.push(own);
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: own };
    delete env.DATABASE_URL;
    const result = await runTs(MIGRATE_CLI, [], env);
    expect(result.stdout).toMatch(/Embedded PostgreSQL started/);
    expect(result.stdout).toMatch(/Applied \d+ migration\(s\)/);
    expect(result.code).toBe(0);
    expect(await stopPostgresOn(own)).toEqual([]);
    timings['db:migrate process, fresh embedded cluster'] = result.ms;
  });
});
