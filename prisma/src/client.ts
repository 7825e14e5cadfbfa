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
  return new PrismaClient({ adapter });
}
