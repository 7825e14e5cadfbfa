import { DEMO_LIKE_FORM, createCall } from './support/call-factory';
import { createApplication } from './support/application-factory';
import { createUser } from './support/factories';
import { addJuror, createRound } from './support/round-factory';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';

const browser = { Origin: APP_ORIGIN, 'Accept-Language': 'en' };

/**
 * Every action the audit trail promises (logins, role changes, call and form edits, screenings,
 * assignments, conflicts, scorecard submissions and reopenings, advances, decisions, notifications)
 * leaves exactly one audit row, written by the person who acted, visible to staff at GET /api/audit.
 */
describe('audit trail coverage', () => {
  let t: TestApp;

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('writes exactly one row per action with the right actor, and staff read them through the API', async () => {
    const admin = await createUser(t.prisma, { roles: ['STAFF', 'ADMIN'] });
    const staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    const jurorUser = await createUser(t.prisma, { roles: ['JUROR'] });
    const person = await createUser(t.prisma);
    const adminClient = await signIn(admin);
    const staff = await signIn(staffUser);
    const juror = await signIn(jurorUser);

    /** The rows of one action on one entity since the test began, checked to be exactly one by `actorId`. */
    const expectOne = async (action: string, entityId: string, actorId: string) => {
      const rows = await t.prisma.auditEvent.findMany({ where: { action, entityId } });
      expect({ action, count: rows.length, actors: rows.map((row) => row.actorId) }).toEqual({ action, count: 1, actors: [actorId] });
      const listed = await staff.get('/api/audit').query({ action, entityId }).set(browser).expect(200);
      expect(listed.body.items.map((item: { actor: { id: string } | null }) => item.actor?.id)).toEqual([actorId]);
    };

    // Login and role change.
    await expectOne('auth.login', jurorUser.id, jurorUser.id);
    await adminClient.put(`/api/admin/users/${person.id}/roles`).set(browser).send({ roles: ['APPLICANT', 'JUROR'] }).expect(200);
    await expectOne('user.roles_changed', person.id, admin.id);

    // Call and form edits.
    const call = await createCall(t.prisma, { createdById: staffUser.id });
    await staff.patch(`/api/calls/${call.id}`).set(browser).send({ maxApplicationsPerApplicant: 2 }).expect(200);
    await expectOne('call.updated', call.id, staffUser.id);
    await staff.put(`/api/calls/${call.id}/form`).set(browser).send({ version: 1, definition: DEMO_LIKE_FORM }).expect(200);
    await expectOne('form.updated', call.id, staffUser.id);

    // Screening.
    const applications = [];
    for (let i = 0; i < 3; i += 1) applications.push(await createApplication(t.prisma, { callId: call.id, ownerId: (await createUser(t.prisma)).id, status: 'SUBMITTED' }));
    const [first, second, third] = applications as [(typeof applications)[0], (typeof applications)[0], (typeof applications)[0]];
    // Before the call's deadline, with the acknowledgement that late applications may still arrive.
    await staff.post(`/api/applications/${first.id}/screening`).set(browser).send({ decision: 'ELIGIBLE', acknowledgeEarly: true }).expect(200);
    await expectOne('application.screened', first.id, staffUser.id);

    // Assignments, a conflict, a scorecard submitted and reopened.
    const round = await createRound(t.prisma, { callId: call.id, scorecardsRequired: 1 });
    const member = await addJuror(t.prisma, round.id, jurorUser.id);
    await staff
      .put(`/api/rounds/${round.id}/assignments`)
      .set(browser)
      .send({ assignments: [first, second].map((a) => ({ jurorId: member.id, applicationId: a.id })) })
      .expect(200);
    await expectOne('assignments.replaced', round.id, staffUser.id);
    const assignments = await t.prisma.assignment.findMany({ where: { roundId: round.id }, orderBy: { createdAt: 'asc' } });
    const onFirst = assignments.find((a) => a.applicationId === first.id)!;
    const onSecond = assignments.find((a) => a.applicationId === second.id)!;
    const declared = await juror.post('/api/jury/conflicts').set(browser).send({ assignmentId: onSecond.id, reason: 'Je connais la porteuse.' }).expect(201);
    await expectOne('conflict.declared', declared.body.id ?? (await t.prisma.conflictOfInterest.findFirstOrThrow({ where: { applicationId: second.id } })).id, jurorUser.id);
    await juror
      .put(`/api/scorecards/${onFirst.id}`)
      .set(browser)
      .send({ version: 1, values: round.criteria.map((c) => ({ criterionId: c.id, value: c.scaleMax, comment: null })) })
      .expect(200);
    await juror.post(`/api/scorecards/${onFirst.id}/submit`).set(browser).send({ version: 2 }).expect(200);
    const card = await t.prisma.scorecard.findUniqueOrThrow({ where: { assignmentId: onFirst.id } });
    await expectOne('scorecard.submitted', card.id, jurorUser.id);
    await staff.post(`/api/scorecards/${onFirst.id}/reopen`).set(browser).send({ reason: 'Merci de revoir vos notes.' }).expect(200);
    await expectOne('scorecard.reopened', card.id, staffUser.id);

    // An advance into the next round.
    const advanced = await staff.post(`/api/rounds/${round.id}/advance`).set(browser).send({ applicationIds: [first.id] }).expect(201);
    await expectOne('round.advanced', round.id, staffUser.id);
    expect(advanced.body.added).toBe(1);

    // Decisions, then their publication (the notifications).
    await staff.put(`/api/applications/${first.id}/decision`).set(browser).send({ outcome: 'WINNER' }).expect(200);
    await expectOne('decision.recorded', first.id, staffUser.id);
    await adminClient.put(`/api/applications/${third.id}/decision`).set(browser).send({ outcome: 'NOT_SELECTED', note: 'Hors périmètre' }).expect(200);
    await expectOne('decision.recorded', third.id, admin.id);
    for (const outcome of ['WINNER', 'NOT_SELECTED']) {
      const text = (fr: string) => ({ ar: '', fr, en: '' });
      await staff
        .put(`/api/calls/${call.id}/decision-templates/${outcome}`)
        .set(browser)
        .send({ subject: text(`Votre dossier {{reference}}`), body: text('Bonjour {{displayName}},\n\n{{message}}') })
        .expect(200);
    }
    await expect(t.prisma.auditEvent.count({ where: { action: 'decision_template.updated', entityId: call.id, actorId: staffUser.id } })).resolves.toBe(2);
    // The call still accepts applications: publishing closes it, which staff confirm.
    const published = await staff.post(`/api/calls/${call.id}/notify-decisions`).set(browser).send({ closeCallEarly: true }).expect(200);
    expect(published.body).toMatchObject({ published: 2, queued: 2, callClosedEarly: true });
    await expectOne('decisions.published', call.id, staffUser.id);
    // Publishing again changes nothing and writes nothing.
    await staff.post(`/api/calls/${call.id}/notify-decisions`).set(browser).expect(200);
    await expectOne('decisions.published', call.id, staffUser.id);
  });
});
