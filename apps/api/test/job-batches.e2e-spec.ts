import { randomUUID } from 'node:crypto';
import { createPrismaClient, type PrismaClient } from '@tahkim/db';
import type PgBoss from 'pg-boss';
import { DatabaseOutageMonitor } from '../src/common/db/database-outage';
import { JobsService } from '../src/modules/jobs/jobs.service';

async function jobState(prisma: PrismaClient, id: string): Promise<string | undefined> {
  const [job] = await prisma.$queryRaw<Array<{ state: string }>>`SELECT state::text AS state FROM pgboss.job WHERE id = ${id}::uuid`;
  return job?.state;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('job batches', () => {
  jest.setTimeout(30_000);

  it('never completes a job that failed in the batch, even once another worker has taken it again', async () => {
    const databaseUrl = process.env.DATABASE_URL!;
    const prisma = createPrismaClient(databaseUrl);
    const queue = `test.batches-${randomUUID()}`;
    const ids = { flaky: randomUUID(), slow: randomUUID() };
    const runs = new Map<string, number>();
    let retaken: () => void = () => undefined;
    const flakyRetaken = new Promise<void>((resolve) => (retaken = resolve));
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    const handler = async (job: PgBoss.JobWithMetadata<object>): Promise<void> => {
      const run = (runs.get(job.id) ?? 0) + 1;
      runs.set(job.id, run);
      if (job.id === ids.flaky && run === 1) throw new Error('first attempt fails');
      if (job.id === ids.flaky) {
        retaken();
        await released;
      }
      // Long enough for another worker to take the failed job again, had it been put back at once.
      if (job.id === ids.slow) await Promise.race([flakyRetaken, new Promise((resolve) => setTimeout(resolve, 2500))]);
    };
    const services = [0, 1, 2].map(() => {
      const jobs = new JobsService(databaseUrl, new DatabaseOutageMonitor(prisma));
      jobs.defineQueue({ name: queue, retryLimit: 3, retryDelaySeconds: 1 });
      jobs.registerWorker(queue, handler);
      return jobs;
    });
    const [sender, first, second] = services as [JobsService, JobsService, JobsService];
    try {
      await sender.start({ work: false });
      // Queued before any worker runs, in this order: the first worker takes both in one batch.
      await prisma.$transaction((tx) => sender.sendInTransaction(tx, queue, {}, { id: ids.flaky }));
      await prisma.$transaction((tx) => sender.sendInTransaction(tx, queue, {}, { id: ids.slow }));
      await first.start({ work: true });
      await waitFor(async () => (await jobState(prisma, ids.flaky)) === 'active');
      await second.start({ work: true });

      await flakyRetaken;
      await waitFor(async () => (await jobState(prisma, ids.slow)) === 'completed');
      // The batch is over: the failed job is still held by the worker that took it again.
      expect(await jobState(prisma, ids.flaky)).toBe('active');
      release();
      await waitFor(async () => (await jobState(prisma, ids.flaky)) === 'completed');
      expect(runs.get(ids.flaky)).toBe(2);
      expect(runs.get(ids.slow)).toBe(1);
    } finally {
      release();
      for (const jobs of services) await jobs.onApplicationShutdown();
      await prisma.$disconnect();
    }
  });
});
