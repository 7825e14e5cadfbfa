import { APP_ORIGIN, createTestApp, uniqueEmail, type Client, type TestApp } from './support/test-app';
import { createUser, latestEmailLink } from './support/factories';
import { createCall } from './support/call-factory';
import { createApplication, demoLikeAnswers } from './support/application-factory';
import { addJuror, assign, createRound } from './support/round-factory';

const browser = { Origin: APP_ORIGIN };

describe('jury administration (staff)', () => {
  let t: TestApp;
  let staffUser: Awaited<ReturnType<typeof createUser>>;
  let staff: Client;
  let applicant: Client;
  let jurorClient: Client;

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }
  async function seedRound(applications: number, jurors: number, required = 3) {
    const call = await createCall(t.prisma, { createdById: staffUser.id, maxApplicationsPerApplicant: 1000 });
    const round = await createRound(t.prisma, { callId: call.id, scorecardsRequired: required });
    const owner = await createUser(t.prisma);
    const apps = [];
    for (let i = 0; i < applications; i += 1) apps.push(await createApplication(t.prisma, { callId: call.id, ownerId: owner.id, status: 'ELIGIBLE', answers: demoLikeAnswers({ organisation_name: `Org ${i}` }) }));
    const members = [];
    for (let i = 0; i < jurors; i += 1) members.push(await addJuror(t.prisma, round.id, (await createUser(t.prisma, { roles: ['JUROR'] })).id));
    return { call, round, apps, members };
  }

  beforeAll(async () => {
    t = await createTestApp();
    staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    staff = await signIn(staffUser);
    applicant = await signIn(await createUser(t.prisma));
    jurorClient = await signIn(await createUser(t.prisma, { roles: ['JUROR'] }));
  }, 60_000);
  afterAll(() => t.close());

  it('refuses anonymous, applicant and juror callers on every staff jury route', async () => {
    const { round } = await seedRound(1, 1);
    const routes: Array<['get' | 'post' | 'put', string, object?]> = [
      ['get', `/api/rounds/${round.id}/jurors`], ['post', `/api/rounds/${round.id}/jurors`, { emails: ['x@test.example'] }],
      ['get', `/api/rounds/${round.id}/conflicts`], ['get', `/api/rounds/${round.id}/assignments`], ['put', `/api/rounds/${round.id}/assignments`, { assignments: [] }],
      ['post', `/api/rounds/${round.id}/assignments/auto`], ['get', `/api/rounds/${round.id}/progress`], ['post', `/api/rounds/${round.id}/reminders`, {}],
    ];
    for (const [verb, url, body] of routes) {
      expect((await t.http()[verb](url).set(browser).send(body).expect(401)).body).toMatchObject({ code: 'UNAUTHENTICATED' });
      for (const client of [applicant, jurorClient]) expect((await client[verb](url).set(browser).send(body).expect(403)).body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    }
  });

  it('adds existing accounts at once and invites others; accepting the invitation joins the round', async () => {
    const { round } = await seedRound(0, 0);
    const existing = await createUser(t.prisma, { locale: 'ar' });
    const newcomer = uniqueEmail('newjuror');
    const res = await staff.post(`/api/rounds/${round.id}/jurors`).set(browser).send({ emails: [existing.email, newcomer] }).expect(200);
    expect(res.body).toEqual({ added: [existing.email], invited: [newcomer], alreadyMembers: [] });
    expect((await t.prisma.user.findUniqueOrThrow({ where: { id: existing.id } })).roles).toContain('JUROR');
    expect(await t.prisma.emailMessage.findFirst({ where: { toAddress: existing.email, template: 'jury-added', locale: 'ar' } })).not.toBeNull();
    const again = await staff.post(`/api/rounds/${round.id}/jurors`).set(browser).send({ emails: [existing.email] }).expect(200);
    expect(again.body.alreadyMembers).toEqual([existing.email]);

    const roster = await staff.get(`/api/rounds/${round.id}/jurors`).expect(200);
    expect(roster.body.items).toHaveLength(1);
    expect(roster.body.pendingInvitations).toMatchObject([{ email: newcomer }]);

    const token = await latestEmailLink(t.prisma, newcomer, /\/invitations\/([A-Za-z0-9_-]+)/);
    await t.agent().post(`/api/invitations/${token}/accept`).set(browser).send({ displayName: 'Nouvelle Jurée', password: 'correct-horse-battery' }).expect(200);
    const after = await staff.get(`/api/rounds/${round.id}/jurors`).expect(200);
    expect(after.body.items.map((j: { email: string }) => j.email).sort()).toEqual([existing.email, newcomer].sort());
    expect(after.body.pendingInvitations).toEqual([]);
  });

  it('auto-assigns every application its required unconflicted jurors with even loads, and a re-run adds nothing', async () => {
    const { round, apps, members } = await seedRound(20, 7, 3);
    const conflictUser = await t.prisma.juror.findUniqueOrThrow({ where: { id: members[0]!.id } });
    await staff.post(`/api/rounds/${round.id}/conflicts`).set(browser).send({ jurorUserId: conflictUser.userId, applicationId: apps[0]!.id, reason: 'Ancien employeur' }).expect(200);
    const first = await staff.post(`/api/rounds/${round.id}/assignments/auto`).set(browser).expect(200);
    expect(first.body).toMatchObject({ created: 60, kept: 0, shortfalls: [] });
    expect(first.body.maxLoad - first.body.minLoad).toBeLessThanOrEqual(1);
    const rows = await t.prisma.assignment.findMany({ where: { roundId: round.id } });
    for (const app of apps) expect(new Set(rows.filter((r) => r.applicationId === app.id).map((r) => r.jurorId)).size).toBe(3);
    expect(rows.find((r) => r.jurorId === members[0]!.id && r.applicationId === apps[0]!.id)).toBeUndefined();
    const second = await staff.post(`/api/rounds/${round.id}/assignments/auto`).set(browser).expect(200);
    expect(second.body).toMatchObject({ created: 0, kept: 60 });
    expect(await t.prisma.auditEvent.count({ where: { entityId: round.id, action: 'assignments.auto' } })).toBe(2);
  });

  it('reports a shortfall when there are not enough jurors', async () => {
    const { round } = await seedRound(2, 2, 3);
    const res = await staff.post(`/api/rounds/${round.id}/assignments/auto`).set(browser).expect(200);
    expect(res.body.shortfalls).toHaveLength(2);
    expect(res.body.shortfalls[0]).toMatchObject({ assigned: 2, required: 3, reason: 'NOT_ENOUGH_JURORS' });
  });

  it('manual PUT refuses conflicted pairs (400) and removing a submitted scorecard (409)', async () => {
    const { round, apps, members } = await seedRound(2, 2, 1);
    const a = apps[0]!;
    const b = apps[1]!;
    const m1 = members[0]!;
    const m2 = members[1]!;
    await staff.post(`/api/rounds/${round.id}/conflicts`).set(browser).send({ jurorUserId: m2.userId, applicationId: b.id }).expect(200);
    const refused = await staff.put(`/api/rounds/${round.id}/assignments`).set(browser).send({ assignments: [{ jurorId: m2.id, applicationId: b.id }] }).expect(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ code: 'CONFLICT_OF_INTEREST', jurorId: m2.id, applicationId: b.id }] });
    const put = await staff.put(`/api/rounds/${round.id}/assignments`).set(browser).send({ assignments: [{ jurorId: m1.id, applicationId: a.id }, { jurorId: m1.id, applicationId: b.id }] }).expect(200);
    expect(put.body.assignments).toHaveLength(2);
    expect(put.body.conflicts).toEqual([{ jurorId: m2.id, applicationId: b.id }]);
    const assignment = await t.prisma.assignment.findFirstOrThrow({ where: { roundId: round.id, jurorId: m1.id, applicationId: a.id } });
    const values = round.criteria.map((c) => ({ criterionId: c.id, value: c.scaleMin }));
    await t.prisma.scorecard.create({ data: { assignmentId: assignment.id, status: 'SUBMITTED', submittedAt: new Date(), weightedScore: 0, values: { create: values } } });
    const blocked = await staff.put(`/api/rounds/${round.id}/assignments`).set(browser).send({ assignments: [] }).expect(409);
    expect(blocked.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'SUBMITTED_SCORECARD' } });

    // Progress: 1 of 2 required scorecards; the juror with a submitted one cannot be removed.
    const progress = await staff.get(`/api/rounds/${round.id}/progress`).expect(200);
    expect(progress.body.overall).toEqual({ required: 2, submitted: 1, percent: 50 });
    expect(progress.body.jurors.find((j: { jurorId: string }) => j.jurorId === m1.id)).toMatchObject({ assigned: 2, submitted: 1, draft: 0 });
    expect((await staff.delete(`/api/rounds/${round.id}/jurors/${m1.id}`).set(browser).expect(409)).body).toMatchObject({ code: 'JUROR_HAS_WORK', details: { scorecards: 1, ballot: false } });
    await staff.delete(`/api/rounds/${round.id}/jurors/${m2.id}`).set(browser).expect(204);

    // Reminders: one email to the juror with unfinished work.
    const user1 = await t.prisma.user.findUniqueOrThrow({ where: { id: m1.userId } });
    const sent = await staff.post(`/api/rounds/${round.id}/reminders`).set(browser).send({}).expect(200);
    expect(sent.body).toEqual({ sent: 1 });
    expect(await t.prisma.emailMessage.count({ where: { toAddress: user1.email, template: 'jury-reminder' } })).toBe(1);

    // A confirmed conflict removes the assignment, even with a submitted scorecard (audited).
    await staff.post(`/api/rounds/${round.id}/conflicts`).set(browser).send({ jurorUserId: m1.userId, applicationId: a.id }).expect(200);
    expect(await t.prisma.assignment.count({ where: { id: assignment.id } })).toBe(0);
    expect(await t.prisma.auditEvent.count({ where: { action: 'scorecard.removed_by_conflict', before: { path: ['assignmentId'], equals: assignment.id } } })).toBe(1);
  });

  it('suggests a conflict when a juror organisation matches an application, for staff to confirm', async () => {
    const { round, apps, members } = await seedRound(3, 1, 1);
    await t.prisma.user.update({ where: { id: members[0]!.userId }, data: { organisation: '  org 1 ' } });
    await assign(t.prisma, round.id, members[0]!.id, apps[1]!.id);
    const list = await staff.get(`/api/rounds/${round.id}/conflicts`).expect(200);
    expect(list.body.items).toMatchObject([{ applicationId: apps[1]!.id, source: 'SUGGESTED', status: 'PENDING', jurorUserId: members[0]!.userId }]);
    const confirmed = await staff.patch(`/api/conflicts/${list.body.items[0].id}`).set(browser).send({ status: 'CONFIRMED' }).expect(200);
    expect(confirmed.body.status).toBe('CONFIRMED');
    expect(await t.prisma.assignment.count({ where: { roundId: round.id } })).toBe(0);
  });
});
