import { randomUUID } from 'node:crypto';
import { ERROR_HTTP_STATUS, ERROR_MESSAGES, type TErrorCode } from '@tahkim/contracts';
import { createApplication } from './support/application-factory';
import { createCall } from './support/call-factory';
import { createUser } from './support/factories';
import { addJuror, assign, createRound, DEFAULT_ROUND_CRITERIA } from './support/round-factory';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';

/** Issue 5, shortlisting: advancing applications into a later round, listing and undoing advances. */

const browser = { Origin: APP_ORIGIN, 'Accept-Language': 'en' };
const UNKNOWN = '00000000-0000-7000-8000-000000000000';

function errorBody(code: TErrorCode) {
  return { statusCode: ERROR_HTTP_STATUS[code], code, message: ERROR_MESSAGES[code].en, requestId: expect.any(String) };
}

const sorted = (ids: readonly string[]) => [...ids].sort();

describe('shortlisting: advance into the next round and undo', () => {
  let t: TestApp;
  let staffUser: Awaited<ReturnType<typeof createUser>>;
  let staff: Client;

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  /** A call with an OPEN round 1 (blind, 3 scorecards, DEFAULT_ROUND_CRITERIA) and `n` eligible applications. */
  async function seed(n: number, options: { scorecardsRequired?: number } = {}) {
    const call = await createCall(t.prisma, { createdById: staffUser.id, maxApplicationsPerApplicant: 1000 });
    const round1 = await createRound(t.prisma, { callId: call.id, scorecardsRequired: options.scorecardsRequired ?? 3 });
    await t.prisma.round.update({ where: { id: round1.id }, data: { method: 'MEAN', disagreementThreshold: 12.5, blind: false } });
    const owner = await createUser(t.prisma);
    const apps = [];
    for (let i = 0; i < n; i += 1) apps.push(await createApplication(t.prisma, { callId: call.id, ownerId: owner.id, status: 'ELIGIBLE', title: `Projet ${i}` }));
    return { call, round1, apps, ids: apps.map((a) => a.id) };
  }

  const statuses = async (ids: string[]) =>
    Object.fromEntries((await t.prisma.application.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } })).map((a) => [a.id, a.status]));
  const roundApplicationIds = async (roundId: string) => sorted((await t.prisma.roundApplication.findMany({ where: { roundId } })).map((r) => r.applicationId));

  beforeAll(async () => {
    t = await createTestApp();
    staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    staff = await signIn(staffUser);
  }, 60_000);
  afterAll(() => t.close());

  it('advances a shortlist into a new round 2 with copied settings and criteria; the applications become SHORTLISTED', async () => {
    const { call, round1, ids } = await seed(5);
    const chosen = ids.slice(0, 3);
    const res = await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: chosen }).expect(201);
    expect(res.body).toMatchObject({ added: 3, alreadyIn: 0, roundCreated: true });
    const advance = res.body.advance;
    expect(advance).toMatchObject({
      fromRoundId: round1.id, toRoundNumber: 2, undoneAt: null, undoable: true, undoBlockedBy: null, createdBy: { id: staffUser.id, displayName: staffUser.displayName },
    });
    expect(sorted(advance.applicationIds)).toEqual(sorted(chosen));

    // Round 2: a DRAFT copy of round 1's settings, named in every language, with its own copy of the criteria.
    const round2 = await t.prisma.round.findUniqueOrThrow({ where: { callId_number: { callId: call.id, number: 2 } }, include: { criteria: { orderBy: { position: 'asc' } } } });
    expect(advance.toRoundId).toBe(round2.id);
    expect(round2).toMatchObject({ status: 'DRAFT', type: 'SCORING', blind: false, scorecardsRequired: 3, method: 'MEAN', disagreementThreshold: 12.5, name: { ar: 'الجولة 2', fr: 'Tour 2', en: 'Round 2' } });
    expect(round2.criteria.map((c) => ({ key: c.key, weight: c.weight, scaleMin: c.scaleMin, scaleMax: c.scaleMax, label: c.label }))).toEqual(
      DEFAULT_ROUND_CRITERIA.map((c) => ({ key: c.key, weight: c.weight, scaleMin: c.scaleMin, scaleMax: c.scaleMax, label: c.label })),
    );
    expect(round2.criteria.map((c) => c.id).some((id) => round1.criteria.some((c1) => c1.id === id))).toBe(false);

    // Statuses, round membership (round 1 materialised before the change), what the new rows remember.
    const after = await statuses(ids);
    for (const id of chosen) expect(after[id]).toBe('SHORTLISTED');
    for (const id of ids.slice(3)) expect(after[id]).toBe('ELIGIBLE');
    expect(await roundApplicationIds(round1.id)).toEqual(sorted(ids));
    const rows = await t.prisma.roundApplication.findMany({ where: { roundId: round2.id } });
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatchObject({ advanceId: advance.id, previousStatus: 'ELIGIBLE', addedById: staffUser.id });

    // The existing staff routes see the applications in round 2 (and still in round 1).
    const assignments = await staff.get(`/api/rounds/${round2.id}/assignments`).expect(200);
    expect(sorted(assignments.body.applications.map((a: { id: string }) => a.id))).toEqual(sorted(chosen));
    const progress = await staff.get(`/api/rounds/${round2.id}/progress`).expect(200);
    expect(progress.body.overall).toEqual({ required: 9, submitted: 0, percent: 0 });
    expect((await staff.get(`/api/rounds/${round1.id}/progress`).expect(200)).body.applications).toHaveLength(5);
    expect((await staff.get(`/api/calls/${call.id}/rounds`).expect(200)).body.items.map((r: { number: number; counts: { applications: number } }) => [r.number, r.counts.applications])).toEqual([[1, 5], [2, 3]]);

    // Round 2's criteria are its own: editing them leaves round 1's alone.
    const newCriteria = [{ key: 'pitch', label: { ar: 'العرض', fr: 'Pitch', en: 'Pitch' }, weight: 1, scaleMin: 0, scaleMax: 10 }];
    await staff.put(`/api/rounds/${round2.id}/criteria`).set(browser).send({ criteria: newCriteria }).expect(200);
    expect((await t.prisma.criterion.findMany({ where: { roundId: round1.id } })).map((c) => c.key).sort()).toEqual(DEFAULT_ROUND_CRITERIA.map((c) => c.key).sort());

    // One audit row for the advance, one for the round it created.
    const audit = await t.prisma.auditEvent.findMany({ where: { action: 'round.advanced', entityId: round1.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: staffUser.id, entityType: 'Round', after: { advanceId: advance.id, fromRoundId: round1.id, toRoundId: round2.id, added: 3, alreadyIn: 0 } });
    expect(sorted((audit[0]!.after as { applicationIds: string[] }).applicationIds)).toEqual(sorted(chosen));
    expect(await t.prisma.auditEvent.count({ where: { action: 'round.created', entityId: round2.id } })).toBe(1);
  });

  it('a second advance into the existing round 2 adds only the new ones and counts those already in', async () => {
    const { call, round1, ids } = await seed(5);
    const first = await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: ids.slice(0, 2) }).expect(201);
    const second = await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: [ids[1], ids[2], ids[2]] }).expect(201);
    expect(second.body).toMatchObject({ added: 1, alreadyIn: 1, roundCreated: false, advance: { toRoundId: first.body.advance.toRoundId, applicationIds: [ids[2]] } });
    expect(await t.prisma.round.count({ where: { callId: call.id } })).toBe(2);
    expect(await roundApplicationIds(first.body.advance.toRoundId)).toEqual(sorted(ids.slice(0, 3)));
    expect((await statuses(ids))[ids[2]!]).toBe('SHORTLISTED');

    const list = await staff.get(`/api/rounds/${round1.id}/advances`).expect(200);
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([second.body.advance.id, first.body.advance.id]);
    expect(list.body.items.every((a: { undoable: boolean }) => a.undoable)).toBe(true);
    expect((await staff.get(`/api/rounds/${first.body.advance.toRoundId}/advances`).expect(200)).body.items).toEqual([]);
  });

  it('refuses ids that are not under evaluation in the round (400, naming them) and changes nothing', async () => {
    const { call, round1, ids } = await seed(2);
    const owner = await createUser(t.prisma);
    const ineligible = await createApplication(t.prisma, { callId: call.id, ownerId: owner.id, status: 'INELIGIBLE' });
    const draft = await createApplication(t.prisma, { callId: call.id, ownerId: owner.id });
    const otherCall = await seed(1);
    const missing = randomUUID();
    const bad = [ineligible.id, draft.id, otherCall.ids[0]!, missing];
    const res = await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: [ids[0], ...bad] }).expect(400);
    expect(res.body).toMatchObject({ ...errorBody('VALIDATION_FAILED'), details: expect.any(Array) });
    expect(sorted(res.body.details.map((d: { applicationId: string }) => d.applicationId))).toEqual(sorted(bad));
    expect(res.body.details.map((d: { path: unknown[] }) => d.path[1]).sort()).toEqual([1, 2, 3, 4]);
    expect(res.body.details.every((d: { code: string }) => d.code === 'NOT_IN_ROUND')).toBe(true);

    expect(await t.prisma.round.count({ where: { callId: call.id } })).toBe(1);
    expect(await t.prisma.advance.count({ where: { fromRoundId: round1.id } })).toBe(0);
    expect(await t.prisma.roundApplication.count({ where: { roundId: round1.id } })).toBe(0);
    expect(Object.values(await statuses(ids))).toEqual(['ELIGIBLE', 'ELIGIBLE']);
    expect(await t.prisma.auditEvent.count({ where: { entityId: round1.id } })).toBe(0);

    // Malformed bodies are refused by the contract.
    await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: [] }).expect(400);
    await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: ['nope'] }).expect(400);
    await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: [ids[0]], extra: 1 }).expect(400);
  });

  it('refuses the whole request (409) when a selected application is withdrawn or decided', async () => {
    const { call, round1, ids } = await seed(3);
    await t.prisma.roundApplication.createMany({ data: ids.map((applicationId) => ({ roundId: round1.id, applicationId })) });
    await t.prisma.application.update({ where: { id: ids[1] }, data: { status: 'WITHDRAWN', withdrawnAt: new Date() } });
    const res = await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: ids }).expect(409);
    expect(res.body).toMatchObject({ ...errorBody('CONFLICT'), details: { reason: 'APPLICATION_NOT_ADVANCEABLE', applications: [{ applicationId: ids[1], status: 'WITHDRAWN' }] } });
    expect(await statuses(ids)).toEqual({ [ids[0]!]: 'ELIGIBLE', [ids[1]!]: 'WITHDRAWN', [ids[2]!]: 'ELIGIBLE' });
    expect(await t.prisma.round.count({ where: { callId: call.id } })).toBe(1);
    expect(await t.prisma.advance.count({ where: { fromRoundId: round1.id } })).toBe(0);

    await t.prisma.application.update({ where: { id: ids[2] }, data: { status: 'WINNER' } });
    const decided = await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: [ids[0], ids[2]] }).expect(409);
    expect(decided.body.details).toEqual({ reason: 'APPLICATION_NOT_ADVANCEABLE', applications: [{ applicationId: ids[2], status: 'WINNER' }] });
  });

  it('takes an explicit target round only when it is a later, open round of the same call', async () => {
    const { call, round1, ids } = await seed(2);
    const round2 = await createRound(t.prisma, { callId: call.id, status: 'CLOSED' });
    const round3 = await createRound(t.prisma, { callId: call.id, status: 'DRAFT', criteria: [] });
    const other = await seed(1);

    const foreign = await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: [ids[0]], targetRoundId: other.round1.id }).expect(400);
    expect(foreign.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: ['targetRoundId'], code: 'NOT_A_ROUND_OF_THE_CALL' }] });
    await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: [ids[0]], targetRoundId: UNKNOWN }).expect(400);
    const earlier = await staff.post(`/api/rounds/${round3.id}/advance`).set(browser).send({ applicationIds: [ids[0]], targetRoundId: round1.id }).expect(400);
    expect(earlier.body.details).toMatchObject([{ path: ['targetRoundId'], code: 'NOT_A_LATER_ROUND' }]);
    const closed = await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: [ids[0]] }).expect(409);
    expect(closed.body).toMatchObject({ ...errorBody('CONFLICT'), details: { reason: 'TARGET_ROUND_CLOSED', toRoundId: round2.id } });

    const skip = await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: [ids[0]], targetRoundId: round3.id }).expect(201);
    expect(skip.body).toMatchObject({ added: 1, roundCreated: false, advance: { toRoundId: round3.id, toRoundNumber: 3 } });
    expect(await roundApplicationIds(round3.id)).toEqual([ids[0]]);
    expect(await t.prisma.roundApplication.count({ where: { roundId: round2.id } })).toBe(0);
    // The ranking of round 1 marks it as shortlisted although it skipped round 2.
    const ranking = await staff.get(`/api/rounds/${round1.id}/ranking`).expect(200);
    const advanced = (ranking.body.items as Array<{ applicationId: string; advanced: boolean }>).filter((item) => item.advanced).map((item) => item.applicationId);
    expect(advanced).toEqual([ids[0]]);
  });

  it('undoes an advance: rows, draft work and statuses go back, audited; a second undo is refused', async () => {
    const { round1, ids } = await seed(4);
    const res = await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: ids.slice(0, 3) }).expect(201);
    const { id: advanceId, toRoundId } = res.body.advance;
    // Draft work in round 2, and one applicant withdraws meanwhile (kept as it is).
    const jurorUser = await createUser(t.prisma, { roles: ['JUROR'] });
    const member = await addJuror(t.prisma, toRoundId, jurorUser.id);
    const assignment = await assign(t.prisma, toRoundId, member.id, ids[0]!);
    const criteria = await t.prisma.criterion.findMany({ where: { roundId: toRoundId } });
    await t.prisma.scorecard.create({ data: { assignmentId: assignment.id, values: { create: [{ criterionId: criteria[0]!.id, value: criteria[0]!.scaleMin }] } } });
    await t.prisma.application.update({ where: { id: ids[2] }, data: { status: 'WITHDRAWN', withdrawnAt: new Date() } });

    const undone = await staff.post(`/api/rounds/${round1.id}/advances/${advanceId}/undo`).set(browser).expect(200);
    expect(undone.body).toMatchObject({ id: advanceId, toRoundId, undoneAt: expect.any(String), undoable: false, undoBlockedBy: 'ALREADY_UNDONE' });
    expect(sorted(undone.body.applicationIds)).toEqual(sorted(ids.slice(0, 3)));
    expect(await statuses(ids)).toEqual({ [ids[0]!]: 'ELIGIBLE', [ids[1]!]: 'ELIGIBLE', [ids[2]!]: 'WITHDRAWN', [ids[3]!]: 'ELIGIBLE' });
    expect(await t.prisma.roundApplication.count({ where: { roundId: toRoundId } })).toBe(0);
    expect(await t.prisma.assignment.count({ where: { roundId: toRoundId } })).toBe(0);
    expect(await t.prisma.scorecard.count({ where: { assignmentId: assignment.id } })).toBe(0);
    expect(await roundApplicationIds(round1.id)).toEqual(sorted(ids));
    expect(await t.prisma.advance.findUniqueOrThrow({ where: { id: advanceId } })).toMatchObject({ undoneById: staffUser.id, undoneAt: expect.any(Date) });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'round.advance_undone', entityId: round1.id } });
    expect(audit).toMatchObject({ actorId: staffUser.id, before: { advanceId, toRoundId }, after: { removedApplications: 3, removedAssignments: 1, restoredStatuses: 2 } });

    const again = await staff.post(`/api/rounds/${round1.id}/advances/${advanceId}/undo`).set(browser).expect(409);
    expect(again.body).toMatchObject({ ...errorBody('CONFLICT'), details: { reason: 'ALREADY_UNDONE', advanceId } });
    expect(await t.prisma.auditEvent.count({ where: { action: 'round.advance_undone', entityId: round1.id } })).toBe(1);

    // The same applications can be advanced again afterwards.
    const redo = await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: [ids[0]] }).expect(201);
    expect(redo.body).toMatchObject({ added: 1, alreadyIn: 0, roundCreated: false });
  });

  it('runs round 2 with the existing routes (jurors, automatic assignment, scoring); a submitted scorecard blocks the undo', async () => {
    const { round1, ids } = await seed(4);
    const res = await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: ids.slice(0, 3) }).expect(201);
    const { id: advanceId, toRoundId } = res.body.advance;
    const jurorUser = await createUser(t.prisma, { roles: ['JUROR'] });
    const juror = await signIn(jurorUser);
    expect((await staff.post(`/api/rounds/${toRoundId}/jurors`).set(browser).send({ emails: [jurorUser.email] }).expect(200)).body.added).toEqual([jurorUser.email]);
    await staff.patch(`/api/rounds/${toRoundId}`).set(browser).send({ status: 'OPEN', scorecardsRequired: 1, acknowledgeEarly: true }).expect(200);
    const auto = await staff.post(`/api/rounds/${toRoundId}/assignments/auto`).set(browser).expect(200);
    expect(auto.body).toMatchObject({ created: 3, shortfalls: [] });

    const mine = await juror.get('/api/jury/assignments').set(browser).expect(200);
    expect(mine.body.items).toHaveLength(3);
    const assignmentId = mine.body.items[0].id as string;
    const card = await juror.get(`/api/scorecards/${assignmentId}`).set(browser).expect(200);
    const values = card.body.values.map((v: { criterionId: string }, i: number) => ({ criterionId: v.criterionId, value: DEFAULT_ROUND_CRITERIA[i]!.scaleMax, comment: null }));
    expect(values).toHaveLength(DEFAULT_ROUND_CRITERIA.length);
    await juror.put(`/api/scorecards/${assignmentId}`).set(browser).send({ version: 1, values }).expect(200);

    // A draft does not block the undo yet...
    expect((await staff.get(`/api/rounds/${round1.id}/advances`).expect(200)).body.items[0]).toMatchObject({ id: advanceId, undoable: true, undoBlockedBy: null });
    await juror.post(`/api/scorecards/${assignmentId}/submit`).set(browser).send({ version: 2 }).expect(200);

    // ...a submitted scorecard does.
    expect((await staff.get(`/api/rounds/${round1.id}/advances`).expect(200)).body.items[0]).toMatchObject({ id: advanceId, undoable: false, undoBlockedBy: 'TARGET_HAS_SUBMITTED_SCORECARDS' });
    const refused = await staff.post(`/api/rounds/${round1.id}/advances/${advanceId}/undo`).set(browser).expect(409);
    expect(refused.body).toMatchObject({ ...errorBody('CONFLICT'), details: { reason: 'TARGET_HAS_SUBMITTED_SCORECARDS' } });
    expect(await roundApplicationIds(toRoundId)).toEqual(sorted(ids.slice(0, 3)));
    expect(await t.prisma.assignment.count({ where: { roundId: toRoundId } })).toBe(3);
    for (const id of ids.slice(0, 3)) expect((await statuses(ids))[id]).toBe('SHORTLISTED');
    expect(await t.prisma.advance.findUniqueOrThrow({ where: { id: advanceId } })).toMatchObject({ undoneAt: null });
  });

  it('into a final BALLOT round: a submitted ballot blocks the undo like a scorecard, a draft one does not', async () => {
    const { call, round1, ids } = await seed(3);
    const finale = await createRound(t.prisma, { callId: call.id, status: 'OPEN', criteria: [] });
    await t.prisma.round.update({ where: { id: finale.id }, data: { type: 'BALLOT' } });
    const made = await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: ids, targetRoundId: finale.id }).expect(201);
    const [first, second] = await Promise.all([1, 2].map(async () => addJuror(t.prisma, finale.id, (await createUser(t.prisma, { roles: ['JUROR'] })).id)));
    const entries = ids.map((applicationId, position) => ({ applicationId, position: position + 1 }));
    const draft = await t.prisma.ballot.create({ data: { roundId: finale.id, jurorId: first!.id, entries: { create: entries } } });
    const submitted = await t.prisma.ballot.create({ data: { roundId: finale.id, jurorId: second!.id, status: 'SUBMITTED', submittedAt: new Date(), entries: { create: entries } } });
    const refused = await staff.post(`/api/rounds/${round1.id}/advances/${made.body.advance.id}/undo`).set(browser).expect(409);
    expect(refused.body.details).toMatchObject({ reason: 'TARGET_HAS_SUBMITTED_SCORECARDS' });

    await t.prisma.ballot.delete({ where: { id: submitted.id } });
    await staff.post(`/api/rounds/${round1.id}/advances/${made.body.advance.id}/undo`).set(browser).expect(200);
    expect(await t.prisma.ballotEntry.count({ where: { ballotId: draft.id } })).toBe(0);
    expect(await t.prisma.roundApplication.count({ where: { roundId: finale.id } })).toBe(0);
  });

  it('an advance whose applications went further cannot be undone until the later advance is', async () => {
    const { round1, ids } = await seed(3);
    const first = await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: ids.slice(0, 2) }).expect(201);
    const round2 = first.body.advance.toRoundId as string;
    const further = await staff.post(`/api/rounds/${round2}/advance`).set(browser).send({ applicationIds: [ids[0]] }).expect(201);
    expect(further.body).toMatchObject({ added: 1, roundCreated: true, advance: { fromRoundId: round2, toRoundNumber: 3 } });
    expect((await t.prisma.roundApplication.findFirstOrThrow({ where: { roundId: further.body.advance.toRoundId } })).previousStatus).toBe('SHORTLISTED');

    const blocked = await staff.post(`/api/rounds/${round1.id}/advances/${first.body.advance.id}/undo`).set(browser).expect(409);
    expect(blocked.body.details).toMatchObject({ reason: 'ADVANCED_FURTHER' });
    expect((await staff.get(`/api/rounds/${round1.id}/advances`).expect(200)).body.items[0]).toMatchObject({ undoable: false, undoBlockedBy: 'ADVANCED_FURTHER' });

    // Undoing the later advance keeps SHORTLISTED (round 2 still holds the application); then the first one can go.
    await staff.post(`/api/rounds/${round2}/advances/${further.body.advance.id}/undo`).set(browser).expect(200);
    expect((await statuses(ids))[ids[0]!]).toBe('SHORTLISTED');
    await staff.post(`/api/rounds/${round1.id}/advances/${first.body.advance.id}/undo`).set(browser).expect(200);
    expect(await statuses(ids)).toEqual({ [ids[0]!]: 'ELIGIBLE', [ids[1]!]: 'ELIGIBLE', [ids[2]!]: 'ELIGIBLE' });
  });

  it('advances and undoes a shortlist of 10,000 applications in one request each (set-based)', async () => {
    const { call, round1 } = await seed(0);
    const owner = await createUser(t.prisma);
    await t.prisma.$executeRaw`
      INSERT INTO "Application" ("id", "callId", "ownerId", "status", "answers", "formVersion", "title", "reference", "submittedAt", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), ${call.id}::uuid, ${owner.id}::uuid, 'ELIGIBLE', '{}'::jsonb, 1, 'Projet ' || i, ${call.referencePrefix} || '-2026-' || lpad(i::text, 5, '0'), now(), now(), now()
      FROM generate_series(1, 10000) AS i`;
    const ids = (await t.prisma.application.findMany({ where: { callId: call.id }, select: { id: true } })).map((a) => a.id);
    expect(ids).toHaveLength(10_000);

    const started = Date.now();
    const res = await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: ids }).expect(201);
    const advanceMs = Date.now() - started;
    expect(res.body).toMatchObject({ added: 10_000, alreadyIn: 0, roundCreated: true });
    expect(await t.prisma.application.count({ where: { callId: call.id, status: 'SHORTLISTED' } })).toBe(10_000);
    expect(await t.prisma.roundApplication.count({ where: { roundId: res.body.advance.toRoundId } })).toBe(10_000);
    expect(await t.prisma.roundApplication.count({ where: { roundId: round1.id } })).toBe(10_000);

    const undoStarted = Date.now();
    await staff.post(`/api/rounds/${round1.id}/advances/${res.body.advance.id}/undo`).set(browser).expect(200);
    const undoMs = Date.now() - undoStarted;
    expect(await t.prisma.application.count({ where: { callId: call.id, status: 'ELIGIBLE' } })).toBe(10_000);
    expect(await t.prisma.roundApplication.count({ where: { roundId: res.body.advance.toRoundId } })).toBe(0);
    // A second or two each when run alone; the bounds leave room for a loaded 2-core machine running every suite.
    expect(advanceMs).toBeLessThan(60_000);
    expect(undoMs).toBeLessThan(60_000);
  }, 300_000);

  it('answers every route for every role: 401 anonymous, 404 applicant and jurors, staff and admins served', async () => {
    const { round1, ids } = await seed(3);
    const applicantUser = await createUser(t.prisma);
    await createApplication(t.prisma, { callId: round1.callId, ownerId: applicantUser.id, status: 'ELIGIBLE' });
    const roundJuror = await createUser(t.prisma, { roles: ['JUROR'] });
    await addJuror(t.prisma, round1.id, roundJuror.id);
    const clients: Record<string, Client> = {
      applicant: await signIn(applicantUser),
      juror: await signIn(await createUser(t.prisma, { roles: ['JUROR'] })),
      roundJuror: await signIn(roundJuror),
    };
    const admin = await signIn(await createUser(t.prisma, { roles: ['ADMIN'] }));
    const made = await staff.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: [ids[0]] }).expect(201);
    const advanceId = made.body.advance.id as string;

    const routes: Array<{ verb: 'get' | 'post'; url: (roundId: string, advanceId?: string) => string; body?: object }> = [
      { verb: 'post', url: (r) => `/api/rounds/${r}/advance`, body: { applicationIds: [ids[1]] } },
      { verb: 'get', url: (r) => `/api/rounds/${r}/advances` },
      { verb: 'post', url: (r, a = advanceId) => `/api/rounds/${r}/advances/${a}/undo` },
    ];
    for (const route of routes) {
      const url = route.url(round1.id);
      const send = (client: Client) => (route.body ? client[route.verb](url).set(browser).send(route.body) : client[route.verb](url).set(browser));
      expect((await send(t.http()).expect(401)).body).toEqual(errorBody('UNAUTHENTICATED'));
      for (const [name, client] of Object.entries(clients)) {
        const res = await send(client);
        if (res.status !== 404) throw new Error(`${route.verb} ${url} as ${name}: ${res.status} ${res.text}`);
        expect(res.body).toEqual(errorBody('NOT_FOUND'));
      }
      // Unknown and malformed ids name nothing.
      for (const bad of [UNKNOWN, 'not-a-uuid']) {
        const res = await (route.body ? staff[route.verb](route.url(bad)).set(browser).send(route.body) : staff[route.verb](route.url(bad)).set(browser));
        expect(res.body).toEqual(errorBody('NOT_FOUND'));
      }
    }
    // Nothing was changed by the refused calls.
    expect(await t.prisma.advance.count({ where: { fromRoundId: round1.id } })).toBe(1);
    expect((await statuses([ids[1]!]))[ids[1]!]).toBe('ELIGIBLE');

    // An advance id of another round, or unknown, is not found through this round.
    const other = await seed(1);
    expect((await staff.post(`/api/rounds/${other.round1.id}/advances/${advanceId}/undo`).set(browser).expect(404)).body).toEqual(errorBody('NOT_FOUND'));
    expect((await staff.post(`/api/rounds/${round1.id}/advances/${UNKNOWN}/undo`).set(browser).expect(404)).body).toEqual(errorBody('NOT_FOUND'));
    expect((await staff.post(`/api/rounds/${round1.id}/advances/not-a-uuid/undo`).set(browser).expect(404)).body).toEqual(errorBody('NOT_FOUND'));

    // Staff and admins are served.
    const advanced = await admin.post(`/api/rounds/${round1.id}/advance`).set(browser).send({ applicationIds: [ids[1]] }).expect(201);
    expect(advanced.body.advance.createdBy).toMatchObject({ displayName: expect.any(String) });
    const list = await admin.get(`/api/rounds/${round1.id}/advances`).expect(200);
    expect(list.body.items).toHaveLength(2);
    await admin.post(`/api/rounds/${round1.id}/advances/${advanceId}/undo`).set(browser).expect(200);
    await staff.post(`/api/rounds/${round1.id}/advances/${advanced.body.advance.id}/undo`).set(browser).expect(200);
  });
});
