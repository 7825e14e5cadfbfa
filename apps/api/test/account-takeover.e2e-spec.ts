import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Response } from 'superagent';
import { hashToken } from '../src/common/security/tokens';
import { FILE_STORAGE, newStorageKey, type FileStorage } from '../src/modules/storage/file-storage';
import { pdfBytes } from './support/attachment-fixtures';
import { createApplication, attachFile } from './support/application-factory';
import { createCall } from './support/call-factory';
import { createUser, TEST_PASSWORD } from './support/factories';
import { addJuror, assign, createRound } from './support/round-factory';
import { APP_ORIGIN, createTestApp, uniqueEmail, type Client, type TestApp } from './support/test-app';

const browser = { Origin: APP_ORIGIN };
const RESET_LINK = /\/reset-password\?token=([A-Za-z0-9_-]{20,})/g;
const INVITATION_LINK = /\/invitations\/([A-Za-z0-9_-]{20,})/g;

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: { type?: string; format?: string; enum?: string[]; maximum?: number };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: OpenApiParameter[] }>>;
}

/** Every response body as text: JSON, CSV and HTML as they come, spreadsheets cell by cell. */
async function bodyText(response: Response): Promise<string> {
  const raw = response.body as Buffer;
  const type = String(response.headers['content-type'] ?? '');
  if (!type.includes('spreadsheetml')) return raw.toString('utf8');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(raw as unknown as ArrayBuffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))));
  return cells.join('\n');
}

/** A superagent parser keeping the body's bytes, whatever the content type. */
function rawBody(response: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const stream = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

function product<T>(lists: T[][]): T[][] {
  return lists.reduce<T[][]>((combos, list) => combos.flatMap((combo) => list.map((item) => [...combo, item])), [[]]);
}

/**
 * A staff member who is not an admin tries to take over an admin's, a juror's and an applicant's
 * account: they trigger password resets and invitations, then read everything their role can reach.
 */
describe('a staff member cannot take over another account', () => {
  jest.setTimeout(180_000);
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  async function signIn(email: string, password = TEST_PASSWORD): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email, password }).expect(200);
    return agent;
  }

  it('by any route the OpenAPI document lists: no live token or link reaches them, while the tokens still work for their owners', async () => {
    const admin = await createUser(t.prisma, { roles: ['STAFF', 'ADMIN'] });
    const staff = await createUser(t.prisma, { roles: ['STAFF'] });
    const juror = await createUser(t.prisma, { roles: ['JUROR'] });
    const applicant = await createUser(t.prisma, { roles: ['APPLICANT'] });
    const victims = [admin, juror, applicant];

    const call = await createCall(t.prisma, { createdById: admin.id });
    const round = await createRound(t.prisma, { callId: call.id });
    const application = await createApplication(t.prisma, { callId: call.id, ownerId: applicant.id, status: 'SUBMITTED' });
    const stored = await attachFile(t.prisma, application.id);
    const bytes = pdfBytes();
    const attachment = await t.prisma.attachment.update({ where: { id: stored.id }, data: { storageKey: newStorageKey(), size: bytes.length } });
    await t.app.get<FileStorage>(FILE_STORAGE).put(attachment.storageKey, Readable.from(bytes), { maxBytes: 1_000_000 });
    const membership = await addJuror(t.prisma, round.id, juror.id);
    const assignment = await assign(t.prisma, round.id, membership.id, application.id);

    const attacker = await signIn(staff.email);
    const bodies: Array<{ route: string; status: number; text: string }> = [];
    const keep = async (route: string, response: Response) => bodies.push({ route, status: response.status, text: await bodyText(response) });

    // What the attacker triggers: resets for each victim, invitations for newcomers (directly and into a round).
    for (const victim of victims) {
      await keep('POST /api/auth/password-reset', await attacker.post('/api/auth/password-reset').set(browser).send({ email: victim.email }).buffer(true).parse(rawBody).expect(200));
    }
    const newcomer = uniqueEmail('newcomer');
    const roundNewcomer = uniqueEmail('round-newcomer');
    await keep('POST /api/invitations', await attacker.post('/api/invitations').set(browser).send({ email: newcomer, role: 'JUROR' }).buffer(true).parse(rawBody).expect(201));
    await keep('POST /api/rounds/{id}/jurors', await attacker.post(`/api/rounds/${round.id}/jurors`).set(browser).send({ emails: [roundNewcomer] }).buffer(true).parse(rawBody).expect(200));
    // Making someone staff (or oneself admin) is for admins.
    const staffInvitation = await attacker.post('/api/invitations').set(browser).send({ email: uniqueEmail('would-be-staff'), role: 'STAFF' }).expect(403);
    expect(staffInvitation.body.code).toBe('FORBIDDEN');

    // The live tokens, as the outbox stores them until delivery.
    const outbox = await t.prisma.emailMessage.findMany({ where: { toAddress: { in: [...victims.map((v) => v.email), newcomer, roundNewcomer] } } });
    const tokensIn = (pattern: RegExp) => outbox.flatMap((email) => [...email.text.matchAll(pattern)].map((match) => match[1]!));
    const resetTokens = tokensIn(RESET_LINK);
    const invitationTokens = tokensIn(INVITATION_LINK);
    expect(resetTokens).toHaveLength(3);
    expect(invitationTokens).toHaveLength(2);
    const secrets = [...resetTokens, ...invitationTokens];
    // An admin can follow them while emails are only captured (no SMTP server), as the template marked them.
    const adminAgent = await signIn(admin.email);
    for (const victim of [juror, applicant]) {
      const seen = await adminAgent.get('/api/admin/emails').query({ to: victim.email }).expect(200);
      const links = seen.body.items[0].segments.filter((s: { kind: string }) => s.kind === 'secret');
      expect(links).toEqual([{ kind: 'secret', value: expect.stringMatching(/\/reset-password\?token=/) }]);
      expect(resetTokens.some((token) => links[0].value.endsWith(token))).toBe(true);
    }

    // Every GET route of the API, path parameters filled with the ids a staff member can learn.
    const document = (await t.http().get('/api/docs-json').expect(200)).body as OpenApiDocument;
    const emailIds = outbox.map((email) => email.id);
    const invitationIds = (await t.prisma.invitation.findMany({ where: { email: { in: [newcomer, roundNewcomer] } }, select: { id: true } })).map((i) => i.id);
    const userIds = [admin.id, staff.id, juror.id, applicant.id];
    const pools: Record<string, string[]> = {
      id: [...userIds, call.id, round.id, application.id, assignment.id, membership.id, ...emailIds, ...invitationIds],
      idOrSlug: [call.id, call.slug],
      token: [...invitationIds, ...userIds],
      applicationId: [application.id],
      attachmentId: [attachment.id],
      assignmentId: [assignment.id],
      roundId: [round.id],
      jurorId: [membership.id, juror.id],
      advanceId: [round.id],
    };
    const getRoutes = Object.entries(document.paths).filter(([, operations]) => operations.get);
    expect(getRoutes.length).toBeGreaterThan(40);
    let ok = 0;
    const serverErrors: string[] = [];
    for (const [path, operations] of getRoutes) {
      const parameters = operations.get!.parameters ?? [];
      const pathParameters = parameters.filter((p) => p.in === 'path');
      const queryParameters = parameters.filter((p) => p.in === 'query');
      const choices = pathParameters.map((p) => p.schema?.enum ?? pools[p.name] ?? pools.id!);
      for (const values of product(choices)) {
        const url = pathParameters.reduce((current, p, i) => current.replace(`{${p.name}}`, encodeURIComponent(values[i]!)), path);
        const queries: Array<Record<string, string | number>> = [{}];
        for (const victim of victims) {
          const query: Record<string, string | number> = {};
          for (const p of queryParameters) {
            if (p.name === 'pageSize' && p.schema?.maximum) query[p.name] = p.schema.maximum;
            else if (p.schema?.enum || p.schema?.format === 'date-time' || p.schema?.type === 'integer' || p.schema?.type === 'number' || p.schema?.type === 'boolean') continue;
            else if (p.schema?.format === 'uuid') query[p.name] = victim.id;
            else query[p.name] = victim.email;
          }
          if (Object.keys(query).length > 0) queries.push(query);
        }
        for (const query of queries) {
          let response: Response;
          try {
            response = await attacker.get(url).query(query).buffer(true).parse(rawBody);
          } catch (error) {
            throw new Error(`GET ${url} ${JSON.stringify(query)}: ${String(error)}`);
          }
          if (response.status >= 500) serverErrors.push(`${url} ${JSON.stringify(query)}: ${response.status} ${(response.body as Buffer).toString('utf8').slice(0, 200)}`);
          if (response.status === 200) ok += 1;
          await keep(`GET ${url}`, response);
          if (response.status !== 200) break;
        }
      }
    }
    expect(serverErrors).toEqual([]);
    // The walk reached the emails, users, audit trail, exports and the application itself.
    for (const route of ['/api/admin/emails', '/api/admin/users', '/api/audit', '/api/audit.csv', `/api/calls/${call.id}/applications.csv`, `/api/calls/${call.id}/applications.xlsx`, `/api/admin/applications/${application.id}`, '/api/invitations']) {
      expect(bodies.some((body) => body.route === `GET ${route}` && body.status === 200)).toBe(true);
    }
    expect(ok).toBeGreaterThan(30);

    // Not one live token, hash of a token, or confirmable link in anything the staff member received.
    const forbidden = [...secrets, ...secrets.map(hashToken)];
    for (const { route, text } of bodies) {
      for (const secret of forbidden) expect({ route, leaks: text.includes(secret) }).toEqual({ route, leaks: false });
      expect({ route, links: [...text.matchAll(RESET_LINK), ...text.matchAll(INVITATION_LINK)].map((m) => m[0]) }).toEqual({ route, links: [] });
    }
    // The emails were there, with the links hidden.
    const emailsSeen = bodies.filter((body) => body.route === 'GET /api/admin/emails' && body.status === 200).map((body) => body.text).join('\n');
    for (const victim of victims) expect(emailsSeen).toContain(victim.email);
    expect(emailsSeen).toContain('"kind":"secret","value":null');
    // Nor does the audit trail hold them.
    const audit = JSON.stringify(await t.prisma.auditEvent.findMany({ where: { createdAt: { gte: new Date(Date.now() - 10 * 60_000) } } }), (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
    for (const secret of forbidden) expect(audit.includes(secret)).toBe(false);

    // Nor can they change another account directly.
    for (const victim of victims) {
      const roles = await attacker.put(`/api/admin/users/${victim.id}/roles`).set(browser).send({ roles: ['STAFF'] });
      expect(roles.status).toBe(403);
      expect(roles.body.code).toBe('FORBIDDEN');
    }
    const self = await attacker.put(`/api/admin/users/${staff.id}/roles`).set(browser).send({ roles: ['STAFF', 'ADMIN'] }).expect(403);
    expect(self.body.code).toBe('FORBIDDEN');
    for (const change of [{ email: admin.email }, { roles: ['ADMIN'] }, { password: 'taken-over-password' }, { userId: admin.id, displayName: 'Taken over' }]) {
      const refused = await attacker.patch('/api/auth/me').set(browser).send(change).expect(400);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
    }
    const untouched = await t.prisma.user.findMany({ where: { id: { in: [...victims.map((v) => v.id), staff.id] } }, orderBy: { id: 'asc' } });
    for (const person of [...victims, staff]) {
      const now = untouched.find((u) => u.id === person.id)!;
      expect({ email: now.email, roles: now.roles, passwordHash: now.passwordHash, displayName: now.displayName }).toEqual({
        email: person.email,
        roles: person.roles,
        passwordHash: person.passwordHash,
        displayName: person.displayName,
      });
    }

    // The tokens were real: each owner uses theirs (so the search above looked for the right strings).
    for (const victim of victims) {
      const email = outbox.find((e) => e.toAddress === victim.email && e.template === 'password-reset')!;
      const token = [...email.text.matchAll(RESET_LINK)][0]![1]!;
      await t.http().post('/api/auth/password-reset/confirm').set(browser).send({ token, password: 'owner-chose-this-one' }).expect(200);
      await t.http().post('/api/auth/login').set(browser).send({ email: victim.email, password: 'owner-chose-this-one' }).expect(200);
    }
    for (const token of invitationTokens) {
      await t.http().post(`/api/invitations/${token}/accept`).set(browser).send({ displayName: 'New Juror', password: 'a-long-password' }).expect(200);
    }
  });

  it('reads no link in the back office once emails are sent through SMTP, admins included', async () => {
    const smtp = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:1', EMAIL_QUEUE: 'email.send.takeover-test' });
    try {
      const admin = await createUser(smtp.prisma, { roles: ['STAFF', 'ADMIN'] });
      const applicant = await createUser(smtp.prisma);
      await smtp.http().post('/api/auth/password-reset').set(browser).send({ email: applicant.email }).expect(200);
      const agent = smtp.agent();
      await agent.post('/api/auth/login').set(browser).send({ email: admin.email, password: TEST_PASSWORD }).expect(200);
      const seen = await agent.get('/api/admin/emails').query({ to: applicant.email }).expect(200);
      expect(seen.body.items[0].segments.filter((s: { kind: string }) => s.kind === 'secret')).toEqual([{ kind: 'secret', value: null }]);
      expect(seen.body.items[0].text).toContain('[redacted]');
      expect(JSON.stringify(seen.body)).not.toMatch(/token=/);
    } finally {
      await smtp.close();
    }
  });

  it('shows a staff member who is not an admin the emails without their links, even while captured', async () => {
    const staff = await createUser(t.prisma, { roles: ['STAFF'] });
    const applicant = await createUser(t.prisma);
    await t.http().post('/api/auth/password-reset').set(browser).send({ email: applicant.email }).expect(200);
    const agent = await signIn(staff.email);
    const seen = await agent.get('/api/admin/emails').query({ to: applicant.email }).expect(200);
    const [email] = seen.body.items;
    expect(email.template).toBe('password-reset');
    expect(email.segments.filter((s: { kind: string }) => s.kind === 'secret')).toEqual([{ kind: 'secret', value: null }]);
    expect(email.text).toMatch(/Bonjour .+\n\n.+\n\n\[redacted\]\n\n/);
  });
});
