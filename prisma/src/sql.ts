import pg from 'pg';
import { preparedStatementName } from './client';

/** `timestamp` columns (Prisma's DateTime) hold UTC without a zone: read them as UTC, whatever the process's TZ. */
const TIMESTAMP_OID = 1114;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP_OID && format !== 'binary'
      ? (value: string) => new Date(`${value.replace(' ', 'T')}Z`)
      : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

/**
 * Statements sent straight through node-postgres, on the pool under Prisma, for the few paths where
 * Prisma's own work per statement shows (every request's session read, autosave): rows as plain
 * objects, timestamps as Dates, statements that start with PREPARED prepared once per connection.
 */
export class Sql {
  constructor(private readonly pool: pg.Pool) {}

  async rows<T>(text: string, values: readonly unknown[]): Promise<T[]> {
    const result = await this.pool.query({ name: preparedStatementName(text), text, values: values as unknown[], types });
    return result.rows as T[];
  }
}
