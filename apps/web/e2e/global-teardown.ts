import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';

/**
 * Removes the server's data directory made by playwright.config.ts, once the server has stopped.
 *
 * Playwright runs the global teardown *before* it stops `webServer` (plugins are torn down last), so
 * the directory cannot go now: its PostgreSQL is still running. The removal waits for the runner's
 * exit, after the server got SIGTERM and closed its database. A process (PostgreSQL) still using that
 * directory by then fails the run and keeps the directory for a look.
 */
export default function globalTeardown(): void {
  const dataDir = process.env.TAHKIM_E2E_DATA_DIR;
  if (!dataDir) return;
  process.once('exit', () => {
    const left = processesUsing(dataDir);
    if (left.length > 0) {
      process.stderr.write(`\nProcesses still use ${dataDir} after the server stopped (its PostgreSQL?):\n${left.join('\n')}\n`);
      process.exitCode = 1;
      return;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });
}

/** The command lines of the running processes that mention `dir`. */
function processesUsing(dir: string): string[] {
  const commandLines = existsSync('/proc/self/cmdline') ? linuxCommandLines() : psCommandLines();
  return commandLines.filter((line) => line.includes(dir));
}

function linuxCommandLines(): string[] {
  const lines: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      lines.push(`${entry} ${readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim()}`);
    } catch {
      // The process ended while the list was read: nothing left to report for it.
    }
  }
  return lines;
}

function psCommandLines(): string[] {
  return execFileSync('ps', ['-axo', 'pid=,args='], { encoding: 'utf8' }).split('\n');
}
