import path from 'node:path';
import { defineConfig } from 'prisma/config';

/**
 * Prisma 7 configuration. The URL is read without `env()` because `prisma generate` must run
 * without a database (its `env()` helper throws when the variable is unset). Migrations are not
 * run by the Prisma CLI on machines without its native engine: see src/migrations.ts.
 */
export default defineConfig({
  schema: path.join(__dirname, 'schema.prisma'),
  migrations: { path: path.join(__dirname, 'migrations') },
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
