// What the request benches share: statistics, CPU readings from /proc, a throw-away embedded PostgreSQL
// with the demo data, the compiled API started as a process of its own (as in production: the bench's
// clients and the API do not share an event loop), applicants with sessions and drafts written straight
// into the database, and HTTP requests on keep-alive sockets.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout, clearTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const db = require('@tahkim/db');
const pg = require('pg');

const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ORIGIN = 'http://localhost:3000';

/** `--name value` from the command line, as a number, or `fallback`. */
export function numberOption(args, name, fallback) {
  const index = args.indexOf(`--${name}`);
  if (index === -1) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} takes a positive number`);
  return value;
}

/** `--name value` as a number (0 or more), or undefined when the option is not given. */
export function optionalNumber(args, name) {
  const index = args.indexOf(`--${name}`);
  if (index === -1) return undefined;
  const value = Number(args[index + 1]);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} takes a number (0 or more)`);
  return value;
}

/** Nearest-rank percentile. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
export const median = (values) => percentile(values, 50);
export const round1 = (value) => Math.round(value * 10) / 10;
export const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

/** CPU milliseconds (user + system) of `pid`, or of the processes whose parent is `parentPid` (PostgreSQL's backends). */
export function cpuMs({ parentPid, pid }) {
  let ticks = 0;
  const pids = pid ? [String(pid)] : readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  for (const name of pids) {
    let stat;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (pid || Number(fields[1]) === parentPid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * 10; // CLK_TCK is 100 on Linux
}

/**
 * CPU milliseconds of a PostgreSQL server so far: its running backends and the postmaster, with the CPU
 * of the backends that have exited (a process's waited-for children are counted in its own figures).
 */
export function serverCpuMs(postmasterPid) {
  if (!postmasterPid) return NaN;
  let ticks = 0;
  try {
    const fields = readFileSync(`/proc/${postmasterPid}/stat`, 'utf8');
    const rest = fields.slice(fields.lastIndexOf(')') + 2).split(' ');
    ticks = Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14]);
  } catch {
    return NaN;
  }
  return ticks * 10 + cpuMs({ parentPid: postmasterPid });
}

/** A migrated embedded PostgreSQL in a temporary directory, with the demo data; `stop()` removes it. */
export async function startDatabase() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tahkim-bench-'));
  const server = await db.startEmbeddedPostgres({ dataDir, persistent: false });
  let postmasterPid = null;
  try {
    postmasterPid = Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    // no /proc figures then
  }
  await db.applyMigrations(server.url);
  const prisma = db.createPrismaClient(server.url);
  await db.seedDemoData(prisma);
  await prisma.$disconnect();
  return {
    url: server.url,
    postmasterPid,
    stop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The compiled API (dist/main.js) on a free port against `databaseUrl`, its email worker running, no
 * SMTP (emails are captured), logging as in production (LOG_LEVEL info: a line per request, read and dropped
 * here). Resolves once it listens; `stop()` ends it with SIGTERM, by its own pid.
 * API_NODE_ARGS adds options to its node command (e.g. a CPU profile).
 */
export async function startApi(databaseUrl, env = {}) {
  const port = await freePort();
  // API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the API process (written when it stops).
  const nodeArgs = (process.env.API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(API_DIR, 'dist/main.js')], {
    cwd: API_DIR,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: String(port), APP_URL: ORIGIN, DEMO_DATA: 'false', LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the API did not start within 60 s:\n${output}`)), 60_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (/is listening on/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited with ${code}:\n${output}`));
    });
  });
  child.stdout.resume();
  return {
    port,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

/** The session token's stored form (as the API hashes it). */
export const hashToken = (token) => createHash('sha256').update(token).digest('hex');

/**
 * `count` applicants, each signed in (a session row; the cookie to send) with a DRAFT of the demo call
 * holding `answers`, and, for each FILE field in `fileKeys`, an attachment row: written set-based.
 * Returns [{ userId, applicationId, cookie, tokenHash }].
 */
export async function createApplicants(client, { callId, count, answers, fileKeys = [], label }) {
  const rows = Array.from({ length: count }, (_, i) => {
    const token = randomBytes(32).toString('base64url');
    return { userId: randomUUID(), applicationId: randomUUID(), sessionId: randomUUID(), token, tokenHash: hashToken(token), email: `${label}-${i}-${randomUUID().slice(0, 8)}@bench.example` };
  });
  const column = (key) => rows.map((row) => row[key]);
  await client.query(
    `INSERT INTO "User" ("id", "email", "passwordHash", "displayName", "locale", "roles", "updatedAt")
     SELECT id, email, 'not-a-password', 'Porteur de projet ' || n, 'fr', ARRAY['APPLICANT']::"Role"[], now()
       FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS u(id, email, n)`,
    [column('userId'), column('email')],
  );
  await client.query(
    `INSERT INTO "Session" ("id", "tokenHash", "userId", "expiresAt") SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::timestamp[])`,
    [column('sessionId'), column('tokenHash'), column('userId'), rows.map(() => new Date(Date.now() + 86_400_000).toISOString())],
  );
  await client.query(
    `INSERT INTO "Application" ("id", "callId", "ownerId", "status", "answers", "updatedAt")
     SELECT id, $1::uuid, owner, 'DRAFT', $4::jsonb, now() FROM unnest($2::uuid[], $3::uuid[]) AS a(id, owner)`,
    [callId, column('applicationId'), column('userId'), JSON.stringify(answers)],
  );
  for (const fieldKey of fileKeys) {
    await client.query(
      `INSERT INTO "Attachment" ("id", "applicationId", "fieldKey", "fileName", "mediaType", "size", "sha256", "storageKey")
       SELECT gen_random_uuid(), a, $2, 'dossier.pdf', 'application/pdf', 48213, encode(sha256(a::text::bytea), 'hex'), 'bench/' || a || '/' || $2
         FROM unnest($1::uuid[]) AS a`,
      [column('applicationId'), fieldKey],
    );
  }
  return rows.map((row) => ({ userId: row.userId, applicationId: row.applicationId, tokenHash: row.tokenHash, cookie: `tahkim_session=${row.token}` }));
}

/** The demo call, a complete set of answers from one of its submitted applications, and its FILE fields. */
export async function demoCallFacts(client) {
  const call = (await client.query(`SELECT "id", "formVersion" FROM "Call" WHERE "slug" = $1`, [db.DEMO_CALL_SLUG])).rows[0];
  if (!call) throw new Error('the demo call is missing');
  const fileKeys = (await client.query(`SELECT "key" FROM "FormField" WHERE "callId" = $1 AND "type" = 'FILE' AND NOT "hidden"`, [call.id])).rows.map((r) => r.key);
  const sample = (await client.query(`SELECT "answers" FROM "Application" WHERE "callId" = $1 AND "status" <> 'DRAFT' ORDER BY "submittedAt" LIMIT 1`, [call.id])).rows[0];
  if (!sample) throw new Error('the demo call has no submitted application to take answers from');
  return { callId: call.id, fileKeys, answers: sample.answers };
}

/** One request on a keep-alive agent; resolves with the status and the parsed JSON body. */
export function request(agent, port, method, url, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        method,
        path: url,
        headers: { origin: ORIGIN, ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}) },
      },
      (res) => {
        const chunks = [];
        res.on('data', (chunk) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode, body: json, text });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** The answers an autosave client sends: the sample's, with its project's name and summary rewritten at each save. */
export function autosaveAnswers(base, client, n) {
  return { ...base, project_name: `Projet ${client} — version ${n}`, project_summary: `${n} ${base.project_summary ?? ''}`.slice(0, 1500) };
}

/**
 * The autosave floor: the same work as the database sees it at its simplest, the session read by its
 * token's hash and the versioned jsonb UPDATE ... RETURNING, sent straight through node-postgres by one
 * connection per draft of `drafts` (from createApplicants), each saving again and again. Returns
 * `phase(seconds)`, resolving with { rps, latencies }.
 */
export function autosaveFloor(pool, drafts, baseAnswers) {
  const versions = drafts.map(() => 1);
  return async function phase(seconds) {
    const latencies = [];
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      drafts.map(async (draft, client) => {
        const connection = await pool.connect();
        try {
          while (performance.now() < end) {
            const start = performance.now();
            const session = await connection.query(
              `SELECT s."id", s."lastUsedAt", s."expiresAt", u."id" AS "userId", u."roles"::text[] AS "roles"
                 FROM "Session" s JOIN "User" u ON u."id" = s."userId" WHERE s."tokenHash" = $1`,
              [draft.tokenHash],
            );
            if (session.rowCount !== 1) throw new Error('floor: session not found');
            const saved = await connection.query(
              `UPDATE "Application" SET "answers" = $2::jsonb, "version" = "version" + 1, "updatedAt" = now()
                WHERE "id" = $1 AND "version" = $3 AND "status" = 'DRAFT' RETURNING "version", "answers"`,
              [draft.applicationId, JSON.stringify(autosaveAnswers(baseAnswers, client, versions[client])), versions[client]],
            );
            if (saved.rowCount !== 1) throw new Error('floor: the versioned update changed nothing');
            versions[client] = saved.rows[0].version;
            latencies.push(performance.now() - start);
          }
        } finally {
          connection.release();
        }
      }),
    );
    return { rps: latencies.length / seconds, latencies };
  };
}

/**
 * Autosave clients, one per draft of `drafts`, on `port` (an API, or a load balancer): each saves its whole
 * form again and again, waiting for its answer, with the version the last save returned (the web app saves
 * one request at a time). `phase(seconds)` resolves with { rps, latencies }; `errors` collects the
 * answers other than 200; `lost(pool)` counts the drafts that do not hold their last acknowledged save.
 */
export function autosaveClients(agent, port, drafts, baseAnswers) {
  const acknowledged = drafts.map(() => ({ version: 1, title: null }));
  const errors = [];
  async function phase(seconds) {
    const latencies = [];
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      drafts.map(async (draft, client) => {
        while (performance.now() < end) {
          const state = acknowledged[client];
          const answers = autosaveAnswers(baseAnswers, client, state.version);
          const start = performance.now();
          const res = await request(agent, port, 'PATCH', `/api/applications/${draft.applicationId}`, { headers: { cookie: draft.cookie }, body: { version: state.version, answers } });
          latencies.push(performance.now() - start);
          if (res.status !== 200) {
            errors.push(`${res.status} ${res.text.slice(0, 200)}`);
            // Take the saved version from a conflict, so the next save can land.
            if (res.body?.details?.current) acknowledged[client] = { version: res.body.details.current.version, title: res.body.details.current.answers.project_name };
            continue;
          }
          acknowledged[client] = { version: res.body.version, title: res.body.answers.project_name };
        }
      }),
    );
    return { rps: latencies.length / seconds, latencies };
  }
  async function lost(pool) {
    const stored = await pool.query(`SELECT "id", "version", "answers"->>'project_name' AS "title" FROM "Application" WHERE "id" = ANY($1::uuid[])`, [drafts.map((d) => d.applicationId)]);
    const byId = new Map(stored.rows.map((row) => [row.id, row]));
    return drafts.filter((draft, client) => {
      const row = byId.get(draft.applicationId);
      return !row || row.version !== acknowledged[client].version || row.title !== acknowledged[client].title;
    }).length;
  }
  return { phase, errors, lost };
}

export { db, pg };
