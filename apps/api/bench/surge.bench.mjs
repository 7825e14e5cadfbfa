// The deadline surge, side by side with its floor (issue 14). On a throw-away embedded PostgreSQL with the
// demo data, the compiled API runs as a process of its own (with its email worker, no SMTP: emails are
// captured). `--submits` applicants (default 2,000), each signed in with a complete draft of the demo
// call (answers and files), submit at a fixed arrival rate, whatever the answers' pace (an open loop, as
// people do at a deadline): `--rates 35,100` runs one surge per rate. Then every application must be
// SUBMITTED with its own reference and exactly one receipt email, delivered (captured) by the worker.
// The floor is the same-shape transaction sent straight through node-postgres at the same rate on drafts
// of its own: the session read, the application locked, the counter taken, the application updated, the
// email and audit rows written, committed.
//   npm run bench:surge -w @tahkim/api [-- --submits 2000 --rates 35,100]
// Last line (for the first rate): RESULT surge app_rps=... floor_rps=... ratio=<app CPU per submit / floor
// CPU per submit> p99_ms=... floor_p99_ms=... errors=...; a RESULT line per further rate before it.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  cpuMs, createApplicants, serverCpuMs, demoCallFacts, load, numberOption, percentile, pg, request, round1, startApi, startDatabase,
} from './support.mjs';

const args = process.argv.slice(2);
const SUBMITS = numberOption(args, 'submits', 2000);
const ratesIndex = args.indexOf('--rates');
const RATES = (ratesIndex === -1 ? '35,100' : args[ratesIndex + 1]).split(',').map(Number);
if (RATES.some((rate) => !Number.isFinite(rate) || rate <= 0)) throw new Error('--rates takes positive numbers separated by commas');

/** Starts `work(i)` for i < count at `rate` per second from now (not waiting for earlier ones); resolves with each one's result. */
async function openLoop(count, rate, work) {
  const start = performance.now();
  const pending = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    pending.push(work(i));
  }
  const results = await Promise.all(pending);
  return { results, seconds: (performance.now() - start) / 1000 };
}

const database = await startDatabase();
const sql = new pg.Pool({ connectionString: database.url, max: 40 });
sql.on('error', () => undefined); // idle connections ended when the database stops
let api;
let exitCode = 0;
const pgCpu = () => serverCpuMs(database.postmasterPid);
try {
  const setup = await sql.connect();
  const facts = await demoCallFacts(setup);
  const call = (await setup.query(`SELECT "referencePrefix" FROM "Call" WHERE "id" = $1`, [facts.callId])).rows[0];
  const sets = [];
  for (const rate of RATES) {
    sets.push({
      rate,
      app: await createApplicants(setup, { callId: facts.callId, count: SUBMITS, answers: facts.answers, fileKeys: facts.fileKeys, label: `surge-${rate}-app` }),
      floor: await createApplicants(setup, { callId: facts.callId, count: SUBMITS, answers: facts.answers, fileKeys: facts.fileKeys, label: `surge-${rate}-floor` }),
    });
  }
  await setup.query('ANALYZE');
  setup.release();
  api = await startApi(database.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  console.log(`surge bench: ${SUBMITS} submits per surge at ${RATES.join(' and ')} per second, app then floor; load average ${load()}`);

  // Warm-up, not counted: 20 submits one after the other (the form cache, connections, the JIT).
  const warmClient = await sql.connect();
  const warm = await createApplicants(warmClient, { callId: facts.callId, count: 20, answers: facts.answers, fileKeys: facts.fileKeys, label: 'surge-warm' }).finally(() => warmClient.release());
  for (const draft of warm) {
    const res = await request(agent, api.port, 'POST', `/api/applications/${draft.applicationId}/submit`, { headers: { cookie: draft.cookie }, body: {} });
    if (res.status !== 200) throw new Error(`warm-up submit answered ${res.status}: ${res.text.slice(0, 300)}`);
  }

  const lines = [];
  for (const set of sets) {
    // ---- the app: POST /api/applications/{id}/submit ----------------------------------------------------
    let before = { api: cpuMs({ pid: api.pid }), pg: pgCpu() };
    const app = await openLoop(SUBMITS, set.rate, async (i) => {
      const draft = set.app[i];
      const start = performance.now();
      try {
        const res = await request(agent, api.port, 'POST', `/api/applications/${draft.applicationId}/submit`, { headers: { cookie: draft.cookie }, body: {} });
        return { ms: performance.now() - start, error: res.status === 200 && res.body.status === 'SUBMITTED' ? null : `${res.status} ${res.text.slice(0, 200)}` };
      } catch (error) {
        return { ms: performance.now() - start, error: String(error) };
      }
    });
    const appCpu = { api: (cpuMs({ pid: api.pid }) - before.api) / SUBMITS, pg: (pgCpu() - before.pg) / SUBMITS };
    const appErrors = app.results.filter((r) => r.error);
    const appLatencies = app.results.map((r) => r.ms);

    // ---- the floor: the same-shape transaction through node-postgres --------------------------------------
    before = { pg: pgCpu(), node: process.cpuUsage() };
    const floor = await openLoop(SUBMITS, set.rate, async (i) => {
      const draft = set.floor[i];
      const start = performance.now();
      const client = await sql.connect();
      try {
        await client.query(`SELECT s."id", u."roles"::text[] FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."tokenHash" = $1`, [draft.tokenHash]);
        await client.query('BEGIN');
        const locked = await client.query(
          `SELECT a."answers", now() AS "at" FROM "Application" a JOIN "Call" c ON c."id" = a."callId"
            WHERE a."id" = $1 AND a."status" = 'DRAFT' AND c."status" = 'PUBLISHED' AND now() < c."closesAt" FOR UPDATE OF a`,
          [draft.applicationId],
        );
        if (locked.rowCount !== 1) throw new Error('floor: the draft is not submittable');
        const year = locked.rows[0].at.getUTCFullYear();
        const counter = await client.query(
          `INSERT INTO "ReferenceCounter" ("callId", "year", "lastValue") VALUES ($1, $2, 1)
           ON CONFLICT ("callId", "year") DO UPDATE SET "lastValue" = "ReferenceCounter"."lastValue" + 1 RETURNING "lastValue"`,
          [facts.callId, year + 1000],
        );
        const reference = `FLR-${year}-${String(counter.rows[0].lastValue).padStart(4, '0')}`;
        await client.query(
          `UPDATE "Application" SET "status" = 'SUBMITTED', "submittedAt" = now(), "reference" = $2, "version" = "version" + 1, "updatedAt" = now() WHERE "id" = $1`,
          [draft.applicationId, reference],
        );
        await client.query(
          `INSERT INTO "EmailMessage" ("id", "toAddress", "locale", "template", "subject", "text", "html", "userId", "dedupeKey")
           VALUES (gen_random_uuid(), 'floor@bench.example', 'fr', 'application-received', $2, $3, $3, $4, 'floor:' || $1)`,
          [draft.applicationId, `Candidature reçue ${reference}`, `Votre candidature ${reference} est reçue.`, draft.userId],
        );
        await client.query(
          `INSERT INTO "AuditEvent" ("actorId", "action", "entityType", "entityId", "after") VALUES ($2, 'application.submitted', 'Application', $1, jsonb_build_object('reference', $3::text))`,
          [draft.applicationId, draft.userId, reference],
        );
        await client.query('COMMIT');
        return { ms: performance.now() - start, error: null };
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        return { ms: performance.now() - start, error: String(error) };
      } finally {
        client.release();
      }
    });
    const nodeUsage = process.cpuUsage(before.node);
    const floorCpu = { pg: (pgCpu() - before.pg) / SUBMITS, client: (nodeUsage.user + nodeUsage.system) / 1000 / SUBMITS };
    const floorErrors = floor.results.filter((r) => r.error);
    const floorLatencies = floor.results.map((r) => r.ms);

    // ---- every submission counted once ---------------------------------------------------------------------
    const ids = set.app.map((d) => d.applicationId);
    const check = async () =>
      (
        await sql.query(
          `SELECT count(*) FILTER (WHERE a."status" = 'SUBMITTED')::int AS "submitted",
                  count(DISTINCT a."reference")::int AS "references",
                  count(*) FILTER (WHERE a."reference" LIKE $2 || '-%')::int AS "prefixed",
                  (SELECT count(*)::int FROM "EmailMessage" e WHERE e."dedupeKey" = ANY(SELECT 'application-received:' || x FROM unnest($1::text[]) x)) AS "emails",
                  (SELECT count(*)::int FROM "EmailMessage" e WHERE e."dedupeKey" = ANY(SELECT 'application-received:' || x FROM unnest($1::text[]) x) AND e."status" = 'CAPTURED') AS "delivered"
             FROM "Application" a WHERE a."id" = ANY($1::uuid[])`,
          [ids, call.referencePrefix],
        )
      ).rows[0];
    let counts = await check();
    for (let waited = 0; counts.delivered < counts.emails && waited < 120; waited++) {
      await sleep(1000);
      counts = await check();
    }
    const sound = counts.submitted === SUBMITS && counts.references === SUBMITS && counts.prefixed === SUBMITS && counts.emails === SUBMITS && counts.delivered === SUBMITS;

    const p99 = percentile(appLatencies, 99);
    const floorP99 = percentile(floorLatencies, 99);
    console.log(`surge at ${set.rate}/s:`);
    console.log(
      `  app: ${SUBMITS} submits in ${app.seconds.toFixed(1)} s (${round1(SUBMITS / app.seconds)}/s), p50 ${round1(percentile(appLatencies, 50))} ms, p99 ${round1(p99)} ms, max ${round1(Math.max(...appLatencies))} ms; ` +
        `${appErrors.length} errors${appErrors.length ? ` (e.g. ${appErrors[0].error})` : ''}; CPU per submit: API ${round1(appCpu.api)} ms, PostgreSQL ${round1(appCpu.pg)} ms`,
    );
    console.log(
      `  floor: ${SUBMITS} in ${floor.seconds.toFixed(1)} s, p50 ${round1(percentile(floorLatencies, 50))} ms, p99 ${round1(floorP99)} ms; ${floorErrors.length} errors${floorErrors.length ? ` (e.g. ${floorErrors[0].error})` : ''}; ` +
        `CPU per submit: PostgreSQL ${round1(floorCpu.pg)} ms, client ${round1(floorCpu.client)} ms`,
    );
    console.log(
      `  check: ${counts.submitted} submitted, ${counts.references} distinct references, ${counts.emails} receipt emails, ${counts.delivered} delivered by the worker` + (sound ? ' — one each' : ' — WRONG'),
    );
    if (appErrors.length > 0 || !sound) exitCode = 1;
    const appTotalCpu = appCpu.api + appCpu.pg;
    const floorTotalCpu = floorCpu.pg + floorCpu.client;
    lines.push(
      `RESULT surge rate=${set.rate} app_rps=${round1(SUBMITS / app.seconds)} floor_rps=${round1(SUBMITS / floor.seconds)} ratio=${(appTotalCpu / floorTotalCpu).toFixed(2)} ` +
        `p99_ms=${round1(p99)} floor_p99_ms=${round1(floorP99)} errors=${appErrors.length + (sound ? 0 : 1)}`,
    );
  }
  console.log(`load average at the end: ${load()}`);
  // The first rate's line last: the one a script reads.
  for (const line of [...lines.slice(1), lines[0]]) console.log(line);
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await api?.stop();
  await sql.end().catch(() => undefined);
  await database.stop();
}
process.exit(exitCode);
