import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';
import { createUser } from './support/factories';
import { createCall } from './support/call-factory';
import { attachFile, demoLikeAnswers } from './support/application-factory';

const browser = { Origin: APP_ORIGIN };
type User = Awaited<ReturnType<typeof createUser>>;

describe('applications: the applicant side', () => {
  let t: TestApp;
  let staffUser: User;
  let staff: Client;

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  async function applicant(locale: 'ar' | 'fr' | 'en' = 'fr') {
    const user = await createUser(t.prisma, { locale });
    return { user, client: await signIn(user) };
  }

  /** A draft with every answer and its PDF, ready to submit. */
  async function completeDraft(client: Client, callId: string) {
    const created = await client.post(`/api/calls/${callId}/applications`).set(browser).expect(201);
    const saved = await client.patch(`/api/applications/${created.body.id}`).set(browser).send({ version: created.body.version, answers: demoLikeAnswers() }).expect(200);
    await attachFile(t.prisma, created.body.id);
    return saved.body as { id: string; version: number };
  }

  beforeAll(async () => {
    t = await createTestApp();
    staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    staff = await signIn(staffUser);
  });
  afterAll(() => t.close());

  it('starts a draft, within the limit of applications per applicant', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id, maxApplicationsPerApplicant: 1 });
    const { user, client } = await applicant();
    const created = await client.post(`/api/calls/${call.id}/applications`).set(browser).expect(201);
    expect(created.body).toMatchObject({
      callId: call.id,
      status: 'DRAFT',
      version: 1,
      answers: {},
      reference: null,
      submittedAt: null,
      attachments: [],
      call: { slug: call.slug, acceptingApplications: true },
    });
    const again = await client.post(`/api/calls/${call.id}/applications`).set(browser).expect(409);
    expect(again.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'MAX_APPLICATIONS_REACHED', maxApplicationsPerApplicant: 1 } });

    // A withdrawn application no longer counts.
    await client.post(`/api/applications/${created.body.id}/withdraw`).set(browser).expect(200);
    await client.post(`/api/calls/${call.id}/applications`).set(browser).expect(201);
    expect(await t.prisma.application.count({ where: { ownerId: user.id, callId: call.id } })).toBe(2);

    const mine = await client.get('/api/applications/mine').expect(200);
    expect(mine.body.items.map((item: { status: string }) => item.status).sort()).toEqual(['DRAFT', 'WITHDRAWN']);
    const other = await applicant();
    expect((await other.client.get('/api/applications/mine').expect(200)).body.items).toEqual([]);
  });

  it('refuses to start on a call that is closed or not yet published', async () => {
    const { client } = await applicant();
    const closed = await createCall(t.prisma, { createdById: staffUser.id, opensAt: new Date(Date.now() - 10 * 86_400_000), closesAt: new Date(Date.now() - 1000) });
    expect((await client.post(`/api/calls/${closed.id}/applications`).set(browser).expect(409)).body.code).toBe('DEADLINE_PASSED');
    const draft = await createCall(t.prisma, { createdById: staffUser.id, status: 'DRAFT' });
    expect((await client.post(`/api/calls/${draft.id}/applications`).set(browser).expect(404)).body.code).toBe('NOT_FOUND');
    await client.post('/api/calls/00000000-0000-4000-8000-000000000000/applications').set(browser).expect(404);
  });

  it('autosaves with the version it was based on; a stale save gets VERSION_CONFLICT with what is saved, and nothing is lost', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id });
    const { client } = await applicant();
    const created = await client.post(`/api/calls/${call.id}/applications`).set(browser).expect(201);
    const id = created.body.id;

    // Two tabs start from version 1.
    const first = await client.patch(`/api/applications/${id}`).set(browser).send({ version: 1, answers: { project_title: 'Tab one', region: 'MA-07' } }).expect(200);
    expect(first.body).toMatchObject({ version: 2, answers: { project_title: 'Tab one', region: 'MA-07' } });
    const second = await client.patch(`/api/applications/${id}`).set(browser).send({ version: 1, answers: { project_title: 'Tab two' } }).expect(409);
    expect(second.body).toMatchObject({
      code: 'VERSION_CONFLICT',
      details: { current: { id, version: 2, answers: { project_title: 'Tab one', region: 'MA-07' } } },
    });
    const stored = await t.prisma.application.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ version: 2, answers: { project_title: 'Tab one', region: 'MA-07' }, title: 'Tab one' });

    // The person chooses: saving on the current version works.
    const chosen = await client.patch(`/api/applications/${id}`).set(browser).send({ version: 2, answers: { project_title: 'Tab two', region: 'MA-07' } }).expect(200);
    expect(chosen.body).toMatchObject({ version: 3, answers: { project_title: 'Tab two' } });
    expect((await client.get(`/api/applications/${id}`).expect(200)).body).toMatchObject({ version: 3, answers: { project_title: 'Tab two', region: 'MA-07' } });
  });

  it('answers a save sent again after its answer was lost with what is saved, not a conflict', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id });
    const { client } = await applicant();
    const { body: draft } = await client.post(`/api/calls/${call.id}/applications`).set(browser).expect(201);
    const save = { version: 1, answers: { project_title: 'Coopérative féminine', region: 'MA-07' } };
    const first = await client.patch(`/api/applications/${draft.id}`).set(browser).send(save).expect(200);
    // The browser never saw `first` (a replica died after the commit) and sends the same save again.
    const again = await client.patch(`/api/applications/${draft.id}`).set(browser).send(save).expect(200);
    expect(again.body).toMatchObject({ version: 2, answers: save.answers });
    expect(again.body.version).toBe(first.body.version);
    expect((await t.prisma.application.findUniqueOrThrow({ where: { id: draft.id } })).version).toBe(2);
    // The same stale version with other answers is a real conflict.
    const other = await client.patch(`/api/applications/${draft.id}`).set(browser).send({ version: 1, answers: { project_title: 'Autre onglet' } }).expect(409);
    expect(other.body.code).toBe('VERSION_CONFLICT');
  });

  it('validates draft answers against the form: unknown keys and wrong types are refused with details; file answers are ignored', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id });
    const { client } = await applicant('en');
    const { body: draft } = await client.post(`/api/calls/${call.id}/applications`).set(browser).expect(201);

    const unknown = await client.patch(`/api/applications/${draft.id}`).set(browser).send({ version: 1, answers: { favourite_colour: 'blue' } }).expect(400);
    expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: ['answers'], code: 'unrecognized_keys' }] });
    expect(unknown.body.details[0].message).toContain('favourite_colour');

    const wrongType = await client.patch(`/api/applications/${draft.id}`).set(browser).send({ version: 1, answers: { beneficiaries: 'many', region: 'Atlantis', contact_email: 'not-an-email' } }).expect(400);
    expect(wrongType.body.code).toBe('VALIDATION_FAILED');
    expect(wrongType.body.details.map((issue: { path: string[] }) => issue.path.join('.')).sort()).toEqual(['answers.beneficiaries', 'answers.contact_email', 'answers.region']);

    const tooMany = await client.patch(`/api/applications/${draft.id}`).set(browser).send({ version: 1, answers: { beneficiary_groups: ['women', 'youth', 'rural'] } }).expect(400);
    expect(tooMany.body.details[0].path).toEqual(['answers', 'beneficiary_groups']);
    expect((await t.prisma.application.findUniqueOrThrow({ where: { id: draft.id } })).version).toBe(1);

    const withFile = await client.patch(`/api/applications/${draft.id}`).set(browser).send({ version: 1, answers: { project_title: 'Ok', pitch_deck: ['not-even-an-id'] } }).expect(200);
    expect(withFile.body.answers).toEqual({ project_title: 'Ok' });
    expect((await t.prisma.application.findUniqueOrThrow({ where: { id: draft.id } })).answers).toEqual({ project_title: 'Ok' });
  });

  it('submits after checking the whole application, gives a reference and a receipt in the applicant’s language, then freezes the answers', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id, referencePrefix: undefined, eligibilityRules: [{ kind: 'AT_MOST', fieldKey: 'requested_amount', max: 100000 }] });
    const { user, client } = await applicant('ar');
    const { body: draft } = await client.post(`/api/calls/${call.id}/applications`).set(browser).expect(201);
    await client.patch(`/api/applications/${draft.id}`).set(browser).send({ version: 1, answers: { project_title: 'مطبخ التضامن' } }).expect(200);

    const incomplete = await client.post(`/api/applications/${draft.id}/submit`).set(browser).send({}).expect(400);
    expect(incomplete.body.code).toBe('VALIDATION_FAILED');
    const missing = incomplete.body.details.map((issue: { path: string[] }) => issue.path[1]);
    expect(missing).toEqual(expect.arrayContaining(['organisation_name', 'contact_email', 'legal_form', 'region', 'social_impact', 'requested_amount', 'pitch_deck']));
    expect(missing).not.toContain('project_title');

    const saved = await client.patch(`/api/applications/${draft.id}`).set(browser).send({ version: 2, answers: demoLikeAnswers({ project_title: 'مطبخ التضامن' }) }).expect(200);
    expect((await client.post(`/api/applications/${draft.id}/submit`).set(browser).send({}).expect(400)).body.details).toEqual([
      expect.objectContaining({ path: ['answers', 'pitch_deck'] }),
    ]);
    const file = await attachFile(t.prisma, draft.id);

    const submitted = await client.post(`/api/applications/${draft.id}/submit`).set(browser).send({ version: saved.body.version }).expect(200);
    expect(submitted.body).toMatchObject({
      status: 'SUBMITTED',
      reference: `${call.referencePrefix}-${new Date().getUTCFullYear()}-0001`,
      formVersion: call.formVersion,
      submittedAt: expect.any(String),
      answers: { project_title: 'مطبخ التضامن', pitch_deck: [file.id] },
      attachments: [expect.objectContaining({ id: file.id, fieldKey: 'pitch_deck', fileName: 'presentation.pdf' })],
    });
    const stored = await t.prisma.application.findUniqueOrThrow({ where: { id: draft.id } });
    // 150 000 MAD asked where the rule allows 100 000: likely ineligible, for staff to confirm.
    expect(stored).toMatchObject({ eligibilitySuggestion: 'INELIGIBLE', title: 'مطبخ التضامن' });
    expect(stored.eligibilityReasons).toEqual({ failed: [{ kind: 'AT_MOST', fieldKey: 'requested_amount', max: 100000 }], unanswered: [] });

    const email = await t.prisma.emailMessage.findFirstOrThrow({ where: { dedupeKey: `application-received:${draft.id}` } });
    expect(email).toMatchObject({ toAddress: user.email, locale: 'ar', template: 'application-received', userId: user.id });
    expect(email.subject).toContain(submitted.body.reference);
    expect(email.text).toContain('مطبخ التضامن');
    expect(email.text).toContain((call.title as { ar: string }).ar);
    expect(email.text).toContain(`/portal/applications/${draft.id}`);
    expect(email.text).toContain('بتوقيت الدار البيضاء');
    expect(email.html).toContain('dir="rtl"');

    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'application.submitted', entityId: draft.id } });
    expect(audit).toMatchObject({ actorId: user.id, after: { status: 'SUBMITTED', reference: submitted.body.reference } });

    // Frozen: no more autosave.
    const frozen = await client.patch(`/api/applications/${draft.id}`).set(browser).send({ version: submitted.body.version, answers: { project_title: 'Changed' } }).expect(409);
    expect(frozen.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'NOT_A_DRAFT', status: 'SUBMITTED' } });
    expect((await t.prisma.application.findUniqueOrThrow({ where: { id: draft.id } })).answers).toMatchObject({ project_title: 'مطبخ التضامن' });
  });

  it('checks the deadline by the database clock: one second after closesAt is refused, one second before is accepted', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id });
    const late = await applicant();
    const lateDraft = await completeDraft(late.client, call.id);
    const onTime = await applicant();
    const onTimeDraft = await completeDraft(onTime.client, call.id);

    await t.prisma.$executeRaw`UPDATE "Call" SET "closesAt" = now() - interval '1 second' WHERE "id" = ${call.id}::uuid`;
    const refused = await late.client.post(`/api/applications/${lateDraft.id}/submit`).set(browser).send({}).expect(409);
    expect(refused.body).toMatchObject({ statusCode: 409, code: 'DEADLINE_PASSED', message: 'La date limite est dépassée.' });
    expect(await t.prisma.application.findUniqueOrThrow({ where: { id: lateDraft.id } })).toMatchObject({ status: 'DRAFT', reference: null, submittedAt: null });
    expect(await t.prisma.emailMessage.count({ where: { dedupeKey: `application-received:${lateDraft.id}` } })).toBe(0);

    await t.prisma.$executeRaw`UPDATE "Call" SET "closesAt" = now() + interval '1 second' WHERE "id" = ${call.id}::uuid`;
    const accepted = await onTime.client.post(`/api/applications/${onTimeDraft.id}/submit`).set(browser).send({}).expect(200);
    // The refused submission gave its number back.
    expect(accepted.body).toMatchObject({ status: 'SUBMITTED', reference: expect.stringMatching(/-0001$/) });
    const stored = await t.prisma.application.findUniqueOrThrow({ where: { id: onTimeDraft.id }, include: { call: true } });
    expect(stored.submittedAt!.getTime()).toBeLessThan(stored.call.closesAt.getTime());
  });

  it('refuses a submission before the call opens', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id });
    const { client } = await applicant();
    const draft = await completeDraft(client, call.id);
    await t.prisma.$executeRaw`UPDATE "Call" SET "opensAt" = now() + interval '1 hour' WHERE "id" = ${call.id}::uuid`;
    const early = await client.post(`/api/applications/${draft.id}/submit`).set(browser).send({}).expect(409);
    expect(early.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'CALL_NOT_OPEN_YET' } });
  });

  it('records 50 parallel submits of one application as one submission, one reference and one email', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id });
    const { client } = await applicant();
    const draft = await completeDraft(client, call.id);

    const responses = await Promise.all(Array.from({ length: 50 }, () => client.post(`/api/applications/${draft.id}/submit`).set(browser).send({})));
    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(200));
    const references = new Set(responses.map((response) => response.body.reference));
    expect(references.size).toBe(1);
    expect([...references][0]).toMatch(new RegExp(`^${call.referencePrefix}-\\d{4}-0001$`));
    expect(new Set(responses.map((response) => response.body.submittedAt)).size).toBe(1);

    expect(await t.prisma.emailMessage.count({ where: { dedupeKey: `application-received:${draft.id}` } })).toBe(1);
    expect(await t.prisma.emailMessage.count({ where: { template: 'application-received', text: { contains: draft.id } } })).toBe(1);
    expect(await t.prisma.auditEvent.count({ where: { action: 'application.submitted', entityId: draft.id } })).toBe(1);
    expect((await t.prisma.referenceCounter.findMany({ where: { callId: call.id } })).map((counter) => counter.lastValue)).toEqual([1]);
  }, 120_000);

  it('hides an application from another applicant, a juror and anonymous visitors (404), and lets staff read but not change it', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id });
    const owner = await applicant();
    const draft = await completeDraft(owner.client, call.id);
    const other = await applicant();
    const juror = await signIn(await createUser(t.prisma, { roles: ['JUROR'] }));
    const anonymous = t.http();

    for (const client of [other.client, juror, anonymous]) {
      for (const res of [
        await client.get(`/api/applications/${draft.id}`),
        await client.patch(`/api/applications/${draft.id}`).set(browser).send({ version: draft.version, answers: { project_title: 'Hijacked' } }),
        await client.post(`/api/applications/${draft.id}/submit`).set(browser).send({}),
        await client.post(`/api/applications/${draft.id}/withdraw`).set(browser).send({}),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', message: expect.any(String), requestId: expect.any(String) });
        expect(JSON.stringify(res.body)).not.toContain('Huile');
      }
    }
    // An id that is not an application at all looks the same.
    expect((await other.client.get('/api/applications/00000000-0000-4000-8000-000000000000').expect(404)).body.code).toBe('NOT_FOUND');
    expect((await anonymous.get('/api/applications/mine').expect(401)).body.code).toBe('UNAUTHENTICATED');

    expect((await staff.get(`/api/applications/${draft.id}`).expect(200)).body.answers.project_title).toBe('Huile d’argan équitable');
    expect((await staff.patch(`/api/applications/${draft.id}`).set(browser).send({ version: draft.version, answers: {} }).expect(403)).body.code).toBe('FORBIDDEN');
    await staff.post(`/api/applications/${draft.id}/submit`).set(browser).send({}).expect(403);

    const stored = await t.prisma.application.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored).toMatchObject({ status: 'DRAFT', version: draft.version });
    expect((stored.answers as { project_title: string }).project_title).toBe('Huile d’argan équitable');
  });

  it('withdraws a submitted application until a decision, audited', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id });
    const { user, client } = await applicant();
    const draft = await completeDraft(client, call.id);
    const submitted = await client.post(`/api/applications/${draft.id}/submit`).set(browser).send({}).expect(200);

    const withdrawn = await client.post(`/api/applications/${draft.id}/withdraw`).set(browser).send({}).expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'WITHDRAWN', withdrawnAt: expect.any(String), reference: submitted.body.reference });
    expect((await client.post(`/api/applications/${draft.id}/withdraw`).set(browser).send({}).expect(200)).body.status).toBe('WITHDRAWN');
    const audit = await t.prisma.auditEvent.findMany({ where: { action: 'application.withdrawn', entityId: draft.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: user.id, before: { status: 'SUBMITTED' }, after: { status: 'WITHDRAWN' } });
    // Withdrawn is not submitted again.
    expect((await client.post(`/api/applications/${draft.id}/submit`).set(browser).send({}).expect(409)).body.details).toEqual({ reason: 'WITHDRAWN' });

    const decided = await completeDraft((await applicant()).client, call.id).catch(() => undefined);
    expect(decided).toBeDefined();
    await t.prisma.$executeRaw`UPDATE "Application" SET "status" = 'WINNER', "submittedAt" = now(), "reference" = ${`${call.referencePrefix}-WIN`} WHERE "id" = ${decided!.id}::uuid`;
    const owner = await t.prisma.application.findUniqueOrThrow({ where: { id: decided!.id }, include: { owner: true } });
    const ownerClient = await signIn({ email: owner.owner.email, password: 'correct-horse-battery' });
    const refused = await ownerClient.post(`/api/applications/${decided!.id}/withdraw`).set(browser).send({}).expect(409);
    expect(refused.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'DECIDED', status: 'WINNER' } });
  });
});
