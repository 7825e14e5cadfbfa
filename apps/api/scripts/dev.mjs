// `npm run dev` for the API: compiles on change and restarts the server, which starts the embedded
// PostgreSQL itself. Links in emails point at the Vite dev server, which proxies /api here.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const apiDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const tscBin = path.resolve(apiDir, '../../node_modules/.bin/tsc');
const env = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? 'development',
  APP_URL: process.env.APP_URL ?? `http://localhost:${process.env.WEB_DEV_PORT ?? 5173}`,
};

const first = spawnSync(tscBin, ['-p', 'tsconfig.build.json'], { cwd: apiDir, stdio: 'inherit' });
if (first.status !== 0) process.exit(first.status ?? 1);

const children = [
  spawn(tscBin, ['-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'], { cwd: apiDir, stdio: ['ignore', 'inherit', 'inherit'] }),
  spawn(process.execPath, ['--watch-path=dist', 'dist/main.js'], { cwd: apiDir, stdio: 'inherit', env }),
];

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
for (const child of children) {
  child.on('exit', () => {
    stop('SIGTERM');
    if (children.every((c) => c.exitCode !== null || c.signalCode !== null)) process.exit(0);
  });
}
