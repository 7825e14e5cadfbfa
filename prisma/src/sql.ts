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
export class Sql implements SqlQueryable {
  constructor(private readonly pool: pg.Pool) {}

  async rows<T>(text: string, values: readonly unknown[]): Promise<T[]> {
    return runQuery<T>(this.pool, text, values);
  }

  /**
   * Rows as arrays of column values in the statement's order (no object per row): for reads of
   * thousands of rows, where making the objects shows.
   */
  async arrays<T extends unknown[]>(text: string, values: readonly unknown[]): Promise<T[]> {
    const result = await this.pool.query<T>({ name: preparedStatementName(text), text, values: values as unknown[], types, rowMode: 'array' });
    return result.rows;
  }

  /**
   * Runs `work` in a transaction on one connection (READ COMMITTED): committed when it returns,
   * rolled back when it throws. A connection whose rollback fails is closed, not reused.
   */
  async transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const tx: SqlQueryable = { rows: (text, values) => runQuery(client, text, values) };
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError;
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }
}

/** Where statements run: the pool (each on any free connection) or one transaction's connection. */
export interface SqlQueryable {
  rows<T>(text: string, values: readonly unknown[]): Promise<T[]>;
}

async function runQuery<T>(on: pg.Pool | pg.PoolClient, text: string, values: readonly unknown[]): Promise<T[]> {
  const result = await on.query({ name: preparedStatementName(text), text, values: values as unknown[], types });
  return result.rows as T[];
}
