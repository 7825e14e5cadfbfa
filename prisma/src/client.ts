import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/client/client';

export interface CreatePrismaClientOptions {
  /** Most connections the pool opens (node-postgres default: 10). */
  maxConnections?: number;
}

/** A Prisma client over node-postgres (no query engine binary): the only way the API opens one. */
export function createPrismaClient(url: string, options: CreatePrismaClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: url,
    ...(options.maxConnections === undefined ? {} : { max: options.maxConnections }),
  });
  // A transaction waits for a free connection and runs longer than Prisma's defaults (2 s and 5 s) before
  // it is given up: on a busy machine a staff action must not fail halfway for want of a few seconds.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 30_000 } });
}
