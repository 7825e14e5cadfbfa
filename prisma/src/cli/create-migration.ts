/**
 * `npm run db:migration -- <name>`: writes migrations/<YYYYMMDDHHMMSS>_<name>/migration.sql from
 * the schema of the last migration (migrations/schema.snapshot.prisma) to schema.prisma, then
 * updates the snapshot. Needs no database. Review the SQL, and append by hand what Prisma cannot
 * express (CHECK constraints, triggers) before it is applied anywhere.
 */
import path from 'node:path';
import { createMigration, EmptyMigrationError } from '../migrations';
import { PACKAGE_DIR } from '../paths';
import { runCli } from './run';

runCli(async () => {
  const name = process.argv.slice(2).join('_');
  if (!name) {
    console.error('Usage: npm run db:migration -- <name>   (e.g. npm run db:migration -- add_ballot_comments)');
    return 2;
  }
  try {
    const created = await createMigration(name);
    console.log(`Wrote ${path.relative(PACKAGE_DIR, created.file)} (${created.sql.split('\n').length} lines)`);
    console.log('Review it, then apply it with: npm run db:migrate');
    return 0;
  } catch (error) {
    if (error instanceof EmptyMigrationError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
});
