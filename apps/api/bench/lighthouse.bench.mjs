// Lighthouse (mobile preset: emulated Moto G Power, simulated slow 4G, 4x CPU slowdown) on the pages an
// applicant on a phone meets first (issue 13):
//   - /calls, the public list of calls;
//   - /calls/<slug>, the demo call's public page (slug read from GET /api/calls);
//   - /portal/applications/<id>, the application form of a signed-in applicant (a draft of the demo
//     applicant, started on the demo call when there is none; signed in through the API, the session
//     cookie is put in the measured browser before Lighthouse opens the page).
// Each page is measured --runs times (3 by default), each run in a fresh headless Chromium; it prints, per
// run and as the median of the runs: the performance, accessibility and best-practices scores, LCP, TBT,
// FCP, CLS, the bytes transferred (all, and JavaScript only); then one line per page comparing the median
// with the issue's targets. It is a bench: it prints and exits 0 whatever the scores (not part of npm test).
// The Lighthouse JSON reports are written to a temporary directory, whose path is printed.
//
// Run on demand, from the repository root:
//   npm run bench:web [-- --runs N --port P --no-build]
//   npm run bench:web -- --url http://localhost:3000 [--email E --password P]
// Without --url it builds the API and the web app (turbo; cached when nothing changed; --no-build skips it)
// and starts the production server (apps/api/dist/main.js serving apps/web/dist) on a free local port
// (or --port), with its embedded PostgreSQL and the demo data in a temporary DATA_DIR; the server is
// stopped and the directory removed at the end, on failure and on Ctrl-C. With --url it measures an app
// already running there (the applicant's account must exist; it may start a draft for it).
// Chromium: CHROME_PATH, or Debian's /usr/bin/chromium. LOG_LEVEL=info shows the server's logs.
import { Buffer } from 'node:buffer';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, URL } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import puppeteer from 'puppeteer-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const MAIN_JS = path.join(ROOT, 'apps/api/dist/main.js');
const WEB_INDEX = path.join(ROOT, 'apps/web/dist/index.html');
const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];
const DEMO_CALL_SLUG = 'innovation-sociale-2026';

const args = process.argv.slice(2);
function option(name, fallback) {
  const index = args.indexOf(name);
  if (index === -1) return fallback;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}
const known = new Set(['--runs', '--port', '--url', '--email', '--password', '--no-build']);
for (const arg of args) if (arg.startsWith('--') && !known.has(arg)) throw new Error(`unknown option ${arg} (known: ${[...known].join(', ')})`);
const RUNS = Number(option('--runs', '3'));
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs must be a positive whole number');
const URL_OPTION = option('--url', undefined);
const PORT_OPTION = option('--port', undefined);
const EMAIL = option('--email', 'applicant@tahkim.example');
const PASSWORD = option('--password', 'Demo-applicant-2026');
const BUILD = !args.includes('--no-build') && URL_OPTION === undefined;

/** The issue's targets, per page: the form may score a little lower than the public pages. */
const TARGETS = {
  calls: { performance: 90, accessibility: 95, 'best-practices': 95 },
  call: { performance: 90, accessibility: 95, 'best-practices': 95 },
  form: { performance: 85, accessibility: 95, 'best-practices': 95 },
};

// ---------------------------------------------------------------------------------------------------------
// What is started here, and its cleanup (idempotent; on success, failure, Ctrl-C and SIGTERM).

let server; // the child process of the production server
let serverExited;
let dataDir;
let chrome; // the current chrome-launcher instance
let cleaning;

function cleanup() {
  cleaning ??= (async () => {
    if (chrome) {
      try {
        await chrome.kill();
      } catch {
        // already gone
      }
      chrome = undefined;
    }
    if (server && server.exitCode === null && server.signalCode === null) {
      // SIGTERM lets the server close HTTP, its job workers and then its embedded PostgreSQL.
      try {
        process.kill(server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const stopped = await Promise.race([serverExited.then(() => true), sleep(20_000).then(() => false)]);
      if (!stopped) {
        console.error(`The server (pid ${server.pid}) did not stop within 20 s: killing its process group.`);
        try {
          process.kill(-server.pid, 'SIGKILL'); // the server was started in a process group of its own
        } catch {
          // already gone
        }
        await Promise.race([serverExited, sleep(5_000)]);
      }
    }
    if (dataDir) {
      rmSync(dataDir, { recursive: true, force: true });
      dataDir = undefined;
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the server and removing its data directory...`);
    void cleanup().finally(() => process.exit(130));
  });
}
// Last resort if the process exits some other way: synchronous, best effort.
process.once('exit', () => {
  if (server && server.exitCode === null && server.signalCode === null) {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------------------
// The app: built and started here, or the one at --url.

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function build() {
  console.log('Building the API and the web app (turbo)...');
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/turbo'), ['run', 'build', '--filter=@tahkim/api', '--filter=@tahkim/web', '--output-logs=errors-only'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`the build failed (exit code ${result.status ?? result.signal})`);
}

async function startServer() {
  if (!existsSync(MAIN_JS) || !existsSync(WEB_INDEX)) throw new Error(`${MAIN_JS} or ${WEB_INDEX} is missing: build first (run without --no-build)`);
  const port = PORT_OPTION === undefined ? await freePort() : Number(PORT_OPTION);
  dataDir = mkdtempSync(path.join(tmpdir(), 'tahkim-bench-web-data-'));
  const logLevel = process.env.LOG_LEVEL || 'warn';
  const output = [];
  server = spawn(process.execPath, [MAIN_JS], {
    cwd: path.join(ROOT, 'apps/api'),
    // A process group of its own: a Ctrl-C in the terminal reaches this script, which stops the server
    // in order (SIGTERM, then its PostgreSQL) instead of both racing.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      APP_URL: '',
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      LOG_LEVEL: logLevel,
      DATABASE_URL: '',
      SMTP_URL: '',
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
      TRUST_PROXY: '',
    },
  });
  serverExited = new Promise((resolve) => server.once('exit', resolve));
  for (const stream of [server.stdout, server.stderr]) {
    stream.on('data', (chunk) => {
      if (logLevel !== 'warn') process.stderr.write(chunk);
      output.push(chunk);
      if (output.length > 200) output.shift();
    });
  }
  const base = `http://localhost:${port}`;
  console.log(`Starting the production server on ${base} (embedded PostgreSQL and demo data in ${dataDir})...`);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(`the server stopped (exit code ${server.exitCode ?? server.signalCode}):\n${Buffer.concat(output).toString()}`);
    }
    try {
      const response = await globalThis.fetch(`${base}/api/health`, { signal: globalThis.AbortSignal.timeout(2_000) });
      if (response.ok) return base;
    } catch {
      // not listening yet
    }
    await sleep(500);
  }
  throw new Error(`the server did not answer ${base}/api/health within 120 s:\n${Buffer.concat(output).toString()}`);
}

/** JSON from the API; `cookie` signs the request in; writes carry the Origin the CSRF check expects. */
async function api(base, method, pathname, { cookie, body } = {}) {
  const headers = { accept: 'application/json', origin: new URL(base).origin };
  if (cookie) headers.cookie = cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await globalThis.fetch(new URL(pathname, base), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${pathname} answered ${response.status}: ${text.slice(0, 500)}`);
  return { response, json: text ? JSON.parse(text) : undefined };
}

/** The pages to measure: the calls list, the demo call's page, and a draft's form with the applicant's cookie. */
async function pagesOf(base) {
  const { json: calls } = await api(base, 'GET', '/api/calls');
  const call = calls.items.find((item) => item.slug === DEMO_CALL_SLUG) ?? calls.items[0];
  if (!call) throw new Error('GET /api/calls lists no call: the form and the call page need one');

  const { response } = await api(base, 'POST', '/api/auth/login', { body: { email: EMAIL, password: PASSWORD } });
  const pairs = response.headers.getSetCookie().map((header) => header.split(';')[0]);
  if (pairs.length === 0) throw new Error('signing in set no cookie');
  const cookie = pairs.join('; ');
  const { hostname, protocol } = new URL(base);
  const cookies = pairs.map((pair) => {
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: hostname, path: '/', httpOnly: true, secure: protocol === 'https:', sameSite: 'Lax' };
  });
  const { json: mine } = await api(base, 'GET', '/api/applications/mine', { cookie });
  const drafts = mine.items.filter((item) => item.status === 'DRAFT');
  let draft = drafts.find((item) => item.callId === call.id) ?? drafts[0];
  if (!draft) {
    console.log(`${EMAIL} has no draft: starting one on "${call.slug}".`);
    draft = (await api(base, 'POST', `/api/calls/${call.id}/applications`, { cookie, body: {} })).json;
  }
  return [
    { key: 'calls', label: '/calls', url: new URL('/calls', base).href },
    { key: 'call', label: `/calls/${call.slug}`, url: new URL(`/calls/${call.slug}`, base).href },
    { key: 'form', label: `/portal/applications/${draft.id} (${EMAIL})`, url: new URL(`/portal/applications/${draft.id}`, base).href, cookies },
  ];
}

// ---------------------------------------------------------------------------------------------------------
// Lighthouse.

async function measure(page, run, reportDir) {
  chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, handleSIGINT: false, logLevel: 'silent' });
  try {
    // Lighthouse drives a tab opened here: the applicant's session cookie goes into this browser's cookie
    // jar first, as after signing in (Lighthouse's storage reset leaves cookies; an `extraHeaders` Cookie
    // reaches the document but not the page's own fetch calls, which then see nobody signed in).
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
    const [tab = await browser.newPage()] = await browser.pages(); // the window's own tab, in the foreground
    if (page.cookies) await browser.setCookie(...page.cookies);
    // No config: Lighthouse's default, the mobile preset.
    const result = await lighthouse(page.url, { output: 'json', logLevel: 'error', onlyCategories: CATEGORIES }, undefined, tab);
    await browser.disconnect();
    if (!result) throw new Error(`Lighthouse returned nothing for ${page.url}`);
    const file = path.join(reportDir, `${page.key}-${run}.json`);
    writeFileSync(file, result.report);
    const { lhr } = result;
    if (lhr.runtimeError) {
      throw Object.assign(new Error(`Lighthouse could not measure ${page.url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`), { code: lhr.runtimeError.code });
    }
    if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(page.url).pathname) {
      throw new Error(`${page.url} ended on ${lhr.finalDisplayedUrl} instead (see ${file})`);
    }
    const score = (id) => (lhr.categories[id]?.score == null ? Number.NaN : Math.round(lhr.categories[id].score * 100));
    const value = (id) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const summary = lhr.audits['resource-summary']?.details?.items ?? [];
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      'best-practices': score('best-practices'),
      lcp: value('largest-contentful-paint'),
      tbt: value('total-blocking-time'),
      fcp: value('first-contentful-paint'),
      cls: value('cumulative-layout-shift'),
      bytes: value('total-byte-weight'),
      jsBytes: summary.find((item) => item.resourceType === 'script')?.transferSize ?? Number.NaN,
      // Lighthouse's measure of the host's CPU speed (higher is faster): a busy machine lowers it and
      // inflates TBT, which the simulated 4x slowdown multiplies.
      benchmarkIndex: lhr.environment?.benchmarkIndex ?? Number.NaN,
      warnings: lhr.runWarnings ?? [],
    };
  } finally {
    await chrome.kill();
    chrome = undefined;
  }
}

function median(values) {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const COLUMNS = [
  ['perf', (r) => String(r.performance), 5],
  ['a11y', (r) => String(r.accessibility), 5],
  ['bp', (r) => String(r['best-practices']), 5],
  ['LCP', (r) => `${(r.lcp / 1000).toFixed(2)} s`, 9],
  ['TBT', (r) => `${Math.round(r.tbt)} ms`, 9],
  ['FCP', (r) => `${(r.fcp / 1000).toFixed(2)} s`, 9],
  ['CLS', (r) => r.cls.toFixed(3), 7],
  ['total', (r) => `${(r.bytes / 1024).toFixed(0)} KiB`, 10],
  ['JS', (r) => `${(r.jsBytes / 1024).toFixed(0)} KiB`, 10],
  ['host', (r) => r.benchmarkIndex.toFixed(0), 7],
];
const row = (label, r) => `  ${label.padEnd(8)}${COLUMNS.map(([, cell, width]) => cell(r).padStart(width)).join('')}`;
const header = () => `  ${'run'.padEnd(8)}${COLUMNS.map(([name, , width]) => name.padStart(width)).join('')}`;

// ---------------------------------------------------------------------------------------------------------

async function main() {
  if (!existsSync(CHROME_PATH)) throw new Error(`no Chromium at ${CHROME_PATH}: install Debian's chromium or set CHROME_PATH`);
  if (BUILD) build();
  const base = URL_OPTION === undefined ? await startServer() : new URL(URL_OPTION).origin;
  const pages = await pagesOf(base);
  const reportDir = mkdtempSync(path.join(tmpdir(), 'tahkim-bench-web-reports-'));
  const chromeVersion = spawnSync(CHROME_PATH, ['--version'], { encoding: 'utf8' }).stdout?.trim() || CHROME_PATH;
  const lighthouseVersion = createRequire(import.meta.url)('lighthouse/package.json').version;
  console.log(`Lighthouse ${lighthouseVersion}, mobile preset (Moto G Power, simulated slow 4G, 4x CPU slowdown); ${chromeVersion}`);
  console.log(`${RUNS} run(s) per page on ${base}; load average before: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`JSON reports: ${reportDir}`);
  console.log('host: Lighthouse\'s benchmark index of this machine during the run (higher is faster; other work lowers it and raises TBT)\n');

  const medians = [];
  for (const page of pages) {
    console.log(`${page.label}\n${header()}`);
    const results = [];
    for (let run = 1; run <= RUNS; run++) {
      // Chromium sometimes loses the trace's start (NO_NAVSTART): that run is measured again, once.
      const result = await measure(page, run, reportDir).catch((error) => {
        if (error.code !== 'NO_NAVSTART') throw error;
        console.log(`  run ${run}: ${error.message}; measuring again`);
        return measure(page, run, reportDir);
      });
      results.push(result);
      console.log(row(String(run), result));
      for (const warning of result.warnings) console.log(`    warning: ${warning}`);
    }
    const m = {};
    for (const key of ['performance', 'accessibility', 'best-practices', 'lcp', 'tbt', 'fcp', 'cls', 'bytes', 'jsBytes', 'benchmarkIndex']) m[key] = median(results.map((r) => r[key]));
    console.log(`${row('median', m)}\n`);
    medians.push({ page, median: m });
  }

  console.log(`Medians of ${RUNS} run(s) against issue 13's targets (performance >= 90, >= 85 on the form; accessibility >= 95; best practices >= 95), load average after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const width = Math.max(...pages.map((p) => p.key.length));
  for (const { page, median: m } of medians) {
    const checks = Object.entries(TARGETS[page.key]).map(([category, target]) => {
      const name = { performance: 'performance', accessibility: 'accessibility', 'best-practices': 'best practices' }[category];
      return { text: `${name} ${m[category]}${m[category] >= target ? '' : ` (< ${target})`}`, ok: m[category] >= target };
    });
    const verdict = checks.every((c) => c.ok) ? 'meets the targets' : 'MISSES the targets';
    console.log(
      `  ${page.key.padEnd(width)}  ${verdict}: ${checks.map((c) => c.text).join(', ')}; LCP ${(m.lcp / 1000).toFixed(2)} s, TBT ${Math.round(m.tbt)} ms, JS ${(m.jsBytes / 1024).toFixed(0)} KiB of ${(m.bytes / 1024).toFixed(0)} KiB  [${page.label}]`,
    );
  }
  console.log(`\nJSON reports (open one in https://googlechrome.github.io/lighthouse/viewer/): ${reportDir}`);
}

try {
  await main();
} catch (error) {
  console.error(`bench:web failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}
