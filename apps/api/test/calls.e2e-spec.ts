import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';
import { createUser } from './support/factories';
import { createCall, DEMO_LIKE_FORM, uniquePrefix } from './support/call-factory';

const browser = { Origin: APP_ORIGIN };
const DAY_MS = 24 * 60 * 60 * 1000;
const text = (fr: string) => ({ ar: `ع ${fr}`, fr, en: `en ${fr}` });

let slugCounter = 0;
function newCallBody(overrides: Record<string, unknown> = {}) {
  slugCounter += 1;
  return {
    slug: `appel-${Date.now().toString(36)}-${process.pid}-${slugCounter}`,
    title: text('Appel à projets'),
    summary: text('Résumé'),
    description: text('## Objectifs\nSoutenir **l’innovation sociale**.'),
    eligibility: text('Associations et coopératives'),
    opensAt: new Date(Date.now() - DAY_MS).toISOString(),
    closesAt: new Date(Date.now() + 30 * DAY_MS).toISOString(),
    referencePrefix: uniquePrefix(),
    ...overrides,
  };
}

describe('calls', () => {
  let t: TestApp;
  let staff: Client;
  let staffUser: Awaited<ReturnType<typeof createUser>>;
  let applicant: Client;
  let juror: Client;

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  async function createDraft(overrides: Record<string, unknown> = {}) {
    return (await staff.post('/api/calls').set(browser).send(newCallBody(overrides)).expect(201)).body;
  }

  beforeAll(async () => {
    t = await createTestApp();
    staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    staff = await signIn(staffUser);
    applicant = await signIn(await createUser(t.prisma, { roles: ['APPLICANT'] }));
    juror = await signIn(await createUser(t.prisma, { roles: ['JUROR'] }));
  });
  afterAll(() => t.close());

  it('staff create a draft call with a one-step form; only staff can see it', async () => {
    const body = newCallBody();
    const res = await staff.post('/api/calls').set(browser).send(body).expect(201);
    expect(res.body).toMatchObject({
      slug: body.slug, status: 'DRAFT', acceptingApplications: false, formVersion: 1, maxApplicationsPerApplicant: 1,
      referencePrefix: body.referencePrefix, eligibilityRules: [], applicationCounts: { draft: 0, submitted: 0 }, publishedAt: null,
      timezone: 'Africa/Casablanca',
    });
    const id = res.body.id as string;

    const audit = await t.prisma.auditEvent.findMany({ where: { entityId: id } });
    expect(audit).toEqual([expect.objectContaining({ action: 'call.created', actorId: staffUser.id, entityType: 'Call' })]);

    const form = await staff.get(`/api/calls/${id}/form`).expect(200);
    expect(form.body).toMatchObject({ callId: id, version: 1, locked: false, definition: { sections: [{ key: 'general', fields: [] }] } });
    expect(await t.prisma.formVersion.count({ where: { callId: id } })).toBe(1);

    for (const path of [`/api/calls/${id}`, `/api/calls/${body.slug}`, `/api/calls/${id}/form`]) {
      for (const client of [applicant, juror, t.http()]) {
        const hidden = await client.get(path).expect(404);
        expect(hidden.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
      }
      await staff.get(path).expect(200);
    }
    const list = await t.http().get('/api/calls').expect(200);
    expect(list.body.items.map((call: { id: string }) => call.id)).not.toContain(id);
    const admin = await staff.get('/api/admin/calls').expect(200);
    expect(admin.body.items.find((call: { id: string }) => call.id === id)).toMatchObject({ status: 'DRAFT' });
  });

  it('refuses a slug or a reference prefix another call uses, and invalid input', async () => {
    const first = await createDraft();
    const sameSlug = await staff.post('/api/calls').set(browser).send(newCallBody({ slug: first.slug })).expect(409);
    expect(sameSlug.body).toMatchObject({ code: 'CONFLICT', details: [{ path: ['slug'] }] });
    const samePrefix = await staff.post('/api/calls').set(browser).send(newCallBody({ referencePrefix: first.referencePrefix })).expect(409);
    expect(samePrefix.body).toMatchObject({ code: 'CONFLICT', details: [{ path: ['referencePrefix'] }] });

    const badSlug = await staff.post('/api/calls').set(browser).send(newCallBody({ slug: 'Not A Slug' })).expect(400);
    expect(badSlug.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: ['slug'] }] });
    const long = await staff.post('/api/calls').set(browser).send(newCallBody({ description: { ar: '', fr: 'x'.repeat(20_001), en: '' } })).expect(400);
    expect(long.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: ['description', 'fr'] }] });
    const backwards = await staff.post('/api/calls').set(browser).send(newCallBody({ opensAt: '2030-01-02T00:00:00Z', closesAt: '2030-01-01T00:00:00Z' })).expect(400);
    expect(backwards.body.details).toEqual([expect.objectContaining({ path: ['closesAt'] })]);
  });

  it('edits texts and dates; dates are stored and returned in UTC; the audit keeps what changed', async () => {
    const call = await createDraft();
    const res = await staff
      .patch(`/api/calls/${call.id}`)
      .set(browser)
      .send({ title: text('Nouveau titre'), opensAt: '2030-03-01T09:00:00+01:00', closesAt: '2030-04-30T23:59:00+01:00', maxApplicationsPerApplicant: 2 })
      .expect(200);
    expect(res.body).toMatchObject({ title: text('Nouveau titre'), opensAt: '2030-03-01T08:00:00.000Z', closesAt: '2030-04-30T22:59:00.000Z', maxApplicationsPerApplicant: 2 });
    const stored = await t.prisma.call.findUniqueOrThrow({ where: { id: call.id } });
    expect(stored.closesAt.toISOString()).toBe('2030-04-30T22:59:00.000Z');
    expect((await staff.get(`/api/calls/${call.id}`).expect(200)).body.opensAt).toBe('2030-03-01T08:00:00.000Z');

    const updated = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: call.id, action: 'call.updated' } });
    expect(updated.actorId).toBe(staffUser.id);
    expect(Object.keys(updated.after as object).sort()).toEqual(['closesAt', 'maxApplicationsPerApplicant', 'opensAt', 'title']);
    expect(updated.before).toMatchObject({ maxApplicationsPerApplicant: 1, title: call.title });
    expect(updated.after).toMatchObject({ maxApplicationsPerApplicant: 2, closesAt: '2030-04-30T22:59:00.000Z' });

    const backwards = await staff.patch(`/api/calls/${call.id}`).set(browser).send({ closesAt: '2030-02-01T00:00:00Z' }).expect(400);
    expect(backwards.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: ['closesAt'] }] });
    const unknown = await staff.patch(`/api/calls/${call.id}`).set(browser).send({ status: 'PUBLISHED' }).expect(400);
    expect(unknown.body.code).toBe('VALIDATION_FAILED');
    await staff.patch('/api/calls/00000000-0000-4000-8000-000000000000').set(browser).send({ maxApplicationsPerApplicant: 2 }).expect(404);
  });

  it('publishes a draft once it has a French title, a future deadline and a visible field', async () => {
    const call = await createDraft({ title: { ar: 'عنوان', fr: '', en: 'Title' } });
    const refused = await staff.post(`/api/calls/${call.id}/publish`).set(browser).set('Accept-Language', 'fr').expect(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
    expect(refused.body.details.map((d: { path: unknown }) => d.path)).toEqual([['title', 'fr'], ['form']]);
    expect(refused.body.details[1].message).toBe('Le formulaire doit comporter au moins un champ visible.');

    await staff.patch(`/api/calls/${call.id}`).set(browser).send({ title: text('Appel publié') }).expect(200);
    await staff.put(`/api/calls/${call.id}/form`).set(browser).send({ version: 1, definition: DEMO_LIKE_FORM }).expect(200);
    const published = await staff.post(`/api/calls/${call.id}/publish`).set(browser).expect(200);
    expect(published.body).toMatchObject({ status: 'PUBLISHED', acceptingApplications: true, publishedAt: expect.any(String) });
    expect((await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: call.id, action: 'call.published' } })).actorId).toBe(staffUser.id);

    const again = await staff.post(`/api/calls/${call.id}/publish`).set(browser).expect(409);
    expect(again.body.code).toBe('CONFLICT');

    for (const client of [applicant, juror, t.http()]) {
      expect((await client.get(`/api/calls/${call.slug}`).expect(200)).body).toMatchObject({ id: call.id, status: 'PUBLISHED' });
      expect((await client.get(`/api/calls/${call.id}/form`).expect(200)).body.definition.sections).toHaveLength(2);
    }
    const list = await t.http().get('/api/calls').expect(200);
    expect(list.body.items.find((item: { id: string }) => item.id === call.id)).toMatchObject({ acceptingApplications: true });
    expect(list.body.items[0]).not.toHaveProperty('referencePrefix');
  });

  it('refuses to publish a call whose deadline has passed', async () => {
    const call = await createDraft({ opensAt: new Date(Date.now() - 3 * DAY_MS).toISOString(), closesAt: new Date(Date.now() - DAY_MS).toISOString() });
    await staff.put(`/api/calls/${call.id}/form`).set(browser).send({ version: 1, definition: DEMO_LIKE_FORM }).expect(200);
    const refused = await staff.post(`/api/calls/${call.id}/publish`).set(browser).expect(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ path: ['closesAt'] })]);
  });

  it('closes a published call early; it then reads CLOSED and lists after the open ones', async () => {
    const open = await createCall(t.prisma, { createdById: staffUser.id, closesAt: new Date(Date.now() + 60 * DAY_MS) });
    const closing = await createCall(t.prisma, { createdById: staffUser.id, closesAt: new Date(Date.now() + 90 * DAY_MS) });
    const before = Date.now();
    const res = await staff.post(`/api/calls/${closing.id}/close`).set(browser).send({ reason: 'Budget atteint' }).expect(200);
    expect(res.body).toMatchObject({ status: 'CLOSED', acceptingApplications: false, closedAt: expect.any(String) });
    expect(Date.parse(res.body.closesAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(res.body.closesAt)).toBeLessThanOrEqual(Date.now());
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: closing.id, action: 'call.closed' } });
    expect(audit).toMatchObject({ actorId: staffUser.id, before: { status: 'PUBLISHED' }, after: { status: 'CLOSED', reason: 'Budget atteint' } });
    await staff.post(`/api/calls/${closing.id}/close`).set(browser).send({}).expect(409);

    const ids = (await t.http().get('/api/calls').expect(200)).body.items.map((call: { id: string }) => call.id) as string[];
    expect(ids.indexOf(open.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(open.id)).toBeLessThan(ids.indexOf(closing.id));
  });

  it('closes a call that had not opened yet', async () => {
    const future = await createCall(t.prisma, { createdById: staffUser.id, opensAt: new Date(Date.now() + 5 * DAY_MS), closesAt: new Date(Date.now() + 10 * DAY_MS) });
    expect((await t.http().get(`/api/calls/${future.id}`).expect(200)).body).toMatchObject({ status: 'PUBLISHED', acceptingApplications: false });
    const res = await staff.post(`/api/calls/${future.id}/close`).set(browser).send({}).expect(200);
    expect(res.body.status).toBe('CLOSED');
    expect(Date.parse(res.body.opensAt)).toBeLessThan(Date.parse(res.body.closesAt));
  });

  it('a published call past its deadline reads CLOSED without any job', async () => {
    const past = await createCall(t.prisma, { createdById: staffUser.id, opensAt: new Date(Date.now() - 10 * DAY_MS), closesAt: new Date(Date.now() - 1000) });
    expect((await t.http().get(`/api/calls/${past.slug}`).expect(200)).body).toMatchObject({ status: 'CLOSED', acceptingApplications: false });
    const listed = (await t.http().get('/api/calls').expect(200)).body.items.find((call: { id: string }) => call.id === past.id);
    expect(listed).toMatchObject({ status: 'CLOSED' });
    expect((await t.prisma.call.findUniqueOrThrow({ where: { id: past.id } })).status).toBe('PUBLISHED');
  });

  it('counts applications per call for staff', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id });
    const owner = await createUser(t.prisma);
    await t.prisma.application.create({ data: { callId: call.id, ownerId: owner.id } });
    const admin = await staff.get('/api/admin/calls').expect(200);
    expect(admin.body.items.find((item: { id: string }) => item.id === call.id)).toMatchObject({ applicationCounts: { draft: 1, submitted: 0 } });
    expect((await staff.get(`/api/admin/calls/${call.id}`).expect(200)).body.applicationCounts).toEqual({ draft: 1, submitted: 0 });
  });

  it('checks eligibility rules against the form', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id });
    const patch = (eligibilityRules: unknown) => staff.patch(`/api/calls/${call.id}`).set(browser).send({ eligibilityRules });

    const unknownField = await patch([{ kind: 'AT_MOST', fieldKey: 'no_such_field', max: 10 }]).expect(400);
    expect(unknownField.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: ['eligibilityRules', 0, 'fieldKey'], code: 'custom' }] });
    const listOnNumber = await patch([{ kind: 'IN_LIST', fieldKey: 'requested_amount', values: ['1'] }]).expect(400);
    expect(listOnNumber.body.details).toEqual([expect.objectContaining({ path: ['eligibilityRules', 0, 'fieldKey'] })]);
    const boundOnText = await patch([{ kind: 'AT_LEAST', fieldKey: 'project_title', min: 1 }]).expect(400);
    expect(boundOnText.body.details).toEqual([expect.objectContaining({ path: ['eligibilityRules', 0, 'fieldKey'] })]);
    const badRegion = await patch([{ kind: 'IN_LIST', fieldKey: 'region', values: ['MA-07', 'atlantis'] }]).expect(400);
    expect(badRegion.body.details).toEqual([expect.objectContaining({ path: ['eligibilityRules', 0, 'values', 1] })]);
    expect((await t.prisma.call.findUniqueOrThrow({ where: { id: call.id } })).settings).toEqual({ eligibilityRules: [] });

    const rules = [
      { kind: 'IN_LIST', fieldKey: 'region', values: ['MA-07'] },
      { kind: 'IN_LIST', fieldKey: 'legal_form', values: ['association', 'cooperative'] },
      { kind: 'AT_MOST', fieldKey: 'requested_amount', max: 200_000 },
    ];
    const ok = await patch(rules).expect(200);
    expect(ok.body.eligibilityRules).toEqual(rules);
    expect((await t.prisma.call.findUniqueOrThrow({ where: { id: call.id } })).settings).toEqual({ eligibilityRules: rules });
  });

  it('keeps staff routes to staff: 403 for applicants and jurors, 401 for anonymous visitors', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id, status: 'DRAFT' });
    const attempts: Array<[keyof Client, string, object?]> = [
      ['post', '/api/calls', newCallBody()],
      ['patch', `/api/calls/${call.id}`, { maxApplicationsPerApplicant: 3 }],
      ['post', `/api/calls/${call.id}/publish`],
      ['post', `/api/calls/${call.id}/close`, {}],
      ['put', `/api/calls/${call.id}/form`, { version: 1, definition: DEMO_LIKE_FORM }],
      ['get', '/api/admin/calls'],
      ['get', `/api/admin/calls/${call.id}`],
    ];
    for (const [verb, path, body] of attempts) {
      for (const client of [applicant, juror]) {
        const res = await client[verb](path).set(browser).send(body);
        expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 403, code: 'FORBIDDEN' });
      }
      const anonymous = await t.http()[verb](path).set(browser).send(body);
      expect({ path, status: anonymous.status, code: anonymous.body.code }).toEqual({ path, status: 401, code: 'UNAUTHENTICATED' });
    }
    const unchanged = await t.prisma.call.findUniqueOrThrow({ where: { id: call.id } });
    expect(unchanged).toMatchObject({ status: 'DRAFT', maxApplicationsPerApplicant: 1, formVersion: 1 });
  });
});
