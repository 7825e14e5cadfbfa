import { randomUUID } from 'node:crypto';
import { ERROR_HTTP_STATUS, ERROR_MESSAGES, type TBallotResult, type TErrorCode, type TJuryBallot, type TRoundAssignments } from '@tahkim/contracts';
import { createApplication, demoLikeAnswers } from './support/application-factory';
import { createCall } from './support/call-factory';
import { createUser } from './support/factories';
import { addApplicationsToRound, addJuror, createRound } from './support/round-factory';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';

/**
 * Conflicts of interest are respected everywhere, not only once staff look: a juror whose organisation
 * is an application's is suggested as conflicted the moment the pair can exist (juror joins, application
 * enters, organisation changes), automatic assignment never gives them that application, a manual
 * assignment needs a confirmation, and a juror of a final ballot declares a conflict from the ballot.
 */

const browser = { Origin: APP_ORIGIN, 'Accept-Language': 'en' };
const text = (s: string) => ({ ar: s, fr: s, en: s });

function errorBody(code: TErrorCode) {
  return { statusCode: ERROR_HTTP_STATUS[code], code, message: ERROR_MESSAGES[code].en, requestId: expect.any(String) };
}

type User = Awaited<ReturnType<typeof createUser>>;
type Pair = { jurorId: string; applicationId: string };

describe('conflicts of interest respected everywhere', () => {
  let t: TestApp;
  let staffUser: User;
  let staff: Client;

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  async function newCall() {
    return createCall(t.prisma, { createdById: staffUser.id, maxApplicationsPerApplicant: 1000 });
  }

  /** An ELIGIBLE application whose organisation answer is `organisation`. */
  async function application(callId: string, organisation: string) {
    const owner = await createUser(t.prisma);
    return createApplication(t.prisma, { callId, ownerId: owner.id, status: 'ELIGIBLE', answers: demoLikeAnswers({ organisation_name: organisation }) });
  }

  async function jurorWithOrganisation(organisation: string | null): Promise<User> {
    const user = await createUser(t.prisma, { roles: ['JUROR'] });
    if (organisation !== null) await t.prisma.user.update({ where: { id: user.id }, data: { organisation } });
    return user;
  }

  /** Suggested conflicts stored for this juror, by application id. */
  async function suggestions(userId: string): Promise<Record<string, string>> {
    const rows = await t.prisma.conflictOfInterest.findMany({ where: { userId, source: 'SUGGESTED' }, select: { applicationId: true, status: true } });
    return Object.fromEntries(rows.map((r) => [r.applicationId, r.status]));
  }

  async function assignments(roundId: string): Promise<TRoundAssignments> {
    return (await staff.get(`/api/rounds/${roundId}/assignments`).set(browser).expect(200)).body as TRoundAssignments;
  }

  const has = (pairs: Pair[], jurorId: string, applicationId: string) => pairs.some((p) => p.jurorId === jurorId && p.applicationId === applicationId);

  beforeAll(async () => {
    t = await createTestApp();
    staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    staff = await signIn(staffUser);
  }, 60_000);
  afterAll(() => t.close());

  describe('suggestions are made when the pair can first exist', () => {
    it('a juror joining after the applications: suggested at once, whatever the spelling, and never auto-assigned', async () => {
      const call = await newCall();
      const round = await createRound(t.prisma, { callId: call.id, scorecardsRequired: 3 });
      const tifawin = await application(call.id, 'Coopérative Tifawin');
      const amal = await application(call.id, 'جمعيّة الأمل للتنمية');
      const other = await application(call.id, 'Association Vélo Médina');
      const spelledOtherwise = await jurorWithOrganisation('  COOPERATIVE   tifawin ');
      const arabic = await jurorWithOrganisation('جمعية الامل');
      const generic = await jurorWithOrganisation('Association');
      const plain = await jurorWithOrganisation(null);

      const added = await staff.post(`/api/rounds/${round.id}/jurors`).set(browser).send({ emails: [spelledOtherwise.email, arabic.email, generic.email, plain.email] }).expect(200);
      expect(added.body.added).toHaveLength(4);
      // Stored before anyone opens the conflicts list.
      expect(await suggestions(spelledOtherwise.id)).toEqual({ [tifawin.id]: 'PENDING' });
      expect(await suggestions(arabic.id)).toEqual({ [amal.id]: 'PENDING' });
      expect(await suggestions(generic.id)).toEqual({});
      expect(await t.prisma.auditEvent.count({ where: { action: 'conflict.suggested', actorId: staffUser.id, after: { path: ['userId'], equals: spelledOtherwise.id } } })).toBe(1);

      const auto = await staff.post(`/api/rounds/${round.id}/assignments/auto`).set(browser).expect(200);
      const matrix = await assignments(round.id);
      const memberOf = (userId: string) => t.prisma.juror.findUniqueOrThrow({ where: { roundId_userId: { roundId: round.id, userId } } }).then((j) => j.id);
      const [m1, m2] = [await memberOf(spelledOtherwise.id), await memberOf(arabic.id)];
      expect(has(matrix.assignments, m1, tifawin.id)).toBe(false);
      expect(has(matrix.assignments, m2, amal.id)).toBe(false);
      expect(has(matrix.assignments, m1, other.id) && has(matrix.assignments, m2, other.id)).toBe(true);
      expect(matrix.suggestions).toEqual(
        expect.arrayContaining([
          { jurorId: m1, applicationId: tifawin.id, conflictId: expect.any(String), reason: '  COOPERATIVE   tifawin ' },
          { jurorId: m2, applicationId: amal.id, conflictId: expect.any(String), reason: 'جمعية الامل' },
        ]),
      );
      expect(matrix.suggestions).toHaveLength(2);
      // Four jurors, three required: the two suggested applications still get three each.
      expect(auto.body.shortfalls).toEqual([]);

      // The conflicts list shows them, and opening it adds nothing twice.
      const list = await staff.get(`/api/rounds/${round.id}/conflicts`).set(browser).expect(200);
      expect(list.body.items).toHaveLength(2);
      expect(list.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ jurorUserId: spelledOtherwise.id, applicationId: tifawin.id, source: 'SUGGESTED', status: 'PENDING' })]));
    });

    it('applications entering after the juror: round 1 opening, and a shortlist advanced into a later round', async () => {
      const call = await newCall();
      const created = await staff.post(`/api/calls/${call.id}/rounds`).set(browser).send({ name: text('Tour 1'), status: 'DRAFT', scorecardsRequired: 1 }).expect(201);
      const round1 = created.body.id as string;
      const juror = await jurorWithOrganisation('Dar Al Amal');
      await addJuror(t.prisma, round1, juror.id);
      // Submitted after the juror joined: round 1 takes it in when it opens.
      const darAlAmal = await application(call.id, 'Association Dar Al Amal Souss');
      const elsewhere = await application(call.id, 'Atlas Impact Conseil');
      expect(await suggestions(juror.id)).toEqual({});
      await staff.put(`/api/rounds/${round1}/criteria`).set(browser).send({ criteria: [{ key: 'impact', label: text('Impact'), weight: 1, scaleMin: 0, scaleMax: 5 }] }).expect(200);
      await staff.patch(`/api/rounds/${round1}`).set(browser).send({ status: 'OPEN', acknowledgeEarly: true }).expect(200);
      expect(await suggestions(juror.id)).toEqual({ [darAlAmal.id]: 'PENDING' });

      // A later round whose juror works for an organisation that is shortlisted into it.
      const round2 = await createRound(t.prisma, { callId: call.id, status: 'DRAFT', scorecardsRequired: 1 });
      const finalJuror = await jurorWithOrganisation('ATLAS impact conseil');
      const secondJuror = await jurorWithOrganisation(null);
      const [finalMember] = [await addJuror(t.prisma, round2.id, finalJuror.id), await addJuror(t.prisma, round2.id, secondJuror.id)];
      expect(await suggestions(finalJuror.id)).toEqual({});
      await staff.post(`/api/rounds/${round1}/advance`).set(browser).send({ applicationIds: [elsewhere.id, darAlAmal.id], targetRoundId: round2.id }).expect(201);
      expect(await suggestions(finalJuror.id)).toEqual({ [elsewhere.id]: 'PENDING' });

      await staff.patch(`/api/rounds/${round2.id}`).set(browser).send({ status: 'OPEN', acknowledgeEarly: true }).expect(200);
      const auto = await staff.post(`/api/rounds/${round2.id}/assignments/auto`).set(browser).expect(200);
      expect(auto.body.shortfalls).toEqual([]);
      expect(has((await assignments(round2.id)).assignments, finalMember!.id, elsewhere.id)).toBe(false);
    });

    it('a juror changing organisation afterwards: suggested at once, an unstarted assignment goes, and a re-run does not give it back', async () => {
      const call = await newCall();
      const round = await createRound(t.prisma, { callId: call.id, scorecardsRequired: 2 });
      const tifawin = await application(call.id, 'Tifawin');
      const other = await application(call.id, 'Codeuses du Maroc');
      const mover = await jurorWithOrganisation(null);
      const colleague = await jurorWithOrganisation(null);
      const moverMember = await addJuror(t.prisma, round.id, mover.id);
      const colleagueMember = await addJuror(t.prisma, round.id, colleague.id);
      await staff.post(`/api/rounds/${round.id}/assignments/auto`).set(browser).expect(200);
      expect(has((await assignments(round.id)).assignments, moverMember.id, tifawin.id)).toBe(true);

      const moverClient = await signIn(mover);
      const patched = await moverClient.patch('/api/auth/me').set(browser).send({ organisation: 'Société Tifawin SARL' }).expect(200);
      expect(patched.body.organisation).toBe('Société Tifawin SARL');
      expect(await suggestions(mover.id)).toEqual({ [tifawin.id]: 'PENDING' });
      const conflict = await t.prisma.conflictOfInterest.findUniqueOrThrow({ where: { userId_applicationId: { userId: mover.id, applicationId: tifawin.id } } });
      expect(await t.prisma.auditEvent.count({ where: { action: 'conflict.suggested', entityId: conflict.id, actorId: mover.id } })).toBe(1);
      expect(await t.prisma.auditEvent.count({ where: { action: 'assignments.removed_by_conflict', entityId: conflict.id } })).toBe(1);
      let matrix = await assignments(round.id);
      expect(has(matrix.assignments, moverMember.id, tifawin.id)).toBe(false);
      expect(has(matrix.assignments, moverMember.id, other.id)).toBe(true);

      // Two jurors, two required: the suggestion leaves a shortfall, explained as a conflict.
      const rerun = await staff.post(`/api/rounds/${round.id}/assignments/auto`).set(browser).expect(200);
      expect(rerun.body).toMatchObject({ created: 0, shortfalls: [{ applicationId: tifawin.id, assigned: 1, required: 2, reason: 'CONFLICTS' }] });
      matrix = await assignments(round.id);
      expect(has(matrix.assignments, moverMember.id, tifawin.id)).toBe(false);
      expect(has(matrix.assignments, colleagueMember.id, tifawin.id)).toBe(true);

      // The same organisation again: nothing new.
      await moverClient.patch('/api/auth/me').set(browser).send({ organisation: 'TIFAWIN' }).expect(200);
      expect(await t.prisma.conflictOfInterest.count({ where: { userId: mover.id } })).toBe(1);
    });

    it('a suggestion with a started scorecard keeps the assignment for staff to settle', async () => {
      const call = await newCall();
      const round = await createRound(t.prisma, { callId: call.id, scorecardsRequired: 1 });
      const tifawin = await application(call.id, 'Tifawin');
      const juror = await jurorWithOrganisation(null);
      const member = await addJuror(t.prisma, round.id, juror.id);
      await staff.put(`/api/rounds/${round.id}/assignments`).set(browser).send({ assignments: [{ jurorId: member.id, applicationId: tifawin.id }] }).expect(200);
      const assignment = await t.prisma.assignment.findFirstOrThrow({ where: { roundId: round.id, jurorId: member.id } });
      await t.prisma.scorecard.create({ data: { assignmentId: assignment.id } });
      await (await signIn(juror)).patch('/api/auth/me').set(browser).send({ organisation: 'tifawin' }).expect(200);
      expect(await suggestions(juror.id)).toEqual({ [tifawin.id]: 'PENDING' });
      expect(await t.prisma.assignment.count({ where: { id: assignment.id } })).toBe(1);
    });
  });

  describe('manual assignment and dismissal', () => {
    it('refuses a suggested pair without confirmation, accepts it with one (the suggestion is dismissed, audited)', async () => {
      const call = await newCall();
      const round = await createRound(t.prisma, { callId: call.id, scorecardsRequired: 1 });
      const tifawin = await application(call.id, 'Coopérative Tifawin');
      const other = await application(call.id, 'Pain Partagé SARL');
      const juror = await jurorWithOrganisation('Tifawin');
      await staff.post(`/api/rounds/${round.id}/jurors`).set(browser).send({ emails: [juror.email] }).expect(200);
      const member = await t.prisma.juror.findUniqueOrThrow({ where: { roundId_userId: { roundId: round.id, userId: juror.id } } });
      const conflict = await t.prisma.conflictOfInterest.findUniqueOrThrow({ where: { userId_applicationId: { userId: juror.id, applicationId: tifawin.id } } });
      const pairs = [{ jurorId: member.id, applicationId: tifawin.id }, { jurorId: member.id, applicationId: other.id }];

      const refused = await staff.put(`/api/rounds/${round.id}/assignments`).set(browser).send({ assignments: pairs }).expect(409);
      expect(refused.body).toEqual({ ...errorBody('SUGGESTED_CONFLICT'), details: { pairs: [{ jurorId: member.id, applicationId: tifawin.id, conflictId: conflict.id, reason: 'Tifawin' }] } });
      const inFrench = await staff.put(`/api/rounds/${round.id}/assignments`).set({ ...browser, 'Accept-Language': 'fr' }).send({ assignments: pairs }).expect(409);
      expect(inFrench.body.message).toBe(ERROR_MESSAGES.SUGGESTED_CONFLICT.fr);
      expect(await t.prisma.assignment.count({ where: { roundId: round.id } })).toBe(0);
      // Confirming another pair does not confirm this one.
      await staff.put(`/api/rounds/${round.id}/assignments`).set(browser).send({ assignments: pairs, confirmSuggestedConflicts: [pairs[1]] }).expect(409);

      const saved = await staff.put(`/api/rounds/${round.id}/assignments`).set(browser).send({ assignments: pairs, confirmSuggestedConflicts: [pairs[0]] }).expect(200);
      expect(saved.body.assignments.map((a: Pair) => a.applicationId).sort()).toEqual([tifawin.id, other.id].sort());
      expect(saved.body.suggestions).toEqual([]);
      expect((await t.prisma.conflictOfInterest.findUniqueOrThrow({ where: { id: conflict.id } })).status).toBe('DISMISSED');
      const audit = await t.prisma.auditEvent.findMany({ where: { action: 'conflict.overridden', entityId: conflict.id } });
      expect(audit).toMatchObject([{ actorId: staffUser.id, before: { status: 'PENDING' }, after: { status: 'DISMISSED', roundId: round.id, jurorId: member.id, applicationId: tifawin.id } }]);
      // Saving the same assignments again asks nothing.
      await staff.put(`/api/rounds/${round.id}/assignments`).set(browser).send({ assignments: pairs }).expect(200);
    });

    it('a suggestion staff dismissed lets automatic assignment use the juror, and is never suggested again', async () => {
      const call = await newCall();
      const round = await createRound(t.prisma, { callId: call.id, scorecardsRequired: 1 });
      const tifawin = await application(call.id, 'Tifawin');
      const juror = await jurorWithOrganisation('Tifawin');
      const member = await addJuror(t.prisma, round.id, juror.id);
      const list = await staff.get(`/api/rounds/${round.id}/conflicts`).set(browser).expect(200);
      expect(list.body.items).toMatchObject([{ jurorUserId: juror.id, applicationId: tifawin.id, source: 'SUGGESTED', status: 'PENDING' }]);
      const blocked = await staff.post(`/api/rounds/${round.id}/assignments/auto`).set(browser).expect(200);
      expect(blocked.body).toMatchObject({ created: 0, shortfalls: [{ applicationId: tifawin.id, assigned: 0, required: 1, reason: 'CONFLICTS' }] });

      await staff.patch(`/api/conflicts/${list.body.items[0].id}`).set(browser).send({ status: 'DISMISSED' }).expect(200);
      const auto = await staff.post(`/api/rounds/${round.id}/assignments/auto`).set(browser).expect(200);
      expect(auto.body).toMatchObject({ created: 1, shortfalls: [] });
      expect(has((await assignments(round.id)).assignments, member.id, tifawin.id)).toBe(true);

      await (await signIn(juror)).patch('/api/auth/me').set(browser).send({ organisation: 'Coopérative TIFAWIN' }).expect(200);
      await staff.get(`/api/rounds/${round.id}/conflicts`).set(browser).expect(200);
      expect(await suggestions(juror.id)).toEqual({ [tifawin.id]: 'DISMISSED' });
      expect(has((await assignments(round.id)).assignments, member.id, tifawin.id)).toBe(true);
    });
  });

  describe('final ballot', () => {
    let call: Awaited<ReturnType<typeof createCall>>;
    let roundId: string;
    let finalists: { a: string; b: string; c: string };

    async function ballotJuror(): Promise<{ user: User; jurorId: string; client: Client }> {
      const user = await createUser(t.prisma, { roles: ['JUROR'] });
      const membership = await addJuror(t.prisma, roundId, user.id);
      return { user, jurorId: membership.id, client: await signIn(user) };
    }

    async function save(client: Client, order: string[]): Promise<TJuryBallot> {
      const current = (await client.get(`/api/jury/ballots/${roundId}`).set(browser).expect(200)).body as TJuryBallot;
      return (await client.put(`/api/jury/ballots/${roundId}`).set(browser).send({ version: current.ballot.version, order }).expect(200)).body as TJuryBallot;
    }

    beforeAll(async () => {
      call = await newCall();
      // A scoring round first: the ballot (round 2) holds only the finalists taken into it.
      await createRound(t.prisma, { callId: call.id, status: 'CLOSED' });
      const a = await application(call.id, 'Coopérative Argan');
      const b = await application(call.id, 'Association Petits Pas');
      const c = await application(call.id, 'Repair Café SARL');
      finalists = { a: a.id, b: b.id, c: c.id };
      const res = await staff.post(`/api/calls/${call.id}/rounds`).set(browser).send({ type: 'BALLOT', name: text('Vote final'), blind: false, status: 'OPEN', acknowledgeEarly: true }).expect(201);
      roundId = res.body.id;
      await addApplicationsToRound(t.prisma, roundId, [a.id, b.id, c.id]);
    });

    it('a juror declares a conflict from a draft ballot: the finalist leaves it, the order of the others is kept, staff see it', async () => {
      const { user, jurorId, client } = await ballotJuror();
      const draft = await save(client, [finalists.c, finalists.b, finalists.a]);

      const declared = await client.post(`/api/jury/ballots/${roundId}/conflicts`).set(browser).send({ applicationId: finalists.b, reason: 'Je conseille cette association.' }).expect(200);
      const ballot = declared.body as TJuryBallot;
      expect(ballot.candidates.map((c) => c.applicationId).sort()).toEqual([finalists.a, finalists.c].sort());
      expect(ballot.ballot).toMatchObject({ status: 'DRAFT', order: [finalists.c, finalists.a], version: draft.ballot.version + 1 });
      expect(ballot.conflicts).toEqual([{ applicationId: finalists.b, applicationLabel: expect.any(String), reason: 'Je conseille cette association.' }]);
      // The finalist cannot be saved back, and a page still holding the old version cannot save at all.
      const back = await client.put(`/api/jury/ballots/${roundId}`).set(browser).send({ version: ballot.ballot.version, order: [finalists.c, finalists.b, finalists.a] }).expect(400);
      expect(back.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: ['order', 1] })] });
      const stale = await client.put(`/api/jury/ballots/${roundId}`).set(browser).send({ version: draft.ballot.version, order: [finalists.a, finalists.c] }).expect(409);
      expect(stale.body.code).toBe('VERSION_CONFLICT');
      const reread = (await client.get(`/api/jury/ballots/${roundId}`).set(browser).expect(200)).body as TJuryBallot;
      expect(reread.ballot.order).toEqual([finalists.c, finalists.a]);

      const conflict = await t.prisma.conflictOfInterest.findUniqueOrThrow({ where: { userId_applicationId: { userId: user.id, applicationId: finalists.b } } });
      expect(conflict).toMatchObject({ source: 'DECLARED', status: 'CONFIRMED', reason: 'Je conseille cette association.' });
      const audit = await t.prisma.auditEvent.findMany({ where: { action: 'conflict.declared', entityId: conflict.id } });
      expect(audit).toMatchObject([{ actorId: user.id, after: { roundId, applicationId: finalists.b, ballot: { status: 'DRAFT', orderBefore: [finalists.c, finalists.b, finalists.a], orderAfter: [finalists.c, finalists.a] } } }]);

      await client.post(`/api/jury/ballots/${roundId}/submit`).set(browser).send({ version: ballot.ballot.version }).expect(200);
      const result = (await staff.get(`/api/rounds/${roundId}/ballot-result`).set(browser).expect(200)).body as TBallotResult;
      expect(result.jurors.find((j) => j.jurorId === jurorId)).toMatchObject({ status: 'SUBMITTED', order: [finalists.c, finalists.a], conflicts: [finalists.b] });
      const list = await staff.get(`/api/rounds/${roundId}/conflicts`).set(browser).expect(200);
      expect(list.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ jurorUserId: user.id, applicationId: finalists.b, source: 'DECLARED', status: 'CONFIRMED' })]));
    });

    it('a juror who already submitted may still declare: the ballot stays submitted without that finalist', async () => {
      const { jurorId, client } = await ballotJuror();
      const draft = await save(client, [finalists.a, finalists.b, finalists.c]);
      await client.post(`/api/jury/ballots/${roundId}/submit`).set(browser).send({ version: draft.ballot.version }).expect(200);
      const declared = (await client.post(`/api/jury/ballots/${roundId}/conflicts`).set(browser).send({ applicationId: finalists.a, reason: 'Ancien associé' }).expect(200)).body as TJuryBallot;
      expect(declared.ballot).toMatchObject({ status: 'SUBMITTED', order: [finalists.b, finalists.c], version: draft.ballot.version });
      const result = (await staff.get(`/api/rounds/${roundId}/ballot-result`).set(browser).expect(200)).body as TBallotResult;
      expect(result.jurors.find((j) => j.jurorId === jurorId)).toMatchObject({ status: 'SUBMITTED', order: [finalists.b, finalists.c], conflicts: [finalists.a] });
      // Neither submitted ballot holds a preference about the finalist its juror is conflicted on.
      const pairwiseAB = result.pairwise[result.candidates.findIndex((c) => c.applicationId === finalists.a)]![result.candidates.findIndex((c) => c.applicationId === finalists.b)];
      expect(pairwiseAB).toBe(0);
    });

    it('the route is the round juror’s only; others are told it does not exist, and bad input is a 400', async () => {
      const { client } = await ballotJuror();
      const outsider = await createUser(t.prisma, { roles: ['JUROR'] });
      const otherRound = await createRound(t.prisma, { callId: call.id, criteria: [] });
      await addJuror(t.prisma, otherRound.id, outsider.id);
      const admin = await createUser(t.prisma, { roles: ['STAFF', 'ADMIN'] });
      const callers: Record<string, Client> = {
        applicant: await signIn(await createUser(t.prisma)),
        otherJuror: await signIn(outsider),
        staff,
        admin: await signIn(admin),
      };
      const body = { applicationId: finalists.c, reason: 'Conflit' };
      const url = `/api/jury/ballots/${roundId}/conflicts`;
      expect((await t.http().post(url).set(browser).send(body).expect(401)).body).toEqual(errorBody('UNAUTHENTICATED'));
      for (const [role, caller] of Object.entries(callers)) {
        const res = await caller.post(url).set(browser).send(body);
        expect({ role, status: res.status, body: res.body }).toEqual({ role, status: 404, body: errorBody('NOT_FOUND') });
      }
      expect(await t.prisma.conflictOfInterest.count({ where: { applicationId: finalists.c, source: 'DECLARED' } })).toBe(0);

      // The juror: an application outside this ballot, a round that does not exist, no reason.
      const stranger = await application(call.id, 'Hors finale');
      expect((await client.post(url).set(browser).send({ applicationId: stranger.id, reason: 'x' }).expect(404)).body).toEqual(errorBody('NOT_FOUND'));
      expect((await client.post(`/api/jury/ballots/${randomUUID()}/conflicts`).set(browser).send(body).expect(404)).body).toEqual(errorBody('NOT_FOUND'));
      const blank = await client.post(url).set(browser).send({ applicationId: finalists.c, reason: '   ' }).expect(400);
      expect(blank.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: ['reason'] })] });
      await client.post(url).set(browser).send(body).expect(200);
    });
  });
});
