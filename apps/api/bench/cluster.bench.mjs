// Autosave through the load balancer with two web replicas and with one (issue 17), side by side with
// its floor. The cluster of `npm run cluster` (scripts/cluster/topology.mjs: embedded PostgreSQL, s3rver,
// web replicas, a worker, haproxy) on a throw-away data folder with the demo data; `--clients` applicants
// (default 32), each signed in with a draft of the demo call, save their whole form again and again
// through haproxy, each waiting for its answer, with the version the last save returned. Rounds alternate:
// two replicas, the floor (the session read and the versioned jsonb UPDATE through node-postgres, as in
// autosave.bench.mjs), one replica (the second set to maintenance through haproxy's runtime API, so it
// stays warm), for `--runs` rounds of `--seconds` each after a warm-up; figures are medians. Each phase
// also reports how busy the machine's cores were (/proc/stat) and the CPU each save cost per process
// (API replicas, PostgreSQL, haproxy, this client). Then every draft's last acknowledged version and text
// is checked.
//   npm run bench:cluster -w @tahkim/api [-- --clients 32 --runs 5 --seconds 4]
// Last line: RESULT cluster two_rps=... one_rps=... scale=<two/one> floor_rps=... two_vs_floor=... errors=... lost=...
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startCluster } from '../scripts/cluster/topology.mjs';
import { autosaveClients, autosaveFloor, cpuMs, createApplicants, demoCallFacts, load, median, numberOption, ORIGIN, percentile, pg, round1, serverCpuMs } from './support.mjs';

const args = process.argv.slice(2);
const CLIENTS = numberOption(args, 'clients', 32);
const RUNS = numberOption(args, 'runs', 5);
const SECONDS = numberOption(args, 'seconds', 4);

/** Busy and total jiffies of all cores so far (/proc/stat). */
function machineTicks() {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = fields[3] + fields[4];
  const total = fields.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'tahkim-cluster-bench-'));
let cluster;
let sql;
let exitCode = 0;
try {
  cluster = await startCluster({ dataDir, persistent: false, appUrl: ORIGIN, env: { DEMO_DATA: 'true', LOG_LEVEL: 'warn' } });
  console.log(`cluster bench: started in ${(cluster.startedInMs / 1000).toFixed(1)} s; ${CLIENTS} clients, ${RUNS} rounds of ${SECONDS} s (two replicas, floor, one replica); load average ${load()}`);
  sql = new pg.Pool({ connectionString: cluster.databaseUrl, max: CLIENTS + 2 });
  sql.on('error', () => undefined);
  const setup = await sql.connect();
  const facts = await demoCallFacts(setup);
  const appDrafts = await createApplicants(setup, { callId: facts.callId, count: CLIENTS, answers: facts.answers, label: 'cluster-app' });
  const floorDrafts = await createApplicants(setup, { callId: facts.callId, count: CLIENTS, answers: facts.answers, label: 'cluster-floor' });
  await setup.query('ANALYZE');
  setup.release();

  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const clients = autosaveClients(agent, cluster.ports.balancer, appDrafts, facts.answers);
  const errors = clients.errors;
  const postmasterPid = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const cpu = () => ({
    api: cluster.web.reduce((sum, replica) => sum + cpuMs({ pid: replica.pid }), 0),
    pg: serverCpuMs(postmasterPid),
    haproxy: cpuMs({ pid: cluster.haproxy.pid }),
    client: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
    machine: machineTicks(),
  });
  const costs = (before, after, count) => ({
    busy: (after.machine.busy - before.machine.busy) / (after.machine.total - before.machine.total),
    perSave: Object.fromEntries(['api', 'pg', 'haproxy', 'client'].map((key) => [key, (after[key] - before[key]) / count])),
  });
  async function appPhase(seconds) {
    const before = cpu();
    const { rps, latencies } = await clients.phase(seconds);
    return { rps, latencies, ...costs(before, cpu(), latencies.length) };
  }

  const floorPhase = autosaveFloor(sql, floorDrafts, facts.answers);

  /** Waits until haproxy's rotation is `expected` (the replicas answering /api/health through it). */
  async function rotation(expected) {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const seen = new Set();
      for (let i = 0; i < 6; i++) {
        const res = await new Promise((resolve) => {
          http.get({ host: '127.0.0.1', port: cluster.ports.balancer, path: '/api/health', agent: false }, (r) => {
            r.resume();
            r.on('end', () => resolve(r.headers['x-served-by']));
          }).on('error', () => resolve(undefined));
        });
        seen.add(res);
      }
      if ([...seen].sort().join() === expected.join()) return;
      if (Date.now() > deadline) throw new Error(`haproxy's rotation is ${[...seen].join()}, expected ${expected.join()}`);
      await sleep(250);
    }
  }
  // The second replica leaves haproxy's rotation and comes back (its runtime API): it stays warm.
  const oneReplica = async () => {
    await cluster.haproxyCommand('set server web/web-2 state maint');
    await rotation(['web-1']);
  };
  const twoReplicas = async () => {
    await cluster.haproxyCommand('set server web/web-2 state ready');
    await rotation(['web-1', 'web-2']);
  };

  // Warm-up, not counted.
  await appPhase(SECONDS);
  await floorPhase(SECONDS);
  errors.length = 0;
  const two = [];
  const one = [];
  const floor = [];
  for (let run = 0; run < RUNS; run++) {
    await twoReplicas();
    two.push(await appPhase(SECONDS));
    floor.push(await floorPhase(SECONDS));
    await oneReplica();
    one.push(await appPhase(SECONDS));
    console.log(
      `  round ${run + 1}: two replicas ${round1(two[run].rps)} saves/s (p99 ${round1(percentile(two[run].latencies, 99))} ms), ` +
        `one replica ${round1(one[run].rps)} saves/s (p99 ${round1(percentile(one[run].latencies, 99))} ms), floor ${round1(floor[run].rps)} /s`,
    );
  }
  const twoRps = median(two.map((r) => r.rps));
  const oneRps = median(one.map((r) => r.rps));
  const floorRps = median(floor.map((r) => r.rps));
  console.log(`two web replicas behind haproxy: ${round1(twoRps)} saves/s, p99 ${round1(median(two.map((r) => percentile(r.latencies, 99))))} ms`);
  console.log(`one web replica behind haproxy: ${round1(oneRps)} saves/s, p99 ${round1(median(one.map((r) => percentile(r.latencies, 99))))} ms`);
  const describe = (phases) => {
    const per = (key) => median(phases.map((p) => p.perSave[key])).toFixed(2);
    return `cores busy ${Math.round(median(phases.map((p) => p.busy)) * 100)} %; CPU per save: API ${per('api')} ms, PostgreSQL ${per('pg')} ms, haproxy ${per('haproxy')} ms, client ${per('client')} ms`;
  };
  console.log(`  two replicas: ${describe(two)}`);
  console.log(`  one replica: ${describe(one)}`);
  console.log(`floor (node-postgres, ${CLIENTS} connections): ${round1(floorRps)} /s; ${errors.length} errors${errors.length ? `, e.g. ${errors[0]}` : ''}`);

  const lost = await clients.lost(sql);
  console.log(`drafts checked after the run: ${CLIENTS - lost} of ${CLIENTS} hold their last acknowledged version and text; load average ${load()}`);
  if (errors.length > 0 || lost > 0) exitCode = 1;
  console.log(
    `RESULT cluster two_rps=${round1(twoRps)} one_rps=${round1(oneRps)} scale=${(twoRps / oneRps).toFixed(3)} floor_rps=${round1(floorRps)} ` +
      `two_vs_floor=${(twoRps / floorRps).toFixed(3)} errors=${errors.length} lost=${lost}`,
  );
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await sql?.end().catch(() => undefined);
  await cluster?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
