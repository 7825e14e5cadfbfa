import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { APP_ORIGIN, createTestApp, type TestApp } from './support/test-app';
import { createUser } from './support/factories';

interface Received {
  to: string[];
  raw: string;
}

async function startSmtp(refuse: (address: string) => boolean = () => false): Promise<{ server: SMTPServer; port: number; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(refuse(address.address) ? Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }) : undefined);
    },
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.server.address() as AddressInfo).port, received };
}

// Other test files share the queue: their emails may be ahead of this one.
async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 45000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('email delivery', () => {
  jest.setTimeout(60_000);

  it('sends outbox emails through SMTP once, marking them SENT', async () => {
    const smtp = await startSmtp();
    let t: TestApp | undefined;
    try {
      t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, EMAIL_QUEUE: 'email.send.delivery-test' }, { workers: true });
      const user = await createUser(t.prisma, { locale: 'fr' });
      await t.http().post('/api/auth/password-reset').set('Origin', APP_ORIGIN).send({ email: user.email }).expect(200);
      const sent = await waitFor(async () => {
        const row = await t!.prisma.emailMessage.findFirst({ where: { toAddress: user.email, status: 'SENT' } });
        return row ?? undefined;
      });
      expect(sent.attempts).toBe(1);
      const mine = smtp.received.filter((m) => m.to.includes(user.email));
      expect(mine).toHaveLength(1);
      expect(mine[0]!.raw).toContain('Subject: =?UTF-8?');
      // The recipient's inbox has the live link; the stored copy no longer does.
      const token = /reset-password\?token=([A-Za-z0-9_-]{20,})/.exec(mine[0]!.raw.replace(/=\r?\n/g, ''))?.[1];
      expect(token).toBeDefined();
      expect(sent.text).not.toContain(token);
      expect(sent.html).not.toContain(token);
      expect(sent.secrets).toEqual([]);
      const admin = await createUser(t.prisma, { roles: ['STAFF', 'ADMIN'] });
      const agent = t.agent();
      await agent.post('/api/auth/login').set('Origin', APP_ORIGIN).send({ email: admin.email, password: admin.password }).expect(200);
      const inbox = await agent.get(`/api/admin/emails?to=${encodeURIComponent(user.email)}`).expect(200);
      expect(inbox.body.items[0].segments.filter((s: { kind: string }) => s.kind === 'secret')).toEqual([{ kind: 'secret', value: null }]);
    } finally {
      await t?.close();
      await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    }
  });

  it('retries only the email that failed: the others of the same batch are sent', async () => {
    const refused = 'refused-' + Date.now() + '@test.example';
    const smtp = await startSmtp((address) => address === refused);
    let t: TestApp | undefined;
    try {
      t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, EMAIL_QUEUE: 'email.send.delivery-test' }, { workers: true });
      const ok = await createUser(t.prisma);
      const blocked = await createUser(t.prisma, { email: refused });
      for (const user of [blocked, ok]) await t.http().post('/api/auth/password-reset').set('Origin', APP_ORIGIN).send({ email: user.email }).expect(200);
      await waitFor(async () => (await t!.prisma.emailMessage.findFirst({ where: { toAddress: ok.email, status: 'SENT' } })) ?? undefined);
      const failed = await waitFor(async () => (await t!.prisma.emailMessage.findFirst({ where: { toAddress: refused, lastError: { not: null } } })) ?? undefined);
      expect(failed.status).toBe('QUEUED'); // kept for the next retry, not lost
      expect(failed.attempts).toBeGreaterThanOrEqual(1);
      expect(smtp.received.some((m) => m.to.includes(ok.email))).toBe(true);
    } finally {
      await t?.close();
      await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
    }
  });

  it('captures emails when no SMTP server is configured', async () => {
    // Its own queue: on the shared one this worker would first capture every other test file's backlog.
    const t = await createTestApp({ EMAIL_QUEUE: 'email.send.capture-test' }, { workers: true });
    try {
      const user = await createUser(t.prisma);
      await t.http().post('/api/auth/password-reset').set('Origin', APP_ORIGIN).send({ email: user.email }).expect(200);
      const captured = await waitFor(async () => (await t.prisma.emailMessage.findFirst({ where: { toAddress: user.email, status: 'CAPTURED' } })) ?? undefined);
      expect(captured.text).toContain('/reset-password?token=');

      const staff = t.agent();
      const staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
      await staff.post('/api/auth/login').set('Origin', APP_ORIGIN).send({ email: staffUser.email, password: staffUser.password }).expect(200);
      const inbox = await staff.get(`/api/admin/emails?to=${encodeURIComponent(user.email)}`).expect(200);
      expect(inbox.body.items[0]).toMatchObject({ to: user.email, status: 'CAPTURED', template: 'password-reset' });
      // A staff member reads the email, not its link; an admin can follow it while emails are captured.
      expect(inbox.body.items[0].text).not.toContain('token=');
      expect(inbox.body.items[0].segments.filter((s: { kind: string }) => s.kind === 'secret')).toEqual([{ kind: 'secret', value: null }]);
      const admin = t.agent();
      const adminUser = await createUser(t.prisma, { roles: ['STAFF', 'ADMIN'] });
      await admin.post('/api/auth/login').set('Origin', APP_ORIGIN).send({ email: adminUser.email, password: adminUser.password }).expect(200);
      const adminInbox = await admin.get(`/api/admin/emails?to=${encodeURIComponent(user.email)}`).expect(200);
      expect(adminInbox.body.items[0].text).toBe(captured.text);
      expect(adminInbox.body.items[0].segments.filter((s: { kind: string }) => s.kind === 'secret')).toEqual([{ kind: 'secret', value: expect.stringContaining('/reset-password?token=') }]);

      const applicant = t.agent();
      await applicant.post('/api/auth/login').set('Origin', APP_ORIGIN).send({ email: user.email, password: user.password }).expect(200);
      await applicant.get('/api/admin/emails').expect(403);
    } finally {
      await t.close();
    }
  });
});
