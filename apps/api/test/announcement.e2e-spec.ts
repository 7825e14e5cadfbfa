import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { TCallAnnouncement, TPublicProfile, TPublicResults, TSavePublicProfileRequest } from '@tahkim/contracts';
import { FILE_STORAGE, newStorageKey, type FileStorage } from '../src/modules/storage/file-storage';
import { createApplication } from './support/application-factory';
import { PNG_BYTES } from './support/attachment-fixtures';
import { createCall } from './support/call-factory';
import { createUser } from './support/factories';
import { addJuror, createRound } from './support/round-factory';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';

const browser = { Origin: APP_ORIGIN, 'Accept-Language': 'en' };
const NOT_FOUND = { statusCode: 404, code: 'NOT_FOUND', message: 'The requested item was not found.', requestId: expect.any(String) };

type User = Awaited<ReturnType<typeof createUser>>;

const PRESENTATION: TSavePublicProfileRequest = {
  title: { ar: 'مطبخ تضامني', fr: 'Traiteur solidaire', en: 'Solidarity catering' },
  organisation: { ar: 'جمعية النور', fr: 'Association Ennour', en: '' },
  summary: {
    ar: 'مقاولة اجتماعية للطبخ تكوّن النساء وتحقق استقلالهن المالي.',
    fr: "Une entreprise sociale de restauration qui forme des femmes et les mène à l'autonomie financière.",
    en: '',
  },
  region: 'MA-01',
  photoAttachmentId: null,
};

/**
 * The announcement of a call's winners: staff write each winner's presentation from the answers, the winner
 * agrees (as written or rewritten) or refuses from their portal, staff publish the results page, which lists
 * only the winners who agreed. Every role is tried on every route; every change is audited.
 */
describe('public announcement of the winners', () => {
  let t: TestApp;
  let staffUser: User;
  let staff: Client;
  let winnerUser: User;
  let winner: Client;
  let other: Client;
  let juror: Client;
  let call: Awaited<ReturnType<typeof createCall>>;
  let winning: { id: string };
  let notSelected: { id: string };
  let photoId: string;

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  beforeAll(async () => {
    t = await createTestApp();
    staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    winnerUser = await createUser(t.prisma, { locale: 'ar' });
    const otherUser = await createUser(t.prisma);
    const jurorUser = await createUser(t.prisma, { roles: ['JUROR'] });
    [staff, winner, other, juror] = await Promise.all([signIn(staffUser), signIn(winnerUser), signIn(otherUser), signIn(jurorUser)]);
    call = await createCall(t.prisma, { createdById: staffUser.id, status: 'DECIDED', opensAt: new Date(Date.now() - 60 * 86_400_000), closesAt: new Date(Date.now() - 30 * 86_400_000) });
    winning = await createApplication(t.prisma, { callId: call.id, ownerId: winnerUser.id, status: 'WINNER' });
    notSelected = await createApplication(t.prisma, { callId: call.id, ownerId: otherUser.id, status: 'NOT_SELECTED' });
    const round = await createRound(t.prisma, { callId: call.id });
    await addJuror(t.prisma, round.id, jurorUser.id);
    // A photo the winner attached to the application, with its bytes stored.
    const storage = t.app.get<FileStorage>(FILE_STORAGE);
    const storageKey = newStorageKey();
    await storage.put(storageKey, Readable.from(PNG_BYTES), { maxBytes: 1_000_000 });
    photoId = (
      await t.prisma.attachment.create({
        data: { applicationId: winning.id, fieldKey: 'pitch_deck', fileName: 'équipe.png', mediaType: 'image/png', size: PNG_BYTES.length, sha256: createHash('sha256').update(PNG_BYTES).digest('hex'), storageKey },
      })
    ).id;
  });
  afterAll(async () => t.close());

  const publicPage = () => t.http().get(`/api/calls/${call.slug}/results`).set(browser);

  it('lists the winners for staff with a draft from the answers, placed by script', async () => {
    const res = await staff.get(`/api/calls/${call.id}/public-profiles`).set(browser).expect(200);
    const body = res.body as TCallAnnouncement;
    expect(body.winners.map((w) => w.applicationId)).toEqual([winning.id]);
    expect(body.winners[0]!.profile).toBeNull();
    expect(body.winners[0]!.draft).toMatchObject({
      title: { ar: '', fr: 'Huile d’argan équitable', en: '' },
      organisation: { ar: '', fr: 'Coopérative Tifawin', en: '' },
      summary: { fr: 'Des revenus stables pour 40 femmes rurales de la région de Tiznit.' },
      region: 'MA-09',
      photoAttachmentId: photoId,
      photoChoices: [{ attachmentId: photoId, fileName: 'équipe.png' }],
    });
    expect(body.call.resultsPublishedAt).toBeNull();
  });

  it('keeps every route away from the other roles (404) and from anonymous callers', async () => {
    for (const client of [winner, other, juror]) {
      await client.get(`/api/calls/${call.id}/public-profiles`).set(browser).expect(404);
      await client.put(`/api/applications/${winning.id}/public-profile`).set(browser).send(PRESENTATION).expect(404);
      await client.post(`/api/calls/${call.id}/results/publish`).set(browser).expect(404);
      await client.post(`/api/calls/${call.id}/results/unpublish`).set(browser).expect(404);
    }
    await t.http().get(`/api/calls/${call.id}/public-profiles`).set(browser).expect(401);
    await t.http().put(`/api/applications/${winning.id}/public-profile`).set(browser).send(PRESENTATION).expect(401);
    // Nothing written yet: the winner reads none (the application of someone not selected: 404), the page is 404.
    expect((await winner.get(`/api/applications/${winning.id}/public-profile`).set(browser).expect(200)).body).toEqual({ profile: null });
    await other.get(`/api/applications/${notSelected.id}/public-profile`).set(browser).expect(404);
    await publicPage().expect(404);
  });

  it('refuses a presentation for a non-winner, a photo of another application and empty texts, changing nothing', async () => {
    const notWinner = await staff.put(`/api/applications/${notSelected.id}/public-profile`).set(browser).send(PRESENTATION).expect(409);
    expect(notWinner.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'NOT_A_WINNER' } });
    const strangerPhoto = (await createApplication(t.prisma, { callId: call.id, ownerId: (await createUser(t.prisma)).id, status: 'SUBMITTED' })).id;
    await staff.put(`/api/applications/${winning.id}/public-profile`).set(browser).send({ ...PRESENTATION, photoAttachmentId: strangerPhoto }).expect(400);
    const empty = await staff
      .put(`/api/applications/${winning.id}/public-profile`)
      .set({ ...browser, 'Accept-Language': 'fr' })
      .send({ ...PRESENTATION, title: { ar: ' ', fr: '', en: '' } })
      .expect(400);
    expect(empty.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: ['title'] })] });
    expect(empty.body.message).toMatch(/[a-zé]/);
    expect(await t.prisma.publicProfile.count({ where: { callId: call.id } })).toBe(0);
  });

  it('runs the whole consent cycle: written, asked by email, agreed with edits, shown, changed by staff, refused', async () => {
    // Staff write it: PENDING, the winner is emailed in Arabic with a link to their application.
    const created = (await staff.put(`/api/applications/${winning.id}/public-profile`).set(browser).send({ ...PRESENTATION, photoAttachmentId: photoId }).expect(200)).body as TPublicProfile;
    expect(created).toMatchObject({ consent: 'PENDING', version: 1, photoAttachmentId: photoId, resultsPublished: false, callSlug: call.slug });
    const asked = await t.prisma.emailMessage.findMany({ where: { toAddress: winnerUser.email, template: 'public-profile-consent' } });
    expect(asked).toHaveLength(1);
    expect(asked[0]!.subject).toMatch(/موافقتكم/);
    expect(asked[0]!.text).toContain(`/portal/applications/${winning.id}`);

    // Saved again unchanged: nothing new (no version, no email); a stale version: 409 with the current one.
    expect((await staff.put(`/api/applications/${winning.id}/public-profile`).set(browser).send({ ...PRESENTATION, photoAttachmentId: photoId, version: 1 }).expect(200)).body.version).toBe(1);
    const stale = await staff.put(`/api/applications/${winning.id}/public-profile`).set(browser).send({ ...PRESENTATION, version: 7 }).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { version: 1 } } });

    // Published, the page lists nobody yet (no consent).
    const published = await staff.post(`/api/calls/${call.id}/results/publish`).set(browser).expect(200);
    expect(published.body).toMatchObject({ resultsPublishedAt: expect.any(String), shownCount: 0 });
    expect(((await publicPage().expect(200)).body as TPublicResults).winners).toEqual([]);
    expect((await t.http().get(`/api/calls/${call.slug}`).set(browser).expect(200)).body.resultsPublished).toBe(true);

    // Who may read and answer: the owner; staff read but may not answer for them; others see nothing.
    expect((await staff.get(`/api/applications/${winning.id}/public-profile`).set(browser).expect(200)).body.profile.consent).toBe('PENDING');
    await staff.post(`/api/applications/${winning.id}/public-profile/consent`).set(browser).send({ version: 1 }).expect(403);
    for (const client of [other, juror]) {
      await client.get(`/api/applications/${winning.id}/public-profile`).set(browser).expect(404);
      await client.post(`/api/applications/${winning.id}/public-profile/consent`).set(browser).send({ version: 1 }).expect(404);
      await client.post(`/api/applications/${winning.id}/public-profile/withdraw`).set(browser).send({ version: 1 }).expect(404);
    }
    expect((await t.http().get(`/api/applications/${winning.id}/public-profile`).set(browser).expect(404)).body).toEqual(NOT_FOUND);

    // The winner rewrites the French summary and agrees: shown, with their words and the photo.
    const mine = (await winner.get(`/api/applications/${winning.id}/public-profile`).set(browser).expect(200)).body.profile as TPublicProfile;
    const ownWords = { ...PRESENTATION, photoAttachmentId: photoId, summary: { ...PRESENTATION.summary, fr: 'Notre traiteur forme des femmes de Tanger.' } };
    const agreed = (await winner.post(`/api/applications/${winning.id}/public-profile/consent`).set(browser).send({ version: mine.version, texts: ownWords }).expect(200)).body as TPublicProfile;
    expect(agreed).toMatchObject({ consent: 'GIVEN', version: 2, summary: { fr: 'Notre traiteur forme des femmes de Tanger.' }, consentAt: expect.any(String) });
    const page = (await publicPage().expect(200)).body as TPublicResults;
    expect(page.winners).toEqual([
      {
        id: agreed.id,
        title: PRESENTATION.title,
        organisation: PRESENTATION.organisation,
        summary: { ...PRESENTATION.summary, fr: 'Notre traiteur forme des femmes de Tanger.' },
        region: 'MA-01',
        photoUrl: `/api/calls/${call.slug}/results/photos/${agreed.id}`,
      },
    ]);
    // Nothing of the application beyond the presentation reaches the page.
    expect(JSON.stringify(page)).not.toMatch(/tifawin|contact@|\+212|reference/i);
    const photo = await t.http().get(page.winners[0]!.photoUrl!).expect(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(photo.body as Buffer, PNG_BYTES)).toBe(0);
    // The page by the call's id answers the same.
    expect((await t.http().get(`/api/calls/${call.id}/results`).set(browser).expect(200)).body.winners).toHaveLength(1);

    // Staff change the title: asked again (PENDING, a second email), off the page meanwhile.
    const changed = (await staff.put(`/api/applications/${winning.id}/public-profile`).set(browser).send({ ...ownWords, title: { ...PRESENTATION.title, en: 'Catering for change' }, version: 2 }).expect(200)).body as TPublicProfile;
    expect(changed).toMatchObject({ consent: 'PENDING', version: 3, consentAt: null });
    expect(await t.prisma.emailMessage.count({ where: { toAddress: winnerUser.email, template: 'public-profile-consent' } })).toBe(2);
    expect(((await publicPage().expect(200)).body as TPublicResults).winners).toEqual([]);
    await t.http().get(page.winners[0]!.photoUrl!).expect(404);

    // Agreed as it is, then withdrawn: off the page, the photo gone with it.
    await winner.post(`/api/applications/${winning.id}/public-profile/consent`).set(browser).send({ version: 3 }).expect(200);
    expect(((await publicPage().expect(200)).body as TPublicResults).winners.map((w) => w.title.en)).toEqual(['Catering for change']);
    const stalePair = await winner.post(`/api/applications/${winning.id}/public-profile/withdraw`).set(browser).send({ version: 3 }).expect(409);
    expect(stalePair.body.code).toBe('VERSION_CONFLICT');
    const withdrawn = (await winner.post(`/api/applications/${winning.id}/public-profile/withdraw`).set(browser).send({ version: 4 }).expect(200)).body as TPublicProfile;
    expect(withdrawn.consent).toBe('WITHDRAWN');
    expect(((await publicPage().expect(200)).body as TPublicResults).winners).toEqual([]);
    await t.http().get(page.winners[0]!.photoUrl!).expect(404);

    // Every step audited, by the person who acted.
    const trail = await t.prisma.auditEvent.findMany({ where: { entityId: { in: [winning.id, call.id] }, action: { startsWith: 'public_profile.' } }, orderBy: { id: 'asc' } });
    expect(trail.map((row) => [row.action, row.actorId])).toEqual([
      ['public_profile.created', staffUser.id],
      ['public_profile.consent_given', winnerUser.id],
      ['public_profile.updated', staffUser.id],
      ['public_profile.consent_given', winnerUser.id],
      ['public_profile.consent_withdrawn', winnerUser.id],
    ]);
    expect(await t.prisma.auditEvent.count({ where: { entityId: call.id, action: 'call.results_published', actorId: staffUser.id } })).toBe(1);
  });

  it('unpublishes the page (404 again) and refuses to publish the results of a call not yet decided', async () => {
    await staff.post(`/api/calls/${call.id}/results/unpublish`).set(browser).expect(200);
    expect((await publicPage().expect(404)).body).toEqual(NOT_FOUND);
    expect((await t.http().get(`/api/calls/${call.slug}`).set(browser).expect(200)).body.resultsPublished).toBe(false);
    expect(await t.prisma.auditEvent.count({ where: { entityId: call.id, action: 'call.results_unpublished' } })).toBe(1);

    const open = await createCall(t.prisma, { createdById: staffUser.id });
    const refused = await staff.post(`/api/calls/${open.id}/results/publish`).set({ ...browser, 'Accept-Language': 'ar' }).expect(409);
    expect(refused.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'RESULTS_NOT_DECIDED' } });
    expect(refused.body.message).toMatch(/[\u0600-\u06FF]/);
    expect((await t.prisma.call.findUniqueOrThrow({ where: { id: open.id } })).resultsPublishedAt).toBeNull();
    await t.http().get(`/api/calls/${open.slug}/results`).set(browser).expect(404);
  });
});
