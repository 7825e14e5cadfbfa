import type { TApplicationOutcome, TCallDecisionList, TDecisionPreview, TDecisionTemplateList, TLocalizedText } from '@tahkim/contracts';
import { weightedScore } from '@tahkim/scoring';
import { createApplication } from './support/application-factory';
import { createCall } from './support/call-factory';
import { createUser } from './support/factories';
import { addJuror, assign, createRound } from './support/round-factory';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';

const browser = { Origin: APP_ORIGIN, 'Accept-Language': 'en' };
const NOT_FOUND = { statusCode: 404, code: 'NOT_FOUND', message: 'The requested item was not found.', requestId: expect.any(String) };
const UNAUTHENTICATED = { statusCode: 401, code: 'UNAUTHENTICATED', message: 'You need to sign in to continue.', requestId: expect.any(String) };

type User = Awaited<ReturnType<typeof createUser>>;
type Round = Awaited<ReturnType<typeof createRound>>;

const TEMPLATES: Record<'WINNER' | 'NOT_SELECTED', { subject: TLocalizedText; body: TLocalizedText }> = {
  WINNER: {
    subject: { ar: 'تهانينا {{reference}}', fr: 'Félicitations {{reference}}', en: 'Congratulations {{reference}}' },
    body: {
      ar: 'مرحبًا {{displayName}}،\n\nتم اختيار مشروعكم «{{projectTitle}}» في «{{callTitle}}».\n\n{{message}}\n\n{{feedback}}',
      fr: 'Bonjour {{displayName}},\n\nVotre projet « {{projectTitle}} » est retenu dans « {{callTitle}} ».\n\n{{message}}\n\n{{feedback}}',
      en: 'Hello {{displayName}},\n\nYour project "{{projectTitle}}" was selected in "{{callTitle}}".\n\n{{message}}\n\n{{feedback}}',
    },
  },
  NOT_SELECTED: {
    subject: { ar: 'نتيجة ترشيحكم {{reference}}', fr: 'Résultat de votre candidature {{reference}}', en: 'Outcome of your application {{reference}}' },
    body: {
      ar: 'مرحبًا {{displayName}}،\n\nلم يتم اختيار مشروعكم «{{projectTitle}}».\n\n{{feedback}}',
      // English left empty: falls back to French.
      fr: "Bonjour {{displayName}},\n\nVotre projet « {{projectTitle}} » n'est pas retenu.\n\n{{feedback}}",
      en: '',
    },
  },
};

describe('decisions, decision emails and feedback', () => {
  let t: TestApp;
  let staffUser: User;
  let adminUser: User;
  let staff: Client;
  let admin: Client;

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  /** Writes a submitted scorecard as the scorecard routes leave it. */
  async function scorecard(
    round: Round,
    jurorId: string,
    applicationId: string,
    values: Array<{ value: number; comment?: string; shareable?: boolean }>,
    overall: { comment: string; shareable: boolean } | null = null,
    status: 'SUBMITTED' | 'DRAFT' = 'SUBMITTED',
  ) {
    const assignment = await assign(t.prisma, round.id, jurorId, applicationId);
    const score = weightedScore(round.criteria, new Map(round.criteria.map((c, i) => [c.id, values[i]!.value])));
    await t.prisma.scorecard.create({
      data: {
        assignmentId: assignment.id,
        status,
        overallComment: overall?.comment ?? null,
        commentShareable: overall?.shareable ?? false,
        weightedScore: status === 'SUBMITTED' ? score : null,
        submittedAt: status === 'SUBMITTED' ? new Date() : null,
        values: {
          createMany: { data: round.criteria.map((c, i) => ({ criterionId: c.id, value: values[i]!.value, comment: values[i]!.comment ?? null, shareable: values[i]!.shareable ?? false })) },
        },
      },
    });
  }

  /**
   * A closed call with three applicants (fr, ar, en), a scored round where the first application has two
   * submitted scorecards (impact 4 and 2, model 3 and 5, innovation 8 and 6) with shareable and private comments.
   */
  async function scenario() {
    const call = await createCall(t.prisma, { createdById: staffUser.id, status: 'CLOSED' });
    const owners = [await createUser(t.prisma, { locale: 'fr' }), await createUser(t.prisma, { locale: 'ar' }), await createUser(t.prisma, { locale: 'en' })];
    const titles = ['Huile d’argan équitable', '<script>alert(1)</script> تعاونية الأركان', 'Solar pumps for Draa'];
    const apps = [];
    for (const [i, owner] of owners.entries()) apps.push(await createApplication(t.prisma, { callId: call.id, ownerId: owner.id, status: 'ELIGIBLE', title: titles[i] }));
    const round = await createRound(t.prisma, { callId: call.id, scorecardsRequired: 2 });
    const jurorUsers = [await createUser(t.prisma, { roles: ['JUROR'] }), await createUser(t.prisma, { roles: ['JUROR'] })];
    const jurors = [await addJuror(t.prisma, round.id, jurorUsers[0]!.id), await addJuror(t.prisma, round.id, jurorUsers[1]!.id)];
    await scorecard(round, jurors[0]!.id, apps[0]!.id, [{ value: 4, comment: 'Impact solide sur le territoire', shareable: true }, { value: 3, comment: 'PRIVATE remark on the model', shareable: false }, { value: 8 }], { comment: 'Très bon dossier', shareable: true });
    await scorecard(round, jurors[1]!.id, apps[0]!.id, [{ value: 2, comment: 'A clarifier : le budget', shareable: true }, { value: 5 }, { value: 6 }], { comment: 'PRIVATE overall opinion', shareable: false });
    // A draft never counts.
    await scorecard(round, jurors[1]!.id, apps[1]!.id, [{ value: 0, comment: 'DRAFT comment', shareable: true }, { value: 0 }, { value: 1 }], null, 'DRAFT');
    return { call, owners, apps, round, jurorUsers, jurors };
  }

  async function saveTemplates(callId: string, client: Client = staff) {
    for (const outcome of ['WINNER', 'NOT_SELECTED'] as const) {
      await client.put(`/api/calls/${callId}/decision-templates/${outcome}`).set(browser).send(TEMPLATES[outcome]).expect(200);
    }
  }

  const auditRows = (entityId: string, action: string) => t.prisma.auditEvent.findMany({ where: { entityId, action }, orderBy: { id: 'asc' } });

  beforeAll(async () => {
    t = await createTestApp();
    staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    adminUser = await createUser(t.prisma, { roles: ['ADMIN'] });
    staff = await signIn(staffUser);
    admin = await signIn(adminUser);
  });
  afterAll(async () => t.close());

  it('answers only staff: anonymous 401, applicants and jurors 404 on every staff route; the outcome only to its owner', async () => {
    const s = await scenario();
    const [app] = s.apps;
    const routes: Array<{ method: 'get' | 'put' | 'post'; url: string; body?: object }> = [
      { method: 'put', url: `/api/applications/${app!.id}/decision`, body: { outcome: 'WINNER' } },
      { method: 'post', url: `/api/calls/${s.call.id}/decisions`, body: { applicationIds: [app!.id], outcome: 'WINNER' } },
      { method: 'get', url: `/api/calls/${s.call.id}/decisions` },
      { method: 'post', url: `/api/calls/${s.call.id}/notify-decisions` },
      { method: 'put', url: `/api/calls/${s.call.id}/feedback`, body: { enabled: true } },
      { method: 'get', url: `/api/calls/${s.call.id}/decision-templates` },
      { method: 'put', url: `/api/calls/${s.call.id}/decision-templates/WINNER`, body: TEMPLATES.WINNER },
      { method: 'post', url: `/api/calls/${s.call.id}/decision-templates/WINNER/preview`, body: { applicationId: app!.id } },
    ];
    const owner = await signIn(s.owners[0]!);
    const juror = await signIn(s.jurorUsers[0]!);
    for (const route of routes) {
      const anonymous = await t.http()[route.method](route.url).set(browser).send(route.body);
      expect({ route: route.url, status: anonymous.status, body: anonymous.body }).toEqual({ route: route.url, status: 401, body: UNAUTHENTICATED });
      for (const client of [owner, juror]) {
        const res = await client[route.method](route.url).set(browser).send(route.body);
        expect({ route: route.url, status: res.status, body: res.body }).toEqual({ route: route.url, status: 404, body: NOT_FOUND });
      }
    }
    // Nothing was changed by the refused calls.
    expect(await t.prisma.decision.count({ where: { applicationId: app!.id } })).toBe(0);
    expect(await t.prisma.auditEvent.count({ where: { entityId: { in: [app!.id, s.call.id] } } })).toBe(0);
    // Staff and admins read the staff routes; a bad id or unknown outcome names nothing.
    await staff.get(`/api/calls/${s.call.id}/decisions`).set(browser).expect(200);
    await admin.get(`/api/calls/${s.call.id}/decision-templates`).set(browser).expect(200);
    expect((await staff.get('/api/calls/not-a-uuid/decisions').set(browser).expect(404)).body).toEqual(NOT_FOUND);
    expect((await staff.put(`/api/calls/${s.call.id}/decision-templates/MAYBE`).set(browser).send(TEMPLATES.WINNER).expect(404)).body).toEqual(NOT_FOUND);
    expect((await staff.get(`/api/calls/${crypto.randomUUID()}/decisions`).set(browser).expect(404)).body).toEqual(NOT_FOUND);

    // The applicant's outcome: the owner only (like their other application routes: 404 for anybody else).
    const outcomeUrl = `/api/applications/${app!.id}/outcome`;
    expect((await owner.get(outcomeUrl).set(browser).expect(200)).body).toEqual({ published: false, outcome: null, publishedAt: null, message: null, feedback: null });
    const otherApplicant = await signIn(s.owners[1]!);
    for (const client of [otherApplicant, juror, staff, t.http()]) expect((await client.get(outcomeUrl).set(browser).expect(404)).body).toEqual(NOT_FOUND);
  });

  it('records single decisions unpublished, intermediate outcomes at once, each with exactly one audit row by its actor', async () => {
    const s = await scenario();
    const [a, b] = s.apps;
    const res = await staff.put(`/api/applications/${a!.id}/decision`).set(browser).send({ outcome: 'WINNER', note: 'Unanime', message: 'Bravo à toute l’équipe.', roundId: s.round.id }).expect(200);
    expect(res.body).toEqual({
      applicationId: a!.id,
      status: 'ELIGIBLE', // unchanged until publication
      decision: {
        outcome: 'WINNER', note: 'Unanime', message: 'Bravo à toute l’équipe.', roundId: s.round.id,
        decidedBy: { id: staffUser.id, displayName: staffUser.displayName }, decidedAt: expect.any(String), publishedAt: null,
      },
    });
    let audits = await auditRows(a!.id, 'decision.recorded');
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: staffUser.id, entityType: 'Application', before: { outcome: 'ELIGIBLE', decision: null }, after: { outcome: 'WINNER', note: 'Unanime' } });

    // Changing an unpublished decision (admin this time) keeps the note when none is given.
    const changed = await admin.put(`/api/applications/${a!.id}/decision`).set(browser).send({ outcome: 'NOT_SELECTED' }).expect(200);
    expect(changed.body.decision).toMatchObject({ outcome: 'NOT_SELECTED', note: 'Unanime', message: 'Bravo à toute l’équipe.', decidedBy: { id: adminUser.id } });
    audits = await auditRows(a!.id, 'decision.recorded');
    expect(audits).toHaveLength(2);
    expect(audits[1]).toMatchObject({ actorId: adminUser.id, before: { outcome: 'WINNER' }, after: { outcome: 'NOT_SELECTED' } });

    // The applicant sees nothing yet.
    const owner = await signIn(s.owners[0]!);
    expect((await owner.get(`/api/applications/${a!.id}/outcome`).set(browser).expect(200)).body.published).toBe(false);

    // An intermediate outcome sets the status at once and removes the unpublished decision.
    const shortlisted = await staff.put(`/api/applications/${a!.id}/decision`).set(browser).send({ outcome: 'SHORTLISTED' }).expect(200);
    expect(shortlisted.body).toEqual({ applicationId: a!.id, status: 'SHORTLISTED', decision: null });
    expect(await t.prisma.decision.count({ where: { applicationId: a!.id } })).toBe(0);
    const inReview = await staff.put(`/api/applications/${b!.id}/decision`).set(browser).send({ outcome: 'IN_REVIEW' }).expect(200);
    expect(inReview.body).toEqual({ applicationId: b!.id, status: 'IN_REVIEW', decision: null });
    expect(await auditRows(a!.id, 'decision.recorded')).toHaveLength(3);
    expect(await auditRows(b!.id, 'decision.recorded')).toEqual([expect.objectContaining({ actorId: staffUser.id, before: expect.objectContaining({ status: 'ELIGIBLE' }), after: expect.objectContaining({ outcome: 'IN_REVIEW', status: 'IN_REVIEW' }) })]);

    // Drafts, withdrawn and ineligible applications get no outcome; a round of another call is refused.
    const draft = await createApplication(t.prisma, { callId: s.call.id, ownerId: s.owners[0]!.id });
    const withdrawn = await createApplication(t.prisma, { callId: s.call.id, ownerId: s.owners[1]!.id, status: 'WITHDRAWN' });
    for (const app of [draft, withdrawn]) {
      const refused = await staff.put(`/api/applications/${app.id}/decision`).set(browser).send({ outcome: 'WINNER' }).expect(409);
      expect(refused.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'APPLICATION_NOT_DECIDABLE', applications: [{ applicationId: app.id, status: app.status }] } });
    }
    const otherCall = await createCall(t.prisma, { createdById: staffUser.id });
    const otherRound = await createRound(t.prisma, { callId: otherCall.id });
    const badRound = await staff.put(`/api/applications/${b!.id}/decision`).set(browser).send({ outcome: 'WINNER', roundId: otherRound.id }).expect(400);
    expect(badRound.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: ['roundId'], code: 'NOT_A_ROUND_OF_THE_CALL' }] });
    await staff.put(`/api/applications/${b!.id}/decision`).set(browser).send({ outcome: 'ACCEPTED' }).expect(400);
    expect((await staff.put(`/api/applications/${crypto.randomUUID()}/decision`).set(browser).send({ outcome: 'WINNER' }).expect(404)).body).toEqual(NOT_FOUND);
    expect(await auditRows(b!.id, 'decision.recorded')).toHaveLength(1);
  });

  it('records bulk decisions in one transaction with one audit row per application, refusing ids of another call', async () => {
    const s = await scenario();
    const ids = s.apps.map((a) => a.id);
    const res = await staff.post(`/api/calls/${s.call.id}/decisions`).set(browser).send({ applicationIds: [...ids, ids[0]], outcome: 'NOT_SELECTED', note: 'Tour 1' }).expect(200);
    expect(res.body).toEqual({ outcome: 'NOT_SELECTED', recorded: 3 });
    const decisions = await t.prisma.decision.findMany({ where: { applicationId: { in: ids } } });
    expect(decisions.map((d) => [d.outcome, d.note, d.decidedById, d.publishedAt])).toEqual(ids.map(() => ['NOT_SELECTED', 'Tour 1', staffUser.id, null]));
    for (const id of ids) {
      const rows = await auditRows(id, 'decision.recorded');
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ actorId: staffUser.id, entityType: 'Application', after: { outcome: 'NOT_SELECTED', note: 'Tour 1' } });
    }

    // One application of another call: nothing at all is written, and the error names it.
    const other = await createCall(t.prisma, { createdById: staffUser.id });
    const stranger = await createApplication(t.prisma, { callId: other.id, ownerId: s.owners[0]!.id, status: 'ELIGIBLE' });
    const refused = await staff.post(`/api/calls/${s.call.id}/decisions`).set(browser).send({ applicationIds: [ids[0], stranger.id], outcome: 'WINNER' }).expect(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: ['applicationIds', 1], code: 'NOT_IN_CALL', applicationId: stranger.id }] });
    expect((await t.prisma.decision.findUniqueOrThrow({ where: { applicationId: ids[0] } })).outcome).toBe('NOT_SELECTED');
    expect(await auditRows(ids[0]!, 'decision.recorded')).toHaveLength(1);

    // Intermediate outcomes in bulk.
    await staff.post(`/api/calls/${s.call.id}/decisions`).set(browser).send({ applicationIds: ids.slice(0, 2), outcome: 'SHORTLISTED' }).expect(200);
    expect((await t.prisma.application.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } })).map((a) => [a.id, a.status]).sort()).toEqual(
      [[ids[0], 'SHORTLISTED'], [ids[1], 'SHORTLISTED'], [ids[2], 'ELIGIBLE']].sort() as Array<[string, string]>,
    );
    expect(await t.prisma.decision.count({ where: { applicationId: { in: ids } } })).toBe(1);
    await staff.post(`/api/calls/${s.call.id}/decisions`).set(browser).send({ applicationIds: [], outcome: 'WINNER' }).expect(400);
  });

  it('validates templates (unknown placeholder named, French required) and previews them for a real application, escaped, in ar and fr', async () => {
    const s = await scenario();
    const list = (await staff.get(`/api/calls/${s.call.id}/decision-templates`).set(browser).expect(200)).body as TDecisionTemplateList;
    expect(list.placeholders).toEqual(['displayName', 'reference', 'projectTitle', 'callTitle', 'feedback', 'message']);
    expect(list.items.map((i) => [i.outcome, i.saved])).toEqual([['WINNER', false], ['NOT_SELECTED', false]]);
    expect(list.items[0]!.body.fr).toContain('{{displayName}}');

    const unknown = await staff
      .put(`/api/calls/${s.call.id}/decision-templates/WINNER`)
      .set(browser)
      .send({ subject: TEMPLATES.WINNER.subject, body: { ...TEMPLATES.WINNER.body, ar: 'مرحبًا {{ firstName }}' } })
      .expect(400);
    expect(unknown.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: ['body', 'ar'], code: 'UNKNOWN_PLACEHOLDER', placeholder: 'firstName' }] });
    expect(unknown.body.details[0].message).toContain('{{firstName}}');
    const noFrench = await staff.put(`/api/calls/${s.call.id}/decision-templates/WINNER`).set(browser).send({ subject: { ...TEMPLATES.WINNER.subject, fr: ' ' }, body: TEMPLATES.WINNER.body }).expect(400);
    expect(noFrench.body.details).toEqual([expect.objectContaining({ path: ['subject', 'fr'] })]);
    await staff.put(`/api/calls/${s.call.id}/decision-templates/WINNER`).set(browser).send({ subject: TEMPLATES.WINNER.subject, body: { ...TEMPLATES.WINNER.body, fr: 'x'.repeat(10001) } }).expect(400);
    expect(await auditRows(s.call.id, 'decision_template.updated')).toHaveLength(0);

    const saved = await staff.put(`/api/calls/${s.call.id}/decision-templates/WINNER`).set(browser).send(TEMPLATES.WINNER).expect(200);
    expect(saved.body).toMatchObject({ outcome: 'WINNER', saved: true, subject: TEMPLATES.WINNER.subject });
    expect(await auditRows(s.call.id, 'decision_template.updated')).toEqual([expect.objectContaining({ actorId: staffUser.id, after: expect.objectContaining({ outcome: 'WINNER' }) })]);

    // The Arabic applicant's application, whose title carries a <script>: in their language by default.
    const arabic = s.apps[1]!;
    const ar = (await staff.post(`/api/calls/${s.call.id}/decision-templates/WINNER/preview`).set(browser).send({ applicationId: arabic.id }).expect(200)).body as TDecisionPreview;
    expect(ar).toMatchObject({ locale: 'ar', dir: 'rtl', to: s.owners[1]!.email, subject: `تهانينا ${arabic.reference}` });
    // Each value isolated in its own direction (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE in the text, <bdi> in the HTML).
    expect(ar.text).toContain(`مرحبًا \u2068${s.owners[1]!.displayName}\u2069،`);
    expect(ar.text).toContain('تم اختيار مشروعكم «\u2068<script>alert(1)</script> تعاونية الأركان\u2069» في «');
    expect(ar.text).toContain((s.call.title as TLocalizedText).ar);
    expect(ar.html).toContain('<html lang="ar" dir="rtl">');
    expect(ar.html).toContain('«<bdi>&lt;script&gt;alert(1)&lt;/script&gt; تعاونية الأركان</bdi>»');
    expect(ar.html).not.toContain('<script>');
    expect(ar.text).not.toMatch(/\{\{|\}\}/);

    // The same application in French, from unsaved texts (staff preview while editing).
    const fr = (await staff
      .post(`/api/calls/${s.call.id}/decision-templates/WINNER/preview`)
      .set(browser)
      .send({ applicationId: arabic.id, locale: 'fr', subject: { ar: '', fr: 'Brouillon {{reference}}', en: '' }, body: { ar: '', fr: 'Ligne 1\nLigne 2 <b>{{projectTitle}}</b>\n\n{{message}}\n\nFin', en: '' } })
      .expect(200)).body as TDecisionPreview;
    expect(fr).toMatchObject({ locale: 'fr', dir: 'ltr', subject: `Brouillon ${arabic.reference}` });
    expect(fr.html).toContain('<p>Ligne 1<br>Ligne 2 &lt;b&gt;<bdi>&lt;script&gt;alert(1)&lt;/script&gt; تعاونية الأركان</bdi>&lt;/b&gt;</p>\n<p>Fin</p>');
    // Unsaved texts with an unknown placeholder are refused too; an application of another call is not previewed.
    await staff.post(`/api/calls/${s.call.id}/decision-templates/WINNER/preview`).set(browser).send({ applicationId: arabic.id, body: { ar: '', fr: '{{iban}}', en: '' } }).expect(400);
    const other = await createCall(t.prisma, { createdById: staffUser.id });
    const stranger = await createApplication(t.prisma, { callId: other.id, ownerId: s.owners[0]!.id, status: 'ELIGIBLE' });
    const refused = await staff.post(`/api/calls/${s.call.id}/decision-templates/WINNER/preview`).set(browser).send({ applicationId: stranger.id }).expect(400);
    expect(refused.body.details).toEqual([expect.objectContaining({ path: ['applicationId'], code: 'NOT_AN_APPLICATION_OF_THE_CALL' })]);
    // The unsaved NOT_SELECTED proposal previews too.
    const proposal = (await staff.post(`/api/calls/${s.call.id}/decision-templates/NOT_SELECTED/preview`).set(browser).send({ applicationId: s.apps[0]!.id }).expect(200)).body as TDecisionPreview;
    expect(proposal).toMatchObject({ locale: 'fr', subject: `Résultat de votre candidature ${s.apps[0]!.reference}` });
  });

  it('publishes once: statuses, one email per applicant in their language, call DECIDED, one audit row; a retry changes nothing', async () => {
    const s = await scenario();
    const [a, b, c] = s.apps as [(typeof s.apps)[number], (typeof s.apps)[number], (typeof s.apps)[number]];
    await staff.put(`/api/applications/${a.id}/decision`).set(browser).send({ outcome: 'WINNER', message: 'Rendez-vous le 12 janvier.' }).expect(200);
    await staff.post(`/api/calls/${s.call.id}/decisions`).set(browser).send({ applicationIds: [b.id, c.id], outcome: 'NOT_SELECTED' }).expect(200);
    // Withdrawn after its decision was recorded: never published, never emailed.
    const late = await createApplication(t.prisma, { callId: s.call.id, ownerId: s.owners[0]!.id, status: 'ELIGIBLE' });
    await staff.put(`/api/applications/${late.id}/decision`).set(browser).send({ outcome: 'WINNER' }).expect(200);
    await t.prisma.application.update({ where: { id: late.id }, data: { status: 'WITHDRAWN', withdrawnAt: new Date() } });

    await saveTemplates(s.call.id);

    // The call is past its deadline: no confirmation is needed. Its open round closes with the publication.
    const published = await staff.post(`/api/calls/${s.call.id}/notify-decisions`).set(browser).expect(200);
    expect(published.body).toEqual({ published: 3, queued: 3, alreadyPublished: 0, proposedTemplates: [], roundsClosed: 1, callClosedEarly: false });
    expect((await t.prisma.round.findUniqueOrThrow({ where: { id: s.round.id } })).status).toBe('CLOSED');
    expect(await auditRows(s.round.id, 'round.updated')).toEqual([
      expect.objectContaining({ actorId: staffUser.id, before: { number: 1, status: 'OPEN' }, after: { number: 1, status: 'CLOSED', reason: 'decisions.published' } }),
    ]);
    const statuses = new Map((await t.prisma.application.findMany({ where: { id: { in: [a.id, b.id, c.id] } } })).map((x) => [x.id, x.status]));
    expect([statuses.get(a.id), statuses.get(b.id), statuses.get(c.id)]).toEqual(['WINNER', 'NOT_SELECTED', 'NOT_SELECTED']);
    expect((await t.prisma.application.findUniqueOrThrow({ where: { id: late.id } })).status).toBe('WITHDRAWN');
    expect(await t.prisma.emailMessage.count({ where: { dedupeKey: `decision:${late.id}` } })).toBe(0);
    const call = await t.prisma.call.findUniqueOrThrow({ where: { id: s.call.id } });
    expect(call.status).toBe('DECIDED');
    expect(call.decidedAt).toBeInstanceOf(Date);

    const emails = await t.prisma.emailMessage.findMany({ where: { dedupeKey: { in: [a.id, b.id, c.id].map((id) => `decision:${id}`) } }, orderBy: { toAddress: 'asc' } });
    expect(emails).toHaveLength(3);
    const byKey = new Map(emails.map((e) => [e.dedupeKey, e]));
    expect(byKey.get(`decision:${a.id}`)).toMatchObject({ toAddress: s.owners[0]!.email, locale: 'fr', template: 'decision-winner', status: 'QUEUED', userId: s.owners[0]!.id, subject: `Félicitations ${a.reference}` });
    expect(byKey.get(`decision:${a.id}`)!.text).toContain('Rendez-vous le 12 janvier.');
    expect(byKey.get(`decision:${b.id}`)).toMatchObject({ toAddress: s.owners[1]!.email, locale: 'ar', template: 'decision-not-selected', subject: `نتيجة ترشيحكم ${b.reference}` });
    expect(byKey.get(`decision:${b.id}`)!.html).toContain('dir="rtl"');
    // English left empty in the template: the French text is sent, to the English-speaking applicant.
    expect(byKey.get(`decision:${c.id}`)).toMatchObject({ toAddress: s.owners[2]!.email, locale: 'en', subject: `Outcome of your application ${c.reference}` });
    expect(byKey.get(`decision:${c.id}`)!.text).toContain("Votre projet « \u2068Solar pumps for Draa\u2069 » n'est pas retenu.");
    // Feedback is off for this call: nothing of the scorecards is sent.
    expect(byKey.get(`decision:${a.id}`)!.text).not.toContain('Impact solide');
    const jobs = await t.prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM pgboss.job WHERE name = ${t.config.emailQueue} AND data->>'emailId' = ANY(${emails.map((e) => e.id)})`;
    expect(Number(jobs[0]!.n)).toBe(3);

    const audit = await auditRows(s.call.id, 'decisions.published');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: staffUser.id, entityType: 'Call', after: { count: 3, queued: 3 } });
    expect(((audit[0]!.after as { applicationIds: string[] }).applicationIds).sort()).toEqual([a.id, b.id, c.id].sort());

    // Retrying publishes and queues nothing, and writes no audit row.
    const again = await staff.post(`/api/calls/${s.call.id}/notify-decisions`).set(browser).expect(200);
    expect(again.body).toEqual({ published: 0, queued: 0, alreadyPublished: 3, proposedTemplates: [], roundsClosed: 0, callClosedEarly: false });
    expect(await t.prisma.emailMessage.count({ where: { dedupeKey: { in: [a.id, b.id, c.id].map((id) => `decision:${id}`) } } })).toBe(3);
    expect(await auditRows(s.call.id, 'decisions.published')).toHaveLength(1);

    // A published decision is locked, singly and in bulk.
    const locked = await staff.put(`/api/applications/${a.id}/decision`).set(browser).send({ outcome: 'NOT_SELECTED' }).expect(409);
    expect(locked.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'DECISION_PUBLISHED', applicationIds: [a.id] } });
    await staff.put(`/api/applications/${b.id}/decision`).set(browser).send({ outcome: 'SHORTLISTED' }).expect(409);
    const bulk = await staff.post(`/api/calls/${s.call.id}/decisions`).set(browser).send({ applicationIds: [a.id, b.id], outcome: 'WINNER' }).expect(409);
    expect(bulk.body.details.reason).toBe('DECISION_PUBLISHED');
    expect(await auditRows(a.id, 'decision.recorded')).toHaveLength(1);

    // Staff's table: decisions with their emails' status.
    const table = (await staff.get(`/api/calls/${s.call.id}/decisions`).set(browser).expect(200)).body as TCallDecisionList;
    expect(table.call).toMatchObject({ id: s.call.id, status: 'DECIDED', feedbackEnabled: false, decidedAt: expect.any(String) });
    expect(table.templatesSaved).toEqual(['NOT_SELECTED', 'WINNER']);
    expect(table.counts).toEqual({ applications: 4, winners: 1, notSelected: 2, pendingPublication: 0, published: 3, emailsQueued: 3, emailsSent: 0, emailsFailed: 0 });
    const rowA = table.items.find((i) => i.applicationId === a.id)!;
    expect(rowA).toMatchObject({
      reference: a.reference, title: a.title, status: 'WINNER',
      applicant: { displayName: s.owners[0]!.displayName, email: s.owners[0]!.email, locale: 'fr' },
      decision: { outcome: 'WINNER', message: 'Rendez-vous le 12 janvier.', publishedAt: expect.any(String), decidedBy: { id: staffUser.id } },
      email: { status: 'QUEUED', locale: 'fr', attempts: 0, lastError: null, sentAt: null, queuedAt: expect.any(String) },
    });

    // The applicants now see their outcome, without feedback (off).
    const winner = (await (await signIn(s.owners[0]!)).get(`/api/applications/${a.id}/outcome`).set(browser).expect(200)).body as TApplicationOutcome;
    expect(winner).toEqual({ published: true, outcome: 'WINNER', publishedAt: expect.any(String), message: 'Rendez-vous le 12 janvier.', feedback: null });
    const loser = (await (await signIn(s.owners[1]!)).get(`/api/applications/${b.id}/outcome`).set(browser).expect(200)).body as TApplicationOutcome;
    expect(loser).toMatchObject({ published: true, outcome: 'NOT_SELECTED', message: null, feedback: null });
  });

  it('sends feedback only when enabled: criterion means and shareable comments, never a juror identity', async () => {
    const s = await scenario();
    const [a, b] = s.apps;
    const toggled = await staff.put(`/api/calls/${s.call.id}/feedback`).set(browser).send({ enabled: true }).expect(200);
    expect(toggled.body).toEqual({ feedbackEnabled: true });
    await staff.put(`/api/calls/${s.call.id}/feedback`).set(browser).send({ enabled: true }).expect(200);
    const audit = await auditRows(s.call.id, 'call.feedback_updated');
    expect(audit).toEqual([expect.objectContaining({ actorId: staffUser.id, before: { feedbackEnabled: false }, after: { feedbackEnabled: true } })]);
    await staff.put(`/api/calls/${s.call.id}/feedback`).set(browser).send({ enabled: 'yes' }).expect(400);

    await saveTemplates(s.call.id);
    await staff.post(`/api/calls/${s.call.id}/decisions`).set(browser).send({ applicationIds: [a!.id, b!.id], outcome: 'NOT_SELECTED' }).expect(200);
    await staff.post(`/api/calls/${s.call.id}/notify-decisions`).set(browser).expect(200);

    const raw = await (await signIn(s.owners[0]!)).get(`/api/applications/${a!.id}/outcome`).set(browser).expect(200);
    const outcome = raw.body as TApplicationOutcome;
    // Means of (4, 2), (3, 5), (8, 6) on the criteria's scales, in the round's order.
    expect(outcome.feedback).toEqual({
      criteria: [
        { label: { fr: 'Impact social', ar: 'الأثر الاجتماعي', en: 'Social impact' }, mean: 3, scaleMin: 0, scaleMax: 5 },
        { label: { fr: 'Modèle économique', ar: 'النموذج الاقتصادي', en: 'Economic model' }, mean: 4, scaleMin: 0, scaleMax: 5 },
        { label: { fr: 'Innovation', ar: 'الابتكار', en: 'Innovation' }, mean: 7, scaleMin: 1, scaleMax: 10 },
      ],
      // Only the shareable comments, sorted by text (nothing tells who wrote which).
      comments: ['A clarifier : le budget', 'Impact solide sur le territoire', 'Très bon dossier'],
    });
    const email = await t.prisma.emailMessage.findUniqueOrThrow({ where: { dedupeKey: `decision:${a!.id}` } });
    expect(email.text).toContain('Retour du jury');
    expect(email.text).toContain('\u2068Impact social\u2069 : 3,0 (\u20660–5\u2069)');
    expect(email.text).toContain('« \u2068Très bon dossier\u2069 »');
    const arabicEmail = await t.prisma.emailMessage.findUniqueOrThrow({ where: { dedupeKey: `decision:${b!.id}` } });
    // The Arabic applicant has only a draft scorecard: no feedback paragraph, no draft comment.
    expect(arabicEmail.text).not.toContain('ملاحظات لجنة التحكيم');
    const arabicOutcome = (await (await signIn(s.owners[1]!)).get(`/api/applications/${b!.id}/outcome`).set(browser).expect(200)).body as TApplicationOutcome;
    expect(arabicOutcome.feedback).toEqual({ criteria: [], comments: [] });

    const secrets = ['PRIVATE', 'DRAFT comment', ...s.jurorUsers.flatMap((j) => [j.id, j.email, j.displayName]), ...s.jurors.map((j) => j.id)];
    for (const text of [raw.text, email.text, email.html, arabicEmail.text, JSON.stringify(arabicOutcome)]) {
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  });
  it('publishes with the proposed texts for an outcome whose template was never saved, and says which', async () => {
    const s = await scenario();
    const [a, b] = s.apps as [(typeof s.apps)[number], (typeof s.apps)[number]];
    await staff.put(`/api/calls/${s.call.id}/decision-templates/WINNER`).set(browser).send(TEMPLATES.WINNER).expect(200);
    await staff.put(`/api/applications/${a.id}/decision`).set(browser).send({ outcome: 'WINNER' }).expect(200);
    await staff.put(`/api/applications/${b.id}/decision`).set(browser).send({ outcome: 'NOT_SELECTED' }).expect(200);
    const listed = (await staff.get(`/api/calls/${s.call.id}/decisions`).set(browser).expect(200)).body as TCallDecisionList;
    expect(listed.templatesSaved).toEqual(['WINNER']);

    const published = await staff.post(`/api/calls/${s.call.id}/notify-decisions`).set(browser).expect(200);
    expect(published.body).toMatchObject({ published: 2, queued: 2, proposedTemplates: ['NOT_SELECTED'] });
    const proposed = (await staff.get(`/api/calls/${s.call.id}/decision-templates`).set(browser).expect(200)).body as TDecisionTemplateList;
    const notSelected = proposed.items.find((item) => item.outcome === 'NOT_SELECTED')!;
    expect(notSelected.saved).toBe(false);
    const arabic = await t.prisma.emailMessage.findUniqueOrThrow({ where: { dedupeKey: `decision:${b.id}` } });
    expect(arabic).toMatchObject({ locale: 'ar', template: 'decision-not-selected', subject: notSelected.subject.ar.replace('{{reference}}', b.reference!) });
    expect(arabic.text).toContain('لم تختر لجنة التحكيم مشروعكم');
    const french = await t.prisma.emailMessage.findUniqueOrThrow({ where: { dedupeKey: `decision:${a.id}` } });
    expect(french.subject).toBe(`Félicitations ${a.reference}`);
    const audit = await auditRows(s.call.id, 'decisions.published');
    expect(audit[0]!.after).toMatchObject({ proposedTemplates: ['NOT_SELECTED'], callClosedEarly: false });
  });

  it('before the deadline: refuses to publish without confirmation, then closes the call now and its open rounds, audited', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id });
    const deadline = call.closesAt.toISOString();
    const owner = await createUser(t.prisma, { locale: 'fr' });
    const application = await createApplication(t.prisma, { callId: call.id, ownerId: owner.id, status: 'ELIGIBLE' });
    await createApplication(t.prisma, { callId: call.id, ownerId: (await createUser(t.prisma)).id, status: 'DRAFT' });
    const open = await createRound(t.prisma, { callId: call.id });
    const draftRound = await createRound(t.prisma, { callId: call.id, status: 'DRAFT' });
    await staff.put(`/api/applications/${application.id}/decision`).set(browser).send({ outcome: 'WINNER' }).expect(200);

    const listed = (await staff.get(`/api/calls/${call.id}/decisions`).set(browser).expect(200)).body as TCallDecisionList;
    expect(listed.call).toMatchObject({ status: 'PUBLISHED', acceptingApplications: true, closesAt: deadline, drafts: 1 });

    for (const body of [undefined, {}, { closeCallEarly: false }]) {
      const request = staff.post(`/api/calls/${call.id}/notify-decisions`).set(browser);
      const refused = await (body === undefined ? request : request.send(body)).expect(409);
      expect(refused.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'CALL_STILL_OPEN', closesAt: deadline, drafts: 1 } });
    }
    await staff.post(`/api/calls/${call.id}/notify-decisions`).set(browser).send({ closeCallEarly: 'yes' }).expect(400);
    expect(await t.prisma.decision.count({ where: { applicationId: application.id, publishedAt: { not: null } } })).toBe(0);
    expect(await t.prisma.emailMessage.count({ where: { dedupeKey: `decision:${application.id}` } })).toBe(0);
    expect((await t.prisma.call.findUniqueOrThrow({ where: { id: call.id } })).closesAt.toISOString()).toBe(deadline);

    const before = Date.now();
    const published = await staff.post(`/api/calls/${call.id}/notify-decisions`).set(browser).send({ closeCallEarly: true }).expect(200);
    expect(published.body).toEqual({ published: 1, queued: 1, alreadyPublished: 0, proposedTemplates: ['WINNER'], roundsClosed: 1, callClosedEarly: true });
    const after = await t.prisma.call.findUniqueOrThrow({ where: { id: call.id } });
    expect(after.status).toBe('DECIDED');
    expect(after.closesAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(after.closesAt.getTime()).toBeLessThan(call.closesAt.getTime());
    expect(after.closedAt?.getTime()).toBe(after.closesAt.getTime());
    expect((await t.prisma.round.findUniqueOrThrow({ where: { id: open.id } })).status).toBe('CLOSED');
    // A round never opened stays as it was.
    expect((await t.prisma.round.findUniqueOrThrow({ where: { id: draftRound.id } })).status).toBe('DRAFT');
    expect(await auditRows(call.id, 'call.closed')).toEqual([
      expect.objectContaining({
        actorId: staffUser.id,
        before: { status: 'PUBLISHED', closesAt: deadline },
        after: { status: 'CLOSED', closesAt: after.closesAt.toISOString(), reason: 'decisions.published' },
      }),
    ]);
    expect(await auditRows(open.id, 'round.updated')).toHaveLength(1);
    expect(await auditRows(draftRound.id, 'round.updated')).toHaveLength(0);
    const audit = await auditRows(call.id, 'decisions.published');
    expect(audit).toEqual([expect.objectContaining({ before: { status: 'CLOSED' } })]);
    expect(audit[0]!.after).toMatchObject({ callClosedEarly: true, roundsClosed: [open.id] });
    // The call's own page reads the actual closing, and a late submission is refused.
    const page = await staff.get(`/api/calls/${call.id}`).set(browser).expect(200);
    expect(page.body).toMatchObject({ status: 'DECIDED', acceptingApplications: false, closesAt: after.closesAt.toISOString() });
  });

  it('lists the rounds with their results (scorecards or ballots) and the scripts of the comments feedback would share', async () => {
    const s = await scenario();
    const [a, b] = s.apps as [(typeof s.apps)[number], (typeof s.apps)[number]];
    // A shareable Arabic comment on the first application, which a French applicant owns.
    await scorecard(s.round, s.jurors[0]!.id, b.id, [{ value: 3 }, { value: 3 }, { value: 5 }], { comment: 'مشروع واعد يحتاج إلى ميزانية أوضح', shareable: true });
    await createRound(t.prisma, { callId: s.call.id, status: 'CLOSED' });
    const ballotRound = await t.prisma.round.create({ data: { callId: s.call.id, number: 3, name: { ar: 'التصويت', fr: 'Vote final', en: 'Final vote' }, type: 'BALLOT', status: 'OPEN' } });
    const ballotJuror = await addJuror(t.prisma, ballotRound.id, s.jurorUsers[0]!.id);
    const ballot = await t.prisma.ballot.create({ data: { roundId: ballotRound.id, jurorId: ballotJuror.id, status: 'SUBMITTED', submittedAt: new Date() } });
    await t.prisma.ballotEntry.createMany({ data: [{ ballotId: ballot.id, applicationId: b.id, position: 1 }, { ballotId: ballot.id, applicationId: a.id, position: 2 }] });

    const listed = (await staff.get(`/api/calls/${s.call.id}/decisions`).set(browser).expect(200)).body as TCallDecisionList;
    expect(listed.call).toMatchObject({ status: 'CLOSED', acceptingApplications: false, drafts: 0 });
    expect(listed.rounds.map((r) => ({ number: r.number, type: r.type, method: r.method, status: r.status, results: r.results }))).toEqual([
      { number: 1, type: 'SCORING', method: 'NORMALISED', status: 'OPEN', results: 3 },
      { number: 2, type: 'SCORING', method: 'NORMALISED', status: 'CLOSED', results: 0 },
      { number: 3, type: 'BALLOT', method: 'NORMALISED', status: 'OPEN', results: 1 },
    ]);
    expect(listed.rounds[2]!.name).toEqual({ ar: 'التصويت', fr: 'Vote final', en: 'Final vote' });
    const scripts = new Map(listed.items.map((row) => [row.applicationId, row.sharedCommentScripts]));
    // First application: French shareable comments only (the private ones do not count).
    expect(scripts.get(a.id)).toEqual(['LATIN']);
    expect(scripts.get(b.id)).toEqual(['ARABIC']);
    expect(scripts.get(s.apps[2]!.id)).toEqual([]);
  });

  it('rewrites decision emails still waiting in the outbox when a template is saved or feedback switched, never one already sent', async () => {
    const s = await scenario();
    const [a, b, c] = s.apps as [(typeof s.apps)[number], (typeof s.apps)[number], (typeof s.apps)[number]];
    await saveTemplates(s.call.id);
    await staff.put(`/api/applications/${a.id}/decision`).set(browser).send({ outcome: 'NOT_SELECTED' }).expect(200);
    await staff.post(`/api/calls/${s.call.id}/decisions`).set(browser).send({ applicationIds: [b.id, c.id], outcome: 'NOT_SELECTED' }).expect(200);
    await staff.post(`/api/calls/${s.call.id}/notify-decisions`).set(browser).expect(200);
    const email = (id: string) => t.prisma.emailMessage.findUniqueOrThrow({ where: { dedupeKey: `decision:${id}` } });
    const sent = await email(c.id);
    // The outbox handed c's email over already: it must stay as it was sent.
    await t.prisma.emailMessage.update({ where: { id: sent.id }, data: { status: 'CAPTURED', sentAt: new Date(), attempts: 1 } });
    expect((await email(a.id)).text).not.toContain('Impact solide');

    // Feedback switched on after publishing: the queued email now carries it.
    await staff.put(`/api/calls/${s.call.id}/feedback`).set(browser).send({ enabled: true }).expect(200);
    const withFeedback = await email(a.id);
    expect(withFeedback.text).toContain('Retour du jury');
    expect(withFeedback.text).toContain('\u2068Impact solide sur le territoire\u2069');
    expect(withFeedback.html).toContain('Impact solide sur le territoire');
    expect(withFeedback).toMatchObject({ status: 'QUEUED', dedupeKey: `decision:${a.id}`, secrets: [], locale: 'fr', template: 'decision-not-selected' });

    // The template edited: the queued emails follow it, in their own language; the sent one does not.
    const edited = { subject: { ...TEMPLATES.NOT_SELECTED.subject, fr: 'Votre dossier {{reference}} (mis à jour)', ar: 'ملفكم {{reference}} (محدث)' }, body: TEMPLATES.NOT_SELECTED.body };
    await staff.put(`/api/calls/${s.call.id}/decision-templates/NOT_SELECTED`).set(browser).send(edited).expect(200);
    expect((await email(a.id)).subject).toBe(`Votre dossier ${a.reference} (mis à jour)`);
    expect((await email(b.id)).subject).toBe(`ملفكم ${b.reference} (محدث)`);
    expect(await email(c.id)).toEqual(await t.prisma.emailMessage.findUniqueOrThrow({ where: { id: sent.id } }));
    expect((await email(c.id)).subject).toBe(sent.subject);

    // Feedback off again: it leaves the queued email.
    await staff.put(`/api/calls/${s.call.id}/feedback`).set(browser).send({ enabled: false }).expect(200);
    expect((await email(a.id)).text).not.toContain('Retour du jury');
    // Still one email per application, each with its one delivery job.
    expect(await t.prisma.emailMessage.count({ where: { dedupeKey: { in: [a.id, b.id, c.id].map((id) => `decision:${id}`) } } })).toBe(3);
  });

  it('stays set-based on a large call: 1,000 applications decided in one request, listed and published', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id, status: 'CLOSED' });
    const owner = await createUser(t.prisma, { locale: 'ar' });
    const count = 1000;
    const rows = await t.prisma.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "Application" ("id", "callId", "ownerId", "status", "answers", "title", "formVersion", "reference", "submittedAt", "updatedAt")
      SELECT gen_random_uuid(), ${call.id}::uuid, ${owner.id}::uuid, 'ELIGIBLE', '{}'::jsonb, 'Projet ' || i, 1, ${call.referencePrefix} || '-2026-' || lpad(i::text, 5, '0'), now(), now()
      FROM generate_series(1, ${count}) AS i
      RETURNING "id"`;
    const ids = rows.map((r) => r.id);
    await saveTemplates(call.id);
    const started = Date.now();
    const res = await staff.post(`/api/calls/${call.id}/decisions`).set(browser).send({ applicationIds: ids, outcome: 'NOT_SELECTED', note: 'Tour 1' }).expect(200);
    expect(res.body).toEqual({ outcome: 'NOT_SELECTED', recorded: count });
    expect(await t.prisma.auditEvent.count({ where: { action: 'decision.recorded', entityId: { in: ids }, actorId: staffUser.id } })).toBe(count);
    const table = (await staff.get(`/api/calls/${call.id}/decisions`).set(browser).expect(200)).body as TCallDecisionList;
    expect(table.counts).toMatchObject({ applications: count, notSelected: count, pendingPublication: count });
    expect(table.items[0]!.reference).toBe(`${call.referencePrefix}-2026-00001`);
    const published = await staff.post(`/api/calls/${call.id}/notify-decisions`).set(browser).expect(200);
    expect(published.body).toMatchObject({ published: count, queued: count, alreadyPublished: 0 });
    expect(await t.prisma.application.count({ where: { callId: call.id, status: 'NOT_SELECTED' } })).toBe(count);
    expect(await t.prisma.emailMessage.count({ where: { userId: owner.id, locale: 'ar', template: 'decision-not-selected' } })).toBe(count);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 120_000);
});
