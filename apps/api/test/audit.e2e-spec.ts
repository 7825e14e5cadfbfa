import { createApplication } from './support/application-factory';
import { createCall } from './support/call-factory';
import { createUser } from './support/factories';
import { createRound } from './support/round-factory';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';

const browser = { Origin: APP_ORIGIN, 'Accept-Language': 'en' };
const NOT_FOUND = { statusCode: 404, code: 'NOT_FOUND', message: 'The requested item was not found.', requestId: expect.any(String) };

describe('audit trail', () => {
  let t: TestApp;

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('lists audited actions newest first with their actor, filters them and exports them as CSV', async () => {
    const staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    const staff = await signIn(staffUser);
    const other = await createUser(t.prisma);
    await t.http().post('/api/auth/login').set(browser).send({ email: other.email, password: 'wrong-password-1' }).expect(401);
    await signIn(other);

    const mine = await staff.get('/api/audit').query({ actorId: staffUser.id }).set(browser).expect(200);
    expect(mine.body.items[0]).toMatchObject({ action: 'auth.login', entityType: 'User', entityId: staffUser.id, actor: { id: staffUser.id, email: staffUser.email } });
    expect(mine.body.items.every((item: { actor: { id: string } }) => item.actor.id === staffUser.id)).toBe(true);

    const byEmail = await staff.get('/api/audit').query({ actor: other.email.toUpperCase(), action: 'auth.login' }).set(browser).expect(200);
    expect(byEmail.body.total).toBe(1);
    expect(byEmail.body.items[0].actor.email).toBe(other.email);

    const family = await staff.get('/api/audit').query({ action: 'auth.', entityId: other.id }).set(browser).expect(200);
    expect(family.body.items.map((item: { action: string }) => item.action).sort()).toEqual(['auth.login', 'auth.login_failed']);
    expect(family.body.actions).toEqual(expect.arrayContaining(['auth.login', 'auth.login_failed']));

    const all = await staff.get('/api/audit').query({ pageSize: 2 }).set(browser).expect(200);
    expect(all.body.items).toHaveLength(2);
    expect(all.body.total).toBeGreaterThanOrEqual(3);
    const times = all.body.items.map((item: { at: string }) => item.at);
    expect([...times].sort().reverse()).toEqual(times);

    const future = await staff.get('/api/audit').query({ from: new Date(Date.now() + 60_000).toISOString() }).set(browser).expect(200);
    expect(future.body.total).toBe(0);

    const csv = await staff.get('/api/audit.csv').query({ entityId: other.id }).set({ ...browser, 'Accept-Language': 'fr' }).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]!.startsWith('Date (UTC),Date (heure de Casablanca),Auteur,')).toBe(true);
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).some((line) => line.includes('auth.login_failed'))).toBe(true);

    const bad = await staff.get('/api/audit').query({ from: 'yesterday' }).set(browser).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('names what each entry points to (the entity and the ids in its values), while the CSV keeps the ids', async () => {
    const staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    const staff = await signIn(staffUser);
    const jurorUser = await createUser(t.prisma);
    const title = { ar: 'دعوة 2026', fr: 'Appel 2026', en: 'Call 2026' };
    const call = await createCall(t.prisma, { createdById: staffUser.id, title });
    const round = await createRound(t.prisma, { callId: call.id, status: 'DRAFT' });
    const application = await createApplication(t.prisma, { callId: call.id, ownerId: jurorUser.id, status: 'SUBMITTED' });

    await staff.post(`/api/rounds/${round.id}/jurors`).set(browser).send({ emails: [jurorUser.email] }).expect(200);
    await staff.patch(`/api/rounds/${round.id}`).set(browser).send({ blind: false }).expect(200);
    // An entry that names a record deleted since: its id is simply not resolved.
    const gone = '01900000-0000-7000-8000-000000000000';
    await t.prisma.auditEvent.create({ data: { action: 'round.updated', entityType: 'Round', entityId: gone, actorId: staffUser.id, after: { applicationIds: [application.id] } } });

    const page = await staff.get('/api/audit').query({ actorId: staffUser.id }).set(browser).expect(200);
    const added = page.body.items.find((item: { action: string }) => item.action === 'juror.added');
    expect(added.after).toMatchObject({ roundId: round.id, userId: jurorUser.id });
    const refs = page.body.references;
    expect(refs[added.entityId]).toEqual({ kind: 'juror', name: jurorUser.displayName, person: jurorUser.displayName, application: null, roundNumber: round.number, callTitle: title });
    expect(refs[round.id]).toEqual({ kind: 'round', name: null, person: null, application: null, roundNumber: round.number, callTitle: title });
    expect(refs[jurorUser.id]).toMatchObject({ kind: 'user', name: jurorUser.displayName });
    expect(refs[application.id]).toMatchObject({ kind: 'application', name: application.reference, application: application.reference, callTitle: title });
    expect(refs[gone]).toBeUndefined();
    // The CSV keeps the machine values: ids, codes and JSON as recorded.
    const csv = await staff.get('/api/audit.csv').query({ entityId: added.entityId }).set(browser).expect(200);
    expect(csv.text).toContain(`""roundId"":""${round.id}""`);
    expect(csv.text).toContain(`""userId"":""${jurorUser.id}""`);
    expect(csv.text).toContain('juror.added');
  });

  it('is hidden from jurors and applicants (404), needs a session, and has no route to change or delete a row', async () => {
    const juror = await signIn(await createUser(t.prisma, { roles: ['JUROR'] }));
    const applicant = await signIn(await createUser(t.prisma));
    const staff = await signIn(await createUser(t.prisma, { roles: ['STAFF'] }));
    for (const route of ['/api/audit', '/api/audit.csv']) {
      expect((await juror.get(route).set(browser).expect(404)).body).toEqual(NOT_FOUND);
      expect((await applicant.get(route).set(browser).expect(404)).body).toEqual(NOT_FOUND);
      expect((await t.http().get(route).set(browser).expect(401)).body.code).toBe('UNAUTHENTICATED');
    }
    const id = (await staff.get('/api/audit').set(browser).expect(200)).body.items[0].id as string;
    const before = await t.prisma.auditEvent.findUniqueOrThrow({ where: { id: BigInt(id) } });
    await staff.delete(`/api/audit/${id}`).set(browser).expect(404);
    await staff.patch(`/api/audit/${id}`).set(browser).send({ action: 'x' }).expect(404);
    await staff.put(`/api/audit/${id}`).set(browser).send({ action: 'x' }).expect(404);
    await staff.delete('/api/audit').set(browser).expect(404);
    expect(await t.prisma.auditEvent.findUniqueOrThrow({ where: { id: BigInt(id) } })).toEqual(before);
    await expect(t.prisma.auditEvent.deleteMany({ where: { id: BigInt(id) } })).rejects.toThrow();
    await expect(t.prisma.auditEvent.updateMany({ where: { id: BigInt(id) }, data: { action: 'forged' } })).rejects.toThrow();
  });
});
