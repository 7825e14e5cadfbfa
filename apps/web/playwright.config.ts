import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * The browser flows run against the real production server (`apps/api/dist/main.js` serving the built
 * web app), with its own embedded PostgreSQL in a fresh directory and the demo accounts seeded.
 * `npm run test:e2e` builds both apps first.
 */
const port = Number(process.env.E2E_PORT ?? 3211);
const baseURL = `http://localhost:${port}`;

// The config is also loaded by every worker process: the runner creates the directory once and the
// workers, which inherit its environment, see the same one. `e2e/global-teardown.ts` removes it.
process.env.TAHKIM_E2E_DATA_DIR ??= mkdtempSync(path.join(tmpdir(), 'tahkim-e2e-'));
const dataDir = process.env.TAHKIM_E2E_DATA_DIR;

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

const browser = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1280, height: 800 },
  launchOptions: {
    executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
    args: chromiumArgs,
  },
};

/** The browser tests that change the demo call's rounds or screening and check what they read back. */
const DEMO_CALL_SPECS = ['**/results.spec.ts', '**/second-look.spec.ts', '**/rounds.spec.ts', '**/decisions-ranking.spec.ts', '**/staff-desk.spec.ts', '**/ranking-figures.spec.ts'];

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results',
  globalTeardown: './e2e/global-teardown.ts',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 7_000 },
  reporter: [['list'], ['html', { outputFolder: './playwright-report', open: 'never' }]],
  use: {
    baseURL,
    // A first visit follows the browser's languages: these visitors browse in French unless a test says otherwise.
    locale: 'fr-FR',
    timezoneId: 'Africa/Casablanca',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'chromium', use: browser, testIgnore: DEMO_CALL_SPECS },
    // These change the demo call's rounds for a while (shortlists undone afterwards, a round set apart,
    // dossiers screened) and read them back: one at a time, beside the other tests.
    { name: 'demo call', use: browser, testMatch: DEMO_CALL_SPECS, workers: 1 },
  ],
  webServer: {
    command: 'node ../api/dist/main.js',
    cwd: '.',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 90_000,
    // SIGTERM lets the server close HTTP, the job workers and then its embedded PostgreSQL.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      // No APP_URL: the server's default (http://localhost:$PORT) must accept its own pages' sign-ins,
      // as it does for someone who runs `PORT=3500 npm start`.
      PORT: String(port),
      APP_URL: '',
      DATA_DIR: dataDir,
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      // The server trusts X-Forwarded-For from the local test runner, as it would from a reverse proxy:
      // each test browses from its own address (see e2e/support/test.ts), so the per-address sign-in
      // throttle tripped by one test never refuses another test's sign-ins.
      TRUST_PROXY: '127.0.0.1',
      DATABASE_URL: '',
      SMTP_URL: '',
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
    },
  },
});
