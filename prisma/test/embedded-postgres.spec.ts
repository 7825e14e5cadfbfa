import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../src/embedded-postgres';
import { postgresProcessesOn, REGISTER_TS, reportTimings, stopPostgresOn, tempDir, time, timings } from './support/helpers';

const HOLDER = path.join(__dirname, 'support', 'hold-embedded-postgres.ts');

async function query<T>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Running, not a zombie: a killed parent's children are re-parented to PID 1, which may never reap them. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !['Z', 'X'].includes(stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3));
  } catch {
    return false;
  }
}

/** Starts the embedded PostgreSQL in a separate Node process and waits for its URL. */
function holdInChild(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['-r', REGISTER_TS, HOLDER, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((candidate) => candidate.startsWith('{'));
      if (line) resolve({ child, url: (JSON.parse(line) as { url: string }).url });
    });
    child.on('exit', (code) => reject(new Error(`holder exited with ${code}: ${stderr}`)));
  });
}

async function postmasterPid(dataDir: string): Promise<number> {
  return Number((await readFile(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8')).split('\n')[0]);
}

const started: EmbeddedPostgres[] = [];
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const server of started.splice(0)) await server.stop();
});

afterAll(async () => {
  reportTimings('embedded-postgres.spec timings');
  const leftovers: number[] = [];
  for (const dir of dirs) {
    // Servers left by killed children are stopped by the next start in each test; none may remain.
    leftovers.push(...(await stopPostgresOn(dir)));
    await rm(dir, { recursive: true, force: true });
  }
  expect(leftovers).toEqual([]);
});

describe('startEmbeddedPostgres', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await tempDir('persistent');
    dirs.push(dataDir);
  });

  it('creates a cluster, keeps its data across restarts, and stops idempotently', async () => {
    const fresh = await time(() => startEmbeddedPostgres({ dataDir, persistent: true }));
    timings['startEmbeddedPostgres (fresh data dir)'] = fresh.ms;
    const first = fresh.result;
    expect(first.url).toMatch(/^postgresql:\/\/postgres:[0-9a-f]+@127\.0\.0\.1:\d+\/tahkim$/);
    await query(first.url, 'CREATE TABLE kept (note text)');
    await query(first.url, "INSERT INTO kept VALUES ('مرحبا, été')");
    const [settings] = await query<{ encoding: string; lower: string }>(
      first.url,
      "SELECT pg_encoding_to_char(encoding) AS encoding, lower('ÉTÉ') AS lower FROM pg_database WHERE datname = current_database()",
    );
    expect(settings).toEqual({ encoding: 'UTF8', lower: 'été' });
    const stopped = await time(async () => {
      await first.stop();
      await first.stop();
    });
    timings['stop (persistent)'] = stopped.ms;
    expect(postgresProcessesOn(dataDir)).toEqual([]);

    const existing = await time(() => startEmbeddedPostgres({ dataDir, persistent: true }));
    timings['startEmbeddedPostgres (existing data dir)'] = existing.ms;
    started.push(existing.result);
    expect(await query(existing.result.url, 'SELECT note FROM kept')).toEqual([{ note: 'مرحبا, été' }]);
  });

  it('stops a server whose parent process was killed with SIGKILL, then starts', async () => {
    const { child, url } = await holdInChild(dataDir);
    children.push(child);
    const orphan = await postmasterPid(dataDir);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(alive(orphan)).toBe(true); // PostgreSQL outlives its killed parent...

    const lines: string[] = [];
    const recovered = await time(() => startEmbeddedPostgres({ dataDir, persistent: true, onLog: (line) => lines.push(line) }));
    timings['startEmbeddedPostgres (after a SIGKILLed parent)'] = recovered.ms;
    started.push(recovered.result);
    expect(alive(orphan)).toBe(false); // ...until the next start stops it
    expect(lines.join('\n')).toMatch(/left running .* which died/);
    expect(recovered.result.url).not.toBe(url);
    expect(await query(recovered.result.url, 'SELECT note FROM kept')).toEqual([{ note: 'مرحبا, été' }]);
  });

  it('removes a stale postmaster.pid whose process is dead', async () => {
    // What a server killed together with its parent (kill -9 on the group) leaves behind.
    const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
    const dead = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => dead.once('exit', resolve));
    await writeFile(pidFile, `${dead.pid}\n${path.join(dataDir, 'postgres')}\n1700000000\n5432\n\n127.0.0.1\n`);

    const server = await startEmbeddedPostgres({ dataDir, persistent: true });
    started.push(server);
    expect(await query(server.url, 'SELECT note FROM kept')).toEqual([{ note: 'مرحبا, été' }]);
  });

  it('refuses to take over a server that a live process is using', async () => {
    const { child, url } = await holdInChild(dataDir);
    children.push(child);
    await expect(startEmbeddedPostgres({ dataDir, persistent: true })).rejects.toThrow(/in use by process \d+/);
    // The holder's server was left alone.
    expect(await query(url, 'SELECT count(*)::int AS n FROM kept')).toEqual([{ n: 1 }]);
    // A graceful exit of the holder stops its server (embedded-postgres's exit hook).
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    for (let i = 0; i < 100 && postgresProcessesOn(dataDir).length > 0; i += 1) await new Promise((r) => setTimeout(r, 50));
    expect(postgresProcessesOn(dataDir)).toEqual([]);
  });

  it('deletes the data of a throw-away cluster on stop', async () => {
    const throwAway = await tempDir('throw-away');
    dirs.push(throwAway);
    const server = await startEmbeddedPostgres({ dataDir: throwAway, persistent: false });
    expect(existsSync(path.join(throwAway, 'postgres', 'PG_VERSION'))).toBe(true);
    await server.stop();
    expect(existsSync(path.join(throwAway, 'postgres'))).toBe(false);
    expect(postgresProcessesOn(throwAway)).toEqual([]);
  });
});
