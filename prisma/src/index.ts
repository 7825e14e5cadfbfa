/**
 * @tahkim/db: the schema's generated Prisma client and everything the API needs around it:
 * opening a client, the embedded PostgreSQL, migrations without Prisma's native engine, demo data.
 */
export * from '../generated/client/client';
export { createPrismaClient, databasePool, PREPARED, preparedStatementName, type CreatePrismaClientOptions } from './client';
export { Sql, type SqlQueryable } from './sql';
export { startEmbeddedPostgres, type EmbeddedPostgres, type StartEmbeddedPostgresOptions } from './embedded-postgres';
export {
  applyMigrations,
  createMigration,
  EmptyMigrationError,
  readMigrationsList,
  type ApplyMigrationsOptions,
  type CreatedMigration,
  type CreateMigrationOptions,
} from './migrations';
export { MIGRATIONS_DIR, PACKAGE_DIR, SCHEMA_PATH, resolveDataDir } from './paths';
export { checkRankingSums, type RankingSumsDifference, type RankingSumsReport } from './ranking-sums';
export { allocateApplicationReference, formatApplicationReference, referenceYear } from './references';
export {
  DEMO_ACCOUNTS,
  DEMO_CALL_SLUG,
  DEMO_SAMPLE_APPLICANT_PASSWORD,
  seedDemoData,
  type DemoAccount,
  type DemoSeedSummary,
} from '../seed';
export { MOROCCO_REGIONS, type LocalizedText } from './demo/texts';
export { DEMO_JUROR_EXPERTISE, DEMO_TOPIC_TAGS, DEMO_TOPICS } from './demo/topics';
