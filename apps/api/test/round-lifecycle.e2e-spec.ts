import { ROUND_CONFLICT_MESSAGES, type TRoundConflictReason } from '@tahkim/contracts';
import { createApplication } from './support/application-factory';
import { createCall } from './support/call-factory';
import { createUser } from './support/factories';
import { addApplicationsToRound, addJuror, assign, createRound } from './support/round-factory';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';

/** Issue 12, rounds without the API: kinds, deleting an empty round, advancing into a chosen round, opening with its checks. */

const browser = { Origin: APP_ORIGIN, 'Accept-Language': 'en' };
const text = (s: string) => ({ ar: s, fr: s, en: s });
const DAY_MS = 24 * 60 * 60 * 1000;
const criteria = [{ key: 'impact', label: text('Impact'), weight: 1, scaleMin: 0, scaleMax: 5 }];

function conflictBody(reason: TRoundConflictReason, locale: 'ar' | 'fr' | 'en' = 'en') {
  return { statusCode: 409, code: 'CONFLICT', message: ROUND_CONFLICT_MESSAGES[reason][locale], details: expect.objectContaining({ reason }), requestId: expect.any(String) };
}

describe('rounds without the API: kind, deletion, target of a shortlist, opening', () => {
  let t: TestApp;
  let staffUser: Awaited<ReturnType<typeof createUser>>;
  let staff: Client;
  let juror: Client;
  let jurorUser: Awaited<ReturnType<typeof createUser>>;

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  /** A call (deadline in 30 days unless `closesAt`) with round 1 (open unless said) holding `n` eligible applications. */
  async function seed(n: number, options: { closesAt?: Date; status?: 'DRAFT' | 'OPEN' } = {}) {
    const { closesAt } = options;
    const opensAt = closesAt ? new Date(closesAt.getTime() - 30 * DAY_MS) : undefined;
    const call = await createCall(t.prisma, { createdById: staffUser.id, maxApplicationsPerApplicant: 100, ...(closesAt && { closesAt, opensAt }) });
    const round1 = await createRound(t.prisma, { callId: call.id, status: options.status ?? 'OPEN' });
    const owner = await createUser(t.prisma);
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) ids.push((await createApplication(t.prisma, { callId: call.id, ownerId: owner.id, status: 'ELIGIBLE', title: `Projet ${i}` })).id);
    return { call, round1, ids };
  }

  beforeAll(async () => {
    t = await createTestApp();
    staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    staff = await signIn(staffUser);
    jurorUser = await createUser(t.prisma, { roles: ['JUROR'] });
    juror = await signIn(jurorUser);
  }, 60_000);
  afterAll(() => t.close());

  it('creates a final ballot round with its kind; an empty round can be deleted, with an audit row', async () => {
    const { call } = await seed(0);
    const ballot = await staff.post(`/api/calls/${call.id}/rounds`).set(browser).send({ name: text('Vote final'), type: 'BALLOT' }).expect(201);
    expect(ballot.body).toMatchObject({ number: 2, type: 'BALLOT', status: 'DRAFT', deletable: true, typeLocked: false, counts: { applications: 0 } });
    const stray = await staff.post(`/api/calls/${call.id}/rounds`).set(browser).send({ name: text('Tour 3') }).expect(201);
    expect(stray.body).toMatchObject({ number: 3, type: 'SCORING' });

    // Jurors may already be on the roster of an empty round: they leave with it.
    await addJuror(t.prisma, stray.body.id, jurorUser.id);
    expect((await juror.delete(`/api/rounds/${stray.body.id}`).set(browser).expect(403)).body.code).toBe('FORBIDDEN');
    await staff.delete(`/api/rounds/${stray.body.id}`).set(browser).expect(204);
    expect(await t.prisma.round.findUnique({ where: { id: stray.body.id } })).toBeNull();
    expect((await staff.get(`/api/calls/${call.id}/rounds`).expect(200)).body.items.map((r: { number: number; type: string }) => [r.number, r.type])).toEqual([[1, 'SCORING'], [2, 'BALLOT']]);
    const audit = await t.prisma.auditEvent.findMany({ where: { entityId: stray.body.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['round.created', 'round.deleted']);
    expect(audit[1]).toMatchObject({ actorId: staffUser.id, before: { callId: call.id, number: 3, type: 'SCORING' } });
    expect((await staff.delete(`/api/rounds/${stray.body.id}`).set(browser).expect(404)).body.code).toBe('NOT_FOUND');
  });

  it('refuses to delete round 1 or a round something rests on, saying why in the caller language', async () => {
    const { call, round1, ids } = await seed(3);
    expect((await staff.delete(`/api/rounds/${round1.id}`).set(browser).expect(409)).body).toEqual(conflictBody('FIRST_ROUND'));

    const advanced = await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: ids.slice(0, 2) }).expect(201);
    const round2 = advanced.body.advance.toRoundId;
    const refused = await staff.delete(`/api/rounds/${round2}`).set({ ...browser, 'Accept-Language': 'fr' }).expect(409);
    expect(refused.body).toEqual(conflictBody('ROUND_NOT_EMPTY', 'fr'));
    expect(refused.body.details).toMatchObject({ applications: 2, assignments: 0, scorecards: 0, ballots: 0 });
    expect((await staff.get(`/api/rounds/${round2}`).expect(200)).body.deletable).toBe(false);

    // An assignment alone (no application taken in by a shortlist) keeps it too.
    const round3 = await createRound(t.prisma, { callId: call.id, status: 'DRAFT' });
    const member = await addJuror(t.prisma, round3.id, jurorUser.id);
    await assign(t.prisma, round3.id, member.id, ids[2]!);
    expect((await staff.delete(`/api/rounds/${round3.id}`).set({ ...browser, 'Accept-Language': 'ar' }).expect(409)).body).toEqual(conflictBody('ROUND_NOT_EMPTY', 'ar'));

    // Once the shortlist is undone, round 2 is empty again and goes.
    await staff.post(`/api/rounds/${round1.id}/advances/${advanced.body.advance.id}/undo`).set(browser).expect(200);
    expect((await staff.get(`/api/rounds/${round2}`).expect(200)).body.deletable).toBe(true);
    await staff.delete(`/api/rounds/${round2}`).set(browser).expect(204);
    // The undone advance went with the round it targeted; round 1's applications are as before.
    expect((await staff.get(`/api/rounds/${round1.id}/advances`).expect(200)).body.items).toEqual([]);
    expect(new Set((await t.prisma.application.findMany({ where: { id: { in: ids } } })).map((a) => a.status))).toEqual(new Set(['ELIGIBLE']));
  });

  it('changes a round kind while it has no scorecard and no ballot, and refuses after', async () => {
    const { call, ids } = await seed(2);
    const round = await createRound(t.prisma, { callId: call.id, status: 'DRAFT' });
    const member = await addJuror(t.prisma, round.id, jurorUser.id);
    const assignment = await assign(t.prisma, round.id, member.id, ids[0]!);
    // Assignments alone leave the kind free.
    const toBallot = await staff.patch(`/api/rounds/${round.id}`).set(browser).send({ type: 'BALLOT' }).expect(200);
    expect(toBallot.body).toMatchObject({ type: 'BALLOT', typeLocked: false });
    const back = await staff.patch(`/api/rounds/${round.id}`).set(browser).send({ type: 'SCORING' }).expect(200);
    expect(back.body.type).toBe('SCORING');
    const changes = await t.prisma.auditEvent.findMany({ where: { entityId: round.id, action: 'round.updated' }, orderBy: { id: 'asc' } });
    expect(changes.map((row) => [(row.before as { type: string }).type, (row.after as { type: string }).type])).toEqual([['SCORING', 'BALLOT'], ['BALLOT', 'SCORING']]);

    // A draft scorecard fixes it; sending the same kind again is still fine.
    await t.prisma.scorecard.create({ data: { assignmentId: assignment.id } });
    expect((await staff.get(`/api/rounds/${round.id}`).expect(200)).body.typeLocked).toBe(true);
    const refused = await staff.patch(`/api/rounds/${round.id}`).set({ ...browser, 'Accept-Language': 'fr' }).send({ type: 'BALLOT', blind: false }).expect(409);
    expect(refused.body).toEqual(conflictBody('ROUND_TYPE_LOCKED', 'fr'));
    expect(refused.body.details).toMatchObject({ scorecards: 1, ballots: 0 });
    expect(await t.prisma.round.findUniqueOrThrow({ where: { id: round.id } })).toMatchObject({ type: 'SCORING', blind: true });
    await staff.patch(`/api/rounds/${round.id}`).set(browser).send({ type: 'SCORING', blind: false }).expect(200);

    // A ballot (even a draft) fixes a ballot round's kind.
    const ballotRound = await createRound(t.prisma, { callId: call.id, status: 'DRAFT', criteria: [] });
    await t.prisma.round.update({ where: { id: ballotRound.id }, data: { type: 'BALLOT' } });
    const voter = await addJuror(t.prisma, ballotRound.id, jurorUser.id);
    await t.prisma.ballot.create({ data: { roundId: ballotRound.id, jurorId: voter.id } });
    expect((await staff.patch(`/api/rounds/${ballotRound.id}`).set(browser).send({ type: 'SCORING' }).expect(409)).body).toEqual(conflictBody('ROUND_TYPE_LOCKED'));
  });

  it('advances a shortlist into an existing later round, or into a new round of the chosen kind', async () => {
    const { call, round1, ids } = await seed(5);
    const finale = await staff.post(`/api/calls/${call.id}/rounds`).set(browser).send({ name: text('Finale'), type: 'BALLOT' }).expect(201);
    const into = await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: ids.slice(0, 3), targetRoundId: finale.body.id }).expect(201);
    expect(into.body).toMatchObject({ added: 3, alreadyIn: 0, roundCreated: false, advance: { toRoundId: finale.body.id, toRoundNumber: 2 } });
    // Idempotent: the same shortlist again adds nothing.
    const again = await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: ids.slice(0, 3), targetRoundId: finale.body.id }).expect(201);
    expect(again.body).toMatchObject({ added: 0, alreadyIn: 3 });
    expect((await staff.get(`/api/rounds/${finale.body.id}`).expect(200)).body).toMatchObject({ type: 'BALLOT', counts: { applications: 3 }, deletable: false });

    // A new ballot round: numbered after the last, no criteria copied; a new scoring round copies them.
    const ballot = await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: ids.slice(3), newRound: { kind: 'BALLOT', name: text('Départage') } }).expect(201);
    expect(ballot.body).toMatchObject({ added: 2, roundCreated: true, advance: { toRoundNumber: 3 } });
    const third = await t.prisma.round.findUniqueOrThrow({ where: { id: ballot.body.advance.toRoundId }, include: { criteria: true } });
    expect(third).toMatchObject({ type: 'BALLOT', status: 'DRAFT', name: text('Départage'), criteria: [] });
    const scoring = await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: ids.slice(0, 1), newRound: { kind: 'SCORING' } }).expect(201);
    const fourth = await t.prisma.round.findUniqueOrThrow({ where: { id: scoring.body.advance.toRoundId }, include: { criteria: true } });
    expect(fourth).toMatchObject({ number: 4, type: 'SCORING', name: { fr: 'Tour 4', ar: 'الجولة 4', en: 'Round 4' } });
    expect(fourth.criteria.map((c) => c.key).sort()).toEqual(round1.criteria.map((c) => c.key).sort());

    // Not both; not an earlier round. Undoing the advance into the finale still works.
    await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: ids.slice(0, 1), targetRoundId: finale.body.id, newRound: { kind: 'BALLOT' } }).expect(400);
    const earlier = await staff.post(`/api/rounds/${finale.body.id}/advance`).set(browser).send({ applicationIds: ids.slice(0, 1), targetRoundId: round1.id }).expect(400);
    expect(earlier.body.details[0]).toMatchObject({ path: ['targetRoundId'], code: 'NOT_A_LATER_ROUND' });
    const undone = await staff.post(`/api/rounds/${round1.id}/advances/${into.body.advance.id}/undo`).set(browser).expect(200);
    expect(undone.body.undoneAt).not.toBeNull();
    expect((await staff.get(`/api/rounds/${finale.body.id}`).expect(200)).body.counts.applications).toBe(0);
  });

  it('opens a round only with weighted criteria (scoring) and an application, and before the deadline only when acknowledged', async () => {
    const { call, round1, ids } = await seed(2);
    const draft = await createRound(t.prisma, { callId: call.id, status: 'DRAFT', criteria: [] });
    const open = (id: string, body: Record<string, unknown>, locale = 'en') => staff.patch(`/api/rounds/${id}`).set({ ...browser, 'Accept-Language': locale }).send({ status: 'OPEN', ...body });

    expect((await open(draft.id, { acknowledgeEarly: true }).expect(409)).body).toEqual(conflictBody('ROUND_HAS_NO_CRITERIA'));
    await staff.put(`/api/rounds/${draft.id}/criteria`).set(browser).send({ criteria }).expect(200);
    expect((await open(draft.id, { acknowledgeEarly: true }, 'ar').expect(409)).body).toEqual(conflictBody('ROUND_HAS_NO_APPLICATIONS', 'ar'));
    await addApplicationsToRound(t.prisma, draft.id, ids);

    // The call accepts applications for 30 more days: refused without the acknowledgement, in the caller's language.
    for (const locale of ['fr', 'ar', 'en'] as const) {
      const early = await open(draft.id, {}, locale).expect(409);
      expect(early.body).toEqual(conflictBody('ROUND_OPENS_BEFORE_DEADLINE', locale));
      expect(early.body.details.callClosesAt).toBe(call.closesAt.toISOString());
    }
    expect((await open(draft.id, { acknowledgeEarly: false }).expect(409)).body.details.reason).toBe('ROUND_OPENS_BEFORE_DEADLINE');
    expect((await t.prisma.round.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe('DRAFT');
    const opened = await open(draft.id, { acknowledgeEarly: true }).expect(200);
    expect(opened.body.status).toBe('OPEN');
    // Saving other settings of an open round asks nothing more.
    await staff.patch(`/api/rounds/${draft.id}`).set(browser).send({ status: 'OPEN', blind: false }).expect(200);

    // A ballot round needs no criteria; creating a round already open is held to the deadline too.
    await staff.post(`/api/calls/${call.id}/rounds`).set(browser).send({ name: text('Vote'), type: 'BALLOT', status: 'OPEN' }).expect(409);
    const ballot = await staff.post(`/api/calls/${call.id}/rounds`).set(browser).send({ name: text('Vote'), type: 'BALLOT' }).expect(201);
    await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: ids, targetRoundId: ballot.body.id }).expect(201);
    await open(ballot.body.id, { acknowledgeEarly: true }).expect(200);

    // Past the deadline, opening asks for nothing.
    const closed = await seed(1, { closesAt: new Date(Date.now() - DAY_MS), status: 'DRAFT' });
    const late = await open(closed.round1.id, {}).expect(200);
    expect(late.body).toMatchObject({ status: 'OPEN', counts: { applications: 1 } });
  });
});
