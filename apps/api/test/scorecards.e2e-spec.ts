import { checkRankingSums } from '@tahkim/db';
import { weightedScore } from '@tahkim/scoring';
import { Client as SqlClient } from 'pg';
import { createApplication } from './support/application-factory';
import { createCall } from './support/call-factory';
import { createUser } from './support/factories';
import { addJuror, assign, createRound } from './support/round-factory';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';

const browser = { Origin: APP_ORIGIN, 'Accept-Language': 'en' };
const NOT_FOUND = { statusCode: 404, code: 'NOT_FOUND', message: 'The requested item was not found.', requestId: expect.any(String) };
const FORBIDDEN = { statusCode: 403, code: 'FORBIDDEN', message: 'You are not allowed to do this.', requestId: expect.any(String) };

describe('jury routes and scorecards', () => {
  let t: TestApp;
  let staffUser: Awaited<ReturnType<typeof createUser>>;
  let staff: Client;

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  /** A round with three applications; the juror is assigned to all, another juror to the first. */
  async function setup() {
    const call = await createCall(t.prisma, { createdById: staffUser.id });
    const applicantUser = await createUser(t.prisma);
    const applications = [];
    for (let i = 0; i < 3; i += 1) applications.push(await createApplication(t.prisma, { callId: call.id, ownerId: (await createUser(t.prisma)).id, status: 'ELIGIBLE' }));
    const round = await createRound(t.prisma, { callId: call.id, blind: true });
    const jurorUser = await createUser(t.prisma, { roles: ['JUROR'] });
    const juror = await addJuror(t.prisma, round.id, jurorUser.id);
    const assignments = [];
    for (const application of applications) assignments.push(await assign(t.prisma, round.id, juror.id, application.id));
    const otherUser = await createUser(t.prisma, { roles: ['JUROR'] });
    const other = await addJuror(t.prisma, round.id, otherUser.id);
    const othersAssignment = await assign(t.prisma, round.id, other.id, applications[0]!.id);
    return { call, round, applications, assignments, othersAssignment, jurorUser, juror: await signIn(jurorUser), other: await signIn(otherUser), applicant: await signIn(applicantUser) };
  }

  const full = (round: Awaited<ReturnType<typeof createRound>>, values: number[]) => round.criteria.map((c, i) => ({ criterionId: c.id, value: values[i] ?? null, comment: null }));

  beforeAll(async () => {
    t = await createTestApp();
    staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    staff = await signIn(staffUser);
  });
  afterAll(async () => t.close());

  it('answers every role on the juror routes as the access rule says', async () => {
    const s = await setup();
    const id = s.assignments[0]!.id;
    await s.juror.get(`/api/jury/assignments/${id}`).expect(200);
    const list = await s.juror.get('/api/jury/assignments').expect(200);
    expect(list.body.progress).toEqual({ total: 3, submitted: 0, draft: 0 });
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual(s.assignments.map((a) => a.id));

    expect((await t.http().get(`/api/jury/assignments/${id}`).set(browser).expect(404)).body).toEqual(NOT_FOUND);
    expect((await s.applicant.get(`/api/jury/assignments/${id}`).set(browser).expect(404)).body).toEqual(NOT_FOUND);
    expect((await s.other.get(`/api/jury/assignments/${s.assignments[1]!.id}`).set(browser).expect(404)).body).toEqual(NOT_FOUND);
    expect((await s.other.get(`/api/scorecards/${id}`).set(browser).expect(404)).body).toEqual(NOT_FOUND);
    expect((await s.other.put(`/api/scorecards/${id}`).set(browser).send({ version: 1, values: [] }).expect(404)).body).toEqual(NOT_FOUND);
    expect((await staff.get(`/api/jury/assignments/${id}`).set(browser).expect(403)).body).toEqual(FORBIDDEN);
    expect((await staff.get('/api/jury/assignments').set(browser).expect(403)).body).toEqual(FORBIDDEN);
    expect((await s.applicant.get('/api/jury/assignments').set(browser).expect(403)).body).toEqual(FORBIDDEN);
    await staff.get(`/api/scorecards/${id}`).expect(200);
    expect((await s.juror.post(`/api/scorecards/${id}/reopen`).set(browser).send({ reason: 'because' }).expect(403)).body).toEqual(FORBIDDEN);

    // A declared conflict removes the assignment and hides the application, whatever id is asked for.
    const conflict = await s.juror.post('/api/jury/conflicts').set(browser).send({ assignmentId: id, reason: 'Je connais la porteuse de projet.' }).expect(201);
    expect(conflict.body).toMatchObject({ applicationId: s.applications[0]!.id, source: 'DECLARED', status: 'CONFIRMED', reason: 'Je connais la porteuse de projet.' });
    expect(await t.prisma.assignment.count({ where: { id } })).toBe(0);
    expect((await s.juror.get(`/api/jury/assignments/${id}`).set(browser).expect(404)).body).toEqual(NOT_FOUND);
    expect((await s.juror.get(`/api/scorecards/${id}`).set(browser).expect(404)).body).toEqual(NOT_FOUND);
    await t.prisma.assignment.create({ data: { roundId: s.round.id, jurorId: (await t.prisma.juror.findFirstOrThrow({ where: { roundId: s.round.id, userId: s.jurorUser.id } })).id, applicationId: s.applications[0]!.id } }).then(async (again) => {
      // Even an assignment made afterwards stays hidden while the conflict stands.
      expect((await s.juror.get(`/api/jury/assignments/${again.id}`).set(browser).expect(404)).body).toEqual(NOT_FOUND);
    });
    expect(await t.prisma.auditEvent.count({ where: { action: 'conflict.declared', entityId: conflict.body.id } })).toBe(1);
    expect((await s.juror.get('/api/jury/assignments').expect(200)).body.progress.total).toBe(2);
  });

  it('autosaves with versions, refuses out-of-scale and missing values, submits once and locks', async () => {
    const s = await setup();
    const id = s.assignments[0]!.id;
    const empty = await s.juror.get(`/api/scorecards/${id}`).expect(200);
    expect(empty.body).toMatchObject({ status: 'DRAFT', version: 1, weightedScore: null });
    expect(empty.body.values).toHaveLength(3);

    const draft = await s.juror.put(`/api/scorecards/${id}`).set(browser).send({ version: 1, values: full(s.round, [4, 3]) }).expect(200);
    expect(draft.body).toMatchObject({ version: 2, status: 'DRAFT' });
    const stale = await s.juror.put(`/api/scorecards/${id}`).set(browser).send({ version: 1, values: full(s.round, [1]) }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { version: 2, values: draft.body.values } } });

    const outOfScale = await s.juror.put(`/api/scorecards/${id}`).set(browser).send({ version: 2, values: full(s.round, [4, 6, 11]) }).expect(400);
    expect(outOfScale.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: ['values', 1, 'value'], code: 'too_big' }, { path: ['values', 2, 'value'], code: 'too_big' }] });

    const missing = await s.juror.post(`/api/scorecards/${id}/submit`).set(browser).send({ version: 2 }).expect(400);
    expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: ['values', s.round.criteria[2]!.id, 'value'], code: 'invalid_type' }] });

    await s.juror.put(`/api/scorecards/${id}`).set(browser).send({ version: 2, values: full(s.round, [4, 3, 7]), overallComment: 'Solide.' }).expect(200);
    const submitted = await s.juror.post(`/api/scorecards/${id}/submit`).set(browser).send({ version: 3 }).expect(200);
    const expected = weightedScore(s.round.criteria, { [s.round.criteria[0]!.id]: 4, [s.round.criteria[1]!.id]: 3, [s.round.criteria[2]!.id]: 7 });
    expect(submitted.body).toMatchObject({ status: 'SUBMITTED', version: 3, weightedScore: expected, overallComment: 'Solide.' });
    const row = await t.prisma.scorecard.findUniqueOrThrow({ where: { assignmentId: id } });
    expect(row.weightedScore).toBe(expected);
    expect(await t.prisma.scoreValue.count({ where: { scorecardId: row.id } })).toBe(3);
    expect(await t.prisma.auditEvent.count({ where: { action: 'scorecard.submitted', entityId: row.id } })).toBe(1);

    // A double click returns the same card; any change afterwards is refused.
    expect((await s.juror.post(`/api/scorecards/${id}/submit`).set(browser).send({ version: 3 }).expect(200)).body).toEqual(submitted.body);
    const locked = await s.juror.put(`/api/scorecards/${id}`).set(browser).send({ version: 3, values: full(s.round, [0, 0, 1]) }).expect(409);
    expect(locked.body).toMatchObject({ statusCode: 409, code: 'CONFLICT', details: { reason: 'SUBMITTED' } });

    // Staff reopen it with a reason: audited, the juror is emailed, and it is a draft again.
    const reopened = await staff.post(`/api/scorecards/${id}/reopen`).set(browser).send({ reason: 'Merci de revoir le critère innovation.' }).expect(200);
    expect(reopened.body).toMatchObject({ status: 'DRAFT', version: 4, reopenReason: 'Merci de revoir le critère innovation.', submittedAt: null });
    const email = await t.prisma.emailMessage.findFirstOrThrow({ where: { toAddress: s.jurorUser.email, template: 'scorecard-reopened' } });
    expect(email.text).toContain('Merci de revoir le critère innovation.');
    expect(email.text).toContain(s.applications[0]!.reference!);
    expect(await t.prisma.auditEvent.count({ where: { action: 'scorecard.reopened', entityId: row.id, actorId: staffUser.id } })).toBe(1);
    await s.juror.put(`/api/scorecards/${id}`).set(browser).send({ version: 4, values: full(s.round, [5, 5, 10]) }).expect(200);
  });

  it("ranks the juror's own scorecards: submitted by score with shared ranks, drafts after", async () => {
    const s = await setup();
    const [a, b, c] = s.assignments;
    for (const [assignment, values] of [[a!, [5, 5, 10]], [b!, [5, 5, 10]]] as const) {
      await s.juror.put(`/api/scorecards/${assignment.id}`).set(browser).send({ version: 1, values: full(s.round, [...values]) }).expect(200);
      await s.juror.post(`/api/scorecards/${assignment.id}/submit`).set(browser).send({ version: 2 }).expect(200);
    }
    await s.juror.put(`/api/scorecards/${c!.id}`).set(browser).send({ version: 1, values: full(s.round, [5]) }).expect(200);
    const ranking = await s.juror.get(`/api/jury/rounds/${s.round.id}/ranking`).expect(200);
    expect(ranking.body.items.map((i: { assignmentId: string; rank: number | null; status: string; weightedScore: number }) => [i.assignmentId, i.rank, i.status, i.weightedScore])).toEqual([
      [expect.any(String), 1, 'SUBMITTED', 100],
      [expect.any(String), 1, 'SUBMITTED', 100],
      [c!.id, null, 'DRAFT', 100],
    ]);
    expect((await s.other.get(`/api/jury/rounds/${s.round.id}/ranking`).expect(200)).body.items).toEqual([]);
    expect((await s.applicant.get(`/api/jury/rounds/${s.round.id}/ranking`).set(browser).expect(404)).body).toEqual(NOT_FOUND);
    expect((await staff.get(`/api/jury/rounds/${s.round.id}/ranking`).set(browser).expect(403)).body).toEqual(FORBIDDEN);
    const list = await s.juror.get('/api/jury/assignments?status=SUBMITTED').expect(200);
    expect(list.body.progress).toEqual({ total: 3, submitted: 2, draft: 1 });
    expect(list.body.items).toHaveLength(2);
  });
  it('lets a criteria reset race submits and a reopen: each request ends normally and the ranking sums stay exact', async () => {
    const sql = new SqlClient({ connectionString: process.env.DATABASE_URL });
    await sql.connect();
    try {
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const s = await setup();
        const [a, b, c] = s.assignments;
        for (const assignment of [a!, b!, c!]) await s.juror.put(`/api/scorecards/${assignment.id}`).set(browser).send({ version: 1, values: full(s.round, [4, 3, 7]) }).expect(200);
        await s.other.put(`/api/scorecards/${s.othersAssignment.id}`).set(browser).send({ version: 1, values: full(s.round, [2, 2, 2]) }).expect(200);
        await s.juror.post(`/api/scorecards/${a!.id}/submit`).set(browser).send({ version: 2 }).expect(200);
        const criteria = s.round.criteria.map((c) => ({ key: c.key, label: c.label, weight: c.weight, scaleMin: c.scaleMin, scaleMax: c.scaleMax }));
        // Each takes the call's ranking stamp first, so they queue (a deadlock would be a 500). The race is not
        // forced: this checks the ordering changes nothing else, not that the old order would deadlock here.
        const statuses = (
          await Promise.all([
            staff.put(`/api/rounds/${s.round.id}/criteria`).set(browser).send({ criteria, reset: true }),
            s.juror.post(`/api/scorecards/${b!.id}/submit`).set(browser).send({ version: 2 }),
            s.juror.post(`/api/scorecards/${c!.id}/submit`).set(browser).send({ version: 2 }),
            s.other.post(`/api/scorecards/${s.othersAssignment.id}/submit`).set(browser).send({ version: 2 }),
            staff.post(`/api/scorecards/${a!.id}/reopen`).set(browser).send({ reason: 'race' }),
          ])
        ).map((response) => response.status);
        expect(statuses[0]).toBe(200);
        for (const status of statuses.slice(1)) expect([200, 400, 409]).toContain(status);
      }
      expect((await checkRankingSums(sql)).differences).toEqual([]);
    } finally {
      await sql.end();
    }
  });

  it("never deadlocks a juror's first save of a scorecard against another juror's submit on the same application", async () => {
    // Both count in the application's ranking sums and bump the call's ranking stamp. A holder keeps the
    // stamp while both requests start, so that they meet there; released, one goes first. Taken in
    // different orders (sums, then stamp; stamp, then sums) they deadlocked (a 500) about every other time.
    const holder = new SqlClient({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const s = await setup();
        await s.other.put(`/api/scorecards/${s.othersAssignment.id}`).set(browser).send({ version: 1, values: full(s.round, [2, 3, 4]) }).expect(200);
        await holder.query('BEGIN');
        await holder.query('SELECT 1 FROM "RankingStamp" WHERE "callId" = $1 FOR UPDATE', [s.call.id]);
        const firstSave = s.juror.put(`/api/scorecards/${s.assignments[0]!.id}`).set(browser).send({ version: 1, values: full(s.round, [4, 3, 7]) }).then((r) => r);
        const submit = s.other.post(`/api/scorecards/${s.othersAssignment.id}/submit`).set(browser).send({ version: 2 }).then((r) => r);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await holder.query('COMMIT');
        expect([(await firstSave).status, (await submit).status]).toEqual([200, 200]);
      }
      expect((await checkRankingSums(holder)).differences).toEqual([]);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
    }
  });
});
