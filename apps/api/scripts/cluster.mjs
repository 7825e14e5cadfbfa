// `npm run cluster`: the production shape on this machine (see scripts/cluster/topology.mjs and the
// README's "Running at scale"): PostgreSQL, an S3 store, two web replicas, a worker, haproxy in front.
// Ctrl-C stops everything it started.
//   PORT        the balancer's port (default 3000)
//   DATA_DIR    where the database and the files live (default .data/cluster)
//   DEMO_DATA   load the demo data into an empty database (default true)
//   ADMIN_EMAIL, ADMIN_PASSWORD, SMTP_URL, LOG_LEVEL (default warn)   passed to the API processes
import path from 'node:path';
import { ClusterError, REPOSITORY_ROOT, ensureHaproxy, startCluster } from './cluster/topology.mjs';

const say = (line) => process.stdout.write(`${line}\n`);

ensureHaproxy((line) => say(line));
const port = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(REPOSITORY_ROOT, process.env.DATA_DIR ?? '.data/cluster');
const starting = startCluster({
  port,
  dataDir,
  env: {
    DEMO_DATA: process.env.DEMO_DATA ?? 'true',
    ADMIN_EMAIL: process.env.ADMIN_EMAIL,
    ADMIN_PASSWORD: process.env.ADMIN_PASSWORD,
    SMTP_URL: process.env.SMTP_URL,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  },
  log: (name, line) => {
    if (name !== 'postgres') say(`[${name}] ${line}`);
  },
});
let stopping = false;
const stop = async (code) => {
  if (stopping) return;
  stopping = true;
  say('\nStopping the cluster...');
  // Ctrl-C during the start: what started is stopped once the start ends (a failed start stops itself).
  const cluster = await starting.catch(() => undefined);
  await cluster?.stop();
  say('Stopped');
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

let cluster;
try {
  cluster = await starting;
} catch (error) {
  process.stderr.write(`${error instanceof ClusterError ? error.message : error?.stack ?? error}\n`);
  process.exit(1);
}
if (!stopping) {
  const { ports } = cluster;
  say('');
  say(`Tahkim cluster ready in ${(cluster.startedInMs / 1000).toFixed(1)} s: ${cluster.appUrl}`);
  say(`  haproxy :${ports.balancer} (round-robin, health checks on /api/health)`);
  cluster.web.forEach((replica, i) => say(`  web-${i + 1} :${ports.web[i]} (pid ${replica.pid}, PROCESS_ROLE=web)`));
  say(`  worker (pid ${cluster.worker.pid}, PROCESS_ROLE=worker: emails, reminders)`);
  say(`  PostgreSQL :${ports.database} (embedded, data in ${dataDir})`);
  say(`  S3 store (s3rver) :${ports.s3}, bucket ${cluster.s3.bucket}, files in ${cluster.s3.directory}`);
  say('Ctrl-C stops everything.');
}
