import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export const REGISTER_TS = path.join(__dirname, 'register-ts.cjs');

export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), `tahkim-db-${prefix}-`));
}

/** PIDs of the postgres processes whose command line names this folder. */
export function postgresProcessesOn(dir: string): number[] {
  const result = spawnSync('pgrep', ['-f', `postgres -D ${dir}`], { encoding: 'utf8' });
  return result.stdout
    .split('\n')
    .filter(Boolean)
    .map(Number);
}

/** Stops whatever PostgreSQL still runs on this folder (after a failed test), and says which. */
export async function stopPostgresOn(dir: string): Promise<number[]> {
  const leftovers = postgresProcessesOn(dir);
  for (const pid of leftovers) {
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      // already gone
    }
  }
  for (let i = 0; i < 100 && postgresProcessesOn(dir).length > 0; i += 1) await new Promise((r) => setTimeout(r, 50));
  return leftovers;
}

export async function time<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: Math.round(performance.now() - started) };
}

/** Runs a TypeScript entry of this package in a child Node process. */
export function runTs(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['-r', REGISTER_TS, file, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, ms: Math.round(performance.now() - started) }));
  });
}

/** Prints measured durations once, at the end of a file. */
export const timings: Record<string, number> = {};
export function reportTimings(title: string): void {
  const lines = Object.entries(timings).map(([name, ms]) => `  ${name}: ${ms} ms`);
  if (lines.length > 0) process.stdout.write(`\n${title}\n${lines.join('\n')}\n`);
}
