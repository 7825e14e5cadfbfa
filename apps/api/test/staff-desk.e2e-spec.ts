import { ERROR_MESSAGES } from '@tahkim/contracts';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';
import { createUser } from './support/factories';
import { createCall } from './support/call-factory';
import { createApplication } from './support/application-factory';

const browser = { Origin: APP_ORIGIN, 'Accept-Language': 'fr' };
const DAY_MS = 86_400_000;

/** The staff desk: bulk screening (who may, all or nothing, the deadline guard), the table's neighbours, a call's summary. */
describe('staff desk', () => {
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

  /** A call with `statuses.length` submitted applications (oldest first), each by its own applicant. */
  async function callWith(statuses: Array<'SUBMITTED' | 'ELIGIBLE' | 'INELIGIBLE' | 'WITHDRAWN' | 'SHORTLISTED' | 'DRAFT'>, options: { open?: boolean } = {}) {
    const now = Date.now();
    const call = await createCall(t.prisma, {
      createdById: staffUser.id,
      ...(options.open ? {} : { status: 'CLOSED' as const, opensAt: new Date(now - 40 * DAY_MS), closesAt: new Date(now - DAY_MS) }),
    });
    const ids: string[] = [];
    for (const [index, status] of statuses.entries()) {
      const owner = await createUser(t.prisma);
      const application = await createApplication(t.prisma, {
        callId: call.id,
        ownerId: owner.id,
        status: status === 'WITHDRAWN' ? 'SUBMITTED' : status,
        submittedAt: new Date(now - (statuses.length - index) * 60_000),
      });
      if (status === 'WITHDRAWN') await t.prisma.application.update({ where: { id: application.id }, data: { status: 'WITHDRAWN', withdrawnAt: new Date() } });
      ids.push(application.id);
    }
    return { call, ids };
  }

  const statusesOf = async (ids: string[]) =>
    (await t.prisma.application.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } })).reduce<Record<string, string>>((all, row) => ({ ...all, [row.id]: row.status }), {});

  beforeAll(async () => {
    t = await createTestApp();
    staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    staff = await signIn(staffUser);
    applicant = await signIn(await createUser(t.prisma));
    juror = await signIn(await createUser(t.prisma, { roles: ['JUROR'] }));
  }, 120_000);
  afterAll(() => t.close());

  describe('bulk screening', () => {
    it('marks every listed application with one decision and note, one audit row each, in one transaction', async () => {
      const { call, ids } = await callWith(['SUBMITTED', 'SUBMITTED', 'INELIGIBLE']);
      const res = await staff
        .post(`/api/calls/${call.id}/applications/screening`)
        .set(browser)
        .send({ applicationIds: ids, decision: 'ELIGIBLE', note: '  Pièces vérifiées  ' })
        .expect(200);
      expect(res.body).toEqual({ screened: 3, decision: 'ELIGIBLE' });
      const rows = await t.prisma.application.findMany({ where: { id: { in: ids } }, select: { status: true, screeningNote: true, screenedById: true, screenedAt: true } });
      expect(rows).toHaveLength(3);
      for (const row of rows) expect(row).toMatchObject({ status: 'ELIGIBLE', screeningNote: 'Pièces vérifiées', screenedById: staffUser.id, screenedAt: expect.any(Date) });
      const audit = await t.prisma.auditEvent.findMany({ where: { action: 'application.screened', entityId: { in: ids } }, orderBy: { entityId: 'asc' } });
      expect(audit.map((row) => row.entityId).sort()).toEqual([...ids].sort());
      expect(new Set(audit.map((row) => row.requestId)).size).toBe(1);
      expect(audit.every((row) => row.actorId === staffUser.id)).toBe(true);
      const wasIneligible = audit.find((row) => row.entityId === ids[2]);
      expect(wasIneligible?.before).toMatchObject({ status: 'INELIGIBLE' });
      expect(wasIneligible?.after).toMatchObject({ status: 'ELIGIBLE', screeningNote: 'Pièces vérifiées' });
    });

    it('changes nothing when one application is past screening, and names it', async () => {
      const { call, ids } = await callWith(['SUBMITTED', 'WITHDRAWN', 'SUBMITTED']);
      const res = await staff.post(`/api/calls/${call.id}/applications/screening`).set(browser).send({ applicationIds: ids, decision: 'INELIGIBLE' }).expect(409);
      expect(res.body).toMatchObject({
        code: 'CONFLICT',
        message: expect.any(String),
        details: { reason: 'NOT_SCREENABLE', applications: [{ id: ids[1], status: 'WITHDRAWN', reference: expect.any(String) }] },
      });
      expect(await statusesOf(ids)).toEqual({ [ids[0]!]: 'SUBMITTED', [ids[1]!]: 'WITHDRAWN', [ids[2]!]: 'SUBMITTED' });
      expect(await t.prisma.auditEvent.count({ where: { action: 'application.screened', entityId: { in: ids } } })).toBe(0);
    });

    it("changes nothing when an id is not one of this call's applications (404 naming it)", async () => {
      const { call, ids } = await callWith(['SUBMITTED']);
      const other = await callWith(['SUBMITTED']);
      const res = await staff
        .post(`/api/calls/${call.id}/applications/screening`)
        .set(browser)
        .send({ applicationIds: [ids[0], other.ids[0]], decision: 'ELIGIBLE' })
        .expect(404);
      expect(res.body).toMatchObject({ code: 'NOT_FOUND', details: { applicationIds: [other.ids[0]] } });
      expect(await statusesOf([ids[0]!, other.ids[0]!])).toEqual({ [ids[0]!]: 'SUBMITTED', [other.ids[0]!]: 'SUBMITTED' });
    });

    it('before the deadline, asks for the acknowledgement that late applications may still arrive', async () => {
      const { call, ids } = await callWith(['SUBMITTED', 'SUBMITTED'], { open: true });
      const refused = await staff.post(`/api/calls/${call.id}/applications/screening`).set(browser).send({ applicationIds: ids, decision: 'ELIGIBLE' }).expect(409);
      expect(refused.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'SCREENING_BEFORE_DEADLINE', closesAt: call.closesAt.toISOString() } });
      expect(Object.values(await statusesOf(ids))).toEqual(['SUBMITTED', 'SUBMITTED']);
      await staff.post(`/api/calls/${call.id}/applications/screening`).set(browser).send({ applicationIds: ids, decision: 'ELIGIBLE', acknowledgeEarly: true }).expect(200);
      expect(Object.values(await statusesOf(ids))).toEqual(['ELIGIBLE', 'ELIGIBLE']);
    });

    it('is for staff only: anonymous 401, applicant and juror 403, with the error body', async () => {
      const { call, ids } = await callWith(['SUBMITTED']);
      const body = { applicationIds: ids, decision: 'INELIGIBLE' };
      const anonymous = await t.agent().post(`/api/calls/${call.id}/applications/screening`).set(browser).send(body).expect(401);
      expect(anonymous.body).toMatchObject({ code: 'UNAUTHENTICATED', message: 'Vous devez vous connecter pour continuer.' });
      for (const client of [applicant, juror]) {
        const res = await client.post(`/api/calls/${call.id}/applications/screening`).set(browser).send(body).expect(403);
        expect(res.body).toMatchObject({ code: 'FORBIDDEN', message: "Vous n'avez pas le droit d'effectuer cette action." });
      }
      expect(await statusesOf(ids)).toEqual({ [ids[0]!]: 'SUBMITTED' });
    });

    it('refuses an empty list or a decision that is not one (400, localised)', async () => {
      const { call, ids } = await callWith(['SUBMITTED']);
      const empty = await staff.post(`/api/calls/${call.id}/applications/screening`).set(browser).send({ applicationIds: [], decision: 'ELIGIBLE' }).expect(400);
      expect(empty.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: ['applicationIds'] })] });
      await staff.post(`/api/calls/${call.id}/applications/screening`).set(browser).send({ applicationIds: ids, decision: 'WINNER' }).expect(400);
    });
  });

  describe('screening one dossier', () => {
    const screen = (id: string, body: Record<string, unknown>, language: 'fr' | 'ar' = 'fr') =>
      staff.post(`/api/applications/${id}/screening`).set({ ...browser, 'Accept-Language': language }).send(body);

    it('before the deadline, is refused without the acknowledgement that late applications may still arrive (409, in the reader\'s language)', async () => {
      const { call, ids } = await callWith(['SUBMITTED'], { open: true });
      const french = await screen(ids[0]!, { decision: 'ELIGIBLE', note: 'Pièces vérifiées' }).expect(409);
      expect(french.body).toMatchObject({
        code: 'CONFLICT',
        message: ERROR_MESSAGES.CONFLICT.fr,
        details: { reason: 'SCREENING_BEFORE_DEADLINE', closesAt: call.closesAt.toISOString() },
      });
      const arabic = await screen(ids[0]!, { decision: 'INELIGIBLE', acknowledgeEarly: false }, 'ar').expect(409);
      expect(arabic.body).toMatchObject({ code: 'CONFLICT', message: ERROR_MESSAGES.CONFLICT.ar, details: { reason: 'SCREENING_BEFORE_DEADLINE' } });
      expect(await statusesOf(ids)).toEqual({ [ids[0]!]: 'SUBMITTED' });
      expect(await t.prisma.auditEvent.count({ where: { action: 'application.screened', entityId: ids[0]! } })).toBe(0);
    });

    it('before the deadline, is accepted with the acknowledgement and audited', async () => {
      const { ids } = await callWith(['SUBMITTED'], { open: true });
      const res = await screen(ids[0]!, { decision: 'ELIGIBLE', note: 'Pièces vérifiées', acknowledgeEarly: true }).expect(200);
      expect(res.body).toMatchObject({ id: ids[0], status: 'ELIGIBLE', screeningNote: 'Pièces vérifiées', screenedBy: staffUser.id });
      const audit = await t.prisma.auditEvent.findMany({ where: { action: 'application.screened', entityId: ids[0]! } });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: staffUser.id, before: { status: 'SUBMITTED' }, after: { status: 'ELIGIBLE', screeningNote: 'Pièces vérifiées' } });
    });

    it('after the deadline, needs no acknowledgement', async () => {
      const { ids } = await callWith(['SUBMITTED']);
      const res = await screen(ids[0]!, { decision: 'INELIGIBLE', note: 'Hors zone' }).expect(200);
      expect(res.body).toMatchObject({ status: 'INELIGIBLE', screeningNote: 'Hors zone' });
      expect(await statusesOf(ids)).toEqual({ [ids[0]!]: 'INELIGIBLE' });
    });
  });

  describe('selecting and moving through the table', () => {
    it('lists the screenable applications matching the filter in the table order, for "select all"', async () => {
      const { call, ids } = await callWith(['SUBMITTED', 'ELIGIBLE', 'SUBMITTED', 'DRAFT', 'WITHDRAWN', 'SHORTLISTED']);
      const all = await staff.get(`/api/calls/${call.id}/applications/screenable-ids`).query({ sort: 'submittedAt', order: 'asc' }).expect(200);
      expect(all.body).toEqual({ ids: ids.slice(0, 3), total: 3 });
      const pending = await staff.get(`/api/calls/${call.id}/applications/screenable-ids`).query({ status: 'SUBMITTED', order: 'desc' }).expect(200);
      expect(pending.body).toEqual({ ids: [ids[2], ids[0]], total: 2 });
      const withdrawn = await staff.get(`/api/calls/${call.id}/applications/screenable-ids`).query({ status: 'WITHDRAWN' }).expect(200);
      expect(withdrawn.body).toEqual({ ids: [], total: 0 });
      await juror.get(`/api/calls/${call.id}/applications/screenable-ids`).expect(403);
    });

    it('gives the previous, next and next-to-screen applications in the same order, even once screened out of the filter', async () => {
      const { call, ids } = await callWith(['SUBMITTED', 'ELIGIBLE', 'SUBMITTED', 'SUBMITTED']);
      const asc = { sort: 'submittedAt', order: 'asc' };
      const first = await staff.get(`/api/admin/applications/${ids[0]}/neighbours`).query(asc).expect(200);
      expect(first.body).toEqual({ position: 1, total: 4, previousId: null, nextId: ids[1], nextPendingId: ids[2], pending: 2 });
      const last = await staff.get(`/api/admin/applications/${ids[3]}/neighbours`).query(asc).expect(200);
      // Nothing waits after the last one: the next to screen is taken from the top.
      expect(last.body).toEqual({ position: 4, total: 4, previousId: ids[2], nextId: null, nextPendingId: ids[0], pending: 2 });

      await t.prisma.application.update({ where: { id: ids[2] }, data: { status: 'INELIGIBLE' } });
      const toScreen = await staff.get(`/api/admin/applications/${ids[2]}/neighbours`).query({ ...asc, status: 'SUBMITTED' }).expect(200);
      expect(toScreen.body).toEqual({ position: null, total: 2, previousId: ids[0], nextId: ids[3], nextPendingId: ids[3], pending: 2 });
      expect(call.id).toBeTruthy();
      await applicant.get(`/api/admin/applications/${ids[0]}/neighbours`).expect(403);
    });
  });

  describe("a call's summary", () => {
    it('counts applications by stage and names the next step as the call moves on', async () => {
      const { call, ids } = await callWith(['SUBMITTED', 'SUBMITTED', 'ELIGIBLE', 'INELIGIBLE', 'WITHDRAWN', 'DRAFT']);
      const summary = async () => (await staff.get(`/api/calls/${call.id}/summary`).expect(200)).body;

      let body = await summary();
      expect(body).toMatchObject({
        callId: call.id,
        status: 'CLOSED',
        phase: 'CLOSED',
        deadlinePassed: true,
        counts: { draft: 1, submitted: 5, pendingScreening: 2, eligible: 1, ineligible: 1, withdrawn: 1, shortlisted: 0, decided: 0, decisionsPublished: 0 },
        // Round 1 exists from the start (created, audited, the first time the call is read), as on the rounds page.
        rounds: [expect.objectContaining({ number: 1, status: 'DRAFT', type: 'SCORING' })],
        next: { step: 'SCREEN', count: 2, roundId: null },
      });
      const round = { id: body.rounds[0].id as string };
      expect(await t.prisma.auditEvent.count({ where: { action: 'round.created', entityId: round.id } })).toBe(1);
      await t.prisma.round.update({ where: { id: round.id }, data: { scorecardsRequired: 1 } });

      await staff.post(`/api/calls/${call.id}/applications/screening`).set(browser).send({ applicationIds: ids.slice(0, 2), decision: 'ELIGIBLE' }).expect(200);
      body = await summary();
      expect(body.counts).toMatchObject({ pendingScreening: 0, eligible: 3 });
      expect(body.next).toMatchObject({ step: 'ADD_JURORS', roundId: round.id, roundNumber: 1 });
      expect(body.rounds).toEqual([expect.objectContaining({ id: round.id, number: 1, status: 'DRAFT', type: 'SCORING', applications: 3, jurors: 0, assignments: 0 })]);

      const jurorUser = await createUser(t.prisma, { roles: ['JUROR'] });
      const member = await t.prisma.juror.create({ data: { roundId: round.id, userId: jurorUser.id } });
      expect((await summary()).next).toMatchObject({ step: 'ASSIGN', roundId: round.id, count: 3 });

      await t.prisma.roundApplication.createMany({ data: ids.slice(0, 3).map((applicationId) => ({ roundId: round.id, applicationId })) });
      const assignments = await t.prisma.assignment.createManyAndReturn({ data: ids.slice(0, 3).map((applicationId) => ({ roundId: round.id, jurorId: member.id, applicationId })) });
      expect((await summary()).next).toMatchObject({ step: 'OPEN_ROUND', roundId: round.id, roundNumber: 1, count: 3 });

      await t.prisma.round.update({ where: { id: round.id }, data: { status: 'OPEN' } });
      await t.prisma.scorecard.create({ data: { assignmentId: assignments[0]!.id, status: 'SUBMITTED', submittedAt: new Date(), weightedScore: 50 } });
      body = await summary();
      expect(body.phase).toBe('IN_REVIEW');
      expect(body.next).toMatchObject({ step: 'REMIND_JURORS', roundId: round.id, count: 2 });
      expect(body.rounds[0]).toMatchObject({ assignments: 3, scorecardsSubmitted: 1, applicationsScored: 1, jurors: 1 });

      await t.prisma.scorecard.createMany({ data: assignments.slice(1).map((a) => ({ assignmentId: a.id, status: 'SUBMITTED' as const, submittedAt: new Date(), weightedScore: 60 })) });
      body = await summary();
      expect(body.next).toMatchObject({ step: 'READ_RANKING', roundId: round.id });
      expect(body.rounds[0]).toMatchObject({ scorecardsSubmitted: 3, applicationsScored: 3 });

      await t.prisma.decision.create({ data: { applicationId: ids[0]!, roundId: round.id, outcome: 'WINNER', decidedById: staffUser.id } });
      body = await summary();
      expect(body.phase).toBe('DECIDING');
      expect(body.counts).toMatchObject({ decided: 1, decisionsPublished: 0 });
      expect(body.next).toMatchObject({ step: 'PUBLISH_DECISIONS', count: 1 });
    });

    it('for a draft: build the form, then publish; for staff only', async () => {
      const draft = await createCall(t.prisma, { createdById: staffUser.id, status: 'DRAFT', form: { sections: [{ key: 'about', title: { ar: 'ع', fr: 'À propos', en: 'About' }, fields: [] }] } });
      const empty = await staff.get(`/api/calls/${draft.id}/summary`).expect(200);
      expect(empty.body).toMatchObject({ phase: 'DRAFT', visibleQuestions: 0, next: { step: 'BUILD_FORM' } });
      const { call } = await callWith([], { open: true });
      await t.prisma.call.update({ where: { id: call.id }, data: { status: 'DRAFT' } });
      expect((await staff.get(`/api/calls/${call.id}/summary`).expect(200)).body).toMatchObject({ phase: 'DRAFT', next: { step: 'PUBLISH' } });
      const forbidden = await juror.get(`/api/calls/${call.id}/summary`).expect(403);
      expect(forbidden.body).toMatchObject({ code: 'FORBIDDEN' });
      await t.agent().get(`/api/calls/${call.id}/summary`).expect(401);
    });

    it('while applications arrive: open, waiting for them, then screening', async () => {
      const { call } = await callWith([], { open: true });
      expect((await staff.get(`/api/calls/${call.id}/summary`).expect(200)).body).toMatchObject({ phase: 'OPEN', deadlinePassed: false, next: { step: 'WAIT_FOR_APPLICATIONS' } });
      await createApplication(t.prisma, { callId: call.id, ownerId: (await createUser(t.prisma)).id, status: 'SUBMITTED' });
      expect((await staff.get(`/api/calls/${call.id}/summary`).expect(200)).body).toMatchObject({ phase: 'OPEN', next: { step: 'SCREEN', count: 1 } });
      await staff.get('/api/calls/00000000-0000-7000-8000-000000000000/summary').expect(404);
    });
  });
});
