import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';
import { createUser } from './support/factories';
import { createCall } from './support/call-factory';
import { createApplication } from './support/application-factory';
import { addJuror, assign, createRound } from './support/round-factory';

const browser = { Origin: APP_ORIGIN };
const text = (s: string) => ({ ar: s, fr: s, en: s });
const criteria = [
  { key: 'impact', label: text('Impact'), weight: 3, scaleMin: 0, scaleMax: 5 },
  { key: 'model', label: text('Modèle'), weight: 1, scaleMin: 1, scaleMax: 10 },
];

describe('rounds and criteria (staff)', () => {
  let t: TestApp;
  let staffUser: Awaited<ReturnType<typeof createUser>>;
  let staff: Client;
  let applicant: Client;
  let juror: Client;

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  beforeAll(async () => {
    t = await createTestApp();
    staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    staff = await signIn(staffUser);
    applicant = await signIn(await createUser(t.prisma));
    juror = await signIn(await createUser(t.prisma, { roles: ['JUROR'] }));
  }, 60_000);
  afterAll(() => t.close());

  it('creates round 1 once when a call rounds are first listed, and more rounds on demand', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id });
    const [first, second] = await Promise.all([staff.get(`/api/calls/${call.id}/rounds`).expect(200), staff.get(`/api/calls/${call.id}/rounds`).expect(200)]);
    expect(first.body.items).toHaveLength(1);
    expect(second.body.items[0].id).toBe(first.body.items[0].id);
    expect(first.body.items[0]).toMatchObject({ number: 1, type: 'SCORING', blind: true, scorecardsRequired: 3, criteriaLocked: false, counts: { applications: 0, jurors: 0 } });

    const created = await staff.post(`/api/calls/${call.id}/rounds`).set(browser).send({ name: text('Finale'), scorecardsRequired: 5 }).expect(201);
    expect(created.body).toMatchObject({ number: 2, scorecardsRequired: 5, status: 'DRAFT', method: 'NORMALISED' });
    const patched = await staff.patch(`/api/rounds/${created.body.id}`).set(browser).send({ blind: false, closesAt: '2030-01-01T00:00:00Z' }).expect(200);
    expect(patched.body).toMatchObject({ blind: false, closesAt: '2030-01-01T00:00:00.000Z' });
    const audit = await t.prisma.auditEvent.findMany({ where: { entityId: created.body.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['round.created', 'round.updated']);
  });

  it('opening round 1 takes the screened-in applications into it', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id, maxApplicationsPerApplicant: 5 });
    const owner = await createUser(t.prisma);
    for (const status of ['SUBMITTED', 'ELIGIBLE', 'INELIGIBLE', 'DRAFT'] as const) await createApplication(t.prisma, { callId: call.id, ownerId: owner.id, status });
    const [round] = (await staff.get(`/api/calls/${call.id}/rounds`).expect(200)).body.items;
    await staff.put(`/api/rounds/${round.id}/criteria`).set(browser).send({ criteria }).expect(200);
    // The call accepts applications for 30 more days: opening now is acknowledged.
    const opened = await staff.patch(`/api/rounds/${round.id}`).set(browser).send({ status: 'OPEN', acknowledgeEarly: true }).expect(200);
    expect(opened.body.counts.applications).toBe(2);
  });

  it('refuses other roles and unknown ids with the error body', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id });
    const round = await createRound(t.prisma, { callId: call.id });
    const anonymous = await t.http().get(`/api/rounds/${round.id}/criteria`).expect(401);
    expect(anonymous.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    for (const client of [applicant, juror]) {
      const res = await client.get(`/api/calls/${call.id}/rounds`).expect(403);
      expect(res.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
      await client.put(`/api/rounds/${round.id}/criteria`).set(browser).send({ criteria }).expect(403);
    }
    expect((await staff.get('/api/rounds/not-a-uuid').expect(404)).body.code).toBe('NOT_FOUND');
    expect((await staff.get('/api/calls/00000000-0000-7000-8000-000000000000/rounds').expect(404)).body.code).toBe('NOT_FOUND');
  });

  it('replaces criteria, validates them, locks them once a scorecard is submitted, and resets with an audit row', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id });
    const round = await createRound(t.prisma, { callId: call.id, criteria: [] });
    const put = await staff.put(`/api/rounds/${round.id}/criteria`).set(browser).send({ criteria }).expect(200);
    expect(put.body).toMatchObject({ locked: false, items: [{ key: 'impact', weight: 3, position: 0 }, { key: 'model', scaleMin: 1, scaleMax: 10, position: 1 }] });

    const bad = await staff.put(`/api/rounds/${round.id}/criteria`).set(browser).send({ criteria: [{ ...criteria[0], weight: 0 }, { ...criteria[1], scaleMax: 1 }] }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');

    // A submitted scorecard locks the criteria.
    const jurorUser = await createUser(t.prisma, { roles: ['JUROR'] });
    const member = await addJuror(t.prisma, round.id, jurorUser.id);
    const application = await createApplication(t.prisma, { callId: call.id, ownerId: (await createUser(t.prisma)).id, status: 'ELIGIBLE' });
    const assignment = await assign(t.prisma, round.id, member.id, application.id);
    const [impact, model] = put.body.items as Array<{ id: string }>;
    await t.prisma.scorecard.create({
      data: {
        assignmentId: assignment.id, status: 'SUBMITTED', submittedAt: new Date(), weightedScore: 50,
        values: { create: [{ criterionId: impact!.id, value: 3 }, { criterionId: model!.id, value: 4 }] },
      },
    });
    expect((await staff.get(`/api/rounds/${round.id}/criteria`).expect(200)).body.locked).toBe(true);
    const locked = await staff.put(`/api/rounds/${round.id}/criteria`).set(browser).send({ criteria: [criteria[0]] }).expect(409);
    expect(locked.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'CRITERIA_LOCKED' } });

    const reset = await staff.put(`/api/rounds/${round.id}/criteria`).set(browser).send({ criteria: [criteria[0]], reset: true }).expect(200);
    expect(reset.body).toMatchObject({ locked: false, items: [{ key: 'impact' }] });
    const scorecard = await t.prisma.scorecard.findUniqueOrThrow({ where: { assignmentId: assignment.id }, include: { values: true } });
    expect(scorecard).toMatchObject({ status: 'DRAFT', submittedAt: null, weightedScore: null, reopenReason: 'criteria reset', values: [] });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: round.id, action: 'criteria.reset' } });
    expect(audit.after).toMatchObject({ reopenedScorecards: 1 });
  });
});
