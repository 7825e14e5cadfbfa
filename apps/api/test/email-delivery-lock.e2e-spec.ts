import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import type PgBoss from 'pg-boss';
import { SMTPServer } from 'smtp-server';
import { EmailBeingDeliveredError, OutboxService } from '../src/modules/notifications/outbox.service';
import { createTestApp, uniqueEmail, type TestApp } from './support/test-app';

/**
 * An SMTP server that keeps its answer to each message until `release` is called (or a few seconds have
 * passed, so that a broken lock ends in a failed assertion rather than a hung test).
 */
async function startHoldingSmtp() {
  const received: string[] = [];
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        received.push(session.envelope.rcptTo.map((r) => r.address).join(','));
        const fallback = setTimeout(() => callback(), 5000);
        void released.then(() => {
          clearTimeout(fallback);
          callback();
        });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    release: () => release(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The job as a worker receives it (deliver reads its data and retry counts). */
function jobFor(emailId: string): PgBoss.JobWithMetadata<{ emailId: string }> {
  return { id: randomUUID(), name: 'email.send.lock-test', data: { emailId }, retryCount: 0, retryLimit: 12, expireInSeconds: 30 } as PgBoss.JobWithMetadata<{ emailId: string }>;
}

/** Another process that locks the email's row as a delivering worker does, and prints its backend's pid. */
const HOLD_ROW_LOCK = `
const { Client } = require(process.argv[1]);
const client = new Client({ connectionString: process.argv[2] });
(async () => {
  await client.connect();
  await client.query('BEGIN');
  await client.query('SELECT 1 FROM "EmailMessage" WHERE "id" = $1 FOR UPDATE', [process.argv[3]]);
  const { rows } = await client.query('SELECT pg_backend_pid() AS pid');
  console.log(rows[0].pid);
})();
setInterval(() => undefined, 60000);
`;

describe('email delivery by concurrent workers', () => {
  jest.setTimeout(30_000);

  let smtp: Awaited<ReturnType<typeof startHoldingSmtp>>;
  let t: TestApp;
  let outbox: OutboxService;

  beforeEach(async () => {
    smtp = await startHoldingSmtp();
    t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, EMAIL_QUEUE: 'email.send.lock-test' });
    outbox = t.app.get(OutboxService);
  });

  afterEach(async () => {
    smtp.release();
    await t.close();
    await smtp.close();
  });

  async function createEmail() {
    return t.prisma.emailMessage.create({
      data: { toAddress: uniqueEmail('lock'), locale: 'fr', template: 'lock-test', subject: 'Lock test', text: 'Hello', html: '<p>Hello</p>', secrets: [] },
    });
  }

  it('sends an email once when two workers deliver it at the same time', async () => {
    const email = await createEmail();
    const job = jobFor(email.id);
    const deliveries = [outbox.deliver(job), outbox.deliver(job)];
    // The server answers the message once one delivery is over: the other must end without it.
    void Promise.race(deliveries.map((d) => d.catch(() => undefined))).then(() => smtp.release());
    const results = await Promise.allSettled(deliveries);

    expect(smtp.received).toEqual([email.toAddress]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused?.reason).toBeInstanceOf(EmailBeingDeliveredError);
    const row = await t.prisma.emailMessage.findUniqueOrThrow({ where: { id: email.id } });
    expect(row).toMatchObject({ status: 'SENT', attempts: 1, lastError: null });

    // A later retry of the job finds it delivered.
    await outbox.deliver(job);
    expect(smtp.received).toHaveLength(1);
  });

  it('leaves an email locked by a worker to it, and delivers it once that worker is killed', async () => {
    smtp.release();
    const email = await createEmail();
    const holder = spawn(process.execPath, ['-e', HOLD_ROW_LOCK, require.resolve('pg'), process.env.DATABASE_URL!, email.id], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      const exited = once(holder, 'exit').then(([code]) => Promise.reject(new Error(`the lock holder exited (${String(code)})`)));
      const [pidLine] = (await Promise.race([once(createInterface({ input: holder.stdout! }), 'line'), exited])) as [string];
      const holderPid = Number(pidLine);
      expect(holderPid).toBeGreaterThan(0);

      await expect(outbox.deliver(jobFor(email.id))).rejects.toBeInstanceOf(EmailBeingDeliveredError);
      expect(smtp.received).toEqual([]);
      expect(await t.prisma.emailMessage.findUniqueOrThrow({ where: { id: email.id } })).toEqual(email);

      holder.kill('SIGKILL');
      // PostgreSQL notices the closed connection and ends the session, its locks released.
      for (let waited = 0; ; waited += 50) {
        const [session] = await t.prisma.$queryRaw<unknown[]>`SELECT 1 FROM pg_stat_activity WHERE pid = ${holderPid}`;
        if (!session) break;
        if (waited > 10_000) throw new Error('the killed worker’s session is still open');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }

      await outbox.deliver(jobFor(email.id));
      expect(smtp.received).toEqual([email.toAddress]);
      expect(await t.prisma.emailMessage.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({ status: 'SENT', attempts: 1, lastError: null });
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
