import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Response } from 'supertest';
import { defaultReportForm, type TApplicationReports, type TFormDefinitionInput, type TProgrammeRequest, type TProgressReport, type TReportForm } from '@tahkim/contracts';
import { createApplication } from './support/application-factory';
import { pdfBytes, PNG_BYTES } from './support/attachment-fixtures';
import { createCall } from './support/call-factory';
import { createUser } from './support/factories';
import { addJuror, assign, createRound } from './support/round-factory';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';

const browser = { Origin: APP_ORIGIN, 'Accept-Language': 'en' };
const NOT_FOUND = { statusCode: 404, code: 'NOT_FOUND', message: 'The requested item was not found.', requestId: expect.any(String) };
const UNAUTHENTICATED = { statusCode: 401, code: 'UNAUTHENTICATED', message: 'You need to sign in to continue.', requestId: expect.any(String) };
const FORBIDDEN = { statusCode: 403, code: 'FORBIDDEN', message: 'You are not allowed to do this.', requestId: expect.any(String) };
const DAY_MS = 86_400_000;
const text = (fr: string, ar = '', en = '') => ({ fr, ar, en });

type User = Awaited<ReturnType<typeof createUser>>;

/** supertest reads unknown types as text: keep the bytes. */
function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

/** The default report form, its documents field taking PDFs and PNGs. */
function reportForm(): TFormDefinitionInput {
  const form = defaultReportForm();
  return {
    sections: form.sections.map((section) => ({
      ...section,
      fields: section.fields.map((field) => (field.type === 'FILE' ? { ...field, limits: { maxFiles: 2, acceptedMediaTypes: ['application/pdf', 'image/png'] } } : field)),
    })),
  };
}

const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY_MS).toISOString();

function programme(version = 0): TProgrammeRequest {
  return {
    version,
    milestones: [
      { key: 'kickoff', title: text('Lancement', 'الانطلاق', 'Kick-off'), dueAt: iso(-40), reportDue: false },
      { key: 'late_cohort', title: text('Cohorte en retard', 'الفوج المتأخر', 'Late cohort'), dueAt: iso(-3), reportDue: true },
      { key: 'first_cohort', title: text('Première cohorte formée', 'تكوين الفوج الأول', 'First cohort trained'), dueAt: iso(60), reportDue: true },
    ],
    indicators: [
      { key: 'women_trained', label: text('Femmes formées', 'النساء المكوَّنات', 'Women trained'), unit: text('femmes'), target: 50, direction: 'HIGHER_IS_BETTER', aggregation: 'SUM' },
      { key: 'monthly_revenue', label: text('Chiffre d’affaires mensuel'), unit: text('MAD'), target: 40000, direction: 'HIGHER_IS_BETTER', aggregation: 'LATEST' },
    ],
  };
}

/**
 * A winner's progress reports: the project writes each (autosaved, with files), sends it, amends it when staff
 * ask for changes (emailed in its language), staff accept it. Every route is tried with every role.
 */
describe('progress reports', () => {
  let t: TestApp;
  let dataDir: string;
  let staffUser: User;
  let ownerUser: User;
  let staff: Client;
  let owner: Client;
  let other: Client;
  let juror: Client;
  let call: Awaited<ReturnType<typeof createCall>>;
  let winning: { id: string };
  let notSelected: { id: string };
  let notSelectedOwner: Client;

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  const reports = (applicationId = winning.id) => `/api/applications/${applicationId}/reports`;
  const upload = (client: Client, key: string, bytes: Buffer, fileName: string, contentType: string, fieldKey = 'evidence', applicationId = winning.id) =>
    client.post(`${reports(applicationId)}/${key}/attachments?fieldKey=${fieldKey}`).set(browser).attach('file', bytes, { filename: fileName, contentType });

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'tahkim-reports-'));
    t = await createTestApp({ DATA_DIR: dataDir });
    staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    ownerUser = await createUser(t.prisma, { locale: 'ar' });
    const otherUser = await createUser(t.prisma);
    const jurorUser = await createUser(t.prisma, { roles: ['JUROR'] });
    const notSelectedUser = await createUser(t.prisma);
    [staff, owner, other, juror, notSelectedOwner] = await Promise.all([signIn(staffUser), signIn(ownerUser), signIn(otherUser), signIn(jurorUser), signIn(notSelectedUser)]);
    call = await createCall(t.prisma, { createdById: staffUser.id, status: 'DECIDED', opensAt: new Date(Date.now() - 90 * DAY_MS), closesAt: new Date(Date.now() - 60 * DAY_MS) });
    winning = await createApplication(t.prisma, { callId: call.id, ownerId: ownerUser.id, status: 'WINNER' });
    notSelected = await createApplication(t.prisma, { callId: call.id, ownerId: notSelectedUser.id, status: 'NOT_SELECTED' });
    const round = await createRound(t.prisma, { callId: call.id, status: 'CLOSED' });
    await addJuror(t.prisma, round.id, jurorUser.id);
    await staff.put(`/api/calls/${call.id}/programme`).set(browser).send(programme()).expect(200);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts with the default report form (version 0), saves it versioned, refuses a stale version', async () => {
    const initial = (await staff.get(`/api/calls/${call.id}/programme/report-form`).set(browser).expect(200)).body as TReportForm;
    expect(initial).toEqual({ callId: call.id, version: 0, locked: false, definition: defaultReportForm() });

    const saved = (await staff.put(`/api/calls/${call.id}/programme/report-form`).set(browser).send({ version: 0, definition: reportForm() }).expect(200)).body as TReportForm;
    expect(saved.version).toBe(1);
    expect(saved.definition.sections[0]!.fields.find((field) => field.key === 'evidence')!.limits.acceptedMediaTypes).toEqual(['application/pdf', 'image/png']);
    const stale = await staff.put(`/api/calls/${call.id}/programme/report-form`).set(browser).send({ version: 0, definition: reportForm() }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { version: 1, locked: false } } });
    expect(await t.prisma.auditEvent.count({ where: { action: 'report_form.updated', entityType: 'Call', entityId: call.id, actorId: staffUser.id } })).toBe(1);
    // The programme keeps its own version.
    expect((await staff.get(`/api/calls/${call.id}/programme`).set(browser).expect(200)).body.version).toBe(1);

    const bad = await staff.put(`/api/calls/${call.id}/programme/report-form`).set({ ...browser, 'Accept-Language': 'fr' }).send({ version: 1, definition: { sections: [] } }).expect(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION_FAILED', message: 'Certaines données envoyées ne sont pas valides. Corrigez les champs signalés.', details: [expect.objectContaining({ path: ['definition', 'sections'] })] });
  });

  it('walks a report from draft to acceptance: autosave, file, refused submission, changes asked by email, amended, accepted', async () => {
    const list = (await owner.get(reports()).set(browser).expect(200)).body as TApplicationReports;
    expect(list.milestones.map((m) => [m.milestone.key, m.state, m.status])).toEqual([
      ['kickoff', 'DONE', null],
      ['late_cohort', 'LATE', null],
      ['first_cohort', 'UPCOMING', null],
    ]);
    expect(list.indicators.map((indicator) => indicator.key)).toEqual(['women_trained', 'monthly_revenue']);
    expect(Math.abs(new Date(list.now).getTime() - Date.now())).toBeLessThan(60_000);

    const url = `${reports()}/first_cohort`;
    const empty = (await owner.get(url).set(browser).expect(200)).body as TProgressReport;
    expect(empty).toMatchObject({ version: 0, status: 'DRAFT', state: 'UPCOMING', answers: {}, indicatorValues: {}, attachments: [], editable: true, late: false, submittedAt: null, history: [] });
    expect(empty.form).toMatchObject({ version: 1, locked: false });

    // Two saves, each from the version it read; a stale one gets what is saved now.
    const first = (await owner.put(url).set(browser).send({ version: 0, answers: { difficulties: 'Le local est loin.' }, indicatorValues: { women_trained: 12 } }).expect(200)).body as TProgressReport;
    expect(first).toMatchObject({ version: 1, status: 'DRAFT', answers: { difficulties: 'Le local est loin.' }, indicatorValues: { women_trained: 12 }, formVersion: 1 });
    const second = (await owner.put(url).set(browser).send({ version: 1, answers: { difficulties: 'Le local est trop loin.' }, indicatorValues: { women_trained: 14, monthly_revenue: null } }).expect(200)).body as TProgressReport;
    expect(second.version).toBe(2);
    const stale = await owner.put(url).set(browser).send({ version: 1, answers: {}, indicatorValues: {} }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { version: 2, answers: { difficulties: 'Le local est trop loin.' } } } });

    // Bad input is told precisely, in the caller's language.
    const unknownIndicator = await owner.put(url).set({ ...browser, 'Accept-Language': 'fr' }).send({ version: 2, answers: {}, indicatorValues: { jobs: 3 } }).expect(400);
    expect(unknownIndicator.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: ['indicatorValues', 'jobs'], code: 'unrecognized_keys', message: "Cet indicateur ne fait pas partie du programme d'accompagnement." }] });
    const unknownAnswer = await owner.put(url).set(browser).send({ version: 2, answers: { budget: 3 }, indicatorValues: {} }).expect(400);
    expect(unknownAnswer.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ code: 'unrecognized_keys' })] });
    const wrongType = await owner.put(url).set({ ...browser, 'Accept-Language': 'ar' }).send({ version: 2, answers: {}, indicatorValues: { women_trained: 'douze' } }).expect(400);
    expect(wrongType.body.details).toEqual([expect.objectContaining({ path: ['indicatorValues', 'women_trained'], message: expect.stringMatching(/[\u0600-\u06FF]/) })]);
    await owner.put(url).set(browser).send({ version: 2, answers: { difficulties: 5 }, indicatorValues: {} }).expect(400);

    // A file for the report form's FILE field: kept as the report's, its answer derived from it.
    const png = await upload(owner, 'first_cohort', PNG_BYTES, 'atelier.png', 'image/png').expect(201);
    expect(png.body).toMatchObject({ fieldKey: 'evidence', fileName: 'atelier.png', mediaType: 'image/png', size: PNG_BYTES.length });
    const pdf = pdfBytes(4096);
    const sheet = await upload(owner, 'first_cohort', pdf, 'présence.pdf', 'application/pdf').expect(201);
    const withFiles = (await owner.get(url).set(browser).expect(200)).body as TProgressReport;
    expect(withFiles.attachments.map((file) => file.id)).toEqual([png.body.id, sheet.body.id]);
    expect(withFiles.answers.evidence).toEqual([png.body.id, sheet.body.id]);
    expect(withFiles.version).toBe(2);
    const row = await t.prisma.attachment.findUniqueOrThrow({ where: { id: png.body.id } });
    expect(row).toMatchObject({ applicationId: winning.id, uploadedById: ownerUser.id });
    expect(row.progressReportId).not.toBeNull();
    const uploaded = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'attachment.uploaded', entityId: png.body.id } });
    expect(uploaded).toMatchObject({ actorId: ownerUser.id, after: { applicationId: winning.id, progressReportId: row.progressReportId, milestoneKey: 'first_cohort', fieldKey: 'evidence' } });
    for (const reader of [owner, staff]) {
      const download = await reader.get(`${url}/attachments/${sheet.body.id}`).buffer(true).parse(binary).expect(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect((download.body as Buffer).equals(pdf)).toBe(true);
    }
    // Three files would exceed the field's two; a field of another type is not a place for files.
    expect((await upload(owner, 'first_cohort', PNG_BYTES, 'c.png', 'image/png').expect(409)).body.details).toMatchObject({ reason: 'MAX_FILES_REACHED', fieldKey: 'evidence' });
    expect((await upload(owner, 'first_cohort', PNG_BYTES, 'c.png', 'image/png', 'achievements').expect(400)).body.details).toEqual([expect.objectContaining({ path: ['fieldKey'] })]);
    await owner.delete(`${url}/attachments/${sheet.body.id}`).set(browser).expect(204);
    expect(await t.prisma.attachment.count({ where: { id: sheet.body.id } })).toBe(0);
    expect(await t.prisma.auditEvent.count({ where: { action: 'attachment.deleted', entityId: sheet.body.id, actorId: ownerUser.id } })).toBe(1);

    // The report's file is not one of the application's: not listed, not reachable through its routes.
    for (const reader of [owner, staff]) {
      const application = (await reader.get(`/api/applications/${winning.id}`).set(browser).expect(200)).body;
      expect(application.attachments).toEqual([]);
      expect(application.answers.evidence).toBeUndefined();
      expect((await reader.get(`/api/applications/${winning.id}/attachments/${png.body.id}`).set(browser).expect(404)).body).toEqual(NOT_FOUND);
    }

    // A required answer missing: 400 per field, nothing sent.
    const missing = await owner.post(`${url}/submit`).set(browser).send({ version: 2 }).expect(400);
    expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: ['answers', 'achievements'] })] });
    const complete = (await owner.put(url).set(browser).send({ version: 2, answers: { achievements: '14 femmes formées au métier de traiteur.', difficulties: 'Le local est trop loin.' }, indicatorValues: { women_trained: 14 } }).expect(200)).body as TProgressReport;
    const sent = (await owner.post(`${url}/submit`).set(browser).send({ version: complete.version }).expect(200)).body as TProgressReport;
    expect(sent).toMatchObject({ status: 'SUBMITTED', state: 'SUBMITTED', version: complete.version + 1, late: false, editable: false, history: [{ action: 'submitted', comment: null }] });
    expect(sent.submittedAt).not.toBeNull();
    // A double click returns the report as sent.
    expect((await owner.post(`${url}/submit`).set(browser).send({ version: complete.version }).expect(200)).body).toMatchObject({ status: 'SUBMITTED', version: sent.version, submittedAt: sent.submittedAt });
    expect(await t.prisma.auditEvent.count({ where: { action: 'progress_report.submitted', entityId: winning.id, actorId: ownerUser.id } })).toBe(1);

    // Sent: frozen for the project.
    const frozen = await owner.put(url).set({ ...browser, 'Accept-Language': 'fr' }).send({ version: sent.version, answers: {}, indicatorValues: {} }).expect(409);
    expect(frozen.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'REPORT_NOT_EDITABLE', status: 'SUBMITTED' }, message: expect.stringContaining('ne peut plus être modifié') });
    expect((await upload(owner, 'first_cohort', PNG_BYTES, 'd.png', 'image/png').expect(409)).body.details).toMatchObject({ reason: 'REPORT_NOT_EDITABLE' });
    expect((await owner.delete(`${url}/attachments/${png.body.id}`).set(browser).expect(409)).body.details).toMatchObject({ reason: 'REPORT_NOT_EDITABLE' });
    expect((await staff.get(url).set(browser).expect(200)).body).toMatchObject({ status: 'SUBMITTED', editable: false });

    // Staff ask for changes: the project is told by email, in its language, with staff's comment and a link.
    const comment = 'Ajoutez la feuille de présence signée.';
    const staleReview = await staff.post(`${url}/review`).set(browser).send({ version: sent.version - 1, decision: 'ACCEPT' }).expect(409);
    expect(staleReview.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { version: sent.version } } });
    expect((await staff.post(`${url}/review`).set(browser).send({ version: sent.version, decision: 'REQUEST_CHANGES' }).expect(400)).body.details).toEqual([expect.objectContaining({ path: ['comment'] })]);
    const returned = (await staff.post(`${url}/review`).set(browser).send({ version: sent.version, decision: 'REQUEST_CHANGES', comment }).expect(200)).body as TProgressReport;
    expect(returned).toMatchObject({ status: 'CHANGES_REQUESTED', state: 'CHANGES_REQUESTED', reviewComment: comment, version: sent.version + 1, editable: false });
    expect(returned.reviewedAt).not.toBeNull();
    const email = await t.prisma.emailMessage.findFirstOrThrow({ where: { toAddress: ownerUser.email, template: 'report-changes-requested' } });
    expect(email.locale).toBe('ar');
    expect(email.subject).toContain('تكوين الفوج الأول');
    expect(email.text).toContain(comment);
    expect(email.text).toContain(`${APP_ORIGIN}/portal/applications/${winning.id}/reports/first_cohort`);
    expect(await t.prisma.auditEvent.count({ where: { action: 'progress_report.changes_requested', entityId: winning.id, actorId: staffUser.id } })).toBe(1);
    const notWaiting = await staff.post(`${url}/review`).set(browser).send({ version: returned.version, decision: 'ACCEPT' }).expect(409);
    expect(notWaiting.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'REPORT_NOT_SUBMITTED', status: 'CHANGES_REQUESTED' } });

    // The project amends (still CHANGES_REQUESTED while it writes) and sends again; staff accept.
    const reopened = (await owner.get(url).set(browser).expect(200)).body as TProgressReport;
    expect(reopened).toMatchObject({ editable: true, reviewComment: comment });
    await upload(owner, 'first_cohort', pdfBytes(), 'feuille.pdf', 'application/pdf').expect(201);
    const amended = (await owner.put(url).set(browser).send({ version: reopened.version, answers: { ...reopened.answers, evidence: undefined, achievements: '14 femmes formées ; feuille signée jointe.' }, indicatorValues: { women_trained: 14 } }).expect(200)).body as TProgressReport;
    expect(amended).toMatchObject({ status: 'CHANGES_REQUESTED', version: reopened.version + 1 });
    expect(amended.answers.evidence).toHaveLength(2);
    const resent = (await owner.post(`${url}/submit`).set(browser).send({ version: amended.version }).expect(200)).body as TProgressReport;
    expect(resent.status).toBe('SUBMITTED');
    const accepted = (await staff.post(`${url}/review`).set(browser).send({ version: resent.version, decision: 'ACCEPT' }).expect(200)).body as TProgressReport;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', state: 'DONE', version: resent.version + 1 });
    expect(accepted.history.map((step) => [step.action, step.comment])).toEqual([
      ['submitted', null],
      ['changes_requested', comment],
      ['submitted', null],
      ['accepted', null],
    ]);
    expect((await owner.get(url).set(browser).expect(200)).body.history).toEqual(accepted.history);
    const after = (await owner.get(reports()).set(browser).expect(200)).body as TApplicationReports;
    expect(after.milestones.find((m) => m.milestone.key === 'first_cohort')).toMatchObject({ state: 'DONE', status: 'ACCEPTED', late: false });
    expect(await t.prisma.emailMessage.count({ where: { toAddress: ownerUser.email, template: 'report-changes-requested' } })).toBe(1);
  });

  it('creates a report with its first file (still version 0), and lets one of two first saves racing win', async () => {
    const founder = await createUser(t.prisma);
    const project = await createApplication(t.prisma, { callId: call.id, ownerId: founder.id, status: 'WINNER' });
    const client = await signIn(founder);
    const url = `${reports(project.id)}/first_cohort`;
    const file = await upload(client, 'first_cohort', pdfBytes(), 'photo.pdf', 'application/pdf', 'evidence', project.id).expect(201);
    expect((await client.get(url).set(browser).expect(200)).body).toMatchObject({ version: 0, status: 'DRAFT', answers: { evidence: [file.body.id] } });
    const save = (difficulties: string) => client.put(url).set(browser).send({ version: 0, answers: { difficulties }, indicatorValues: {} });
    const results = await Promise.all([save('Première version'), save('Seconde version')]);
    expect(results.map((res) => res.status).sort()).toEqual([200, 409]);
    const lost = results.find((res) => res.status === 409)!;
    expect(lost.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { version: 1, answers: { evidence: [file.body.id] } } } });
    expect(await t.prisma.progressReport.count({ where: { applicationId: project.id } })).toBe(1);
  });

  it('locks the report form once a report was sent: fields may be hidden or added, never removed or retyped', async () => {
    const url = `/api/calls/${call.id}/programme/report-form`;
    const current = (await staff.get(url).set(browser).expect(200)).body as TReportForm;
    expect(current.locked).toBe(true);
    const [section] = current.definition.sections;
    const removed = await staff
      .put(url)
      .set({ ...browser, 'Accept-Language': 'fr' })
      .send({ version: current.version, definition: { sections: [{ ...section!, fields: section!.fields.filter((field) => field.key !== 'difficulties').map((field) => (field.key === 'achievements' ? { ...field, type: 'SHORT_TEXT' } : field)) }] } })
      .expect(409);
    expect(removed.body).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'FORM_LOCKED', removedFields: ['difficulties'], retypedFields: [{ key: 'achievements', from: 'LONG_TEXT', to: 'SHORT_TEXT' }] },
      message: expect.stringContaining('pas en supprimer'),
    });
    const hidden = await staff
      .put(url)
      .set(browser)
      .send({ version: current.version, definition: { sections: [{ ...section!, fields: section!.fields.map((field) => (field.key === 'difficulties' ? { ...field, hidden: true } : field)) }] } })
      .expect(200);
    expect(hidden.body).toMatchObject({ version: current.version + 1, locked: true });
  });

  it('flags a report as late by the database clock, and still takes it', async () => {
    const url = `${reports()}/late_cohort`;
    expect((await owner.get(url).set(browser).expect(200)).body).toMatchObject({ state: 'LATE', late: true, version: 0 });
    const saved = (await owner.put(url).set(browser).send({ version: 0, answers: { achievements: 'Cohorte formée en retard.' }, indicatorValues: {} }).expect(200)).body as TProgressReport;
    const sent = (await owner.post(`${url}/submit`).set(browser).send({ version: saved.version }).expect(200)).body as TProgressReport;
    expect(sent).toMatchObject({ status: 'SUBMITTED', state: 'SUBMITTED', late: true });
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'progress_report.submitted', entityId: winning.id, after: { path: ['milestoneKey'], equals: 'late_cohort' } } });
    expect(audit.after).toMatchObject({ milestoneKey: 'late_cohort', status: 'SUBMITTED', late: true });
    const list = (await staff.get(reports()).set(browser).expect(200)).body as TApplicationReports;
    expect(list.milestones.find((m) => m.milestone.key === 'late_cohort')).toMatchObject({ state: 'SUBMITTED', late: true });
  });

  it('keeps every route to its people: 404 for another applicant, a juror of the call and visitors; 403 when staff write for the project', async () => {
    const url = `${reports()}/first_cohort`;
    const attachment = await t.prisma.attachment.findFirstOrThrow({ where: { applicationId: winning.id, progressReportId: { not: null } } });
    const routes = (client: Client) => [
      client.get(reports()).set(browser),
      client.get(url).set(browser),
      client.put(url).set(browser).send({ version: 0, answers: {}, indicatorValues: {} }),
      client.post(`${url}/submit`).set(browser).send({ version: 1 }),
      client.post(`${url}/attachments?fieldKey=evidence`).set(browser).attach('file', PNG_BYTES, { filename: 'x.png', contentType: 'image/png' }),
      client.get(`${url}/attachments/${attachment.id}`).set(browser),
      client.delete(`${url}/attachments/${attachment.id}`).set(browser),
      client.post(`${url}/review`).set(browser).send({ version: 1, decision: 'ACCEPT' }),
      client.get(`/api/calls/${call.id}/programme/report-form`).set(browser),
      client.put(`/api/calls/${call.id}/programme/report-form`).set(browser).send({ version: 0, definition: reportForm() }),
    ];
    for (const client of [other, juror]) {
      for (const request of routes(client)) expect((await request.expect(404)).body).toEqual(NOT_FOUND);
    }
    const anonymous = await Promise.all(routes(t.http()).map(async (request) => (await request).body));
    // The project's routes do not even admit it exists; the staff routes ask for a sign-in.
    expect(anonymous).toEqual([...Array(7).fill(NOT_FOUND), UNAUTHENTICATED, UNAUTHENTICATED, UNAUTHENTICATED]);
    // The owner reviews nothing and sees no report form.
    for (const request of routes(owner).slice(7)) expect((await request.expect(404)).body).toEqual(NOT_FOUND);
    // Staff read everything, and are told 403 when they write for the project.
    const [list, read, save, submit, uploadFile, download, remove] = routes(staff);
    await list!.expect(200);
    await read!.expect(200);
    await download!.expect(200);
    for (const request of [save, submit, uploadFile, remove]) expect((await request!.expect(403)).body).toEqual(FORBIDDEN);
    expect(await t.prisma.attachment.count({ where: { id: attachment.id } })).toBe(1);
  });

  it("never shows a report's file to a juror, even one answering a key of the call form", async () => {
    const report = await t.prisma.progressReport.findFirstOrThrow({ where: { applicationId: winning.id } });
    const file = await t.prisma.attachment.create({
      data: { applicationId: winning.id, progressReportId: report.id, fieldKey: 'pitch_deck', fileName: 'rapport.pdf', mediaType: 'application/pdf', size: 10, sha256: 'ab'.repeat(32), storageKey: `test/${report.id}/pitch` },
    });
    const round = await createRound(t.prisma, { callId: call.id, blind: false });
    const jurorUser = await createUser(t.prisma, { roles: ['JUROR'] });
    const member = await addJuror(t.prisma, round.id, jurorUser.id);
    const assignment = await assign(t.prisma, round.id, member.id, winning.id);
    const assigned = await signIn(jurorUser);
    const view = await assigned.get(`/api/jury/assignments/${assignment.id}`).set(browser).expect(200);
    expect(view.body.attachments).toEqual([]);
    expect(view.body.answers.pitch_deck).toBeUndefined();
    expect((await assigned.get(`/api/jury/assignments/${assignment.id}/attachments/${file.id}`).set(browser).expect(404)).body).toEqual(NOT_FOUND);
    expect((await assigned.get(`${reports()}/first_cohort`).set(browser).expect(404)).body).toEqual(NOT_FOUND);
    await t.prisma.attachment.delete({ where: { id: file.id } });
  });

  it('answers 404 for a project that is not a followed winner, a milestone without report and an unknown one', async () => {
    for (const [client, id] of [[notSelectedOwner, notSelected.id], [staff, notSelected.id]] as const) {
      expect((await client.get(reports(id)).set(browser).expect(404)).body).toEqual(NOT_FOUND);
      expect((await client.get(`${reports(id)}/first_cohort`).set(browser).expect(404)).body).toEqual(NOT_FOUND);
    }
    await notSelectedOwner.put(`${reports(notSelected.id)}/first_cohort`).set(browser).send({ version: 0, answers: {}, indicatorValues: {} }).expect(404);
    await upload(notSelectedOwner, 'first_cohort', PNG_BYTES, 'x.png', 'image/png', 'evidence', notSelected.id).expect(404);
    expect(await t.prisma.progressReport.count({ where: { applicationId: notSelected.id } })).toBe(0);
    await owner.get(`${reports()}/kickoff`).set(browser).expect(404);
    await owner.get(`${reports()}/nothing_here`).set(browser).expect(404);
    await owner.put(`${reports()}/kickoff`).set(browser).send({ version: 0, answers: {}, indicatorValues: {} }).expect(404);

    // A winner of a call without a programme: nothing to report on (an empty list, no report).
    const bare = await createCall(t.prisma, { createdById: staffUser.id, status: 'DECIDED', opensAt: new Date(Date.now() - 90 * DAY_MS), closesAt: new Date(Date.now() - 60 * DAY_MS) });
    const winner = await createApplication(t.prisma, { callId: bare.id, ownerId: ownerUser.id, status: 'WINNER' });
    expect((await owner.get(reports(winner.id)).set(browser).expect(200)).body).toMatchObject({ milestones: [], indicators: [] });
    await owner.get(`${reports(winner.id)}/kickoff`).set(browser).expect(404);
    // A report form alone (saved before any milestone) is not a programme yet, and keeps the programme's version 0.
    await staff.put(`/api/calls/${bare.id}/programme/report-form`).set(browser).send({ version: 0, definition: reportForm() }).expect(200);
    expect((await owner.get(reports(winner.id)).set(browser).expect(200)).body.milestones).toEqual([]);
    expect((await staff.get(`/api/calls/${bare.id}/programme`).set(browser).expect(200)).body).toMatchObject({ version: 0, updatedAt: null, milestones: [] });
    await staff.put(`/api/calls/${bare.id}/programme`).set(browser).send(programme(0)).expect(200);
    expect((await owner.get(reports(winner.id)).set(browser).expect(200)).body.milestones).toHaveLength(3);
    expect((await staff.get(`/api/calls/${bare.id}/programme/report-form`).set(browser).expect(200)).body).toMatchObject({ version: 1, locked: false });
    await staff.get('/api/calls/01900000-0000-7000-8000-000000000000/programme/report-form').set(browser).expect(404);
  });

  it('keeps a milestone that has reports in the programme: 409 MILESTONE_HAS_REPORTS, in the caller\'s language', async () => {
    const current = (await staff.get(`/api/calls/${call.id}/programme`).set(browser).expect(200)).body as { version: number };
    const request = programme(current.version);
    const res = await staff
      .put(`/api/calls/${call.id}/programme`)
      .set({ ...browser, 'Accept-Language': 'ar' })
      .send({ ...request, milestones: request.milestones.filter((milestone) => milestone.key === 'kickoff') })
      .expect(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'MILESTONE_HAS_REPORTS', keys: ['late_cohort', 'first_cohort'] }, message: expect.stringMatching(/[\u0600-\u06FF]/) });
    // Removing a milestone without reports is fine.
    const kept = await staff.put(`/api/calls/${call.id}/programme`).set(browser).send({ ...request, milestones: request.milestones.filter((milestone) => milestone.key !== 'kickoff') }).expect(200);
    expect(kept.body.milestones.map((milestone: { key: string }) => milestone.key)).toEqual(['late_cohort', 'first_cohort']);
  });
});
