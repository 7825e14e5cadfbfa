import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Response } from 'supertest';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';
import { createUser } from './support/factories';
import { createDraftWithFiles, docxBombBytes, docxBytes, filesUnder, HTML_BYTES, pdfBytes, PNG_BYTES, SMALL_PDF_LIMIT, zipBytes } from './support/attachment-fixtures';

const browser = { Origin: APP_ORIGIN };
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** supertest reads unknown types as text: keep the bytes (the parser is handed the raw response stream). */
function binary(res: Response, done: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

const NOT_FOUND_EN = { statusCode: 404, code: 'NOT_FOUND', message: 'The requested item was not found.', requestId: expect.any(String) };

describe('attachments', () => {
  let t: TestApp;
  let dataDir: string;
  let filesDir: string;
  let staffUser: Awaited<ReturnType<typeof createUser>>;
  let staff: Client;

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  async function newApplicant(options: { attachmentQuotaBytes?: number } = {}) {
    const user = await createUser(t.prisma);
    const { call, application } = await createDraftWithFiles(t.prisma, { staffId: staffUser.id, ownerId: user.id, ...options });
    return { user, call, application, client: await signIn(user) };
  }

  function upload(client: Client, applicationId: string, fieldKey: string, bytes: Buffer, fileName: string, contentType = 'application/pdf') {
    return client.post(`/api/applications/${applicationId}/attachments?fieldKey=${fieldKey}`).set(browser).set('Accept-Language', 'en').attach('file', bytes, { filename: fileName, contentType });
  }

  /** Nothing stored: no row for the application, no file and no temporary file in the storage folder. */
  async function expectNothingStored(applicationId: string, filesBefore: string[]) {
    expect(await t.prisma.attachment.count({ where: { applicationId } })).toBe(0);
    expect(filesUnder(filesDir).sort()).toEqual(filesBefore.sort());
    expect(filesUnder(path.join(filesDir, '.tmp'))).toEqual([]);
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'tahkim-attachments-'));
    t = await createTestApp({ DATA_DIR: dataDir });
    filesDir = path.join(dataDir, 'files');
    expect(t.config.storage).toEqual({ driver: 'local', dir: filesDir });
    staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    staff = await signIn(staffUser);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores a PDF under a random key with its hash, and gives it back byte for byte as an attachment', async () => {
    const { client, application, user } = await newApplicant();
    const bytes = pdfBytes(20_000);
    const res = await upload(client, application.id, 'pitch_deck', bytes, '../../etc/عرض المشروع\u202e.pdf').expect(201);
    expect(res.body).toEqual({ id: expect.any(String), fieldKey: 'pitch_deck', fileName: 'عرض المشروع.pdf', mediaType: 'application/pdf', size: bytes.length, uploadedAt: expect.any(String) });

    const row = await t.prisma.attachment.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row).toMatchObject({ applicationId: application.id, sha256: sha256(bytes), size: bytes.length, uploadedById: user.id });
    expect(row.storageKey).not.toContain('عرض');
    expect(readFileSync(path.join(filesDir, row.storageKey)).equals(bytes)).toBe(true);
    expect(filesUnder(path.join(filesDir, '.tmp'))).toEqual([]);
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'attachment.uploaded', entityId: row.id } });
    expect(audit).toMatchObject({ actorId: user.id, after: { applicationId: application.id, fieldKey: 'pitch_deck', sha256: sha256(bytes), size: bytes.length } });

    for (const reader of [client, staff]) {
      const download = await reader.get(`/api/applications/${application.id}/attachments/${row.id}`).buffer(true).parse(binary).expect(200);
      expect((download.body as Buffer).equals(bytes)).toBe(true);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-disposition']).toBe(`attachment; filename="document.pdf"; filename*=UTF-8''${encodeURIComponent('عرض المشروع.pdf')}`);
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.headers['cache-control']).toBe('private, no-store');
    }
  });

  it('keeps an accented name readable in the ASCII fallback', async () => {
    const { client, application } = await newApplicant();
    const res = await upload(client, application.id, 'pitch_deck', pdfBytes(), 'Présentation "finale".pdf').expect(201);
    const download = await client.get(`/api/applications/${application.id}/attachments/${res.body.id}`).buffer(true).parse(binary).expect(200);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Presentation _finale_.pdf"; filename*=UTF-8''Pr%C3%A9sentation%20%22finale%22.pdf`);
  });

  it('refuses an HTML page renamed .pdf and declared as PDF: 415, nothing stored', async () => {
    const { client, application } = await newApplicant();
    const before = filesUnder(filesDir);
    const res = await upload(client, application.id, 'pitch_deck', HTML_BYTES, 'budget.pdf', 'application/pdf').expect(415);
    expect(res.body).toEqual({
      statusCode: 415,
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'This type of content is not accepted.',
      details: { reason: 'TYPE_NOT_ACCEPTED', fieldKey: 'pitch_deck', detectedMediaType: 'text/html', acceptedMediaTypes: ['application/pdf'] },
      requestId: expect.any(String),
    });
    await expectNothingStored(application.id, before);
  });

  it('refuses a PNG on a PDF-only field, whatever its name says', async () => {
    const { client, application } = await newApplicant();
    const before = filesUnder(filesDir);
    const res = await upload(client, application.id, 'pitch_deck', PNG_BYTES, 'deck.pdf').expect(415);
    expect(res.body.details).toMatchObject({ reason: 'TYPE_NOT_ACCEPTED', detectedMediaType: 'image/png', acceptedMediaTypes: ['application/pdf'] });
    await expectNothingStored(application.id, before);
  });

  it('refuses a file over the field limit while streaming: 413, no row, no file, no temporary file', async () => {
    const { client, application } = await newApplicant();
    const before = filesUnder(filesDir);
    const res = await upload(client, application.id, 'pitch_deck', pdfBytes(2 * 1024 * 1024), 'big.pdf').expect(413);
    expect(res.body).toEqual({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: 'The data sent is too large.',
      details: { reason: 'FILE_TOO_LARGE', fieldKey: 'pitch_deck', maxBytes: SMALL_PDF_LIMIT },
      requestId: expect.any(String),
    });
    await expectNothingStored(application.id, before);
    // Exactly at the limit is still fine.
    await upload(client, application.id, 'pitch_deck', pdfBytes(SMALL_PDF_LIMIT), 'exact.pdf').expect(201);
  });

  it('holds at most maxFiles files per field: 409 with the reason', async () => {
    const { client, application } = await newApplicant();
    await upload(client, application.id, 'pitch_deck', pdfBytes(), 'a.pdf').expect(201);
    await upload(client, application.id, 'pitch_deck', pdfBytes(), 'b.pdf').expect(201);
    const res = await upload(client, application.id, 'pitch_deck', pdfBytes(), 'c.pdf').expect(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'MAX_FILES_REACHED', fieldKey: 'pitch_deck', maxFiles: 2 } });
    expect(await t.prisma.attachment.count({ where: { applicationId: application.id } })).toBe(2);
    // A field without maxFiles holds one file.
    await upload(client, application.id, 'default_file', pdfBytes(), 'one.pdf').expect(201);
    expect((await upload(client, application.id, 'default_file', pdfBytes(), 'two.pdf').expect(409)).body.details.reason).toBe('MAX_FILES_REACHED');
  });

  it('enforces the per-application quota: 413 with the reason', async () => {
    const { client, application } = await newApplicant({ attachmentQuotaBytes: 100_000 });
    await upload(client, application.id, 'pitch_deck', pdfBytes(60_000), 'a.pdf').expect(201);
    const before = filesUnder(filesDir);
    const res = await upload(client, application.id, 'pitch_deck', pdfBytes(60_000), 'b.pdf').expect(413);
    expect(res.body.details).toEqual({ reason: 'APPLICATION_QUOTA_EXCEEDED', fieldKey: 'pitch_deck', quotaBytes: 100_000, usedBytes: 60_000 });
    expect(await t.prisma.attachment.count({ where: { applicationId: application.id } })).toBe(1);
    expect(filesUnder(filesDir).sort()).toEqual(before.sort());
    await upload(client, application.id, 'pitch_deck', pdfBytes(30_000), 'c.pdf').expect(201);
  });

  it('recognises images and Office files from their bytes, and refuses a plain archive', async () => {
    const { client, application } = await newApplicant();
    expect((await upload(client, application.id, 'photo', PNG_BYTES, 'photo.pdf', 'application/pdf').expect(201)).body.mediaType).toBe('image/png');
    const word = await upload(client, application.id, 'annex', docxBytes(), 'statuts.docx', 'application/octet-stream').expect(201);
    expect(word.body.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const archive = await upload(client, application.id, 'annex', zipBytes({ 'statuts.txt': 'hello' }), 'statuts.docx').expect(415);
    expect(archive.body.details).toMatchObject({ reason: 'TYPE_NOT_ACCEPTED', detectedMediaType: 'application/zip' });
    const slides = zipBytes({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p/>' });
    const pptx = await upload(client, application.id, 'annex', slides, 'deck.docx').expect(415);
    expect(pptx.body.details.detectedMediaType).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    // A field without acceptedMediaTypes takes PDF only.
    expect((await upload(client, application.id, 'default_file', docxBytes(), 'x.pdf').expect(415)).body.details.acceptedMediaTypes).toEqual(['application/pdf']);
  });

  it('names the stored file after what its bytes are, whatever the sender called it', async () => {
    const { client, application } = await newApplicant();
    // A PDF that also parses as HTML (a polyglot) sent as a web page.
    const polyglot = Buffer.concat([pdfBytes(1024), Buffer.from('\n<html><script>alert(1)</script></html>\n')]);
    const invoice = await upload(client, application.id, 'pitch_deck', polyglot, 'invoice.html', 'text/html').expect(201);
    expect(invoice.body).toMatchObject({ fileName: 'invoice.pdf', mediaType: 'application/pdf' });
    expect((await upload(client, application.id, 'photo', PNG_BYTES, 'photo.jpg', 'image/jpeg').expect(201)).body.fileName).toBe('photo.png');
    expect((await upload(client, application.id, 'annex', docxBytes(), 'statuts', 'application/octet-stream').expect(201)).body.fileName).toBe('statuts.docx');
    const row = await t.prisma.attachment.findFirstOrThrow({ where: { id: invoice.body.id } });
    expect(row.fileName).toBe('invoice.pdf');
  });

  it('refuses an Office file that unpacks to far more than it weighs, honest or lying about it, and stores nothing', async () => {
    const { client, application } = await newApplicant();
    const before = filesUnder(filesDir);
    const honest = docxBombBytes();
    expect(honest.length).toBeLessThan(1.1 * 1024 * 1024);
    const refused = await upload(client, application.id, 'annex', honest, 'rapport.docx', 'application/octet-stream').expect(413);
    expect(refused.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', details: { reason: 'ARCHIVE_UNPACKS_TOO_LARGE', fieldKey: 'annex' } });
    // The directory claims 10 KB: the entry is inflated in memory and stopped long before 1 GiB.
    const started = Date.now();
    const lying = await upload(client, application.id, 'annex', docxBombBytes(10 * 1024), 'rapport.docx').expect(413);
    expect(lying.body.details.reason).toBe('ARCHIVE_UNPACKS_TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(15_000);
    await expectNothingStored(application.id, before);
    // An ordinary Word file still passes.
    await upload(client, application.id, 'annex', docxBytes(), 'statuts.docx').expect(201);
  });

  it('accepts only a visible FILE field of the call: 400 on fieldKey', async () => {
    const { client, application } = await newApplicant();
    for (const fieldKey of ['nope', 'project_title', 'old_file', 'BAD KEY']) {
      const res = await upload(client, application.id, encodeURIComponent(fieldKey), pdfBytes(), 'a.pdf').expect(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ path: ['fieldKey'] }] });
    }
    const missing = await client.post(`/api/applications/${application.id}/attachments`).set(browser).attach('file', pdfBytes(), 'a.pdf').expect(400);
    expect(missing.body.details).toEqual([expect.objectContaining({ path: ['fieldKey'] })]);
    const noFile = await client.post(`/api/applications/${application.id}/attachments?fieldKey=pitch_deck`).set(browser).field('note', 'x').expect(400);
    expect(noFile.body.details).toEqual([expect.objectContaining({ path: ['file'] })]);
    const json = await client.post(`/api/applications/${application.id}/attachments?fieldKey=pitch_deck`).set(browser).send({ file: 'x' }).expect(415);
    expect(json.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('hides an application\'s files from another applicant, a juror and a visitor: 404 on upload, download and delete', async () => {
    const { client, application } = await newApplicant();
    const file = await upload(client, application.id, 'pitch_deck', pdfBytes(), 'a.pdf').expect(201);
    const other = await signIn(await createUser(t.prisma));
    const juror = await signIn(await createUser(t.prisma, { roles: ['JUROR'] }));
    const url = `/api/applications/${application.id}/attachments`;
    for (const caller of [other, juror, t.http()]) {
      expect((await upload(caller, application.id, 'pitch_deck', pdfBytes(), 'x.pdf').expect(404)).body).toEqual(NOT_FOUND_EN);
      expect((await caller.get(`${url}/${file.body.id}`).set('Accept-Language', 'en').expect(404)).body).toEqual(NOT_FOUND_EN);
      expect((await caller.delete(`${url}/${file.body.id}`).set(browser).set('Accept-Language', 'en').expect(404)).body).toEqual(NOT_FOUND_EN);
    }
    // Staff read files but do not change someone's application.
    expect((await upload(staff, application.id, 'pitch_deck', pdfBytes(), 'x.pdf').expect(403)).body.code).toBe('FORBIDDEN');
    expect((await staff.delete(`${url}/${file.body.id}`).set(browser).expect(403)).body.code).toBe('FORBIDDEN');
    // An attachment id of another application, or no id at all, is just as unknown.
    const second = await newApplicant();
    expect((await second.client.get(`/api/applications/${second.application.id}/attachments/${file.body.id}`).set('Accept-Language', 'en').expect(404)).body).toEqual(NOT_FOUND_EN);
    await client.get(`${url}/not-a-uuid`).expect(404);
    expect(await t.prisma.attachment.count({ where: { applicationId: application.id } })).toBe(1);
  });

  it('deletes a file of a draft (row, then stored file), audited', async () => {
    const { client, application, user } = await newApplicant();
    const file = await upload(client, application.id, 'pitch_deck', pdfBytes(), 'a.pdf').expect(201);
    const row = await t.prisma.attachment.findUniqueOrThrow({ where: { id: file.body.id } });
    await client.delete(`/api/applications/${application.id}/attachments/${file.body.id}`).set(browser).expect(204);
    expect(await t.prisma.attachment.count({ where: { id: file.body.id } })).toBe(0);
    expect(filesUnder(filesDir)).not.toContain(path.join(...row.storageKey.split('/')));
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { action: 'attachment.deleted', entityId: file.body.id } });
    expect(audit).toMatchObject({ actorId: user.id, before: { fileName: 'a.pdf', sha256: row.sha256 } });
    await client.get(`/api/applications/${application.id}/attachments/${file.body.id}`).expect(404);
    await client.delete(`/api/applications/${application.id}/attachments/${file.body.id}`).set(browser).expect(404);
  });

  it('freezes the files of a submitted application: upload and delete 409, download still works', async () => {
    const { client, application } = await newApplicant();
    const file = await upload(client, application.id, 'pitch_deck', pdfBytes(), 'a.pdf').expect(201);
    await t.prisma.application.update({ where: { id: application.id }, data: { status: 'SUBMITTED', submittedAt: new Date(), reference: `ATT-${Date.now()}-${process.pid}` } });
    const before = filesUnder(filesDir);
    const res = await upload(client, application.id, 'pitch_deck', pdfBytes(), 'b.pdf').expect(409);
    expect(res.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'APPLICATION_NOT_DRAFT', status: 'SUBMITTED' } });
    expect(filesUnder(filesDir).sort()).toEqual(before.sort());
    const removal = await client.delete(`/api/applications/${application.id}/attachments/${file.body.id}`).set(browser).expect(409);
    expect(removal.body.details.reason).toBe('APPLICATION_NOT_DRAFT');
    await client.get(`/api/applications/${application.id}/attachments/${file.body.id}`).expect(200);
    await staff.get(`/api/applications/${application.id}/attachments/${file.body.id}`).expect(200);
  });

  it('takes the last place once when two uploads race for it', async () => {
    const { client, application } = await newApplicant();
    await upload(client, application.id, 'pitch_deck', pdfBytes(), 'a.pdf').expect(201);
    const before = filesUnder(filesDir);
    const results = await Promise.all([1, 2, 3].map((n) => upload(client, application.id, 'pitch_deck', pdfBytes(30_000), `${n}.pdf`)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const rows = await t.prisma.attachment.findMany({ where: { applicationId: application.id } });
    expect(rows).toHaveLength(2);
    const stored = new Set(filesUnder(filesDir));
    for (const row of rows) expect(stored.has(path.join(...row.storageKey.split('/')))).toBe(true);
    // The refused uploads' files were removed again: one new file, no temporary one.
    expect(filesUnder(filesDir).length).toBe(before.length + 1);
    expect(filesUnder(path.join(filesDir, '.tmp'))).toEqual([]);
  });
});
