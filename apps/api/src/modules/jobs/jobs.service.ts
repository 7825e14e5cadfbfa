import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { Prisma, SqlQueryable } from '@tahkim/db';
import PgBoss from 'pg-boss';
import { DatabaseOutageMonitor, isDatabaseUnavailable } from '../../common/db/database-outage';
import { DATABASE_URL } from '../../config/config.module';

/** Jobs a worker takes per fetch. */
const JOB_BATCH_SIZE = 25;

export interface QueueDefinition {
  name: string;
  retryLimit: number;
  retryDelaySeconds: number;
}

/**
 * The job queue, on PostgreSQL (pg-boss). Jobs are enqueued inside the transaction of the change that
 * causes them, so a job exists exactly when its change was committed. Any API replica may run workers.
 */
@Injectable()
export class JobsService implements OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private boss: PgBoss | undefined;
  private readonly queues: QueueDefinition[] = [];
  private readonly workers: Array<{ queue: string; handler: (job: PgBoss.JobWithMetadata<object>) => Promise<void> }> = [];
  private readonly schedules: Array<{ queue: string; cron: string }> = [];

  constructor(
    @Inject(DATABASE_URL) private readonly databaseUrl: string,
    private readonly outage: DatabaseOutageMonitor,
  ) {}

  defineQueue(queue: QueueDefinition): void {
    this.queues.push(queue);
  }

  registerWorker<T extends object>(queue: string, handler: (job: PgBoss.JobWithMetadata<T>) => Promise<void>): void {
    this.workers.push({ queue, handler: handler as (job: PgBoss.JobWithMetadata<object>) => Promise<void> });
  }

  /**
   * Sends a job to `queue` (defined with defineQueue) on a cron schedule in UTC, e.g. "0 * * * *" hourly.
   * Written when a process that runs workers starts; pg-boss sends each due job once, whichever
   * replicas are running.
   */
  schedule(queue: string, cron: string): void {
    this.schedules.push({ queue, cron });
  }

  /** Creates the queue tables and queues; with `work`, also starts this process's workers and schedules. */
  async start({ work }: { work: boolean }): Promise<void> {
    const boss = new PgBoss({ connectionString: this.databaseUrl, max: 4, application_name: 'tahkim-jobs' });
    boss.on('error', (error) => {
      // While the database is away every poll fails: the outage is logged once, not every few seconds.
      if (isDatabaseUnavailable(error)) this.outage.report(error);
      else this.logger.error({ err: error }, 'Job queue error');
    });
    await boss.start();
    try {
      for (const queue of this.queues) await ensureQueue(boss, queue);
    } catch (error) {
      await boss.stop({ graceful: false, wait: true }).catch(() => undefined); // the start failed: leave no timer running
      throw error;
    }
    this.boss = boss;
    if (!work) return;
    for (const worker of this.workers) {
      // pg-boss waits for the polling interval between fetches whatever it found, so one job per fetch
      // would cap a queue at two jobs a second: take a batch, and fail only the jobs that failed (the
      // rest of the batch is completed when the handler returns).
      await boss.work<object>(worker.queue, { batchSize: JOB_BATCH_SIZE, pollingIntervalSeconds: 0.5, includeMetadata: true }, async (jobs) => {
        for (const job of jobs) {
          try {
            await worker.handler(job);
          } catch (error) {
            await boss.fail(worker.queue, job.id, { message: String((error as Error)?.message ?? error) });
          }
        }
      });
    }
    for (const { queue, cron } of this.schedules) await boss.schedule(queue, cron, {}, { tz: 'UTC' });
  }

  /** Enqueues a job in the caller's transaction. */
  async sendInTransaction(tx: Prisma.TransactionClient | SqlQueryable, queue: string, data: object, options: PgBoss.SendOptions = {}): Promise<void> {
    if (!this.boss) throw new Error('The job queue is not started');
    const run = isSqlQueryable(tx)
      ? (text: string, values: unknown[]) => tx.rows<unknown>(text, values.map(toSqlValue))
      : (text: string, values: unknown[]) => tx.$queryRawUnsafe<unknown[]>(text, ...values.map(toSqlValue));
    await this.boss.send(queue, data, { ...options, db: { executeSql: async (text: string, values: unknown[]) => ({ rows: await run(text, values) }) } });
  }

  async onApplicationShutdown(): Promise<void> {
    const boss = this.boss;
    this.boss = undefined;
    if (boss) await boss.stop({ graceful: true, timeout: 5000, wait: true });
  }
}

/** PostgreSQL error codes of two processes creating the same queue at once (pg-boss creates a table per queue). */
const CONCURRENT_CREATION = new Set(['40P01', '23505', '42P07']);

/**
 * Creates the queue unless it exists. Several API replicas (or test processes) starting together may
 * race on the creation; the loser waits a moment and finds the queue made by the winner.
 */
async function ensureQueue(boss: PgBoss, queue: QueueDefinition): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    if (await boss.getQueue(queue.name)) return;
    try {
      await boss.createQueue(queue.name, { name: queue.name, retryLimit: queue.retryLimit, retryDelay: queue.retryDelaySeconds, retryBackoff: true });
      return;
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (attempt >= 8 || typeof code !== 'string' || !CONCURRENT_CREATION.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25 * attempt + Math.floor(Math.random() * 50)));
    }
  }
}

/** pg-boss hands objects to node-postgres, which serialises them as JSON; Prisma's raw queries need it done. */
function isSqlQueryable(tx: Prisma.TransactionClient | SqlQueryable): tx is SqlQueryable {
  return typeof (tx as Partial<SqlQueryable>).rows === 'function';
}

function toSqlValue(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    return JSON.stringify(value);
  }
  return value;
}
