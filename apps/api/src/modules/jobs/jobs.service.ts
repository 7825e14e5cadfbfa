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
    // Maintenance (run by one process at a time) puts expired active jobs, e.g. those of a killed worker,
    // back in the queue: every 10 s rather than pg-boss's 2 minutes, so that they are retried soon.
    const boss = new PgBoss({ connectionString: this.databaseUrl, max: 4, application_name: 'tahkim-jobs', maintenanceIntervalSeconds: 10 });
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
      // would cap a queue at two jobs a second: take a batch.
      await boss.work<object>(worker.queue, { batchSize: JOB_BATCH_SIZE, pollingIntervalSeconds: 0.5, includeMetadata: true }, (jobs) =>
        runBatch(boss, worker.queue, jobs, worker.handler),
      );
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

/** The jobs of a batch that failed or were not run: pg-boss fails (retries) those it has not seen completed. */
class JobBatchError extends Error {
  constructor(
    readonly failures: Array<{ id: string; message: string }>,
    readonly notRun: number,
  ) {
    super(failures.length ? `${failures.length} job(s) failed, first: ${failures[0]!.message}` : `${notRun} job(s) not run before the batch expired`);
    this.name = 'JobBatchError';
  }
}

/**
 * Runs a batch, completing each job as soon as its handler returns. pg-boss completes or fails jobs by id
 * alone, whichever worker holds them now, so nothing is left for it to complete at the end of the batch:
 *  - a job failed at once would go back to the queue, could be taken by another worker before the batch
 *    ends, and the batch's completion would then complete it under that worker (lost if it failed
 *    there): failed jobs stay active until the batch ends, then the batch throws and pg-boss fails
 *    exactly the jobs not completed;
 *  - once the batch outlives the jobs' expiry, pg-boss gives up on it and fails its jobs not completed,
 *    and other workers may take them: no further job is started, and the batch throws (had it returned,
 *    pg-boss would complete the jobs it did not run).
 */
async function runBatch(boss: PgBoss, queue: string, jobs: Array<PgBoss.JobWithMetadata<object>>, handler: (job: PgBoss.JobWithMetadata<object>) => Promise<void>): Promise<void> {
  // pg-boss's own limit for the batch (its expireInSeconds come from a numeric column, as strings).
  const deadline = Date.now() + Math.max(1, ...jobs.map((job) => Number(job.expireInSeconds))) * 1000;
  const failures: Array<{ id: string; message: string }> = [];
  let run = 0;
  for (const job of jobs) {
    if (Date.now() >= deadline) break;
    run += 1;
    try {
      await handler(job);
    } catch (error) {
      failures.push({ id: job.id, message: String((error as Error)?.message ?? error) });
      continue;
    }
    await boss.complete(queue, job.id);
  }
  if (failures.length || run < jobs.length) throw new JobBatchError(failures, jobs.length - run);
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
