import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { TFormDefinitionInput, TLocalizedText } from '@tahkim/contracts';
import { PDFDocument } from 'pdf-lib';
import type { Response } from 'supertest';
import { fold } from '../src/modules/jury/identity-normalise';
import { FILE_STORAGE, newStorageKey, type FileStorage } from '../src/modules/storage/file-storage';
import { createApplication } from './support/application-factory';
import { createCall } from './support/call-factory';
import { docxDocument, jpegWithExif, pdfDocument, pngWithText } from './support/document-fixtures';
import { createUser } from './support/factories';
import { generateIdentity, paragraphWith, Picker, plantedForm, seededRandom, type PlantedIdentity } from './support/moroccan-identities';
import { addApplicationsToRound, addJuror, assign, createRound } from './support/round-factory';
import { readableText } from './support/readable-bytes';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';

/**
 * The planted-identity property: generated Moroccan applicants, written into their answers, titles, file
 * names and file metadata in every form a determined applicant (or their software) might use, never reach
 * a juror of a blind round by any route. Hits are searched on every response with the matcher's tolerant
 * folding (case, accents, Arabic letter variants, attached prefixes, digits), so the check can fail: the
 * same walk in a round that is not blind finds them.
 */
const SEED = Number(process.env.IDENTITY_SEED ?? 20261202);
const BLIND_APPLICATIONS = 40;
const OPEN_APPLICATIONS = 6;

const browser = { Origin: APP_ORIGIN };
const text = (fr: string, ar: string, en: string): TLocalizedText => ({ ar, fr, en });

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const FORM = {
  sections: [
    {
      key: 'who',
      title: text('Porteur', 'حامل المشروع', 'Applicant'),
      fields: [
        { key: 'organisation_name', type: 'SHORT_TEXT', label: text('Organisation', 'الهيئة', 'Organisation'), required: true, identifying: true },
        { key: 'contact_name', type: 'SHORT_TEXT', label: text('Contact', 'المسؤول', 'Contact'), required: true, identifying: true },
        { key: 'contact_email', type: 'EMAIL', label: text('E-mail', 'البريد', 'Email'), required: true, identifying: true },
        { key: 'contact_phone', type: 'PHONE', label: text('Téléphone', 'الهاتف', 'Phone'), identifying: true },
        { key: 'website', type: 'URL', label: text('Site', 'الموقع', 'Site') },
      ],
    },
    {
      key: 'project',
      title: text('Projet', 'المشروع', 'Project'),
      fields: [
        { key: 'project_title', type: 'SHORT_TEXT', label: text('Titre', 'العنوان', 'Title'), required: true, limits: { maxLength: 300 } },
        { key: 'summary', type: 'LONG_TEXT', label: text('Résumé', 'ملخص', 'Summary'), required: true, limits: { maxLength: 5000 } },
        { key: 'social_impact', type: 'LONG_TEXT', label: text('Impact', 'الأثر', 'Impact'), limits: { maxLength: 5000 } },
        { key: 'pitch_deck', type: 'FILE', label: text('Présentation', 'العرض', 'Deck'), limits: { maxFiles: 3, acceptedMediaTypes: [PDF] } },
        { key: 'annex', type: 'FILE', label: text('Annexe', 'ملحق', 'Annex'), limits: { maxFiles: 3, acceptedMediaTypes: [DOCX] } },
        { key: 'photo', type: 'FILE', label: text('Photo', 'صورة', 'Photo'), limits: { maxFiles: 3, acceptedMediaTypes: ['image/jpeg', 'image/png'] } },
      ],
    },
  ],
} satisfies TFormDefinitionInput;

interface Hit {
  route: string;
  identity: number;
  found: string;
  around: string;
}

/**
 * Finds the identities' distinctive words (folded, an Arabic attached prefix allowed, an Arabic article
 * optional) and national phone digits (whatever separators) in any text.
 */
function detector(identities: PlantedIdentity[]) {
  const owners = new Map<string, Set<number>>();
  const add = (word: string, index: number) => {
    const folded = fold(word).replace(/[^\p{L}\p{N}]/gu, '');
    if ([...folded].length < 3) return;
    for (const variant of [folded, folded.startsWith('ال') && folded.length > 4 ? folded.slice(2) : null]) {
      if (!variant) continue;
      owners.set(variant, (owners.get(variant) ?? new Set()).add(index));
    }
  };
  for (const identity of identities) for (const word of identity.secretWords) add(word, identity.index);
  const words = [...owners.keys()].sort((a, b) => b.length - a.length).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:[وف]?[بكل]?(?:ال|ل)?)(${words.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const phones = new Map(identities.map((identity) => [identity.phoneDigits, identity.index]));
  return (route: string, raw: string): Hit[] => {
    const copy = fold(raw);
    const hits: Hit[] = [];
    for (const match of copy.matchAll(pattern)) {
      for (const identity of owners.get(match[1]!) ?? []) hits.push({ route, identity, found: match[0], around: copy.slice(Math.max(0, match.index - 40), match.index + match[0].length + 40) });
    }
    for (const match of copy.matchAll(/\d(?:[^\p{L}\d]{0,4}\d){7,16}/gu)) {
      const digits = match[0].replace(/\D/g, '');
      for (const [core, identity] of phones) if (digits.includes(core)) hits.push({ route, identity, found: match[0], around: copy.slice(Math.max(0, match.index - 40), match.index + match[0].length + 40) });
    }
    return hits;
  };
}

/** Keeps every body as bytes (files, JSON and errors alike). */
function rawBody(response: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const stream = response as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** All a response shows: status, headers (file names decoded), body (files read as a determined reader would). */
function responseText(response: Response): string {
  const headers = JSON.stringify(response.headers);
  let decoded = headers;
  try {
    decoded = decodeURIComponent(headers.replace(/%(?![0-9a-f]{2})/gi, '%25'));
  } catch {
    decoded = headers;
  }
  const body = Buffer.isBuffer(response.body) ? readableText(response.body) : `${response.text ?? ''} ${JSON.stringify(response.body)}`;
  return `${response.status} ${decoded} ${body}`;
}

describe('planted identities never reach a juror of a blind round', () => {
  let t: TestApp;
  let dataDir: string;
  let staffId: string;
  let pick: Picker;
  let cases = 0;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'tahkim-planted-'));
    t = await createTestApp({ DATA_DIR: dataDir });
    staffId = (await createUser(t.prisma, { roles: ['STAFF'] })).id;
    pick = new Picker(seededRandom(SEED));
    console.log(`planted-identity seed: ${SEED} (replay with IDENTITY_SEED=${SEED})`);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function signIn(email: string): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email, password: 'correct-horse-battery' }).expect(200);
    return agent;
  }

  async function storeFile(applicationId: string, fieldKey: string, fileName: string, mediaType: string, bytes: Buffer) {
    const storageKey = newStorageKey();
    await t.app.get<FileStorage>(FILE_STORAGE).put(storageKey, Readable.from(bytes), { maxBytes: 5_000_000 });
    return t.prisma.attachment.create({
      data: { applicationId, fieldKey, fileName, mediaType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), storageKey },
    });
  }

  const forms = (id: PlantedIdentity, n: number) => Array.from({ length: n }, () => plantedForm(pick, id).text);

  /** One applicant's application, their identity planted everywhere a juror could read. */
  async function plantedApplication(callId: string, id: PlantedIdentity) {
    // Half the time someone else's account filed it: that person is part of the identity too.
    const filer = pick.chance(0.5) ? id : generateIdentity(pick, id.index);
    if (filer !== id) id.secretWords.push(...filer.first.split(' '), filer.last);
    const owner = await createUser(t.prisma, {});
    await t.prisma.user.update({ where: { id: owner.id }, data: { displayName: filer.person, organisation: pick.chance(0.5) ? id.organisation : null } });
    const arabic = id.script === 'arabic';
    const summaryForms = forms(id, 4);
    const impactForms = forms(id, 3);
    const titleForm = plantedForm(pick, id).text;
    cases += summaryForms.length + impactForms.length + 1;
    const application = await createApplication(t.prisma, {
      callId,
      ownerId: owner.id,
      status: 'ELIGIBLE',
      title: `${arabic ? 'مطبخ تضامني' : 'Cuisine solidaire'} – ${titleForm}`,
      answers: {
        organisation_name: id.organisation,
        contact_name: id.person,
        contact_email: id.email,
        contact_phone: id.phone,
        website: id.site,
        project_title: `${arabic ? 'مطبخ تضامني' : 'Cuisine solidaire'} – ${titleForm}`,
        summary: paragraphWith(pick, summaryForms, arabic),
        social_impact: paragraphWith(pick, impactForms, arabic),
      },
    });
    // Files: a name and metadata that give the applicant away, content that does not.
    const files: Array<{ fieldKey: string; mediaType: string; extension: string; bytes: () => Promise<Buffer> }> = [
      {
        fieldKey: 'pitch_deck', mediaType: PDF, extension: 'pdf',
        bytes: () => pdfDocument('Budget previsionnel et plan de formation', { author: plantedForm(pick, id).text, creator: id.organisation, title: plantedForm(pick, id).text, subject: id.phone, keywords: id.email }),
      },
      { fieldKey: 'annex', mediaType: DOCX, extension: 'docx', bytes: async () => docxDocument('Plan de formation', { creator: plantedForm(pick, id).text, company: id.organisation, custom: id.email }) },
      { fieldKey: 'photo', mediaType: 'image/jpeg', extension: 'jpg', bytes: async () => jpegWithExif(plantedForm(pick, id).text) },
      { fieldKey: 'photo', mediaType: 'image/png', extension: 'png', bytes: async () => pngWithText(plantedForm(pick, id).text) },
    ];
    for (const file of files.filter(() => pick.chance(0.6))) {
      const name = `${plantedForm(pick, id).text} ${pick.one(['dossier', 'v2', 'final', 'ملف'])}.${file.extension}`;
      cases += 3;
      await storeFile(application.id, file.fieldKey, name, file.mediaType, await file.bytes());
    }
    return application;
  }

  /** Every response a juror can get about the round's applications, each with its route. */
  async function walk(client: Client, scoring: { id: string; criteria: Array<{ id: string; scaleMax: number }> }, ballotRoundId: string, assignments: Array<{ id: string }>, extra: { callId: string; applicationIds: string[]; jurorId: string }) {
    const seen: Array<{ route: string; response: Response }> = [];
    const keep = (route: string, response: Response) => seen.push({ route, response });
    const locales = ['fr', 'ar', 'en'];
    for (const locale of locales) keep(`GET /api/jury/assignments (${locale})`, await client.get('/api/jury/assignments').set('Accept-Language', locale).expect(200));
    keep('GET /api/jury/assignments?status=TO_DO', await client.get('/api/jury/assignments').query({ status: 'TO_DO' }).expect(200));
    const attachmentIds: string[] = [];
    for (const [n, assignment] of assignments.entries()) {
      const view = await client.get(`/api/jury/assignments/${assignment.id}`).set('Accept-Language', locales[n % 3]!).expect(200);
      keep(`GET /api/jury/assignments/${assignment.id}`, view);
      for (const file of view.body.attachments as Array<{ id: string }>) {
        attachmentIds.push(file.id);
        keep(`GET /api/jury/assignments/${assignment.id}/attachments/${file.id}`, await client.get(`/api/jury/assignments/${assignment.id}/attachments/${file.id}`).buffer(true).parse(rawBody).expect(200));
      }
    }
    // Scorecards: saved, submitted and read back; the juror's ranking then lists the titles.
    const values = scoring.criteria.map((c, i) => ({ criterionId: c.id, value: Math.max(0, c.scaleMax - i), comment: 'Modèle solide' }));
    for (const assignment of assignments.slice(0, 6)) {
      keep(`PUT /api/scorecards/${assignment.id}`, await client.put(`/api/scorecards/${assignment.id}`).set(browser).send({ version: 1, values, overallComment: 'Bon projet' }).expect(200));
      keep(`POST /api/scorecards/${assignment.id}/submit`, await client.post(`/api/scorecards/${assignment.id}/submit`).set(browser).send({ version: 2 }).expect(200));
    }
    for (const assignment of assignments.slice(0, 10)) keep(`GET /api/scorecards/${assignment.id}`, await client.get(`/api/scorecards/${assignment.id}`).expect(200));
    keep('GET /api/jury/rounds/:id/ranking', await client.get(`/api/jury/rounds/${scoring.id}/ranking`).expect(200));
    // The final ballot of the same applications.
    keep('GET /api/jury/ballots', await client.get('/api/jury/ballots').expect(200));
    const ballot = await client.get(`/api/jury/ballots/${ballotRoundId}`).expect(200);
    keep('GET /api/jury/ballots/:roundId', ballot);
    const order = [...(ballot.body.ballot.order as string[])].reverse();
    const saved = await client.put(`/api/jury/ballots/${ballotRoundId}`).set(browser).send({ version: ballot.body.ballot.version, order, comment: null }).expect(200);
    keep('PUT /api/jury/ballots/:roundId', saved);
    keep('POST /api/jury/ballots/:roundId/submit', await client.post(`/api/jury/ballots/${ballotRoundId}/submit`).set(browser).send({ version: saved.body.ballot.version }).expect(200));
    // Every GET route of the API, path parameters filled with the ids this juror knows.
    const document = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, { get?: { parameters?: Array<{ name: string; in: string }> } }> };
    const ids = {
      assignment: assignments.slice(0, 1).map((a) => a.id),
      round: [scoring.id, ballotRoundId],
      application: extra.applicationIds.slice(0, 1),
      attachment: attachmentIds.slice(0, 1),
    };
    const pools: Record<string, string[]> = {
      id: [...ids.assignment, ...ids.round, extra.callId, ...ids.application, ...ids.attachment],
      assignmentId: ids.assignment,
      roundId: ids.round,
      applicationId: ids.application,
      attachmentId: ids.attachment,
      callId: [extra.callId],
      idOrSlug: [extra.callId],
      jurorId: [extra.jurorId],
    };
    for (const [template, operations] of Object.entries(document.paths)) {
      if (!operations.get) continue;
      const params = (operations.get.parameters ?? []).filter((p) => p.in === 'path');
      let urls = [template];
      for (const param of params) urls = urls.flatMap((url) => (pools[param.name] ?? pools.id!).map((value) => url.replace(`{${param.name}}`, value)));
      for (const url of urls) {
        const response = await client.get(url).buffer(true).parse(rawBody);
        expect({ url, status: response.status < 500 }).toEqual({ url, status: true });
        keep(`GET ${url}`, response);
      }
    }
    return seen;
  }

  async function round(blind: boolean, count: number) {
    const call = await createCall(t.prisma, { createdById: staffId, form: FORM });
    const identities = Array.from({ length: count }, (_, index) => generateIdentity(pick, index));
    const applications = [];
    for (const identity of identities) applications.push(await plantedApplication(call.id, identity));
    const scoring = await createRound(t.prisma, { callId: call.id, blind });
    const ballotRound = await createRound(t.prisma, { callId: call.id, blind, criteria: [] });
    await t.prisma.round.update({ where: { id: ballotRound.id }, data: { type: 'BALLOT' } });
    await addApplicationsToRound(t.prisma, ballotRound.id, applications.map((a) => a.id));
    const juror = await createUser(t.prisma, { roles: ['JUROR'] });
    await t.prisma.user.update({ where: { id: juror.id }, data: { displayName: 'Membre du jury' } });
    const membership = await addJuror(t.prisma, scoring.id, juror.id);
    await addJuror(t.prisma, ballotRound.id, juror.id);
    const assignments = [];
    for (const application of applications) assignments.push(await assign(t.prisma, scoring.id, membership.id, application.id));
    const client = await signIn(juror.email);
    const walked = Date.now();
    const seen = await walk(client, scoring, ballotRound.id, assignments, { callId: call.id, applicationIds: applications.map((a) => a.id), jurorId: membership.id });
    return { identities, seen, walkMs: Date.now() - walked };
  }

  it('walks every juror route of a blind round: no planted identity is readable, in any form', async () => {
    const started = Date.now();
    const { identities, seen, walkMs } = await round(true, BLIND_APPLICATIONS);
    const find = detector(identities);
    const hits = seen.flatMap(({ route, response }) => find(route, responseText(response)));
    console.log(`planted-identity: ${identities.length} applicants, ${cases} planted forms, ${seen.length} juror responses, ${hits.length} hits, ${Date.now() - started} ms (walk ${walkMs} ms)`);
    expect(cases).toBeGreaterThan(300);
    expect(hits.slice(0, 20)).toEqual([]);

    // The PDFs still open, one page each, without any Info field.
    const pdf = seen.find(({ response }) => response.headers['content-type'] === PDF)!.response;
    const received = await PDFDocument.load(pdf.body as Buffer, { updateMetadata: false });
    expect([received.getPageCount(), received.getAuthor(), received.getCreator(), received.getTitle(), received.getSubject(), received.getKeywords()]).toEqual([1, undefined, undefined, undefined, undefined, undefined]);
  }, 120_000);

  it('finds them all when the round is not blind (the check above can fail)', async () => {
    const { identities, seen } = await round(false, OPEN_APPLICATIONS);
    const find = detector(identities);
    const hits = seen.flatMap(({ route, response }) => find(route, responseText(response)));
    expect(new Set(hits.map((hit) => hit.identity))).toEqual(new Set(identities.map((identity) => identity.index)));
    // Files as uploaded: their metadata is there.
    const pdf = seen.find(({ response }) => response.headers['content-type'] === PDF);
    if (pdf) expect((await PDFDocument.load(pdf.response.body as Buffer, { updateMetadata: false })).getAuthor()).toBeTruthy();
  }, 60_000);
});
