import type { TJuryAssignment, TSecondLook, TSecondLookList, TSecondLookPlan } from '@tahkim/contracts';
import { weightedScore } from '@tahkim/scoring';
import { createApplication } from './support/application-factory';
import { createCall } from './support/call-factory';
import { createUser } from './support/factories';
import { addJuror, assign, createRound } from './support/round-factory';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';

const browser = { Origin: APP_ORIGIN, 'Accept-Language': 'en' };
const NOT_FOUND = { statusCode: 404, code: 'NOT_FOUND', message: 'The requested item was not found.', requestId: expect.any(String) };

type Round = Awaited<ReturnType<typeof createRound>>;
type User = Awaited<ReturnType<typeof createUser>>;

describe('second look: extra scorecards where the shortlist is least certain', () => {
  let t: TestApp;
  let staffUser: User;
  let staff: Client;

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  /** A submitted (or draft) scorecard as the scorecard routes leave it. */
  async function scorecard(round: Round, jurorId: string, applicationId: string, value: number, status: 'SUBMITTED' | 'DRAFT' = 'SUBMITTED', assignmentId?: string) {
    const assignment = assignmentId ? { id: assignmentId } : await assign(t.prisma, round.id, jurorId, applicationId);
    const values = round.criteria.map((c) => ({ criterionId: c.id, value: Math.min(c.scaleMax, Math.max(c.scaleMin, value)) }));
    const score = weightedScore(round.criteria, new Map(values.map((v) => [v.criterionId, v.value])));
    await t.prisma.scorecard.create({
      data: {
        assignmentId: assignment.id,
        status,
        weightedScore: status === 'SUBMITTED' ? score : null,
        submittedAt: status === 'SUBMITTED' ? new Date() : null,
        values: { createMany: { data: values } },
      },
    });
  }

  /**
   * A round of 12 applications and 6 jurors, each application scored by 3 of them (scores rising with
   * the application's number, with one juror harsher), and conflicts of every kind on applications near
   * the cut of a shortlist of 4.
   */
  async function scoredRound(options: { blind?: boolean } = {}) {
    const call = await createCall(t.prisma, { createdById: staffUser.id });
    const owners: User[] = [];
    const applications: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const owner = await createUser(t.prisma);
      owners.push(owner);
      applications.push((await createApplication(t.prisma, { callId: call.id, ownerId: owner.id, status: 'ELIGIBLE', title: `Coopérative ${owner.email}` })).id);
    }
    const round = await createRound(t.prisma, { callId: call.id, blind: options.blind ?? false, criteria: [{ key: 'overall', weight: 1, scaleMin: 0, scaleMax: 10 }] });
    await t.prisma.roundApplication.createMany({ data: applications.map((applicationId) => ({ roundId: round.id, applicationId })) });
    const jurorUsers: User[] = [];
    const jurors: Array<{ id: string }> = [];
    for (let j = 0; j < 6; j += 1) {
      const user = await createUser(t.prisma, { roles: ['JUROR'] });
      jurorUsers.push(user);
      jurors.push(await addJuror(t.prisma, round.id, user.id));
    }
    for (const [i, applicationId] of applications.entries()) {
      for (const k of [0, 1, 2]) {
        const j = (i + k) % 6;
        await scorecard(round, jurors[j]!.id, applicationId, Math.round(i * 0.8) - (j === 0 ? 1 : 0));
      }
    }
    // Conflicts near the cut (applications 6-9): declared, confirmed by staff, and suggested (pending).
    await t.prisma.conflictOfInterest.createMany({
      data: [
        { userId: jurorUsers[3]!.id, applicationId: applications[7]!, source: 'DECLARED', status: 'CONFIRMED', reason: 'déclaré' },
        { userId: jurorUsers[4]!.id, applicationId: applications[8]!, source: 'STAFF', status: 'CONFIRMED', reason: 'confirmé' },
        { userId: jurorUsers[5]!.id, applicationId: applications[6]!, source: 'SUGGESTED', status: 'PENDING', reason: 'même organisation' },
      ],
    });
    return { call, round, applications, owners, jurors, jurorUsers };
  }

  beforeAll(async () => {
    t = await createTestApp();
    staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    staff = await signIn(staffUser);
  });
  afterAll(async () => t.close());

  it('previews the same plan twice, writes nothing, keeps extra loads within 1 and never picks an assigned or conflicted juror', async () => {
    const { round, applications, jurors, jurorUsers } = await scoredRound();
    const before = await t.prisma.assignment.count({ where: { roundId: round.id } });
    const body = { size: 4, total: 6, method: 'mean' };
    const plan = (await staff.post(`/api/rounds/${round.id}/second-look/preview`).set(browser).send(body).expect(200)).body as TSecondLookPlan;
    const again = (await staff.post(`/api/rounds/${round.id}/second-look/preview`).set(browser).send(body).expect(200)).body as TSecondLookPlan;
    expect(again).toEqual(plan);
    expect(await t.prisma.assignment.count({ where: { roundId: round.id } })).toBe(before);
    expect(plan).toMatchObject({ roundId: round.id, method: 'mean', size: 4, total: 6, unplaced: 0 });
    expect(plan.picks).toHaveLength(6);
    const added = plan.jurors.map((j) => j.added);
    expect(Math.max(...added) - Math.min(...added)).toBeLessThanOrEqual(1);
    const assigned = new Set((await t.prisma.assignment.findMany({ where: { roundId: round.id } })).map((a) => `${a.applicationId}|${a.jurorId}`));
    const conflicted = new Set([`${applications[7]}|${jurors[3]!.id}`, `${applications[8]}|${jurors[4]!.id}`, `${applications[6]}|${jurors[5]!.id}`]);
    for (const pick of plan.picks) {
      expect(assigned.has(`${pick.applicationId}|${pick.jurorId}`)).toBe(false);
      expect(conflicted.has(`${pick.applicationId}|${pick.jurorId}`)).toBe(false);
      expect(pick.reference).toMatch(/\d/);
      expect(pick.jurorName).toBe(jurorUsers[jurors.findIndex((j) => j.id === pick.jurorId)]!.displayName);
      expect(['INCOMPLETE', 'DISAGREEMENT', 'NEAR_CUT']).toContain(pick.reason);
    }
    // The least certain first: the picks are around the cut of 4 (applications 7 and 8 of 0..11).
    expect(plan.cut).not.toBeNull();
    const nearest = applications.indexOf(plan.picks[0]!.applicationId);
    expect(nearest).toBeGreaterThanOrEqual(5);
  });

  it('commits as audited assignments that jurors see marked, refuses a stale preview, and undoes while no scorecard of it is submitted', async () => {
    const { round, jurorUsers } = await scoredRound();
    const body = { size: 4, total: 6 };
    const plan = (await staff.post(`/api/rounds/${round.id}/second-look/preview`).set(browser).send(body).expect(200)).body as TSecondLookPlan;
    // The ranking changes after the preview: the commit asks for a new one.
    await t.prisma.rankingStamp.update({ where: { callId: round.callId }, data: { version: { increment: 1 } } });
    const stale = await staff.post(`/api/rounds/${round.id}/second-looks`).set(browser).send({ ...body, stamp: plan.stamp }).expect(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    const fresh = (await staff.post(`/api/rounds/${round.id}/second-look/preview`).set(browser).send(body).expect(200)).body as TSecondLookPlan;
    const committed = (await staff.post(`/api/rounds/${round.id}/second-looks`).set(browser).send({ ...body, stamp: fresh.stamp }).expect(201)).body as TSecondLook;
    expect(committed).toMatchObject({ assignments: 6, submitted: 0, undoable: true, createdBy: { id: staffUser.id } });
    expect(committed.picks.map((p) => [p.applicationId, p.jurorId])).toEqual(fresh.picks.map((p) => [p.applicationId, p.jurorId]));
    const rows = await t.prisma.assignment.findMany({ where: { secondLookId: committed.id } });
    expect(rows.map((a) => `${a.applicationId}|${a.jurorId}`).sort()).toEqual(fresh.picks.map((p) => `${p.applicationId}|${p.jurorId}`).sort());
    expect(await t.prisma.auditEvent.count({ where: { action: 'secondLook.committed', entityId: round.id } })).toBe(1);

    // Each juror sees their new assignments marked as a second look, the others not.
    const pick = fresh.picks[0]!;
    const jurorUser = jurorUsers.find((u) => fresh.jurors.find((j) => j.jurorId === pick.jurorId && j.displayName === u.displayName))!;
    const juror = await signIn(jurorUser);
    const list = (await juror.get('/api/jury/assignments').set(browser).expect(200)).body as { items: TJuryAssignment[] };
    const mine = list.items.filter((item) => item.round.id === round.id);
    const marked = mine.filter((item) => item.secondLook);
    expect(marked.map((item) => item.id).sort()).toEqual(rows.filter((a) => a.jurorId === pick.jurorId).map((a) => a.id).sort());
    expect(mine.length).toBeGreaterThan(marked.length);

    // A draft does not stop the undo; a submitted scorecard does.
    const listed = (await staff.get(`/api/rounds/${round.id}/second-looks`).set(browser).expect(200)).body as TSecondLookList;
    expect(listed.items.map((item) => item.id)).toEqual([committed.id]);
    const [first, second] = rows as [(typeof rows)[number], (typeof rows)[number]];
    await scorecard(round, first.jurorId, first.applicationId, 5, 'SUBMITTED', first.id);
    const refused = await staff.delete(`/api/rounds/${round.id}/second-looks/${committed.id}`).set({ ...browser, 'Accept-Language': 'fr' }).expect(409);
    expect(refused.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'SCORECARDS_SUBMITTED' } });
    expect(refused.body.message).toMatch(/second regard/);
    expect(((await staff.get(`/api/rounds/${round.id}/second-looks`).set(browser).expect(200)).body as TSecondLookList).items[0]).toMatchObject({ submitted: 1, undoable: false });
    await t.prisma.scorecard.deleteMany({ where: { assignmentId: first.id } });
    await scorecard(round, second.jurorId, second.applicationId, 5, 'DRAFT', second.id);
    await staff.delete(`/api/rounds/${round.id}/second-looks/${committed.id}`).set(browser).expect(204);
    expect(await t.prisma.assignment.count({ where: { id: { in: rows.map((a) => a.id) } } })).toBe(0);
    expect(await t.prisma.scorecard.count({ where: { assignmentId: second.id } })).toBe(0);
    expect(await t.prisma.auditEvent.count({ where: { action: 'secondLook.undone', entityId: round.id } })).toBe(1);
    expect((await staff.delete(`/api/rounds/${round.id}/second-looks/${committed.id}`).set(browser).expect(404)).body).toEqual(NOT_FOUND);
  });

  it('keeps a blind round blind on the new assignments', async () => {
    const { round, owners, jurors, jurorUsers } = await scoredRound({ blind: true });
    const plan = (await staff.post(`/api/rounds/${round.id}/second-look/preview`).set(browser).send({ size: 4, total: 6 }).expect(200)).body as TSecondLookPlan;
    const committed = (await staff.post(`/api/rounds/${round.id}/second-looks`).set(browser).send({ size: 4, total: 6, stamp: plan.stamp }).expect(201)).body as TSecondLook;
    const assignment = (await t.prisma.assignment.findFirst({ where: { secondLookId: committed.id }, include: { application: true } }))!;
    const client = await signIn(jurorUsers[jurors.findIndex((j) => j.id === assignment.jurorId)]!);
    const owner = owners.find((o) => o.id === assignment.application.ownerId)!;
    const list = JSON.stringify((await client.get('/api/jury/assignments').set(browser).expect(200)).body);
    const view = JSON.stringify((await client.get(`/api/jury/assignments/${assignment.id}`).set(browser).expect(200)).body);
    for (const text of [list, view]) {
      expect(text).not.toContain(owner.email);
      expect(text).not.toContain(owner.displayName);
    }
    expect(list).toContain('"secondLook":true');
  });

  it('refuses a closed round, a ballot round and a request without one cut and one budget, with a localised message', async () => {
    const { round } = await scoredRound();
    for (const body of [{ total: 3 }, { size: 4 }, { size: 4, threshold: 50, total: 3 }, { size: 4, total: 3, perJuror: 1 }, { size: 0, total: 3 }, { size: 4, total: 3, extra: true }]) {
      const bad = await staff.post(`/api/rounds/${round.id}/second-look/preview`).set({ ...browser, 'Accept-Language': 'ar' }).send(body).expect(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    }
    await t.prisma.round.update({ where: { id: round.id }, data: { status: 'CLOSED' } });
    const closed = await staff.post(`/api/rounds/${round.id}/second-look/preview`).set({ ...browser, 'Accept-Language': 'ar' }).send({ size: 4, total: 3 }).expect(409);
    expect(closed.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'ROUND_CLOSED' } });
    expect(closed.body.message).toMatch(/[\u0600-\u06FF]/);
    await t.prisma.round.update({ where: { id: round.id }, data: { status: 'OPEN', type: 'BALLOT' } });
    expect((await staff.post(`/api/rounds/${round.id}/second-look/preview`).set(browser).send({ size: 4, total: 3 }).expect(409)).body.details.reason).toBe('BALLOT_ROUND');
  });

  it('answers 404 to jurors (even of the round) and applicants on every second-look route, and 401 without a session', async () => {
    const { round, jurorUsers, owners } = await scoredRound();
    const plan = (await staff.post(`/api/rounds/${round.id}/second-look/preview`).set(browser).send({ size: 4, total: 2 }).expect(200)).body as TSecondLookPlan;
    const committed = (await staff.post(`/api/rounds/${round.id}/second-looks`).set(browser).send({ size: 4, total: 2, stamp: plan.stamp }).expect(201)).body as TSecondLook;
    const others = [await signIn(jurorUsers[0]!), await signIn(owners[0]!)];
    const calls = (client: Client | ReturnType<TestApp['http']>) => [
      client.post(`/api/rounds/${round.id}/second-look/preview`).set(browser).send({ size: 4, total: 2 }),
      client.post(`/api/rounds/${round.id}/second-looks`).set(browser).send({ size: 4, total: 2, stamp: plan.stamp }),
      client.get(`/api/rounds/${round.id}/second-looks`).set(browser),
      client.delete(`/api/rounds/${round.id}/second-looks/${committed.id}`).set(browser),
    ];
    for (const client of others) {
      for (const call of calls(client)) expect((await call.expect(404)).body).toEqual(NOT_FOUND);
    }
    for (const call of calls(t.http())) expect((await call.expect(401)).body.code).toBe('UNAUTHENTICATED');
    expect(await t.prisma.assignment.count({ where: { secondLookId: committed.id } })).toBe(2);
  });
});
