import { createServer, type AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createApplication } from './support/application-factory';
import { createCall } from './support/call-factory';
import { createUser } from './support/factories';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';

const browser = { Origin: APP_ORIGIN, 'Accept-Language': 'fr' };

interface Received {
  to: string[];
  raw: string;
}

/** A port nobody listens on (yet). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function startSmtp(port: number): Promise<{ server: SMTPServer; received: Received[] }> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, received };
}

/** The Subject header of a raw message, unfolded, with its RFC 2047 encoded words decoded. */
function subjectOf(raw: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
  const line = head.split(/\r?\n/).find((l) => /^subject:/i.test(l)) ?? '';
  const value = line.replace(/^subject:\s*/i, '');
  const bytes: Buffer[] = [];
  let rest = value.replace(/\?=\s+=\?/g, '?==?');
  let match: RegExpExecArray | null;
  const word = /=\?utf-8\?([bq])\?([^?]*)\?=/i;
  while ((match = word.exec(rest))) {
    bytes.push(Buffer.from(rest.slice(0, match.index), 'utf8'));
    const [whole, encoding, text] = match as unknown as [string, string, string];
    bytes.push(
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1'),
    );
    rest = rest.slice(match.index + whole.length);
  }
  bytes.push(Buffer.from(rest, 'utf8'));
  return Buffer.concat(bytes).toString('utf8');
}

// The database is shared with other test files: look only at this test's emails.
async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const SUBJECTS = {
  WINNER: { ar: 'تهانينا: تم اختيار مشروعكم {{reference}}', fr: 'Félicitations : votre projet {{reference}} est retenu', en: 'Congratulations: your project {{reference}} has been selected' },
  NOT_SELECTED: { ar: 'نتيجة ترشيحكم {{reference}}', fr: 'Résultat de votre candidature {{reference}}', en: 'Outcome of your application {{reference}}' },
} as const;
const BODY = { ar: 'مرحبًا {{displayName}}،\n\n{{callTitle}}', fr: 'Bonjour {{displayName}},\n\n{{callTitle}}', en: 'Hello {{displayName}},\n\n{{callTitle}}' };

describe('decision emails while SMTP is down', () => {
  jest.setTimeout(120_000);

  it('queues every email while SMTP is unreachable and delivers each exactly once when it is back', async () => {
    const port = await freePort();
    let t: TestApp | undefined;
    let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
    try {
      // Its own queue: no other test file's worker (with its own SMTP server up) can deliver these emails.
      t = await createTestApp({ SMTP_URL: `smtp://127.0.0.1:${port}`, EMAIL_RETRY_DELAY_SECONDS: '1', EMAIL_QUEUE: 'email.send.decision-delivery' }, { workers: true });
      const staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
      const staff: Client = t.agent();
      await staff.post('/api/auth/login').set(browser).send({ email: staffUser.email, password: staffUser.password }).expect(200);

      const call = await createCall(t.prisma, { createdById: staffUser.id, status: 'CLOSED' });
      const locales = ['ar', 'fr', 'en', 'ar', 'fr'] as const;
      const applicants = [];
      for (const [i, locale] of locales.entries()) {
        const owner = await createUser(t.prisma, { locale });
        const application = await createApplication(t.prisma, { callId: call.id, ownerId: owner.id, status: 'ELIGIBLE' });
        applicants.push({ owner, application, locale, outcome: i < 2 ? ('WINNER' as const) : ('NOT_SELECTED' as const) });
      }
      for (const outcome of ['WINNER', 'NOT_SELECTED'] as const) {
        await staff.put(`/api/calls/${call.id}/decision-templates/${outcome}`).set(browser).send({ subject: SUBJECTS[outcome], body: BODY }).expect(200);
        const ids = applicants.filter((a) => a.outcome === outcome).map((a) => a.application.id);
        await staff.post(`/api/calls/${call.id}/decisions`).set(browser).send({ applicationIds: ids, outcome }).expect(200);
      }

      const published = await staff.post(`/api/calls/${call.id}/notify-decisions`).set(browser).expect(200);
      expect(published.body).toMatchObject({ published: 5, queued: 5, alreadyPublished: 0 });
      const keys = applicants.map((a) => `decision:${a.application.id}`);

      // SMTP is unreachable: every email fails at least once and stays QUEUED, none lost.
      const failing = await waitFor(async () => {
        const rows = await t!.prisma.emailMessage.findMany({ where: { dedupeKey: { in: keys } } });
        return rows.length === 5 && rows.every((r) => r.attempts >= 1 && r.lastError !== null) ? rows : undefined;
      });
      expect(failing.map((r) => r.status)).toEqual(['QUEUED', 'QUEUED', 'QUEUED', 'QUEUED', 'QUEUED']);
      const table = await staff.get(`/api/calls/${call.id}/decisions`).set(browser).expect(200);
      expect(table.body.counts).toMatchObject({ emailsQueued: 5, emailsSent: 0, emailsFailed: 0 });
      expect(table.body.items[0].email).toMatchObject({ status: 'QUEUED', attempts: expect.any(Number), lastError: expect.any(String) });

      // A retried publication while emails wait queues nothing.
      expect((await staff.post(`/api/calls/${call.id}/notify-decisions`).set(browser).expect(200)).body).toMatchObject({ published: 0, queued: 0, alreadyPublished: 5 });

      // SMTP is back on the same port: the retries deliver everything.
      smtp = await startSmtp(port);
      const sent = await waitFor(async () => {
        const rows = await t!.prisma.emailMessage.findMany({ where: { dedupeKey: { in: keys } } });
        return rows.every((r) => r.status === 'SENT') ? rows : undefined;
      });
      expect(sent).toHaveLength(5);
      // Leave time for any duplicate to show up.
      await new Promise((resolve) => setTimeout(resolve, 3000));

      for (const applicant of applicants) {
        const mine = smtp.received.filter((m) => m.to.includes(applicant.owner.email));
        expect({ to: applicant.owner.email, count: mine.length }).toEqual({ to: applicant.owner.email, count: 1 });
        const expected = SUBJECTS[applicant.outcome][applicant.locale].replace('{{reference}}', applicant.application.reference!);
        expect(subjectOf(mine[0]!.raw)).toBe(expected);
      }
      expect(await t.prisma.emailMessage.count({ where: { dedupeKey: { in: keys } } })).toBe(5);
      const after = await staff.get(`/api/calls/${call.id}/decisions`).set(browser).expect(200);
      expect(after.body.counts).toMatchObject({ emailsQueued: 0, emailsSent: 5, emailsFailed: 0 });

      // Publishing again still queues nothing.
      expect((await staff.post(`/api/calls/${call.id}/notify-decisions`).set(browser).expect(200)).body).toMatchObject({ published: 0, queued: 0, alreadyPublished: 5 });
      expect(await t.prisma.emailMessage.count({ where: { dedupeKey: { in: keys } } })).toBe(5);
    } finally {
      await t?.close();
      if (smtp) await new Promise<void>((resolve) => smtp!.server.close(() => resolve()));
    }
  });
});
