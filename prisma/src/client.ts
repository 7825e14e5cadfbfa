import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/client/client';

export interface CreatePrismaClientOptions {
  /** Most connections the pool opens (node-postgres default: 10). Ignored when `pool` is given. */
  maxConnections?: number;
  /** The connection pool to use (tests count statements on it); by default the client makes its own. */
  pool?: pg.Pool;
}

/**
 * Raw statements that start with this comment are prepared once per connection and reused (named
 * statements of node-postgres): PostgreSQL plans them once instead of at every request. Kept for the
 * hot paths (the session read, autosave, submission), whose text is fixed; not for statements whose
 * text varies with their input, which would fill each connection with one-off plans.
 * (Named statements need session pooling if a pooler such as PgBouncer sits in front of PostgreSQL.)
 */
export const PREPARED = '/* prepared */';

const statementNames = new Map<string, string>();

/** A stable name per prepared statement text (the same text gets the same name on every connection). */
export function preparedStatementName(sql: string): string | undefined {
  if (!sql.startsWith(PREPARED)) return undefined;
  let name = statementNames.get(sql);
  if (!name) {
    name = `tahkim_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
    statementNames.set(sql, name);
  }
  return name;
}

const pools = new WeakMap<PrismaClient, pg.Pool>();

/** A Prisma client over node-postgres (no query engine binary): the only way the API opens one. */
export function createPrismaClient(url: string, options: CreatePrismaClientOptions = {}): PrismaClient {
  const pool = options.pool ?? new pg.Pool({ connectionString: url, ...(options.maxConnections === undefined ? {} : { max: options.maxConnections }) });
  // An idle connection that breaks (the database restarted) is dropped by the pool; the next statement
  // reports the outage. Without a listener the 'error' event would end the process.
  if (!options.pool) pool.on('error', () => undefined);
  const adapter = new PrismaPg(pool, {
    // A pool made here is the client's own: $disconnect ends it.
    disposeExternalPool: options.pool === undefined,
    statementNameGenerator: (query) => preparedStatementName(query.sql) as string,
  });
  // A transaction waits for a free connection and runs longer than Prisma's defaults (2 s and 5 s) before
  // it is given up: on a busy machine a staff action must not fail halfway for want of a few seconds.
  const client = new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 30_000 } });
  pools.set(client, pool);
  return client;
}

/** The node-postgres pool under a client made by createPrismaClient (for statements that skip Prisma). */
export function databasePool(client: PrismaClient): pg.Pool {
  const pool = pools.get(client);
  if (!pool) throw new Error('This Prisma client was not made by createPrismaClient');
  return pool;
}
