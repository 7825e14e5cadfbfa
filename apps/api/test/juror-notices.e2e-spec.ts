import { ERROR_MESSAGES, REDACTED_SECRET, type TLocalizedText } from '@tahkim/contracts';
import { casablancaTime } from '../src/common/time/casablanca-time';
import { createApplication } from './support/application-factory';
import { createCall } from './support/call-factory';
import { createUser, latestEmailLink } from './support/factories';
import { addApplicationsToRound, addJuror, assign, createRound } from './support/round-factory';
import { APP_ORIGIN, createTestApp, uniqueEmail, type Client, type TestApp } from './support/test-app';

/**
 * Issue 12: jurors are told when work waits. The invitation names the call, the round, its size and its
 * deadline in the juror's language; opening a round and assigning in an open round send one email per
 * juror and batch; a reopened ballot tells its juror why; removing a juror with submitted work says so.
 */

const french = { Origin: APP_ORIGIN, 'Accept-Language': 'fr' };
const DAY_MS = 86_400_000;
type User = Awaited<ReturnType<typeof createUser>>;

describe('jurors told when work waits', () => {
  let t: TestApp;
  let staffUser: User;
  let staff: Client;

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(french).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  /** A call whose deadline has passed (opening its rounds needs no acknowledgement), with eligible applications. */
  async function seed(applications: number, roundOptions: { status?: 'DRAFT' | 'OPEN'; scorecardsRequired?: number; closesAt?: Date | null } = {}) {
    const call = await createCall(t.prisma, {
      createdById: staffUser.id, maxApplicationsPerApplicant: 1000, opensAt: new Date(Date.now() - 20 * DAY_MS), closesAt: new Date(Date.now() - DAY_MS),
    });
    const round = await createRound(t.prisma, { callId: call.id, status: roundOptions.status ?? 'DRAFT', scorecardsRequired: roundOptions.scorecardsRequired ?? 1, closesAt: roundOptions.closesAt ?? null });
    const owner = await createUser(t.prisma);
    const apps = [];
    for (let i = 0; i < applications; i += 1) apps.push(await createApplication(t.prisma, { callId: call.id, ownerId: owner.id, status: 'ELIGIBLE' }));
    return { call, title: call.title as TLocalizedText, round, apps, owner };
  }

  async function juror(roundId: string, locale: 'ar' | 'fr' | 'en') {
    const user = await createUser(t.prisma, { roles: ['JUROR'], locale });
    const membership = await addJuror(t.prisma, roundId, user.id);
    return { user, jurorId: membership.id };
  }

  const workEmails = (to: string) => t.prisma.emailMessage.findMany({ where: { toAddress: to, template: 'jury-work-waiting' }, orderBy: { createdAt: 'asc' } });

  beforeAll(async () => {
    t = await createTestApp();
    staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    staff = await signIn(staffUser);
  }, 60_000);
  afterAll(() => t.close());

  it('invites from the French page in the language chosen for the juror, naming the call, the round, its size and its deadline', async () => {
    const closesAt = new Date(Date.UTC(2031, 2, 15, 17, 0));
    const { call, title, round } = await seed(3, { closesAt });
    const arabicInvitee = uniqueEmail('arabic-juror');
    const pageLanguageInvitee = uniqueEmail('page-juror');
    // An existing account is written to in its own language, whatever the form says.
    const existing = await createUser(t.prisma, { locale: 'ar' });

    await staff.post(`/api/rounds/${round.id}/jurors`).set(french).send({ emails: [arabicInvitee, existing.email], locale: 'ar' }).expect(200);
    await staff.post(`/api/rounds/${round.id}/jurors`).set(french).send({ emails: [pageLanguageInvitee] }).expect(200);

    const arabic = await t.prisma.emailMessage.findFirstOrThrow({ where: { toAddress: arabicInvitee, template: 'invitation' } });
    expect(arabic.locale).toBe('ar');
    expect(arabic.subject).toBe(`دعوة للانضمام إلى لجنة تحكيم «${title.ar}»`);
    expect(arabic.text).toContain(`«\u2068${title.ar}\u2069» (\u2068الجولة 1\u2069)`);
    expect(arabic.text).toContain('عدد الملفات التي ستقيّمها اللجنة في هذه الجولة: \u20683\u2069');
    expect(arabic.text).toContain(`آخر أجل للتقييم: \u2068${casablancaTime.format(closesAt, 'ar')}\u2069 (بتوقيت الدار البيضاء)`);
    expect(casablancaTime.format(closesAt, 'ar')).toContain('2031');

    const added = await t.prisma.emailMessage.findFirstOrThrow({ where: { toAddress: existing.email, template: 'jury-added' } });
    expect(added.locale).toBe('ar');
    expect(added.text).toContain(`آخر أجل للتقييم: \u2068${casablancaTime.format(closesAt, 'ar')}\u2069`);

    const pageLanguage = await t.prisma.emailMessage.findFirstOrThrow({ where: { toAddress: pageLanguageInvitee, template: 'invitation' } });
    expect(pageLanguage.locale).toBe('fr');
    expect(pageLanguage.subject).toBe(`Invitation au jury de « ${title.fr} »`);
    expect(pageLanguage.text).toContain(`Date limite des évaluations : \u2068${casablancaTime.format(closesAt, 'fr')}\u2069 (heure de Casablanca)`);

    // The link stays a secret: staff read the email without it.
    const listed = await staff.get('/api/admin/emails').query({ to: arabicInvitee }).set(french).expect(200);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0].text).toContain(REDACTED_SECRET);
    expect(listed.body.items[0].text).not.toMatch(/\/invitations\/[A-Za-z0-9_-]{10,}/);

    // Accepting joins the round; the juror's home can say which jury they joined before any assignment.
    const token = await latestEmailLink(t.prisma, arabicInvitee, /\/invitations\/([A-Za-z0-9_-]+)/);
    const preview = await t.agent().get(`/api/invitations/${token}`).set(french).expect(200);
    expect(preview.body.jury).toEqual({ callTitle: call.title, roundName: round.name, closesAt: closesAt.toISOString() });
    const newcomer = t.agent();
    await newcomer.post(`/api/invitations/${token}/accept`).set(french).send({ displayName: 'أمينة', password: 'correct-horse-battery' }).expect(200);
    const memberships = await newcomer.get('/api/jury/memberships').set(french).expect(200);
    expect(memberships.body.items).toEqual([
      { round: { id: round.id, name: round.name, type: 'SCORING', status: 'DRAFT', closesAt: closesAt.toISOString() }, call: { id: call.id, title: call.title }, assigned: 0, biddingOpen: false, topics: 0, expertise: 0, bids: 0 },
    ]);
    // Someone on no jury reads an empty list.
    expect((await (await signIn(await createUser(t.prisma))).get('/api/jury/memberships').set(french).expect(200)).body).toEqual({ items: [] });
  });

  it('sends nothing while the round is a draft, one email per juror when it opens, none on a re-run, one more for new assignments', async () => {
    const closesAt = new Date(Date.UTC(2031, 5, 1, 12, 0));
    const { call, title, round, owner } = await seed(4, { closesAt, scorecardsRequired: 1 });
    const amina = await juror(round.id, 'ar');
    const louis = await juror(round.id, 'fr');

    await staff.post(`/api/rounds/${round.id}/assignments/auto`).set(french).expect(200);
    expect(await t.prisma.assignment.count({ where: { roundId: round.id } })).toBe(4);
    expect(await workEmails(amina.user.email)).toHaveLength(0);
    expect(await workEmails(louis.user.email)).toHaveLength(0);

    await staff.patch(`/api/rounds/${round.id}`).set(french).send({ status: 'OPEN' }).expect(200);
    const [opened] = await workEmails(amina.user.email);
    expect(await workEmails(amina.user.email)).toHaveLength(1);
    expect(await workEmails(louis.user.email)).toHaveLength(1);
    expect(opened!.locale).toBe('ar');
    expect(opened!.subject).toBe(`ملفات في انتظار تقييمك: «${title.ar}»`);
    expect(opened!.text).toContain('عدد الملفات التي تنتظر تقييمك: \u20682\u2069');
    expect(opened!.text).toContain(`آخر أجل للتقييم: \u2068${casablancaTime.format(closesAt, 'ar')}\u2069`);
    expect(opened!.text).toContain(`${APP_ORIGIN}/jury`);
    const [louisOpened] = await workEmails(louis.user.email);
    expect(louisOpened!.locale).toBe('fr');
    expect(louisOpened!.text).toContain('Dossiers en attente de votre évaluation : \u20682\u2069');

    // Nothing new: no email. Closing and opening again announces nothing either.
    await staff.post(`/api/rounds/${round.id}/assignments/auto`).set(french).expect(200);
    await staff.patch(`/api/rounds/${round.id}`).set(french).send({ status: 'CLOSED' }).expect(200);
    await staff.patch(`/api/rounds/${round.id}`).set(french).send({ status: 'OPEN' }).expect(200);
    expect(await workEmails(amina.user.email)).toHaveLength(1);
    expect(await workEmails(louis.user.email)).toHaveLength(1);

    // A new eligible application: the juror who gets it is told once, with the new count.
    await createApplication(t.prisma, { callId: call.id, ownerId: owner.id, status: 'ELIGIBLE' });
    const rerun = await staff.post(`/api/rounds/${round.id}/assignments/auto`).set(french).expect(200);
    expect(rerun.body.created).toBe(1);
    const after = [...(await workEmails(amina.user.email)), ...(await workEmails(louis.user.email))];
    expect(after).toHaveLength(3);
    const newest = after.find((e) => e.id !== opened!.id && e.id !== louisOpened!.id)!;
    expect(newest.text).toMatch(/عدد الملفات الجديدة: \u20681\u2069|Nouveaux dossiers : \u20681\u2069/u);
    expect(newest.text).toMatch(/عدد الملفات التي تنتظر تقييمك: \u20683\u2069|Dossiers en attente de votre évaluation : \u20683\u2069/u);
    await staff.post(`/api/rounds/${round.id}/assignments/auto`).set(french).expect(200);
    expect((await workEmails(amina.user.email)).length + (await workEmails(louis.user.email)).length).toBe(3);
  });

  it('a manual assignment in an open round tells only the juror who got it, once', async () => {
    const { round, apps } = await seed(2, { status: 'OPEN' });
    const a = await juror(round.id, 'en');
    const b = await juror(round.id, 'fr');
    const pairs = [{ jurorId: a.jurorId, applicationId: apps[0]!.id }];
    await staff.put(`/api/rounds/${round.id}/assignments`).set(french).send({ assignments: pairs }).expect(200);
    await staff.put(`/api/rounds/${round.id}/assignments`).set(french).send({ assignments: pairs }).expect(200);
    const emails = await workEmails(a.user.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.locale).toBe('en');
    expect(emails[0]!.text).toContain('New applications: \u20681\u2069');
    expect(await workEmails(b.user.email)).toHaveLength(0);
  });

  it('opening a final ballot round tells each juror once how many finalists they order (their conflicts left out)', async () => {
    const { call, title, apps } = await seed(3, { status: 'OPEN' });
    const ballotRound = await t.prisma.round.create({
      data: { callId: call.id, number: 2, type: 'BALLOT', status: 'DRAFT', closesAt: new Date(Date.UTC(2031, 8, 1, 12, 0)), name: { ar: 'التصويت النهائي', fr: 'Vote final', en: 'Final vote' } },
    });
    await addApplicationsToRound(t.prisma, ballotRound.id, apps.map((a) => a.id));
    const free = await juror(ballotRound.id, 'fr');
    const conflicted = await juror(ballotRound.id, 'ar');
    await t.prisma.conflictOfInterest.create({ data: { userId: conflicted.user.id, applicationId: apps[0]!.id, reason: 'Ancien employeur', source: 'DECLARED', status: 'CONFIRMED', declaredById: conflicted.user.id } });
    const ballotEmails = (to: string) => t.prisma.emailMessage.findMany({ where: { toAddress: to, template: 'jury-ballot-waiting' } });

    await staff.patch(`/api/rounds/${ballotRound.id}`).set(french).send({ status: 'OPEN' }).expect(200);
    const [toFree] = await ballotEmails(free.user.email);
    expect(await ballotEmails(free.user.email)).toHaveLength(1);
    expect(toFree!.subject).toBe(`Votre classement final vous attend : « ${title.fr} »`);
    expect(toFree!.text).toContain('Dossiers à classer : \u20683\u2069');
    expect(toFree!.text).toContain(`${APP_ORIGIN}/jury/ballots/${ballotRound.id}`);
    const [toConflicted] = await ballotEmails(conflicted.user.email);
    expect(toConflicted!.locale).toBe('ar');
    expect(toConflicted!.text).toContain('عدد الملفات المطلوب ترتيبها: \u20682\u2069');

    await staff.patch(`/api/rounds/${ballotRound.id}`).set(french).send({ status: 'CLOSED' }).expect(200);
    await staff.patch(`/api/rounds/${ballotRound.id}`).set(french).send({ status: 'OPEN' }).expect(200);
    expect(await ballotEmails(free.user.email)).toHaveLength(1);
    expect(await ballotEmails(conflicted.user.email)).toHaveLength(1);
  });

  it('shortlisting into a final ballot round already open tells each of its jurors once the new number of finalists', async () => {
    const { call, title, round, apps } = await seed(4, { status: 'OPEN' });
    const ballotRound = await t.prisma.round.create({
      data: { callId: call.id, number: 2, type: 'BALLOT', status: 'DRAFT', name: { ar: 'التصويت النهائي', fr: 'Vote final', en: 'Final vote' } },
    });
    const frJuror = await juror(ballotRound.id, 'fr');
    const arJuror = await juror(ballotRound.id, 'ar');
    const ballotEmails = (to: string) => t.prisma.emailMessage.findMany({ where: { toAddress: to, template: 'jury-ballot-waiting' }, orderBy: { createdAt: 'asc' } });
    const advance = (ids: string[]) => staff.post(`/api/rounds/${round.id}/advance`).set(french).send({ applicationIds: ids, targetRoundId: ballotRound.id }).expect(201);

    // While the ballot round is a draft, shortlisting tells nobody: the email goes when it opens.
    await advance([apps[0]!.id, apps[1]!.id]);
    expect(await ballotEmails(frJuror.user.email)).toHaveLength(0);
    await staff.patch(`/api/rounds/${ballotRound.id}`).set(french).send({ status: 'OPEN' }).expect(200);
    expect((await ballotEmails(frJuror.user.email)).map((email) => email.text)).toEqual([expect.stringContaining('Dossiers à classer : \u20682\u2069')]);

    // A third finalist added to the open round: one more email each, naming three.
    const added = await advance([apps[2]!.id]);
    expect(added.body).toMatchObject({ added: 1, alreadyIn: 0 });
    const toFrench = await ballotEmails(frJuror.user.email);
    expect(toFrench).toHaveLength(2);
    expect(toFrench[1]!.subject).toBe(`Votre classement final vous attend : « ${title.fr} »`);
    expect(toFrench[1]!.text).toContain('Dossiers à classer : \u20683\u2069');
    expect(toFrench[1]!.text).toContain(`${APP_ORIGIN}/jury/ballots/${ballotRound.id}`);
    const toArabic = await ballotEmails(arJuror.user.email);
    expect(toArabic).toHaveLength(2);
    expect(toArabic[1]!.locale).toBe('ar');
    expect(toArabic[1]!.text).toContain('عدد الملفات المطلوب ترتيبها: \u20683\u2069');

    // The same finalist advanced again adds nobody and sends nothing.
    expect((await advance([apps[2]!.id])).body).toMatchObject({ added: 0, alreadyIn: 1 });
    expect(await ballotEmails(frJuror.user.email)).toHaveLength(2);
    expect(await ballotEmails(arJuror.user.email)).toHaveLength(2);
  });

  it('a reopened ballot emails its juror in their language with the reason, quoted', async () => {
    const { call, title, apps } = await seed(2, { status: 'OPEN' });
    const ballotRound = await t.prisma.round.create({
      data: { callId: call.id, number: 2, type: 'BALLOT', status: 'OPEN', name: { ar: 'التصويت النهائي', fr: 'Vote final', en: 'Final vote' } },
    });
    await addApplicationsToRound(t.prisma, ballotRound.id, apps.map((a) => a.id));
    const j = await juror(ballotRound.id, 'ar');
    await t.prisma.ballot.create({
      data: { roundId: ballotRound.id, jurorId: j.jurorId, status: 'SUBMITTED', submittedAt: new Date(), entries: { create: apps.map((a, i) => ({ applicationId: a.id, position: i + 1 })) } },
    });
    const reason = 'Merci de revoir votre ordre <b>B</b>';
    await staff.post(`/api/rounds/${ballotRound.id}/ballots/${j.jurorId}/reopen`).set(french).send({ reason }).expect(200);
    const email = await t.prisma.emailMessage.findFirstOrThrow({ where: { toAddress: j.user.email, template: 'ballot-reopened' } });
    expect(email.locale).toBe('ar');
    expect(email.subject).toBe(`أعيد فتح ترتيبك النهائي في «${title.ar}»`);
    expect(email.text).toContain(`السبب: \u2068${reason}\u2069`);
    expect(email.html).toContain('Merci de revoir votre ordre &lt;b&gt;B&lt;/b&gt;');
    expect(email.text).toContain(`${APP_ORIGIN}/jury/ballots/${ballotRound.id}`);

    // Removing this juror while the ballot is a draft again is allowed; a submitted one is refused clearly.
    await t.prisma.ballot.updateMany({ where: { roundId: ballotRound.id, jurorId: j.jurorId }, data: { status: 'SUBMITTED', submittedAt: new Date() } });
    const refused = await staff.delete(`/api/rounds/${ballotRound.id}/jurors/${j.jurorId}`).set(french).expect(409);
    expect(refused.body).toMatchObject({ statusCode: 409, code: 'JUROR_HAS_WORK', message: ERROR_MESSAGES.JUROR_HAS_WORK.fr, details: { scorecards: 0, ballot: true } });
    const inArabic = await staff.delete(`/api/rounds/${ballotRound.id}/jurors/${j.jurorId}`).set({ ...french, 'Accept-Language': 'ar' }).expect(409);
    expect(inArabic.body.message).toBe(ERROR_MESSAGES.JUROR_HAS_WORK.ar);
    expect(await t.prisma.juror.count({ where: { id: j.jurorId } })).toBe(1);
  });

  it('removing a juror with a submitted scorecard is refused with its count; with drafts only, they go', async () => {
    const { round, apps } = await seed(2, { status: 'OPEN' });
    const done = await juror(round.id, 'fr');
    const drafting = await juror(round.id, 'fr');
    const submitted = await assign(t.prisma, round.id, done.jurorId, apps[0]!.id);
    await t.prisma.scorecard.create({ data: { assignmentId: submitted.id, status: 'SUBMITTED', submittedAt: new Date(), weightedScore: 50 } });
    const draft = await assign(t.prisma, round.id, drafting.jurorId, apps[1]!.id);
    await t.prisma.scorecard.create({ data: { assignmentId: draft.id, status: 'DRAFT' } });

    const refused = await staff.delete(`/api/rounds/${round.id}/jurors/${done.jurorId}`).set(french).expect(409);
    expect(refused.body).toMatchObject({ code: 'JUROR_HAS_WORK', details: { scorecards: 1, ballot: false } });
    await staff.delete(`/api/rounds/${round.id}/jurors/${drafting.jurorId}`).set(french).expect(204);
    expect(await t.prisma.assignment.count({ where: { id: draft.id } })).toBe(0);
  });
});
