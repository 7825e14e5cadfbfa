import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { PrismaClient } from '@tahkim/db';
import { PRISMA } from '../../config/tokens';

/** Prisma's codes for a server it cannot reach, a connection it lost, or a pool with no free connection. */
const PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** Driver adapter error kinds of the same family. */
const ADAPTER_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'DatabaseDoesNotExist']);
/** PostgreSQL: shutting down, cannot connect now, connection failures, too many connections. */
const POSTGRES_CODES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);
/** Node's socket errors. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Can't reach database server|Server has closed the connection/i;

/**
 * Whether an error means "the database is not there" rather than "this request is wrong": Prisma's
 * connection codes, the driver adapter's error kinds, PostgreSQL's shutdown and connection codes, and
 * node's socket errors, wherever they sit in the chain of causes.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 12) {
    const current = queue.shift();
    if (current === null || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const record = current as Record<string, unknown>;
    for (const key of ['code', 'originalCode'] as const) {
      const code = record[key];
      if (typeof code === 'string' && (PRISMA_CODES.has(code) || POSTGRES_CODES.has(code) || SOCKET_CODES.has(code))) return true;
    }
    if (typeof record.kind === 'string' && ADAPTER_KINDS.has(record.kind)) return true;
    if (typeof record.message === 'string' && MESSAGES.test(record.message)) return true;
    queue.push(record.cause, (record.meta as Record<string, unknown> | undefined)?.driverAdapterError);
    if (Array.isArray(record.errors)) queue.push(...(record.errors as unknown[])); // AggregateError (IPv4 and IPv6 both refused)
  }
  return false;
}

/** How long clients are told to wait before trying again while the database is away. */
export const OUTAGE_RETRY_AFTER_SECONDS = 5;

/**
 * Keeps one log line per outage instead of one per request: the first request that meets an unreachable
 * database logs it, then a probe asks the database every few seconds and logs its return. Requests are
 * never held back by it: each one still tries the database, so recovery is immediate.
 */
@Injectable()
export class DatabaseOutageMonitor implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');
  private since: number | undefined;
  private probe: NodeJS.Timeout | undefined;

  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  get inOutage(): boolean {
    return this.since !== undefined;
  }

  /** Call with any error that `isDatabaseUnavailable` recognised. */
  report(error: unknown): void {
    if (this.since !== undefined) return;
    this.since = Date.now();
    const cause = error instanceof Error ? error.message.trim().split('\n').pop() : String(error);
    this.logger.error(`Database unreachable: answering 503 until it is back (${cause})`);
    this.probe = setInterval(() => void this.check(), 2000);
    this.probe.unref();
  }

  private async check(): Promise<void> {
    try {
      await this.prisma.$queryRaw`SELECT 1`;
    } catch {
      return;
    }
    const seconds = Math.round((Date.now() - (this.since ?? Date.now())) / 1000);
    this.stopProbe();
    this.since = undefined;
    this.logger.log(`Database reachable again after ${seconds} s`);
  }

  private stopProbe(): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = undefined;
  }

  onApplicationShutdown(): void {
    this.stopProbe();
  }
}
