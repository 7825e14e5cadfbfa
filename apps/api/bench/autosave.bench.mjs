// Autosave under load, side by side with its floor (issue 14). On a throw-away embedded PostgreSQL with
// the demo data, the compiled API runs as a process of its own; `--clients` applicants (default 32),
// each signed in with a draft of the demo call, save their whole form again and again, each waiting for
// its answer (the web app saves one request at a time), with the version the last save returned.
// The floor is the same work as the database sees it at its simplest: the session read by its token's
// hash and the versioned jsonb UPDATE ... RETURNING, sent straight through node-postgres by as many
// clients on their own drafts; and by pgbench too when the machine has it (reported, not in the ratio).
// Phases alternate (app, floor) for `--runs` rounds of `--seconds` each after one warm-up round: the
// figures are medians over the rounds. Then every draft's last acknowledged version and text is checked.
//   npm run bench:autosave -w @tahkim/api [-- --clients 32 --runs 10 --seconds 3]
// Last line: RESULT autosave app_rps=... floor_rps=... ratio=<app/floor> p99_ms=... errors=... lost=...
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  autosaveAnswers, autosaveClients, autosaveFloor, cpuMs, createApplicants, serverCpuMs, demoCallFacts, load, median, numberOption, percentile, pg, round1, startApi, startDatabase,
} from './support.mjs';

const args = process.argv.slice(2);
const CLIENTS = numberOption(args, 'clients', 32);
const RUNS = numberOption(args, 'runs', 10);
const SECONDS = numberOption(args, 'seconds', 3);

const database = await startDatabase();
let api;
let exitCode = 0;
const sql = new pg.Pool({ connectionString: database.url, max: CLIENTS + 2 });
sql.on('error', () => undefined); // idle connections ended when the database stops
try {
  const setup = await sql.connect();
  const facts = await demoCallFacts(setup);
  const appDrafts = await createApplicants(setup, { callId: facts.callId, count: CLIENTS, answers: facts.answers, label: 'autosave-app' });
  const floorDrafts = await createApplicants(setup, { callId: facts.callId, count: CLIENTS, answers: facts.answers, label: 'autosave-floor' });
  await setup.query('ANALYZE');
  setup.release();
  api = await startApi(database.url);
  console.log(`autosave bench: ${CLIENTS} clients, ${RUNS} rounds of ${SECONDS} s (app, then floor) after one warm-up round; load average ${load()}`);
  console.log(`payload: ${JSON.stringify(autosaveAnswers(facts.answers, 0, 0)).length} bytes of answers`);

  // ---- the app: PATCH /api/applications/{id} ----------------------------------------------------------
  const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
  const clients = autosaveClients(agent, api.port, appDrafts, facts.answers);
  const errors = clients.errors;
  async function appPhase(seconds) {
    const before = { api: cpuMs({ pid: api.pid }), pg: database.postmasterPid ? serverCpuMs(database.postmasterPid) : NaN };
    const { rps, latencies } = await clients.phase(seconds);
    const cpu = { api: cpuMs({ pid: api.pid }) - before.api, pg: database.postmasterPid ? serverCpuMs(database.postmasterPid) - before.pg : NaN };
    return { rps, latencies, cpuPerRequest: { api: cpu.api / latencies.length, pg: cpu.pg / latencies.length } };
  }

  // ---- the floor: the same two statements through node-postgres ----------------------------------------
  const floorSaves = autosaveFloor(sql, floorDrafts, facts.answers);
  async function floorPhase(seconds) {
    const before = { client: process.cpuUsage(), pg: database.postmasterPid ? serverCpuMs(database.postmasterPid) : NaN };
    const { rps, latencies } = await floorSaves(seconds);
    const client = process.cpuUsage(before.client);
    const pgMs = database.postmasterPid ? serverCpuMs(database.postmasterPid) - before.pg : NaN;
    return { rps, latencies, cpuPerRequest: { client: (client.user + client.system) / 1000 / latencies.length, pg: pgMs / latencies.length } };
  }

  await appPhase(SECONDS);
  await floorPhase(SECONDS);
  errors.length = 0;
  const app = [];
  const floor = [];
  for (let run = 0; run < RUNS; run++) {
    app.push(await appPhase(SECONDS));
    floor.push(await floorPhase(SECONDS));
    console.log(
      `  round ${run + 1}: app ${round1(app[run].rps)} req/s (p50 ${round1(percentile(app[run].latencies, 50))} ms, p99 ${round1(percentile(app[run].latencies, 99))} ms), ` +
        `floor ${round1(floor[run].rps)} /s (p99 ${round1(percentile(floor[run].latencies, 99))} ms)`,
    );
  }
  const appRps = median(app.map((r) => r.rps));
  const floorRps = median(floor.map((r) => r.rps));
  const p50 = median(app.map((r) => percentile(r.latencies, 50)));
  const p99 = median(app.map((r) => percentile(r.latencies, 99)));
  console.log(`app: ${round1(appRps)} req/s (median of ${RUNS} rounds), p50 ${round1(p50)} ms, p99 ${round1(p99)} ms; ${errors.length} errors${errors.length ? `, e.g. ${errors[0]}` : ''}`);
  console.log(
    `  CPU per request (median): API process ${median(app.map((r) => r.cpuPerRequest.api)).toFixed(2)} ms` +
      (database.postmasterPid ? `, PostgreSQL ${median(app.map((r) => r.cpuPerRequest.pg)).toFixed(2)} ms` : ''),
  );
  console.log(`floor (node-postgres, ${CLIENTS} connections): ${round1(floorRps)} /s, p99 ${round1(median(floor.map((r) => percentile(r.latencies, 99))))} ms`);
  console.log(
    `  CPU per save (median): client ${median(floor.map((r) => r.cpuPerRequest.client)).toFixed(2)} ms` +
      (database.postmasterPid ? `, PostgreSQL ${median(floor.map((r) => r.cpuPerRequest.pg)).toFixed(2)} ms` : ''),
  );

  // ---- pgbench, when the machine has it ----------------------------------------------------------------
  const pgbench = spawnSync('pgbench', ['--version'], { encoding: 'utf8' });
  if (pgbench.status === 0) {
    const dir = mkdtempSync(path.join(tmpdir(), 'tahkim-pgbench-'));
    try {
      await sql.query(`CREATE TABLE bench_drafts (n int PRIMARY KEY, application uuid, token_hash text)`);
      await sql.query(`INSERT INTO bench_drafts SELECT n - 1, a, t FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS d(a, t, n)`, [
        floorDrafts.map((d) => d.applicationId),
        floorDrafts.map((d) => d.tokenHash),
      ]);
      const payload = JSON.stringify(autosaveAnswers(facts.answers, 0, 0)).replaceAll("'", "''");
      const script = path.join(dir, 'autosave.sql');
      writeFileSync(
        script,
        `SELECT s."id", u."roles"::text[] FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."tokenHash" = (SELECT token_hash FROM bench_drafts WHERE n = :client_id);\n` +
          `UPDATE "Application" SET "answers" = '${payload}'::jsonb, "version" = "version" + 1, "updatedAt" = now() WHERE "id" = (SELECT application FROM bench_drafts WHERE n = :client_id) AND "status" = 'DRAFT' RETURNING "version";\n`,
      );
      const output = execFileSync('pgbench', ['-n', '-M', 'prepared', '-c', String(CLIENTS), '-j', '2', '-T', String(Math.max(3, SECONDS)), '-f', script, '--report-per-command', database.url.replace('postgres://', 'postgresql://')], { encoding: 'utf8' });
      const tps = /tps = ([\d.]+)/.exec(output)?.[1];
      const latency = /latency average = ([\d.]+) ms/.exec(output)?.[1];
      console.log(`pgbench (${pgbench.stdout.trim()}, prepared, ${CLIENTS} clients, ${Math.max(3, SECONDS)} s): ${tps} TPS, latency average ${latency} ms`);
    } catch (error) {
      console.log(`pgbench: skipped (${String(error.message).split('\n')[0]})`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } else console.log('pgbench: not on this machine (apt-get install postgresql-client), skipped');

  // ---- no acknowledged write lost ------------------------------------------------------------------------
  const lost = await clients.lost(sql);
  console.log(`drafts checked after the run: ${CLIENTS - lost} of ${CLIENTS} hold their last acknowledged version and text`);
  console.log(`load average at the end: ${load()}`);
  if (errors.length > 0 || lost > 0) exitCode = 1;
  console.log(`RESULT autosave app_rps=${round1(appRps)} floor_rps=${round1(floorRps)} ratio=${(appRps / floorRps).toFixed(3)} p99_ms=${round1(p99)} errors=${errors.length} lost=${lost}`);
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await api?.stop();
  await sql.end().catch(() => undefined);
  await database.stop();
}
process.exit(exitCode);
