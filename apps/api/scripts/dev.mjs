// `npm run dev` for the API: compiles on change and restarts the server, which starts the embedded
// PostgreSQL itself. Links in emails point at the Vite dev server, which proxies /api here.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const apiDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const tscBin = path.resolve(apiDir, '../../node_modules/.bin/tsc');
const env = {
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? 'development',
  APP_URL: process.env.APP_URL ?? `http://localhost:${process.env.WEB_DEV_PORT ?? 5173}`,
};

const children = [];
const compiler = spawn(tscBin, ['-p', 'tsconfig.build.json', '--watch', '--preserveWatchOutput'], {
  cwd: apiDir,
  stdio: ['ignore', 'pipe', 'inherit'],
});
children.push(compiler);

// The server starts after the first compilation, so it is not restarted by its own build.
let server;
compiler.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (!server && /Found 0 errors\. Watching for file changes/.test(String(chunk))) {
    server = spawn(process.execPath, ['--watch-path=dist', 'dist/main.js'], { cwd: apiDir, stdio: 'inherit', env });
    children.push(server);
    server.on('exit', onExit);
  }
});
compiler.on('exit', onExit);

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}
function onExit() {
  stop('SIGTERM');
  if (children.every((child) => child.exitCode !== null || child.signalCode !== null)) process.exit(0);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
