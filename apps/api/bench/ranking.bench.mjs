// Times a round's ranking on a throw-away embedded PostgreSQL holding a large scored call (ranking-data.mjs:
// 10,000 submitted applications, 200 jurors, 30,000 submitted scorecards of 6 criteria, 300 drafts):
//   1. GET /api/rounds/{id}/ranking?method=normalised and ?method=mean (the whole ranking: exports, decisions
//      page) and ?method=normalised&limit=50 (the ranking page's first page) over real HTTP on a started app,
//      signed in as a staff user: warm-up calls, then timed calls (median, p95, response size);
//      then GET /api/rounds/{id}/shortlist-confidence?size=100 (computed on demand, apart from the ranking);
//   2. the bare SQL of a first computation (rankingQueries from the compiled results module), in sequence on a
//      plain `pg` client: median and p95 of the whole sequence and of each statement.
// Each request is timed twice: a first computation (the call's RankingStamp bumped before each call, as any
// change to the call does, so the cached answer is stale) and a cached read. The floor is the plain aggregate
// of the round's submitted scorecards (application, count, mean weighted score) on a plain `pg` client, on the
// same data in the same run. The last line sums it up:
//   RESULT ranking app_ms=<median first computation of the page> floor_ms=<median floor> ratio=<app/floor>
//   cached_ms=<median cached page> whole_ms=<the whole ranking's> whole_ratio=... whole_cached_ms=... errors=<n>
// (errors = failed calls + differences from rankRound or from the whole ranking + differences of the kept sums).
// --rounds 20 first writes 19 more calls of the same size (other slugs and prefixes), one round each,
// so that 20 rounds share the tables and only one is ranked.
// It also checks the endpoint's scores, ranks and flags against @tahkim/scoring's rankRound on the generated
// scorecards, and exits with 1 on any difference. Run on demand (not in CI), from the repository root:
//   npm run bench:ranking -w @tahkim/api [-- --applications N --jurors M --runs R --rounds K --other-applications N --explain --explain-full]
// (the script builds the API first; or `npm run build -w @tahkim/api && node apps/api/bench/ranking.bench.mjs`).
// Wall times suffer when other work shares the machine, so CPU times are printed beside them (Linux /proc:
// the Node process, and the PostgreSQL server processes) together with the load average.
// --explain prints, per statement, EXPLAIN (ANALYZE, BUFFERS) figures and its slowest plan nodes;
// --explain-full prints the whole text plans as well. --work-mem 64MB (an experiment, not the shipped
// setting) sets PostgreSQL's work_mem for the database before the app and the SQL client connect.
// LOG_LEVEL=error shows the API's logs (why a call failed).
import { Buffer } from 'node:buffer';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { generateRankingData, rankingDataOptions } from './ranking-data.mjs';
import { cpuMs, load, percentile } from './support.mjs';

const require = createRequire(import.meta.url);
require('reflect-metadata');
const db = require('@tahkim/db');
const pg = require('pg');
const { rankRound } = require('@tahkim/scoring');
const { plainAggregateSql } = require('../dist/modules/results/ranking.queries.js');
const { createApp } = require('../dist/create-app.js');
const { loadConfig } = require('../dist/config/env.js');
const { hashPassword } = require('../dist/modules/auth/passwords.js');

const args = process.argv.slice(2);
const runsIndex = args.indexOf('--runs');
const RUNS = runsIndex === -1 ? 20 : Number(args[runsIndex + 1]);
const roundsIndex = args.indexOf('--rounds');
const ROUNDS = roundsIndex === -1 ? 1 : Number(args[roundsIndex + 1]);
if (!Number.isInteger(ROUNDS) || ROUNDS < 1 || ROUNDS > 99) throw new Error('--rounds takes a whole number from 1 to 99');
const WARM_UP = 3;
/** Rows per page of the ranking page. */
const PAGE_SIZE = 50;
const EXPLAIN = args.includes('--explain') || args.includes('--explain-full');
const EXPLAIN_FULL = args.includes('--explain-full');
const workMemIndex = args.indexOf('--work-mem');
const WORK_MEM = workMemIndex === -1 ? undefined : args[workMemIndex + 1];
if (WORK_MEM !== undefined && !/^\d+\s*(kB|MB|GB)$/.test(WORK_MEM)) throw new Error('--work-mem takes a size such as 64MB');
const ORIGIN = 'http://localhost:3000';
const PASSWORD = 'bench-password';
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs must be a positive whole number');

const ms = (value) => `${value.toFixed(1)} ms`;
const summary = (values) => `median ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}, min ${ms(Math.min(...values))}, max ${ms(Math.max(...values))}`;
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;

const nodeCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** One HTTP request on a keep-alive agent; resolves with the status, headers and whole body. */
function request(agent, port, method, url, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      { agent, host: '127.0.0.1', port, method, path: url, headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}) } },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** Differences between the endpoint's rows and @tahkim/scoring's rankRound on the generated scorecards. */
function compareWithPackage(ranking, data) {
  const expected = new Map(
    rankRound({ applicationIds: data.applicationIds, scorecards: data.scores, required: ranking.round.scorecardsRequired, disagreementThreshold: ranking.round.disagreementThreshold }).map((r) => [r.applicationId, r]),
  );
  const problems = [];
  const close = (a, b) => (a === null || b === null ? a === b : Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b)));
  if (ranking.items.length !== expected.size) problems.push(`${ranking.items.length} rows, expected ${expected.size}`);
  for (const item of ranking.items) {
    const want = expected.get(item.applicationId);
    if (!want) {
      problems.push(`unexpected application ${item.applicationId}`);
      continue;
    }
    for (const key of ['meanScore', 'normalisedScore', 'standardError', 'spread']) {
      if (!close(item[key], want[key])) problems.push(`${item.reference} ${key} ${item[key]} != ${want[key]}`);
    }
    for (const key of ['meanRank', 'normalisedRank', 'submitted']) {
      if (item[key] !== want[key]) problems.push(`${item.reference} ${key} ${item[key]} != ${want[key]}`);
    }
    if ([...item.flags].sort().join() !== [...want.flags].sort().join()) problems.push(`${item.reference} flags ${item.flags} != ${want.flags}`);
  }
  const key = ranking.method === 'mean' ? 'meanRank' : 'normalisedRank';
  ranking.items.forEach((item, index) => {
    const previous = ranking.items[index - 1];
    if (previous && (previous[key] ?? Infinity) > (item[key] ?? Infinity)) problems.push(`order: ${previous.reference} (rank ${previous[key]}) before ${item.reference} (rank ${item[key]})`);
  });
  if (ranking.totals.submittedScorecards !== data.counts.submittedScorecards) problems.push(`totals.submittedScorecards ${ranking.totals.submittedScorecards} != ${data.counts.submittedScorecards}`);
  if (ranking.totals.draftScorecards !== data.counts.draftScorecards) problems.push(`totals.draftScorecards ${ranking.totals.draftScorecards} != ${data.counts.draftScorecards}`);
  if (ranking.jurors.length !== data.counts.jurors) problems.push(`${ranking.jurors.length} jurors in the severity list, expected ${data.counts.jurors}`);
  return problems;
}

/** Planning/execution time, buffers, temp spills and the slowest nodes (exclusive time) of a JSON plan. */
function explainSummary(plan) {
  const nodes = [];
  const walk = (node) => {
    const total = node['Actual Total Time'] * node['Actual Loops'];
    const children = node.Plans ?? [];
    const childTotal = children.reduce((sum, child) => sum + child['Actual Total Time'] * child['Actual Loops'], 0);
    const what = [node['Node Type'], node.Strategy, node['Relation Name'] && `on "${node['Relation Name']}"`, node['Index Name'] && `using ${node['Index Name']}`, node['CTE Name'] && `CTE ${node['CTE Name']}`]
      .filter(Boolean)
      .join(' ');
    const spill = node['Sort Space Type'] === 'Disk' || node['Temp Written Blocks'] > 0 ? `, spilled ${node['Temp Written Blocks'] ?? '?'} temp blocks` : '';
    nodes.push({ what, exclusive: Math.max(0, total - childTotal), rows: node['Actual Rows'] * node['Actual Loops'], spill });
    children.forEach(walk);
  };
  walk(plan.Plan);
  const top = plan.Plan;
  const lines = [
    `planning ${ms(plan['Planning Time'])}, execution ${ms(plan['Execution Time'])}; ${top['Node Type']} returned ${top['Actual Rows']} rows; ` +
      `buffers hit ${top['Shared Hit Blocks'] ?? 0}, read ${top['Shared Read Blocks'] ?? 0}, temp written ${top['Temp Written Blocks'] ?? 0}`,
  ];
  for (const node of nodes.sort((a, b) => b.exclusive - a.exclusive).slice(0, 4)) {
    lines.push(`  ${ms(node.exclusive).padStart(10)}  ${node.what} (${node.rows} rows${node.spill})`);
  }
  return lines;
}

const dataDir = mkdtempSync(path.join(tmpdir(), 'tahkim-bench-'));
const pgServer = await db.startEmbeddedPostgres({ dataDir, persistent: false });
/** The PostgreSQL server's pid, whose children are the backends; null where /proc is not readable. */
const postmasterPid = (() => {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
    return cpuMs({ pid }) >= 0 ? pid : null;
  } catch {
    return null;
  }
})();
const hasProc = postmasterPid !== null;
let exitCode = 0;
let app;
let prisma;
let sqlClient;
try {
  await db.applyMigrations(pgServer.url);
  console.log(`load average at start (1, 5, 15 min): ${load()}`);
  const options = rankingDataOptions(args);
  const data = await generateRankingData(pgServer.url, { ...options, staffPasswordHash: await hashPassword(PASSWORD), keepScores: true });
  const c = data.counts;
  console.log(
    `generated ${c.applications} applications, ${c.jurors} jurors, ${c.assignments} assignments, ${c.submittedScorecards} submitted + ${c.draftScorecards} draft scorecards, ` +
      `${c.scoreValues} score values (juror load ${c.jurorLoad.min}-${c.jurorLoad.max}) in ${(data.timings.insertMs / 1000).toFixed(1)} s, ` +
      `${(data.timings.totalMs / 1000).toFixed(1)} s with VACUUM ANALYZE`,
  );

  // --rounds: other calls of the same size, one round each, written after the ranked one.
  // --other-applications N makes them smaller (faster to write; the tables still hold every round's rows).
  const otherIndex = args.indexOf('--other-applications');
  const otherApplications = otherIndex === -1 ? undefined : Number(args[otherIndex + 1]);
  if (otherApplications !== undefined && (!Number.isInteger(otherApplications) || otherApplications < 1)) throw new Error('--other-applications takes a positive whole number');
  for (let k = 2; k <= ROUNDS; k++) {
    const other = await generateRankingData(pgServer.url, {
      ...options,
      ...(otherApplications === undefined ? {} : { applications: otherApplications }),
      seed: (options.seed ?? 42) + k,
      slug: `bench-ranking-${k}`,
      referencePrefix: `BNR${k}`,
    });
    console.log(`generated round ${k} of ${ROUNDS} (call bench-ranking-${k}): ${other.counts.submittedScorecards} submitted scorecards in ${(other.timings.totalMs / 1000).toFixed(1)} s`);
  }
  sqlClient = new pg.Client({ connectionString: pgServer.url });
  await sqlClient.connect();
  if (ROUNDS > 1) {
    const totals = (await sqlClient.query(`SELECT (SELECT count(*) FROM "Round") AS rounds, (SELECT count(*) FROM "Scorecard") AS scorecards, (SELECT count(*) FROM "ScoreValue") AS "values"`)).rows[0];
    console.log(`database: ${totals.rounds} rounds, ${totals.scorecards} scorecards, ${totals.values} score values; ranking one round`);
  }
  const sums = await db.checkRankingSums(sqlClient);
  let errors = sums.differences.length;
  console.log(sums.differences.length === 0 ? 'ranking sums kept by the triggers: equal to a full recomputation' : `ranking sums: ${sums.differences.length} differences from a recomputation, e.g. ${JSON.stringify(sums.differences[0])}`);
  /** Makes the cached ranking stale, as any change to the call does. */
  const invalidate = () => sqlClient.query(`UPDATE "RankingStamp" SET "version" = "version" + 1 WHERE "callId" = $1`, [data.callId]);
  const medians = {};

  if (WORK_MEM) {
    const admin = new pg.Client({ connectionString: pgServer.url });
    await admin.connect();
    const { rows } = await admin.query('SELECT current_database() AS name');
    await admin.query(`ALTER DATABASE "${rows[0].name.replaceAll('"', '""')}" SET work_mem = '${WORK_MEM}'`);
    await admin.end();
    console.log(`work_mem set to ${WORK_MEM} for this run (PostgreSQL's default is 4MB)`);
  }

  // ---- 1. the endpoint over HTTP -----------------------------------------------------------------------
  prisma = db.createPrismaClient(pgServer.url);
  // LOG_LEVEL=error (for instance) shows the API's logs, to see why a call failed.
  const logLevel = process.env.LOG_LEVEL ?? 'silent';
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: pgServer.url, APP_URL: ORIGIN, LOG_LEVEL: logLevel });
  app = await createApp(config, prisma, pgServer.url, logLevel === 'silent' ? { logger: false } : {});
  await app.listen(0, '127.0.0.1');
  const port = app.getHttpServer().address().port;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const login = await request(agent, port, 'POST', '/api/auth/login', { headers: { origin: ORIGIN }, body: { email: data.staff.email, password: PASSWORD } });
  if (login.status !== 200 && login.status !== 201) throw new Error(`login answered ${login.status}: ${login.body}`);
  const cookie = [login.headers['set-cookie']].flat().filter(Boolean).map((c) => c.split(';')[0]).join('; ');
  // The whole ranking under each method (exports, the decisions page), then the ranking page's first request:
  // its first PAGE_SIZE rows in the round's order (normalised), computed the same way, details read for them only.
  const wholeAnswers = {};
  const cases = [
    { key: 'normalised', label: 'method=normalised', query: 'method=normalised' },
    { key: 'mean', label: 'method=mean', query: 'method=mean' },
    { key: 'page', label: `method=normalised&limit=${PAGE_SIZE}`, query: `method=normalised&limit=${PAGE_SIZE}` },
  ];
  for (const { key, label, query } of cases) {
    const method = label;
    const url = `/api/rounds/${data.roundId}/ranking?${query}`;
    const call = async () => {
      const pgCpu = hasProc ? cpuMs({ parentPid: postmasterPid }) : 0;
      const nodeCpu = nodeCpuMs();
      const start = performance.now();
      // As every browser does; the body is unzipped (outside the timing) for the checks.
      const res = await request(agent, port, 'GET', url, { headers: { origin: ORIGIN, cookie, 'accept-encoding': 'gzip, deflate, br' } });
      const elapsed = performance.now() - start;
      if (res.headers['content-encoding'] === 'gzip') {
        res.wireBytes = res.body.length;
        res.body = gunzipSync(res.body);
      } else if (res.headers['content-encoding']) return { elapsed, cpu: { node: 0, pg: 0 }, error: `unexpected content-encoding ${res.headers['content-encoding']}` };
      const cpu = { node: nodeCpuMs() - nodeCpu, pg: hasProc ? cpuMs({ parentPid: postmasterPid }) - pgCpu : NaN };
      if (res.status !== 200) return { elapsed, cpu, error: `${res.status}: ${res.body.toString().slice(0, 300)}` };
      return { elapsed, cpu, body: res.body, wireBytes: res.wireBytes ?? res.body.length, encoding: res.headers['content-encoding'] ?? 'identity' };
    };
    const failures = [];
    const timed = async (label, before, times, cpu) => {
      let last;
      for (let i = 0; i < WARM_UP + RUNS; i++) {
        if (before) await before();
        const result = await call();
        if (result.error) {
          failures.push(result.error);
          continue;
        }
        last = result;
        if (i < WARM_UP) continue;
        times.push(result.elapsed);
        cpu.node.push(result.cpu.node);
        cpu.pg.push(result.cpu.pg);
      }
      if (times.length === 0) return last;
      console.log(`GET ranking?${method}, ${label} x${times.length} (after ${WARM_UP} warm-up calls): ${summary(times)}`);
      console.log(`  CPU per call (median): Node (API + this client) ${ms(percentile(cpu.node, 50))}` + (hasProc ? `, PostgreSQL ${ms(percentile(cpu.pg, 50))}` : ''));
      return last;
    };
    const firstTimes = [];
    const first = await timed('first computation (stamp bumped before each call)', invalidate, firstTimes, { node: [], pg: [] });
    const cachedTimes = [];
    const cached = await timed('cached read', undefined, cachedTimes, { node: [], pg: [] });
    medians[key] = { first: firstTimes.length ? percentile(firstTimes, 50) : NaN, cached: cachedTimes.length ? percentile(cachedTimes, 50) : NaN };
    if (failures.length > 0) {
      exitCode = 1;
      errors += failures.length;
      console.log(`GET ranking?${method}: ${failures.length} of ${2 * (WARM_UP + RUNS)} calls failed, e.g. ${failures[0]} (LOG_LEVEL=error shows why)`);
    }
    if (!first || !cached) continue;
    const ranking = JSON.parse(first.body.toString('utf8'));
    if (key === 'page') {
      const whole = wholeAnswers.normalised;
      const problems = [];
      if (!whole) problems.push('no whole ranking to compare with');
      else {
        if (JSON.stringify(ranking.items) !== JSON.stringify(whole.items.slice(0, PAGE_SIZE))) problems.push(`the page's rows differ from the whole ranking's first ${PAGE_SIZE}`);
        if (ranking.page?.total !== whole.items.length) problems.push(`page.total ${ranking.page?.total}, expected ${whole.items.length}`);
      }
      if (!first.body.equals(cached.body)) problems.push('the second answer differs from the first');
      console.log(`  response ${kib(first.body.length)} of JSON (${kib(first.wireBytes)} sent), ${ranking.items.length} rows of ${ranking.page?.total}`);
      if (problems.length === 0) console.log(`  check: the page's rows are the whole ranking's first ${PAGE_SIZE}, field for field`);
      else {
        exitCode = 1;
        errors += problems.length;
        console.log(`  check: ${problems.join('; ')}`);
      }
      continue;
    }
    wholeAnswers[key] = ranking;
    console.log(
      `  response ${kib(first.body.length)} of JSON, sent as ${first.encoding} (${kib(first.wireBytes)}; cached: ${cached.encoding}, ${kib(cached.wireBytes)}; ` +
        `gzip level 6 would be ${kib(gzipSync(first.body).length)}), ${ranking.items.length} rows, ${ranking.totals.ranked} ranked`,
    );
    const problems = compareWithPackage(ranking, data);
    if (!first.body.equals(cached.body)) problems.push('the cached answer differs from the computed one');
    if (problems.length === 0) console.log(`  check against @tahkim/scoring rankRound: scores, standard errors, ranks, flags and order agree`);
    else {
      exitCode = 1;
      errors += problems.length;
      console.log(`  check against @tahkim/scoring rankRound: ${problems.length} differences, e.g.\n    ${problems.slice(0, 10).join('\n    ')}`);
    }
  }

  // ---- 1b. shortlist confidence (on demand, beside the ranking): 500 resamples for the top 100 ----------------
  {
    const url = `/api/rounds/${data.roundId}/shortlist-confidence?size=100`;
    const confidenceRuns = Math.max(3, Math.ceil(RUNS / 4));
    const firstTimes = [];
    const cachedTimes = [];
    let failed = 0;
    let sum = NaN;
    for (let i = 0; i < 1 + confidenceRuns; i++) {
      await invalidate();
      const started = performance.now();
      const res = await request(agent, port, 'GET', url, { headers: { origin: ORIGIN, cookie } });
      const elapsed = performance.now() - started;
      if (res.status !== 200) {
        failed++;
        continue;
      }
      if (i > 0) firstTimes.push(elapsed);
      sum = JSON.parse(res.body.toString('utf8')).items.reduce((total, item) => total + (item.probability ?? 0), 0);
      const again = performance.now();
      await request(agent, port, 'GET', url, { headers: { origin: ORIGIN, cookie } });
      if (i > 0) cachedTimes.push(performance.now() - again);
    }
    if (failed > 0) {
      exitCode = 1;
      errors += failed;
    }
    console.log(
      `GET shortlist-confidence?size=100 (500 resamples), first computation x${firstTimes.length}: ${firstTimes.length ? summary(firstTimes) : 'none'}; ` +
        `cached: ${cachedTimes.length ? summary(cachedTimes) : 'none'}; probabilities add up to ${sum.toFixed(2)}${failed ? `; ${failed} calls failed` : ''}`,
    );
  }

  // ---- 2. the floor: the plain aggregate on the same data -------------------------------------------------
  const floor = plainAggregateSql(data.roundId);
  for (let i = 0; i < WARM_UP; i++) await sqlClient.query(floor.text, floor.values);
  const floorTimes = [];
  let floorRows = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    floorRows = (await sqlClient.query(floor.text, floor.values)).rowCount;
    floorTimes.push(performance.now() - start);
  }
  const floorMs = percentile(floorTimes, 50);
  console.log(`floor: the plain aggregate (application, count, mean weighted score; ${floorRows} rows) on pg x${RUNS}: ${summary(floorTimes)}`);

  // ---- 2. the bare SQL aggregate -------------------------------------------------------------------------
  let rankingQueries;
  try {
    ({ rankingQueries } = require('../dist/modules/results/ranking.queries.js'));
  } catch (error) {
    if (error.code !== 'MODULE_NOT_FOUND') throw error;
    exitCode = 1;
    console.log('bare SQL: skipped, apps/api/dist/modules/results/ranking.queries.js is missing (run `npm run build -w @tahkim/api`)');
  }
  if (rankingQueries) {
    const statements = rankingQueries(data.round);
    const backendPid = (await sqlClient.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    const runAll = async () => {
      const each = [];
      const cpu = hasProc ? cpuMs({ pid: backendPid }) : 0;
      const start = performance.now();
      for (const statement of statements) {
        const t = performance.now();
        const c = hasProc ? cpuMs({ pid: backendPid }) : 0;
        const result = await sqlClient.query(statement.text, statement.values);
        each.push({ elapsed: performance.now() - t, cpu: hasProc ? cpuMs({ pid: backendPid }) - c : NaN, rows: result.rowCount });
      }
      return { elapsed: performance.now() - start, cpu: hasProc ? cpuMs({ pid: backendPid }) - cpu : NaN, each };
    };
    for (let i = 0; i < WARM_UP; i++) await runAll();
    const totals = [];
    const backendCpu = [];
    const perStatement = statements.map(() => []);
    const perStatementCpu = statements.map(() => []);
    let rows = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await runAll();
      totals.push(run.elapsed);
      backendCpu.push(run.cpu);
      run.each.forEach((e, s) => {
        perStatement[s].push(e.elapsed);
        perStatementCpu[s].push(e.cpu);
      });
      rows = run.each.map((e) => e.rows);
    }
    console.log(`bare SQL, ${statements.length} statements in sequence on pg x${RUNS}: ${summary(totals)}`);
    if (hasProc) console.log(`  CPU of the PostgreSQL backend per sequence: median ${ms(percentile(backendCpu, 50))}, p95 ${ms(percentile(backendCpu, 95))}`);
    perStatement.forEach((times, s) =>
      console.log(`  statement ${s + 1} (${rows[s]} rows): ${summary(times)}` + (hasProc ? `; backend CPU median ${ms(percentile(perStatementCpu[s], 50))}` : '')),
    );

    // The same statements through Prisma (driver adapter), in one RepeatableRead transaction as the service
    // runs them: the difference from the plain pg figures is row decoding in Prisma.
    const viaPrisma = async () => {
      const pgCpu = hasProc ? cpuMs({ parentPid: postmasterPid }) : 0;
      const nodeCpu = nodeCpuMs();
      const start = performance.now();
      await prisma.$transaction(
        statements.map((statement) => prisma.$queryRaw(statement)),
        { isolationLevel: 'RepeatableRead' },
      );
      return { elapsed: performance.now() - start, node: nodeCpuMs() - nodeCpu, pg: hasProc ? cpuMs({ parentPid: postmasterPid }) - pgCpu : NaN };
    };
    for (let i = 0; i < WARM_UP; i++) await viaPrisma();
    const prismaRuns = [];
    for (let i = 0; i < RUNS; i++) prismaRuns.push(await viaPrisma());
    console.log(`same statements through Prisma in a RepeatableRead transaction x${RUNS}: ${summary(prismaRuns.map((r) => r.elapsed))}`);
    console.log(
      `  CPU per transaction (median): Node ${ms(percentile(prismaRuns.map((r) => r.node), 50))}` +
        (hasProc ? `, PostgreSQL ${ms(percentile(prismaRuns.map((r) => r.pg), 50))}` : ''),
    );

    if (EXPLAIN) {
      // In one transaction rolled back at the end, in case a statement writes or depends on an earlier one.
      await sqlClient.query('BEGIN');
      try {
        for (const [s, statement] of statements.entries()) {
          const result = await sqlClient.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.text}`, statement.values);
          const plan = result.rows[0]['QUERY PLAN'][0];
          console.log(`EXPLAIN statement ${s + 1} (slowest nodes by self time; a CTE Scan includes the CTE it reads first): ${explainSummary(plan).join('\n')}`);
          if (EXPLAIN_FULL) {
            const text = await sqlClient.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
            console.log(text.rows.map((row) => `    ${row['QUERY PLAN']}`).join('\n'));
          }
        }
      } finally {
        await sqlClient.query('ROLLBACK');
      }
    }
  }
  console.log(`load average at the end (1, 5, 15 min): ${load()}`);
  if (errors > 0) exitCode = 1;
  const none = { first: NaN, cached: NaN };
  const page = medians.page ?? none;
  const whole = medians.normalised ?? none;
  console.log(
    `RESULT ranking app_ms=${page.first.toFixed(1)} floor_ms=${floorMs.toFixed(1)} ratio=${(page.first / floorMs).toFixed(2)} cached_ms=${page.cached.toFixed(1)} ` +
      `whole_ms=${whole.first.toFixed(1)} whole_ratio=${(whole.first / floorMs).toFixed(2)} whole_cached_ms=${whole.cached.toFixed(1)} errors=${errors}`,
  );
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await sqlClient?.end().catch(() => undefined);
  await app?.close().catch(() => undefined);
  await prisma?.$disconnect().catch(() => undefined);
  await pgServer.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
