// The cluster test: the production shape (two web replicas, a worker, haproxy, PostgreSQL, an S3 store;
// scripts/cluster/topology.mjs) driven through the balancer's URL as browsers would, then replicas killed.
// Visitors come from their own loopback addresses (127.0.0.x), so the balancer forwards a distinct client
// address for each, as on the Internet. Needs the compiled API (`npm run test:cluster` builds it) and haproxy.
//   npm run test:cluster -w @tahkim/api
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { URL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { API_DIR, ensureHaproxy, freePort, startCluster } from '../../scripts/cluster/topology.mjs';

const require = createRequire(import.meta.url);
const { SMTPServer } = require('smtp-server');
const pg = require('pg');
const { DEMO_CALL_SLUG } = require('@tahkim/db');

const PASSWORD = 'cluster-test-password-2026';
const ADMIN = { email: 'admin@cluster.test', password: 'cluster-admin-password' };

// ---------------------------------------------------------------------------------------------------------
// An SMTP server that records each message once it answered "250" to it. `holdMs` makes it wait before that
// answer (a slow mail server): a client that disconnects meanwhile has not delivered its message.
// ---------------------------------------------------------------------------------------------------------
function smtpRecorder() {
  const received = [];
  const closed = new Set();
  const state = { holdMs: 0, holding: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onClose(session) {
      closed.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks = [];
      stream.on('data', (chunk) => chunks.push(chunk));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        if (state.holdMs > 0) {
          state.holding += 1;
          await sleep(state.holdMs);
          state.holding -= 1;
        }
        if (closed.has(session.id)) return; // the sender went away before our answer: not delivered
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), messageId: /^message-id:\s*(\S+)/im.exec(raw)?.[1] ?? '', raw });
        callback();
      });
    },
  });
  return {
    received,
    state,
    listen: () => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.server.address().port))),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// ---------------------------------------------------------------------------------------------------------
// HTTP through the balancer (or straight to a replica), from a chosen loopback address.
// ---------------------------------------------------------------------------------------------------------
let cluster;
let origin;
const agents = new Map();
function agentFor(from) {
  if (!agents.has(from)) agents.set(from, new http.Agent({ keepAlive: true, localAddress: from }));
  return agents.get(from);
}

function send(method, urlPath, { port = cluster.ports.balancer, from = '127.0.0.1', cookie, body, headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    let payload;
    const head = { origin, ...headers };
    if (cookie) head.cookie = cookie;
    if (Buffer.isBuffer(body)) payload = body;
    else if (body !== undefined) {
      payload = Buffer.from(JSON.stringify(body));
      head['content-type'] = 'application/json';
    }
    if (payload) head['content-length'] = String(payload.length);
    const req = http.request({ host: '127.0.0.1', port, method, path: urlPath, headers: head, agent: agentFor(from) }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        let json;
        try {
          json = JSON.parse(bytes.toString('utf8'));
        } catch {
          json = undefined;
        }
        const setCookie = res.headers['set-cookie']?.map((c) => c.split(';')[0]).find((c) => c.startsWith('tahkim_session='));
        resolve({ status: res.statusCode, body: json, bytes, servedBy: res.headers['x-served-by'], setCookie });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}

async function register(name, from) {
  const email = `${name}-${randomUUID().slice(0, 8)}@cluster.test`;
  const res = await send('POST', '/api/auth/register', { from, body: { email, password: PASSWORD, displayName: `Porteuse ${name}`, locale: 'fr' } });
  assert.equal(res.status, 201, res.bytes.toString());
  assert.ok(res.setCookie, 'the registration signs in');
  return { email, id: res.body.id, cookie: res.setCookie, from };
}

async function signIn(email, password, from) {
  const res = await send('POST', '/api/auth/login', { from, body: { email, password } });
  assert.equal(res.status, 200, res.bytes.toString());
  return res.setCookie;
}

function pdfBytes(size = 4096) {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n', 'latin1');
  const tail = Buffer.from('\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
  return Buffer.concat([head, randomBytes(size - head.length - tail.length), tail]);
}

function multipart(fileName, mediaType, bytes) {
  const boundary = `----tahkim${randomUUID()}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mediaType}\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

async function until(what, check, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`${what}: not within ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

// ---------------------------------------------------------------------------------------------------------

describe('the cluster: two web replicas and a worker behind haproxy, files in S3', { timeout: 600_000 }, () => {
  const smtp = smtpRecorder();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tahkim-cluster-'));
  let sql;
  let facts;

  before(async () => {
    ensureHaproxy((line) => process.stdout.write(`${line}\n`));
    const smtpPort = await smtp.listen();
    cluster = await startCluster({
      dataDir,
      persistent: false,
      env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, DEMO_DATA: 'true', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'warn' },
      // An email whose worker died goes back to the queue 5 s after it was taken (not 30) and is retried a
      // second later (not after the usual backoff).
      extraEnv: { EMAIL_RETRY_DELAY_SECONDS: '1', EMAIL_JOB_EXPIRY_SECONDS: '5' },
      log: (name, line) => {
        if (process.env.CLUSTER_LOG) process.stdout.write(`[${name}] ${line}\n`);
      },
    });
    origin = new URL(cluster.appUrl).origin;
    sql = new pg.Pool({ connectionString: cluster.databaseUrl, max: 4 });
    const call = (await sql.query(`SELECT "id" FROM "Call" WHERE "slug" = $1`, [DEMO_CALL_SLUG])).rows[0];
    const fields = (await sql.query(`SELECT "key", "type" FROM "FormField" WHERE "callId" = $1 AND NOT "hidden" ORDER BY "position"`, [call.id])).rows;
    const sample = (await sql.query(`SELECT "answers" FROM "Application" WHERE "callId" = $1 AND "status" <> 'DRAFT' ORDER BY "submittedAt" LIMIT 1`, [call.id])).rows[0];
    facts = {
      callId: call.id,
      fileKeys: fields.filter((f) => f.type === 'FILE').map((f) => f.key),
      textKey: fields.find((f) => f.type === 'LONG_TEXT' || f.type === 'SHORT_TEXT').key,
      answers: sample.answers,
    };
  });

  after(async () => {
    await sql?.end();
    await cluster?.stop();
    await smtp.close();
    for (const agent of agents.values()) agent.destroy();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts in under 30 s', (t) => {
    t.diagnostic(`started in ${(cluster.startedInMs / 1000).toFixed(1)} s`);
    assert.ok(cluster.startedInMs < 30_000, `started in ${cluster.startedInMs} ms`);
  });

  it('shares sessions: signed in through one replica, known to both', async () => {
    const person = await register('session', '127.0.0.11');
    const servedBy = new Set();
    for (let i = 0; i < 6; i++) {
      const me = await send('GET', '/api/auth/me', { cookie: person.cookie, from: person.from });
      assert.equal(me.status, 200);
      assert.equal(me.body.email, person.email);
      servedBy.add(me.servedBy);
    }
    assert.deepEqual([...servedBy].sort(), ['web-1', 'web-2']);
  });

  let applicant;
  let application;
  it('autosaves a draft through both replicas in turn, each save checked against the version', async () => {
    applicant = await register('brouillon', '127.0.0.12');
    const created = await send('POST', `/api/calls/${facts.callId}/applications`, { cookie: applicant.cookie, from: applicant.from, body: {} });
    assert.equal(created.status, 201, created.bytes.toString());
    application = created.body;
    const servedBy = [];
    for (let i = 1; i <= 8; i++) {
      const answers = { ...facts.answers, [facts.textKey]: `${facts.answers[facts.textKey]} (version ${i})` };
      const saved = await send('PATCH', `/api/applications/${application.id}`, { cookie: applicant.cookie, from: applicant.from, body: { version: application.version, answers } });
      assert.equal(saved.status, 200, saved.bytes.toString());
      assert.equal(saved.body.version, application.version + 1);
      application = saved.body;
      servedBy.push(saved.servedBy);
    }
    assert.ok(servedBy.includes('web-1') && servedBy.includes('web-2'), servedBy.join());
    // A save based on a version another replica already replaced is refused, with what is saved now.
    const stale = await send('PATCH', `/api/applications/${application.id}`, {
      cookie: applicant.cookie,
      from: applicant.from,
      body: { version: application.version - 1, answers: facts.answers },
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, 'VERSION_CONFLICT');
    assert.equal(stale.body.details.current.version, application.version);
  });

  it('stores uploads in the S3 store: sent through one replica, the same bytes read through the other', async () => {
    const uploads = [];
    for (const [i, fieldKey] of facts.fileKeys.entries()) {
      const bytes = pdfBytes(4096 + i);
      const { body, headers } = multipart(`dossier-${i + 1}.pdf`, 'application/pdf', bytes);
      const through = cluster.ports.web[i % 2];
      const res = await send('POST', `/api/applications/${application.id}/attachments?fieldKey=${encodeURIComponent(fieldKey)}`, {
        port: through,
        cookie: applicant.cookie,
        body,
        headers,
      });
      assert.equal(res.status, 201, res.bytes.toString());
      uploads.push({ id: res.body.id, bytes, readThrough: cluster.ports.web[(i + 1) % 2] });
    }
    assert.ok(uploads.length > 0, 'the demo call asks for files');
    const stored = filesUnder(cluster.s3.directory).map((file) => readFileSync(file));
    for (const upload of uploads) {
      const res = await send('GET', `/api/applications/${application.id}/attachments/${upload.id}`, { port: upload.readThrough, cookie: applicant.cookie });
      assert.equal(res.status, 200);
      assert.ok(res.bytes.equals(upload.bytes), 'the bytes read through the other replica are the ones sent');
      assert.ok(stored.some((content) => content.equals(upload.bytes)), 'the file is in the S3 store');
    }
    // Nothing on the replicas' own disks.
    for (const port of cluster.ports.web) assert.deepEqual(filesUnder(path.join(dataDir, `web-${port}`, 'files')), []);
  });

  it('gives 20 parallel submits across the replicas one reference, and the worker sends one receipt', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => send('POST', `/api/applications/${application.id}/submit`, { cookie: applicant.cookie, from: `127.0.1.${i + 1}`, body: {} })),
    );
    assert.deepEqual([...new Set(results.map((r) => r.status))], [200], results.map((r) => `${r.status} ${r.bytes}`).join('\n'));
    const references = new Set(results.map((r) => r.body.reference));
    assert.equal(references.size, 1);
    assert.ok(new Set(results.map((r) => r.servedBy)).size === 2, 'both replicas took submits');
    const row = (await sql.query(`SELECT "status", "reference" FROM "Application" WHERE "id" = $1`, [application.id])).rows[0];
    assert.deepEqual(row, { status: 'SUBMITTED', reference: [...references][0] });
    const audits = (await sql.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "action" = 'application.submitted' AND "entityId" = $1`, [application.id])).rows[0].n;
    assert.equal(audits, 1);

    const emails = (await sql.query(`SELECT "id" FROM "EmailMessage" WHERE "dedupeKey" = $1`, [`application-received:${application.id}`])).rows;
    assert.equal(emails.length, 1);
    const messageId = `<${emails[0].id}@tahkim>`;
    await until('the receipt reaches the mail server', () => smtp.received.some((m) => m.messageId === messageId), 30_000);
    await sleep(1500);
    assert.equal(smtp.received.filter((m) => m.messageId === messageId).length, 1);
    assert.deepEqual(smtp.received.find((m) => m.messageId === messageId).to, [applicant.email]);
  });

  it('shows staff the same ranking through either replica', async () => {
    const cookie = await signIn(ADMIN.email, ADMIN.password, '127.0.0.13');
    const round = (
      await sql.query(
        `SELECT a."roundId" AS id FROM "Scorecard" s JOIN "Assignment" a ON a."id" = s."assignmentId"
          WHERE s."status" = 'SUBMITTED' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
      )
    ).rows[0];
    const first = await send('GET', `/api/rounds/${round.id}/ranking`, { cookie, from: '127.0.0.13' });
    const second = await send('GET', `/api/rounds/${round.id}/ranking`, { cookie, from: '127.0.0.13' });
    assert.equal(first.status, 200, first.bytes.toString());
    assert.equal(second.status, 200);
    assert.notEqual(first.servedBy, second.servedBy);
    assert.ok(first.body.items.length > 0);
    assert.deepEqual(second.body.items, first.body.items);
  });

  /** Four applicants, each with a fresh draft of the demo call. */
  async function burstWriters(label, subnet) {
    const writers = [];
    for (let w = 0; w < 4; w++) {
      const person = await register(`${label}-${w}`, `127.0.${subnet}.${w + 1}`);
      const created = await send('POST', `/api/calls/${facts.callId}/applications`, { cookie: person.cookie, from: person.from, body: {} });
      assert.equal(created.status, 201);
      writers.push({ person, id: created.body.id, version: created.body.version, acknowledged: null });
    }
    return writers;
  }

  /**
   * Each writer saves its draft again and again through the balancer, as the web app does: one save at a
   * time, with the version the last one returned; a request answered by no replica is sent again. After
   * 1.5 s `action` runs (a replica stopped), the burst goes on for 3 s. Then every draft must hold its last
   * acknowledged save. Resolves with the counts and the replicas that answered after the action.
   */
  async function autosaveBurst(writers, action) {
    const stats = { before: 0, total: 0, retried: 0, afterAction: new Set() };
    let stop = false;
    let acted = false;
    const write = async (writer) => {
      for (let n = 1; !stop; n++) {
        const text = `Sauvegarde ${n} de ${writer.id}`;
        for (;;) {
          let res;
          try {
            res = await send('PATCH', `/api/applications/${writer.id}`, {
              cookie: writer.person.cookie,
              from: writer.person.from,
              body: { version: writer.version, answers: { [facts.textKey]: text } },
            });
          } catch {
            res = { status: 0 }; // the connection broke: no answer, so nothing acknowledged
          }
          if (res.status === 200) {
            writer.version = res.body.version;
            writer.acknowledged = { version: res.body.version, text };
            stats.total += 1;
            if (acted) stats.afterAction.add(res.servedBy);
            break;
          }
          // No conflict either: a save committed by a replica that died before answering, sent again (by
          // haproxy or by us), is answered with what is saved.
          assert.ok([0, 502, 503, 504].includes(res.status), `unexpected ${res.status} ${res.bytes}`);
          stats.retried += 1;
          await sleep(100);
        }
      }
    };
    const running = writers.map(write);
    await sleep(1500);
    stats.before = stats.total;
    await action();
    acted = true;
    await sleep(3000);
    stop = true;
    await Promise.all(running);
    assert.ok(stats.before > 0 && stats.total > stats.before, `saves before the action ${stats.before}, in all ${stats.total}`);
    for (const writer of writers) {
      const row = (await sql.query(`SELECT "version", "answers" FROM "Application" WHERE "id" = $1`, [writer.id])).rows[0];
      assert.equal(row.version, writer.acknowledged.version, 'the draft holds its last acknowledged version');
      assert.equal(row.answers[facts.textKey], writer.acknowledged.text);
    }
    return stats;
  }

  it('stops a web replica gracefully on SIGTERM in the middle of an autosave burst: every save answered', async (t) => {
    const writers = await burstWriters('arret', 6);
    let exit;
    try {
      const stats = await autosaveBurst(writers, async () => {
        const stopping = Date.now();
        exit = { ...(await cluster.web[1].stop('SIGTERM', 20_000)), ms: Date.now() - stopping };
      });
      t.diagnostic(`${stats.total} saves acknowledged (${stats.before} before the SIGTERM); the replica exited in ${exit.ms} ms; ${stats.retried} requests sent again`);
      assert.deepEqual({ code: exit.code, signal: exit.signal }, { code: 0, signal: null }, 'the replica ended by itself, not killed');
      assert.ok(exit.ms < 10_000, `stopped in ${exit.ms} ms`);
      assert.deepEqual([...stats.afterAction], ['web-1']);
    } finally {
      await restartWeb(1);
    }
  });

  /** Starts replica i again if it is down, and waits until the balancer sends requests to it. */
  async function restartWeb(i) {
    if (!cluster.web[i].running) await cluster.startWeb(i);
    await until(`web-${i + 1} answers through the balancer again`, async () => (await send('GET', '/api/health')).servedBy === `web-${i + 1}`, 15_000);
  }

  it('loses no acknowledged autosave when a web replica is killed (SIGKILL) in the middle of a burst', async (t) => {
    const writers = await burstWriters('rafale', 2);
    try {
      const stats = await autosaveBurst(writers, async () => {
        cluster.web[0].child.kill('SIGKILL');
        // Answers the replica finished before it died may still be on their way.
        await cluster.web[0].exited;
        await sleep(200);
      });
      t.diagnostic(`${stats.total} saves acknowledged (${stats.before} before the kill), ${stats.retried} requests answered by no replica and sent again`);
      assert.deepEqual([...stats.afterAction], ['web-2'], 'after the kill only the living replica answers');
    } finally {
      // Back in service: the balancer sends to the restarted replica again.
      await restartWeb(0);
    }
  });

  it('delivers each email exactly once when the worker is killed while emails are queued, and only the worker sends', async (t) => {
    const people = [];
    for (let i = 0; i < 12; i++) people.push(await register(`courriel-${i}`, `127.0.3.${i + 1}`));
    const addresses = new Set(people.map((p) => p.email));
    const resets = () => smtp.received.filter((m) => m.to.some((to) => addresses.has(to)) && /reset-password/.test(m.raw));

    smtp.state.holdMs = 3000;
    for (const [i, person] of people.entries()) {
      const res = await send('POST', '/api/auth/password-reset', { from: `127.0.4.${i + 1}`, body: { email: person.email } });
      assert.ok(res.status < 300, `${res.status} ${res.bytes}`);
    }
    await until('the worker is sending', () => smtp.state.holding > 0, 30_000);
    cluster.worker.child.kill('SIGKILL');
    await cluster.worker.exited;
    smtp.state.holdMs = 0;
    await sleep(3000);
    assert.equal(resets().length, 0, 'the web replicas send nothing themselves, and the interrupted message was not delivered');

    const restarted = Date.now();
    await cluster.startWorker();
    await until('every reset email delivered', () => resets().length >= people.length, 120_000);
    t.diagnostic(`the restarted worker delivered the ${people.length} emails in ${((Date.now() - restarted) / 1000).toFixed(1)} s`);
    await sleep(2000);
    const delivered = resets();
    assert.equal(delivered.length, people.length);
    assert.equal(new Set(delivered.map((m) => m.messageId)).size, people.length);
    assert.deepEqual(delivered.map((m) => m.to[0]).sort(), [...addresses].sort());
    const rows = (await sql.query(`SELECT "status", count(*)::int AS n FROM "EmailMessage" WHERE "toAddress" = ANY($1) AND "template" = 'password-reset' GROUP BY 1`, [[...addresses]])).rows;
    assert.deepEqual(rows, [{ status: 'SENT', n: people.length }]);
  });

  it('shares the login throttle: ten wrong passwords in all, whichever replica checks them', async () => {
    const person = await register('verrou', '127.0.0.14');
    const from = '127.0.5.1';
    const attempts = [];
    for (let i = 0; i < 14; i++) attempts.push(await send('POST', '/api/auth/login', { from, body: { email: person.email, password: 'not-the-password' } }));
    assert.deepEqual([...new Set(attempts.map((a) => a.servedBy))].sort(), ['web-1', 'web-2']);
    const checks = (await sql.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "action" = 'auth.login_failed' AND "entityId" = $1`, [person.id])).rows[0].n;
    assert.equal(checks, 10);
    assert.deepEqual(attempts.slice(-4).map((a) => a.status), [429, 429, 429, 429]);
    assert.equal((await send('POST', '/api/auth/login', { from, body: { email: person.email, password: PASSWORD } })).status, 429);
    assert.equal((await send('POST', '/api/auth/login', { from: '127.0.5.2', body: { email: person.email, password: PASSWORD } })).status, 200);
  });

  it('stops cleanly: every process ends by itself, the ports are free again', async () => {
    const processes = [...cluster.web, cluster.worker, cluster.haproxy];
    await sql.end();
    sql = undefined;
    const stopping = Date.now();
    await cluster.stop();
    assert.ok(Date.now() - stopping < 20_000, `stopped in ${Date.now() - stopping} ms`);
    for (const child of processes) {
      const { code, signal } = await child.exited;
      assert.ok(code === 0 || (child.name === 'haproxy' && signal === 'SIGTERM'), `${child.name} ended with ${signal ?? code}`);
    }
    for (const port of [cluster.ports.balancer, ...cluster.ports.web, cluster.ports.s3, cluster.ports.database]) {
      assert.equal(await portAnswers(port), false, `port ${port} still answers`);
    }
  });
});

/** Whether something accepts connections on 127.0.0.1:port. */
function portAnswers(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('npm run cluster', { timeout: 120_000 }, () => {
  it('prints the URL once the topology answers, and Ctrl-C stops everything it started', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tahkim-cluster-cli-'));
    const port = await freePort();
    const child = spawn(process.execPath, ['scripts/cluster.mjs'], {
      cwd: API_DIR,
      env: { ...process.env, PORT: String(port), DATA_DIR: dir, DEMO_DATA: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    try {
      await until('the cluster is ready', () => /Tahkim cluster ready in [\d.]+ s: http:\/\/localhost:\d+/.test(output), 60_000);
      const pids = [...output.matchAll(/\(pid (\d+)/g)].map((m) => Number(m[1]));
      assert.equal(pids.length, 3, output); // two web replicas and the worker
      const health = await new Promise((resolve) => http.get({ host: '127.0.0.1', port, path: '/api/health', agent: false }, (res) => { res.resume(); resolve(res.statusCode); }).on('error', () => resolve(0)));
      assert.equal(health, 200);
      child.kill('SIGINT');
      assert.deepEqual(await exited, { code: 0, signal: null });
      assert.match(output, /Stopped\s*$/);
      for (const pid of pids) assert.equal(isRunning(pid), false, `process ${pid} still runs`);
      assert.equal(await portAnswers(port), false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
