import { randomUUID } from 'node:crypto';
import { ERROR_HTTP_STATUS, ERROR_MESSAGES, type TBallotResult, type TErrorCode, type TJuryBallot } from '@tahkim/contracts';
import { createApplication } from './support/application-factory';
import { createCall } from './support/call-factory';
import { createUser } from './support/factories';
import { addApplicationsToRound, addJuror, createRound } from './support/round-factory';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';

/**
 * Issue 6, acceptance 1: the final ballot through the API. Each juror's order is known, so the Schulze
 * order and Borda points are computed by hand below; drafts, conflicts, versions and locks; every route
 * for every role, with the error body.
 */

const browser = { Origin: APP_ORIGIN, 'Accept-Language': 'en' };
const text = (s: string) => ({ ar: s, fr: s, en: s });

function errorBody(code: TErrorCode) {
  return { statusCode: ERROR_HTTP_STATUS[code], code, message: ERROR_MESSAGES[code].en, requestId: expect.any(String) };
}

type User = Awaited<ReturnType<typeof createUser>>;

describe('final ballot round', () => {
  let t: TestApp;
  let call: Awaited<ReturnType<typeof createCall>>;
  let staffUser: User;
  let staff: Client;
  let admin: Client;
  let applicant: Client;
  const owners: User[] = [];

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  /** Applications of the test call, titled "<name> project", ELIGIBLE (so in evaluation). */
  async function applications(names: string[]): Promise<Record<string, string>> {
    const ids: Record<string, string> = {};
    for (const name of names) {
      const owner = await createUser(t.prisma);
      owners.push(owner);
      ids[name] = (await createApplication(t.prisma, { callId: call.id, ownerId: owner.id, status: 'ELIGIBLE', title: `Projet ${name}` })).id;
    }
    return ids;
  }

  /** An OPEN ballot round created through the staff route, holding these applications. */
  async function ballotRound(applicationIds: string[], options: { blind?: boolean; status?: 'OPEN' | 'CLOSED' } = {}): Promise<string> {
    const res = await staff
      .post(`/api/calls/${call.id}/rounds`)
      .set(browser)
      .send({ type: 'BALLOT', name: text('Vote final'), blind: options.blind ?? false, status: options.status ?? 'OPEN' })
      .expect(201);
    await addApplicationsToRound(t.prisma, res.body.id, applicationIds);
    return res.body.id as string;
  }

  /** A juror of the round, signed in: their membership id and their client. */
  async function juror(roundId: string): Promise<{ user: User; jurorId: string; client: Client }> {
    const user = await createUser(t.prisma, { roles: ['JUROR'] });
    const membership = await addJuror(t.prisma, roundId, user.id);
    return { user, jurorId: membership.id, client: await signIn(user) };
  }

  async function vote(client: Client, roundId: string, order: string[], submit = true): Promise<TJuryBallot> {
    const current = (await client.get(`/api/jury/ballots/${roundId}`).set(browser).expect(200)).body as TJuryBallot;
    const saved = (await client.put(`/api/jury/ballots/${roundId}`).set(browser).send({ version: current.ballot.version, order }).expect(200)).body as TJuryBallot;
    if (!submit) return saved;
    return (await client.post(`/api/jury/ballots/${roundId}/submit`).set(browser).send({ version: saved.ballot.version }).expect(200)).body as TJuryBallot;
  }

  async function result(roundId: string): Promise<TBallotResult> {
    return (await staff.get(`/api/rounds/${roundId}/ballot-result`).set(browser).expect(200)).body as TBallotResult;
  }

  /** pairwise[x][y] by application ids. */
  function pairwise(res: TBallotResult, matrix: 'pairwise' | 'strongest' = 'pairwise') {
    const index = new Map(res.candidates.map((c, i) => [c.applicationId, i]));
    return (x: string, y: string) => res[matrix][index.get(x)!]![index.get(y)!]!;
  }

  beforeAll(async () => {
    t = await createTestApp();
    staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    staff = await signIn(staffUser);
    admin = await signIn(await createUser(t.prisma, { roles: ['ADMIN'] }));
    applicant = await signIn(await createUser(t.prisma));
    // The call's deadline has passed: its ballot rounds open without the early-opening acknowledgement.
    call = await createCall(t.prisma, { createdById: staffUser.id, opensAt: new Date(Date.now() - 40 * 86_400_000), closesAt: new Date(Date.now() - 86_400_000) });
    // Round 1 of the call takes every eligible application; the ballot rounds after it hold only theirs.
    await createRound(t.prisma, { callId: call.id });
  }, 60_000);
  afterAll(async () => t.close());

  it('a Condorcet cycle (A>B>C, B>C>A, C>A>B) shares rank 1 with 3 Borda points each', async () => {
    const { A, B, C } = await applications(['A', 'B', 'C']);
    const roundId = await ballotRound([A!, B!, C!]);
    const [j1, j2, j3] = [await juror(roundId), await juror(roundId), await juror(roundId)];
    await vote(j1.client, roundId, [A!, B!, C!]);
    await vote(j2.client, roundId, [B!, C!, A!]);
    await vote(j3.client, roundId, [C!, A!, B!]);

    const res = await result(roundId);
    expect(res.submitted).toBe(3);
    expect(res.ranking.map((r) => ({ rank: r.rank, borda: r.borda, wins: r.wins }))).toEqual([
      { rank: 1, borda: 3, wins: 0 },
      { rank: 1, borda: 3, wins: 0 },
      { rank: 1, borda: 3, wins: 0 },
    ]);
    const d = pairwise(res);
    expect([d(A!, B!), d(B!, A!), d(B!, C!), d(C!, B!), d(C!, A!), d(A!, C!)]).toEqual([2, 1, 2, 1, 2, 1]);
    const p = pairwise(res, 'strongest');
    // Every strongest path is 2 both ways: no application beats another.
    for (const [x, y] of [[A, B], [B, C], [C, A], [A, C]] as const) expect([p(x!, y!), p(y!, x!)]).toEqual([2, 2]);
    expect(res.candidates.map((c) => c.title).sort()).toEqual(['Projet A', 'Projet B', 'Projet C']);
  });

  it('matches Schulze and Borda by hand, with a conflicted juror and a draft that does not count', async () => {
    const { A, B, C, D } = await applications(['A', 'B', 'C', 'D']);
    const roundId = await ballotRound([A!, B!, C!, D!]);
    const jurors = [await juror(roundId), await juror(roundId), await juror(roundId), await juror(roundId), await juror(roundId), await juror(roundId)];
    const [j1, j2, j3, j4, j5, j6] = jurors;
    // j5 declared a conflict on A: their ballot orders B, C, D only.
    await t.prisma.conflictOfInterest.create({ data: { userId: j5!.user.id, applicationId: A!, source: 'DECLARED', status: 'CONFIRMED', reason: 'Family' } });

    const view = (await j5!.client.get(`/api/jury/ballots/${roundId}`).set(browser).expect(200)).body as TJuryBallot;
    expect(view.candidates.map((c) => c.applicationId).sort()).toEqual([B, C, D].sort());
    expect(view.ballot).toMatchObject({ status: 'DRAFT', version: 1, saved: false });
    expect([...view.ballot.order].sort()).toEqual([B, C, D].sort());
    const withConflicted = await j5!.client.put(`/api/jury/ballots/${roundId}`).set(browser).send({ version: 1, order: [B, A, C, D] }).expect(400);
    expect(withConflicted.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: ['order', 1] })] });

    await vote(j1!.client, roundId, [A!, B!, C!, D!]);
    await vote(j2!.client, roundId, [A!, B!, C!, D!]);
    await vote(j3!.client, roundId, [B!, C!, D!, A!]);
    await vote(j4!.client, roundId, [C!, B!, D!, A!]);
    await vote(j5!.client, roundId, [B!, D!, C!]);
    // A saved draft is not counted (it would move D up).
    await vote(j6!.client, roundId, [D!, C!, B!, A!], false);

    const res = await result(roundId);
    expect(res.submitted).toBe(5);
    // By hand: A-B 2:2, A-C 2:2, A-D 2:2 (j5 has no preference on A), B-C 4:1, B-D 5:0, C-D 4:1.
    const d = pairwise(res);
    expect([d(A!, B!), d(B!, A!), d(A!, C!), d(C!, A!), d(A!, D!), d(D!, A!)]).toEqual([2, 2, 2, 2, 2, 2]);
    expect([d(B!, C!), d(C!, B!), d(B!, D!), d(D!, B!), d(C!, D!), d(D!, C!)]).toEqual([4, 1, 5, 0, 4, 1]);
    // Links B->C (4), B->D (5), C->D (4): A ties with everyone, so A and B share rank 1; C is 2nd, D 3rd.
    // Borda (3..0 on four-long ballots, 2..0 on j5's): A 3+3=6, B 2+2+3+2+2=11, C 1+1+2+3+0=7, D 0+0+1+1+1=3.
    expect(res.ranking.map((r) => [r.applicationId, r.rank, r.borda, r.wins])).toEqual([
      [B, 1, 11, 2],
      [A, 1, 6, 0],
      [C, 2, 7, 1],
      [D, 3, 3, 0],
    ]);
    expect(res.ranking[0]).toMatchObject({ reference: expect.any(String), title: 'Projet B' });
    const p = pairwise(res, 'strongest');
    expect([p(B!, C!), p(B!, D!), p(C!, D!), p(A!, B!), p(B!, A!)]).toEqual([4, 5, 4, 0, 0]);

    const byJuror = new Map(res.jurors.map((j) => [j.jurorId, j]));
    expect(byJuror.get(j5!.jurorId)).toMatchObject({ status: 'SUBMITTED', order: [B, D, C], conflicts: [A] });
    expect(byJuror.get(j6!.jurorId)).toMatchObject({ status: 'DRAFT', submittedAt: null });
    expect(res.jurors).toHaveLength(6);
  });

  it('checks the order is a permutation of the juror’s applications (400) and the version (409)', async () => {
    const { A, B, C } = await applications(['A', 'B', 'C']);
    const roundId = await ballotRound([A!, B!, C!]);
    const j = await juror(roundId);
    const put = (body: object) => j.client.put(`/api/jury/ballots/${roundId}`).set(browser).send(body);

    const missing = await put({ version: 1, order: [A, B] }).expect(400);
    expect(missing.body).toMatchObject({ ...errorBody('VALIDATION_FAILED'), message: expect.any(String), details: [expect.objectContaining({ path: ['order'], code: 'too_small' })] });
    const twice = await put({ version: 1, order: [A, B, B, C] }).expect(400);
    expect(twice.body.details).toEqual([expect.objectContaining({ path: ['order', 2] })]);
    const unknown = await put({ version: 1, order: [A, B, C, randomUUID()] }).expect(400);
    expect(unknown.body.details).toEqual([expect.objectContaining({ path: ['order', 3] })]);
    const notUuid = await put({ version: 1, order: [A, B, 'x'] }).expect(400);
    expect(notUuid.body.code).toBe('VALIDATION_FAILED');
    // Submitting before any order is saved is refused too.
    await j.client.post(`/api/jury/ballots/${roundId}/submit`).set(browser).send({ version: 1 }).expect(400);

    const first = await put({ version: 1, order: [C, B, A], comment: 'C first' }).expect(200);
    expect(first.body.ballot).toMatchObject({ status: 'DRAFT', version: 2, order: [C, B, A], comment: 'C first', saved: true });
    const stale = await put({ version: 1, order: [A, B, C] }).expect(409);
    expect(stale.body).toMatchObject({ ...errorBody('VERSION_CONFLICT'), message: expect.any(String) });
    expect(stale.body.details.current.ballot).toMatchObject({ version: 2, order: [C, B, A] });
    await j.client.post(`/api/jury/ballots/${roundId}/submit`).set(browser).send({ version: 1 }).expect(409);
    const again = await j.client.get(`/api/jury/ballots/${roundId}`).set(browser).expect(200);
    expect(again.body.ballot).toMatchObject({ version: 2, order: [C, B, A] });
  });

  it('locks a submitted ballot (409) until staff reopen it; each submit and reopen leaves one audit row', async () => {
    const { A, B, C } = await applications(['A', 'B', 'C']);
    const roundId = await ballotRound([A!, B!, C!]);
    const j = await juror(roundId);
    const submitted = await vote(j.client, roundId, [B!, A!, C!]);
    expect(submitted.ballot).toMatchObject({ status: 'SUBMITTED', version: 2, order: [B, A, C], submittedAt: expect.any(String) });
    const ballot = await t.prisma.ballot.findFirstOrThrow({ where: { roundId, jurorId: j.jurorId } });

    const locked = await j.client.put(`/api/jury/ballots/${roundId}`).set(browser).send({ version: 2, order: [A, B, C] }).expect(409);
    expect(locked.body).toMatchObject({ ...errorBody('CONFLICT'), details: { reason: 'SUBMITTED' } });
    // A double click on submit returns the same ballot, without a second audit row.
    await j.client.post(`/api/jury/ballots/${roundId}/submit`).set(browser).send({ version: 2 }).expect(200);
    expect(await t.prisma.auditEvent.count({ where: { action: 'ballot.submitted', entityId: ballot.id } })).toBe(1);
    expect(await t.prisma.auditEvent.count({ where: { action: 'ballot.submitted', entityId: ballot.id, actorId: j.user.id } })).toBe(1);

    await staff.post(`/api/rounds/${roundId}/ballots/${j.jurorId}/reopen`).set(browser).send({ reason: 'x' }).expect(400);
    const reopened = await staff.post(`/api/rounds/${roundId}/ballots/${j.jurorId}/reopen`).set(browser).send({ reason: 'Please check your order' }).expect(200);
    expect(reopened.body.submitted).toBe(0);
    expect(reopened.body.jurors[0]).toMatchObject({ jurorId: j.jurorId, status: 'DRAFT', order: [B, A, C] });
    const events = await t.prisma.auditEvent.findMany({ where: { action: 'ballot.reopened', entityId: ballot.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: staffUser.id, after: expect.objectContaining({ reason: 'Please check your order', status: 'DRAFT' }) });
    const twice = await staff.post(`/api/rounds/${roundId}/ballots/${j.jurorId}/reopen`).set(browser).send({ reason: 'Again please' }).expect(409);
    expect(twice.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'NOT_SUBMITTED' } });

    // The reopened draft moved to a new version; the juror changes it and submits again.
    const draft = (await j.client.get(`/api/jury/ballots/${roundId}`).set(browser).expect(200)).body as TJuryBallot;
    expect(draft.ballot).toMatchObject({ status: 'DRAFT', version: 3, submittedAt: null });
    await j.client.put(`/api/jury/ballots/${roundId}`).set(browser).send({ version: 2, order: [A, B, C] }).expect(409);
    const saved = await j.client.put(`/api/jury/ballots/${roundId}`).set(browser).send({ version: 3, order: [A, B, C] }).expect(200);
    await j.client.post(`/api/jury/ballots/${roundId}/submit`).set(browser).send({ version: saved.body.ballot.version }).expect(200);
    expect(await t.prisma.auditEvent.count({ where: { action: 'ballot.submitted', entityId: ballot.id, actorId: j.user.id } })).toBe(2);
    expect((await result(roundId)).ranking.map((r) => r.applicationId)).toEqual([A, B, C]);
  });

  it('follows the round: an application taken in after a save must be ordered again; a later conflict drops that preference', async () => {
    const { A, B, C } = await applications(['A', 'B', 'C']);
    const roundId = await ballotRound([A!, B!]);
    const [j1, j2] = [await juror(roundId), await juror(roundId)];
    await vote(j1.client, roundId, [B!, A!], false);
    await addApplicationsToRound(t.prisma, roundId, [C!]);
    const draft = (await j1.client.get(`/api/jury/ballots/${roundId}`).set(browser).expect(200)).body as TJuryBallot;
    // The saved order first, the newcomer after it; submitting the stale saved order is refused.
    expect(draft.ballot).toMatchObject({ order: [B, A, C], version: 2 });
    const stale = await j1.client.post(`/api/jury/ballots/${roundId}/submit`).set(browser).send({ version: 2 }).expect(400);
    expect(stale.body.details).toEqual([expect.objectContaining({ path: ['order'] })]);
    const saved = await j1.client.put(`/api/jury/ballots/${roundId}`).set(browser).send({ version: 2, order: [B, A, C] }).expect(200);
    await j1.client.post(`/api/jury/ballots/${roundId}/submit`).set(browser).send({ version: saved.body.ballot.version }).expect(200);
    await vote(j2.client, roundId, [C!, A!, B!]);
    let res = await result(roundId);
    expect(pairwise(res)(B!, C!)).toBe(1);
    // j1's conflict on C is confirmed after submission: their ballot no longer says anything about C.
    await t.prisma.conflictOfInterest.create({ data: { userId: j1.user.id, applicationId: C!, source: 'DECLARED', status: 'CONFIRMED' } });
    res = await result(roundId);
    const d = pairwise(res);
    expect([d(B!, C!), d(C!, B!), d(A!, C!), d(C!, A!), d(B!, A!), d(A!, B!)]).toEqual([0, 1, 0, 1, 1, 1]);
    expect(res.jurors.find((j) => j.jurorId === j1.jurorId)).toMatchObject({ order: [B, A], conflicts: [C] });
    // Borda: j1 now orders two (B 1, A 0), j2 three (C 2, A 1, B 0).
    expect(Object.fromEntries(res.ranking.map((r) => [r.applicationId, r.borda]))).toEqual({ [A!]: 1, [B!]: 1, [C!]: 2 });
  });

  it('shows a blind round’s juror the reference and a masked title, never the applicant', async () => {
    const { A, B } = await applications(['A', 'B']);
    const ownerA = owners.at(-2)!;
    await t.prisma.application.update({ where: { id: A! }, data: { title: `Projet de ${ownerA.displayName}` } });
    const roundId = await ballotRound([A!, B!], { blind: true });
    const j = await juror(roundId);
    const res = await j.client.get(`/api/jury/ballots/${roundId}`).set(browser).expect(200);
    const body = JSON.stringify(res.body);
    expect(body).not.toContain(ownerA.displayName);
    expect(body).not.toContain(ownerA.email);
    expect(res.body.round.blind).toBe(true);
    expect(res.body.candidates).toEqual(expect.arrayContaining([expect.objectContaining({ applicationId: A, applicationLabel: expect.stringMatching(/\S/) })]));
  });

  describe('every route x every role', () => {
    type Role = 'anonymous' | 'applicant' | 'otherJuror' | 'juror' | 'staff' | 'admin';
    const clients = {} as Record<Role, Client>;
    let roundId: string;
    let scoringRoundId: string;
    let closedRoundId: string;
    let jurorId: string;
    let ids: Record<string, string>;

    beforeAll(async () => {
      ids = await applications(['A', 'B']);
      roundId = await ballotRound([ids.A!, ids.B!]);
      const other = await ballotRound([ids.A!, ids.B!]);
      const j = await juror(roundId);
      jurorId = j.jurorId;
      clients.juror = j.client;
      clients.otherJuror = (await juror(other)).client;
      clients.anonymous = t.http();
      clients.applicant = applicant;
      clients.staff = staff;
      clients.admin = admin;
      closedRoundId = await ballotRound([ids.A!, ids.B!], { status: 'CLOSED' });
      await addJuror(t.prisma, closedRoundId, j.user.id);
      scoringRoundId = (await createRound(t.prisma, { callId: call.id })).id;
      await addJuror(t.prisma, scoringRoundId, j.user.id);
    });

    const NOT_JUROR = { anonymous: 'UNAUTHENTICATED', applicant: 'NOT_FOUND', otherJuror: 'NOT_FOUND', staff: 'NOT_FOUND', admin: 'NOT_FOUND' } as const;
    const STAFF_ONLY = { anonymous: 'UNAUTHENTICATED', applicant: 'NOT_FOUND', otherJuror: 'NOT_FOUND', juror: 'NOT_FOUND' } as const;
    const request = (role: Role, verb: 'get' | 'put' | 'post', url: string, body?: object) => {
      const req = clients[role][verb](url).set(browser);
      return body ? req.send(body) : req;
    };

    it('jury routes: only the round’s juror; anyone else 404 (anonymous 401)', async () => {
      const routes: Array<{ verb: 'get' | 'put' | 'post'; url: string; body?: () => object }> = [
        { verb: 'get', url: `/api/jury/ballots/${roundId}` },
        { verb: 'put', url: `/api/jury/ballots/${roundId}`, body: () => ({ version: 1, order: [ids.A, ids.B] }) },
        { verb: 'post', url: `/api/jury/ballots/${roundId}/submit`, body: () => ({ version: 1 }) },
      ];
      for (const route of routes) {
        for (const [role, code] of Object.entries(NOT_JUROR) as Array<[Role, TErrorCode]>) {
          const res = await request(role, route.verb, route.url, route.body?.());
          expect({ role, url: route.url, status: res.status, body: res.body }).toEqual({ role, url: route.url, status: ERROR_HTTP_STATUS[code], body: errorBody(code) });
        }
      }
      await request('juror', 'get', `/api/jury/ballots/${roundId}`).expect(200);
      await request('juror', 'put', `/api/jury/ballots/${roundId}`, { version: 1, order: [ids.A, ids.B] }).expect(200);
      await request('juror', 'post', `/api/jury/ballots/${roundId}/submit`, { version: 2 }).expect(200);
      // Not an open ballot round, or not a round at all: the juror is told it does not exist.
      for (const url of [`/api/jury/ballots/${closedRoundId}`, `/api/jury/ballots/${scoringRoundId}`, `/api/jury/ballots/${randomUUID()}`, '/api/jury/ballots/not-a-uuid']) {
        const res = await request('juror', 'get', url);
        expect({ url, status: res.status, body: res.body }).toEqual({ url, status: 404, body: errorBody('NOT_FOUND') });
      }
    });

    it('the list of ballots: the caller’s open ballot rounds only', async () => {
      const anonymous = await request('anonymous', 'get', '/api/jury/ballots').expect(401);
      expect(anonymous.body).toEqual(errorBody('UNAUTHENTICATED'));
      const mine = await request('juror', 'get', '/api/jury/ballots').expect(200);
      expect(mine.body.items).toEqual([expect.objectContaining({ roundId, status: 'SUBMITTED', submittedAt: expect.any(String) })]);
      const others = await request('otherJuror', 'get', '/api/jury/ballots').expect(200);
      expect(others.body.items.map((i: { roundId: string }) => i.roundId)).not.toContain(roundId);
      expect((await request('applicant', 'get', '/api/jury/ballots').expect(200)).body.items).toEqual([]);
      expect((await request('staff', 'get', '/api/jury/ballots').expect(200)).body.items).toEqual([]);
    });

    it('staff routes: staff and admin; anyone else 404 (anonymous 401)', async () => {
      const routes: Array<{ verb: 'get' | 'post'; url: string; body?: object }> = [
        { verb: 'get', url: `/api/rounds/${roundId}/ballot-result` },
        { verb: 'post', url: `/api/rounds/${roundId}/ballots/${jurorId}/reopen`, body: { reason: 'Check it' } },
      ];
      for (const route of routes) {
        for (const [role, code] of Object.entries(STAFF_ONLY) as Array<[Role, TErrorCode]>) {
          const res = await request(role, route.verb, route.url, route.body);
          expect({ role, url: route.url, status: res.status, body: res.body }).toEqual({ role, url: route.url, status: ERROR_HTTP_STATUS[code], body: errorBody(code) });
        }
      }
      for (const role of ['staff', 'admin'] as const) {
        const res = await request(role, 'get', `/api/rounds/${roundId}/ballot-result`).expect(200);
        expect(res.body).toMatchObject({ submitted: 1, jurors: [expect.objectContaining({ jurorId, status: 'SUBMITTED' })] });
      }
      await request('admin', 'post', `/api/rounds/${roundId}/ballots/${jurorId}/reopen`, { reason: 'Check it' }).expect(200);
      await request('staff', 'post', `/api/rounds/${roundId}/ballots/${jurorId}/reopen`, { reason: 'Check it' }).expect(409);
      await request('staff', 'post', `/api/rounds/${roundId}/ballots/${randomUUID()}/reopen`, { reason: 'Check it' }).expect(404);
      // A scoring round has no ballot result.
      await request('staff', 'get', `/api/rounds/${scoringRoundId}/ballot-result`).expect(404);
    });
  });
});
