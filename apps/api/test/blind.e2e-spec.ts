import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { Response } from 'supertest';
import { FILE_STORAGE, newStorageKey, type FileStorage } from '../src/modules/storage/file-storage';
import { createApplication, demoLikeAnswers } from './support/application-factory';
import { PDFDocument } from 'pdf-lib';
import { readableText } from './support/readable-bytes';
import { docxDocument, jpegWithExif, pdfDocument } from './support/document-fixtures';
import { createCall } from './support/call-factory';
import { createUser } from './support/factories';
import { addJuror, assign, createRound } from './support/round-factory';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';

const browser = { Origin: APP_ORIGIN };

// What must never reach a juror of a blind round, whichever way it was planted.
const NAME = 'Zineb Oumerzouk';
const EMAIL = 'zineb.oumerzouk@planted-mail.ma';
const PHONE = '0661 98 76 54';
const ORGANISATION = 'Association Tighmert Solidaire';
const PLANTED = [NAME, 'Oumerzouk', EMAIL, 'zineb.oumerzouk', 'planted-mail', PHONE, '0661987654', '98 76 54', ORGANISATION, 'Tighmert'];

/** A one-page PDF whose Author, Creator and Title name the applicant. */
async function pdfWithAuthor(): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage([300, 300]);
  doc.setAuthor(NAME);
  doc.setCreator(ORGANISATION);
  doc.setTitle(`${NAME} - dossier`);
  return Buffer.from(await doc.save());
}

function raw(res: Response): string {
  return `${res.status} ${JSON.stringify(res.headers)} ${res.text ?? ''} ${Buffer.isBuffer(res.body) ? readableText(res.body) : JSON.stringify(res.body)}`;
}

describe('blind rounds: nothing identifying reaches a juror', () => {
  let t: TestApp;
  let dataDir: string;
  let staffId: string;

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  /** A submitted application carrying the planted identity everywhere, in a round of its own, with its file stored. */
  async function plantedApplication(blind: boolean) {
    const applicant = await createUser(t.prisma, { email: `${Date.now().toString(36)}.${EMAIL}` });
    await t.prisma.user.update({ where: { id: applicant.id }, data: { displayName: NAME, organisation: ORGANISATION } });
    const call = await createCall(t.prisma, { createdById: staffId });
    const answers = demoLikeAnswers({
      organisation_name: ORGANISATION,
      contact_email: EMAIL,
      contact_phone: PHONE,
      project_title: 'Argan et savoir-faire',
      social_impact: `Le projet est porté par ${NAME}, présidente de l'${ORGANISATION}. Contact : ${EMAIL} ou ${PHONE}. Il forme 40 femmes.`,
    });
    const application = await createApplication(t.prisma, { callId: call.id, ownerId: applicant.id, status: 'ELIGIBLE', answers });
    const bytes = await pdfWithAuthor();
    const storageKey = newStorageKey();
    await t.app.get<FileStorage>(FILE_STORAGE).put(storageKey, Readable.from(bytes), { maxBytes: 1_000_000 });
    const attachment = await t.prisma.attachment.create({
      data: {
        applicationId: application.id, fieldKey: 'pitch_deck', fileName: `${NAME} - ${ORGANISATION}.pdf`, mediaType: 'application/pdf',
        size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), storageKey,
      },
    });
    const round = await createRound(t.prisma, { callId: call.id, blind });
    const jurorUser = await createUser(t.prisma, { roles: ['JUROR'] });
    const juror = await addJuror(t.prisma, round.id, jurorUser.id);
    const assignment = await assign(t.prisma, round.id, juror.id, application.id);
    // Another juror's assignment in the same round, to ask for it as a forbidden id.
    const other = await createUser(t.prisma, { roles: ['JUROR'] });
    const otherJuror = await addJuror(t.prisma, round.id, other.id);
    const otherAssignment = await assign(t.prisma, round.id, otherJuror.id, application.id);
    return { round, application, attachment, bytes, assignment, otherAssignment, client: await signIn(jurorUser) };
  }

  /** Everything the juror can fetch about the application, as raw responses, after scoring it. */
  async function everythingTheJurorSees(p: Awaited<ReturnType<typeof plantedApplication>>) {
    const { client, assignment, round } = p;
    const responses: Response[] = [];
    for (const locale of ['fr', 'ar', 'en']) {
      responses.push(await client.get('/api/jury/assignments').set('Accept-Language', locale).expect(200));
      responses.push(await client.get(`/api/jury/assignments/${assignment.id}`).set('Accept-Language', locale).expect(200));
    }
    const view = responses[1]!.body;
    for (const file of view.attachments) {
      responses.push(await client.get(`/api/jury/assignments/${assignment.id}/attachments/${file.id}`).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      }).expect(200));
    }
    const values = round.criteria.map((c) => ({ criterionId: c.id, value: c.scaleMax, comment: null }));
    responses.push(await client.put(`/api/scorecards/${assignment.id}`).set(browser).send({ version: 1, values, overallComment: null }).expect(200));
    responses.push(await client.post(`/api/scorecards/${assignment.id}/submit`).set(browser).send({ version: 2 }).expect(200));
    responses.push(await client.get(`/api/scorecards/${assignment.id}`).expect(200));
    responses.push(await client.get(`/api/jury/rounds/${round.id}/ranking`).expect(200));
    // Errors: another juror's assignment and scorecard, a file of another application, a submitted card changed.
    responses.push(await client.get(`/api/jury/assignments/${p.otherAssignment.id}`).expect(404));
    responses.push(await client.get(`/api/scorecards/${p.otherAssignment.id}`).expect(404));
    responses.push(await client.put(`/api/scorecards/${assignment.id}`).set(browser).send({ version: 2, values, overallComment: null }).expect(409));
    responses.push(await client.post('/api/jury/conflicts').set(browser).send({ assignmentId: p.otherAssignment.id, reason: 'test' }).expect(404));
    return { responses, view };
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'tahkim-blind-'));
    t = await createTestApp({ DATA_DIR: dataDir });
    staffId = (await createUser(t.prisma, { roles: ['STAFF'] })).id;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('never sends a planted name, email, phone or organisation in any response of a blind round', async () => {
    const planted = await plantedApplication(true);
    const { responses, view } = await everythingTheJurorSees(planted);
    const text = responses.map(raw).join('\n').toLowerCase();
    for (const secret of PLANTED) expect({ secret, found: text.includes(secret.toLowerCase()) }).toEqual({ secret, found: false });

    // What the juror does get: the project, masked text, a neutral file that is still the same file.
    expect(view.blind).toBe(true);
    expect(view.applicationLabel).toBe(planted.application.reference);
    const keys = view.form.sections.flatMap((s: { fields: Array<{ key: string }> }) => s.fields.map((f) => f.key));
    expect(keys).not.toEqual(expect.arrayContaining(['organisation_name']));
    expect(keys).toEqual(expect.arrayContaining(['project_title', 'social_impact', 'pitch_deck']));
    expect(view.answers).not.toHaveProperty('organisation_name');
    expect(view.answers).not.toHaveProperty('contact_email');
    expect(view.answers).not.toHaveProperty('contact_phone');
    expect(view.answers.project_title).toBe('Argan et savoir-faire');
    // The identifying answers are struck out wherever they recur; other contact details are masked as such.
    expect(view.answers.social_impact).toBe("Le projet est porté par •••, présidente de l'•••. Contact : •••@••• ou ••• •• •• ••. Il forme 40 femmes.");
    expect(view.answers.pitch_deck).toEqual([planted.attachment.id]);
    expect(view.attachments).toEqual([expect.objectContaining({ id: planted.attachment.id, fileName: 'Présentation (PDF)-1.pdf' })]);
    const download = responses.find((r) => r.headers['content-disposition'])!;
    expect(download.headers['content-disposition']).toContain('filename="Presentation (PDF)-1.pdf"');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    // The same document, without the author its software wrote into it.
    const received = await PDFDocument.load(download.body as Buffer, { updateMetadata: false });
    expect(received.getPageCount()).toBe(1);
    expect([received.getAuthor(), received.getCreator(), received.getTitle()]).toEqual([undefined, undefined, undefined]);
    expect(readableText(download.body as Buffer)).not.toContain('Oumerzouk');
  });

  it('shows everything in a round that is not blind (the check above can fail)', async () => {
    const planted = await plantedApplication(false);
    const { responses, view } = await everythingTheJurorSees(planted);
    const text = responses.map(raw).join('\n');
    expect(text).toContain(ORGANISATION);
    expect(text).toContain(EMAIL);
    expect(view.answers.organisation_name).toBe(ORGANISATION);
    expect(view.attachments[0].fileName).toBe(`${NAME} - ${ORGANISATION}.pdf`);
    // The file as uploaded, metadata included.
    const download = responses.find((r) => r.headers['content-disposition'])!;
    expect(Buffer.compare(download.body as Buffer, planted.bytes)).toBe(0);
    expect((await PDFDocument.load(download.body as Buffer, { updateMetadata: false })).getAuthor()).toBe(NAME);
  });

  it("tells staff which files' text names the applicant, which has no text, and which cannot be read", async () => {
    const planted = await plantedApplication(true);
    const store = async (fieldKey: string, fileName: string, mediaType: string, bytes: Buffer) => {
      const storageKey = newStorageKey();
      await t.app.get<FileStorage>(FILE_STORAGE).put(storageKey, Readable.from(bytes), { maxBytes: 1_000_000 });
      return t.prisma.attachment.create({
        data: { applicationId: planted.application.id, fieldKey, fileName, mediaType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), storageKey },
      });
    };
    const naming = await store('pitch_deck', 'budget.pdf', 'application/pdf', await pdfDocument('Budget 2026 - contact: zineb.oumerzouk@planted-mail.ma, presidente de Tighmert'));
    const clear = await store('pitch_deck', 'plan.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', docxDocument('Plan de formation sur douze mois', { creator: NAME }));
    const photo = await store('pitch_deck', 'photo.jpg', 'image/jpeg', jpegWithExif(NAME));
    const broken = await store('pitch_deck', 'broken.pdf', 'application/pdf', Buffer.from('%PDF-1.7\nnothing here'));

    const staff = await signIn({ email: (await t.prisma.user.findUniqueOrThrow({ where: { id: staffId } })).email, password: 'correct-horse-battery' });
    const report = await staff.get(`/api/admin/applications/${planted.application.id}/file-identity`).expect(200);
    const byId = new Map((report.body.items as Array<{ attachmentId: string; status: string; excerpts: string[] }>).map((item) => [item.attachmentId, item]));
    expect(byId.get(naming.id)).toMatchObject({ status: 'NAMES_APPLICANT', excerpts: [expect.stringContaining('zineb.oumerzouk@planted-mail.ma')] });
    expect(byId.get(naming.id)!.excerpts.join(' ')).toContain('Tighmert');
    expect(byId.get(clear.id)).toMatchObject({ status: 'CLEAR', excerpts: [] });
    expect(byId.get(photo.id)).toMatchObject({ status: 'NO_TEXT' });
    expect(byId.get(broken.id)).toMatchObject({ status: 'UNREADABLE' });
    // The PDF planted at the start is a blank page: nothing to read.
    expect(byId.get(planted.attachment.id)).toMatchObject({ status: 'NO_TEXT' });

    // Jurors and applicants are not told.
    const refused = await planted.client.get(`/api/admin/applications/${planted.application.id}/file-identity`);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
  });
});
