import type { TAssignmentPlan, TJuryBidding } from '@tahkim/contracts';
import { DEMO_JUROR_EXPERTISE, DEMO_TOPIC_TAGS, DEMO_TOPICS } from '@tahkim/db';
import { createApplication, demoLikeAnswers } from './support/application-factory';
import { createCall } from './support/call-factory';
import { createUser } from './support/factories';
import { addJuror, createRound } from './support/round-factory';
import { signIn } from './support/sign-in';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';

/**
 * Issue 18: topics of a call, jurors' expertise and bids, and the automatic assignment that reads them
 * (preview with reasons, commit of the previewed plan), with the access rules of each route.
 */
const browser = { Origin: APP_ORIGIN, 'Accept-Language': 'en' };
const label = (fr: string, ar: string, en: string) => ({ ar, fr, en });
const TOPICS = [
  { key: 'women', label: label('Femmes', 'النساء', 'Women') },
  { key: 'youth', label: label('Jeunes', 'الشباب', 'Youth') },
  { key: 'rural', label: label('Monde rural', 'العالم القروي', 'Rural areas') },
  { key: 'digital', label: label('Numérique', 'الرقمي', 'Digital') },
];

type User = Awaited<ReturnType<typeof createUser>>;

describe('topics, expertise and bids (issue 18)', () => {
  let t: TestApp;
  let staffUser: User;
  let staff: Client;
  let applicant: Client;

  beforeAll(async () => {
    t = await createTestApp();
    staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    staff = await signIn(t, staffUser);
    applicant = await signIn(t, await createUser(t.prisma));
  }, 60_000);
  afterAll(() => t.close());

  /** A call whose topic question is beneficiary_groups, `groups[i]` answered by application i, and jurors signed in. */
  async function seed(groups: string[][], jurorCount: number, options: { required?: number; blind?: boolean; status?: 'DRAFT' | 'OPEN' } = {}) {
    const call = await createCall(t.prisma, { createdById: staffUser.id, maxApplicationsPerApplicant: 1000 });
    const round = await createRound(t.prisma, { callId: call.id, scorecardsRequired: options.required ?? 2, blind: options.blind ?? true, status: options.status ?? 'DRAFT' });
    await staff.put(`/api/calls/${call.id}/topics`).set(browser).send({ topics: TOPICS, fieldKey: 'beneficiary_groups' }).expect(200);
    const owner = await createUser(t.prisma);
    const apps = [];
    for (const [i, g] of groups.entries()) {
      apps.push(await createApplication(t.prisma, {
        callId: call.id, ownerId: owner.id, status: 'ELIGIBLE',
        answers: demoLikeAnswers({ organisation_name: `Coopérative Amal ${i}`, project_title: `Projet ${i} de la Coopérative Amal ${i}`, beneficiary_groups: g }),
      }));
    }
    const jurors = [];
    for (let i = 0; i < jurorCount; i++) {
      const user = await createUser(t.prisma, { roles: ['JUROR'] });
      jurors.push({ user, member: await addJuror(t.prisma, round.id, user.id), client: await signIn(t, user) });
    }
    return { call, round, apps, jurors };
  }

  it('staff define topics from a choice question; applications take theirs from the answer or from staff tags; other roles are refused', async () => {
    const { call, apps } = await seed([['women'], ['youth', 'rural'], []], 0);
    const topics = await staff.get(`/api/calls/${call.id}/topics`).expect(200);
    expect(topics.body).toEqual({ topics: TOPICS, fieldKey: 'beneficiary_groups', counts: { applications: 3, withTopic: 2 } });

    // The topic question must be a choice question of the form; keys are checked; nothing changes on a refusal.
    const notChoice = await staff.put(`/api/calls/${call.id}/topics`).set(browser).send({ topics: TOPICS, fieldKey: 'project_title' }).expect(409);
    expect(notChoice.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'NOT_A_CHOICE_FIELD' } });
    expect(notChoice.body.message).toContain('choice');
    // An identifying question would show each project's answer to jurors through its topics, blind rounds included.
    await t.prisma.formField.updateMany({ where: { callId: call.id, key: 'legal_form' }, data: { identifying: true } });
    expect((await staff.put(`/api/calls/${call.id}/topics`).set(browser).send({ topics: TOPICS, fieldKey: 'legal_form' }).expect(409)).body.details).toMatchObject({ reason: 'IDENTIFYING_FIELD' });
    await staff.put(`/api/calls/${call.id}/topics`).set(browser).send({ topics: [{ key: 'Bad Key', label: TOPICS[0]!.label }], fieldKey: null }).expect(400);
    await staff.put(`/api/calls/${call.id}/topics`).set(browser).send({ topics: [TOPICS[0], TOPICS[0]], fieldKey: null }).expect(400);
    expect((await staff.get(`/api/calls/${call.id}/topics`).expect(200)).body.topics).toEqual(TOPICS);

    expect((await staff.get(`/api/applications/${apps[1]!.id}/topics`).expect(200)).body).toEqual({ topics: ['youth', 'rural'], source: 'FORM', fromForm: ['youth', 'rural'] });
    expect((await staff.get(`/api/applications/${apps[2]!.id}/topics`).expect(200)).body).toEqual({ topics: [], source: 'NONE', fromForm: [] });
    // Staff tag during screening: their tags replace the answer's, in the call's order; null follows the answer again.
    const tagged = await staff.put(`/api/applications/${apps[2]!.id}/topics`).set(browser).send({ topics: ['digital', 'women'] }).expect(200);
    expect(tagged.body).toEqual({ topics: ['women', 'digital'], source: 'STAFF', fromForm: [] });
    const unknown = await staff.put(`/api/applications/${apps[2]!.id}/topics`).set(browser).send({ topics: ['astronomy'] }).expect(400);
    expect(unknown.body.details).toMatchObject([{ path: ['topics', 0], code: 'UNKNOWN_TOPIC' }]);
    expect((await staff.get(`/api/applications/${apps[2]!.id}/topics`).expect(200)).body.source).toBe('STAFF');
    expect((await staff.get(`/api/calls/${call.id}/topics`).expect(200)).body.counts).toEqual({ applications: 3, withTopic: 3 });
    await staff.put(`/api/applications/${apps[2]!.id}/topics`).set(browser).send({ topics: null }).expect(200);
    expect((await staff.get(`/api/applications/${apps[2]!.id}/topics`).expect(200)).body.source).toBe('NONE');
    expect(await t.prisma.auditEvent.count({ where: { action: 'application.topics_tagged', entityId: apps[2]!.id } })).toBe(2);
    expect(await t.prisma.auditEvent.count({ where: { action: 'call.topics_updated', entityId: call.id } })).toBe(1);

    const juror = await signIn(t, await createUser(t.prisma, { roles: ['JUROR'] }));
    const routes: Array<['get' | 'put', string, object?]> = [
      ['get', `/api/calls/${call.id}/topics`], ['put', `/api/calls/${call.id}/topics`, { topics: [], fieldKey: null }],
      ['get', `/api/applications/${apps[0]!.id}/topics`], ['put', `/api/applications/${apps[0]!.id}/topics`, { topics: null }],
    ];
    for (const [verb, url, body] of routes) {
      await t.http()[verb](url).set(browser).send(body).expect(401);
      for (const client of [applicant, juror]) expect((await client[verb](url).set(browser).send(body).expect(403)).body.code).toBe('FORBIDDEN');
    }
  });

  it('jurors declare their own expertise, staff may set it; nobody else reads or writes it', async () => {
    const { round, jurors } = await seed([['women']], 2);
    const [a, b] = jurors;
    const saved = await a!.client.put(`/api/jury/rounds/${round.id}/expertise`).set(browser).send({ topics: ['rural', 'women'] }).expect(200);
    expect(saved.body).toEqual({ jurorId: a!.member.id, topics: ['women', 'rural'] });
    const bidding = await a!.client.get(`/api/jury/rounds/${round.id}/bidding`).expect(200);
    expect(bidding.body).toMatchObject({ topics: TOPICS, expertise: ['women', 'rural'], items: [], round: { biddingOpen: false } });
    expect((await b!.client.get(`/api/jury/rounds/${round.id}/bidding`).expect(200)).body.expertise).toEqual([]);
    await a!.client.put(`/api/jury/rounds/${round.id}/expertise`).set(browser).send({ topics: ['astronomy'] }).expect(400);

    // Staff set b's expertise on the roster; the roster and the juror's own page show it.
    await staff.put(`/api/rounds/${round.id}/jurors/${b!.member.id}/expertise`).set(browser).send({ topics: ['digital'] }).expect(200);
    const roster = await staff.get(`/api/rounds/${round.id}/jurors`).expect(200);
    expect(Object.fromEntries(roster.body.items.map((j: { id: string; expertise: string[] }) => [j.id, j.expertise]))).toEqual({ [a!.member.id]: ['women', 'rural'], [b!.member.id]: ['digital'] });
    expect((await b!.client.get(`/api/jury/rounds/${round.id}/bidding`).expect(200)).body.expertise).toEqual(['digital']);
    const memberships = await b!.client.get('/api/jury/memberships').expect(200);
    expect(memberships.body.items.find((m: { round: { id: string } }) => m.round.id === round.id)).toMatchObject({ topics: 4, expertise: 1, bids: 0, biddingOpen: false });

    // Not a juror of the round (staff, applicant, another juror, signed out): 404, as for a round that does not exist.
    const outsider = await signIn(t, await createUser(t.prisma, { roles: ['JUROR'] }));
    for (const client of [staff, applicant, outsider, t.http()]) {
      expect((await client.get(`/api/jury/rounds/${round.id}/bidding`).expect(404)).body.code).toBe('NOT_FOUND');
      await client.put(`/api/jury/rounds/${round.id}/expertise`).set(browser).send({ topics: ['women'] }).expect(404);
    }
    // Staff's route is staff's only, and a juror of another round is not found there.
    for (const client of [a!.client, applicant]) await client.put(`/api/rounds/${round.id}/jurors/${b!.member.id}/expertise`).set(browser).send({ topics: [] }).expect(403);
    const other = await seed([['youth']], 1);
    await staff.put(`/api/rounds/${round.id}/jurors/${other.jurors[0]!.member.id}/expertise`).set(browser).send({ topics: [] }).expect(404);

    await t.prisma.round.update({ where: { id: round.id }, data: { status: 'CLOSED' } });
    const closed = await a!.client.put(`/api/jury/rounds/${round.id}/expertise`).set(browser).send({ topics: [] }).expect(409);
    expect(closed.body.details).toMatchObject({ reason: 'ROUND_CLOSED' });
    expect((await t.prisma.juror.findUniqueOrThrow({ where: { id: a!.member.id } })).expertise).toEqual(['women', 'rural']);
    expect(await t.prisma.auditEvent.count({ where: { action: 'juror.expertise_updated', entityId: { in: [a!.member.id, b!.member.id] } } })).toBe(2);
  });

  it('bidding shows only titles and summaries, masked in a blind round, never a conflicted application; bids are the juror own', async () => {
    const { round, apps, jurors } = await seed([['women'], ['youth'], ['rural']], 2, { blind: true });
    const [a, b] = jurors;
    const url = `/api/jury/rounds/${round.id}/bidding`;
    const closed = await a!.client.put(`/api/jury/rounds/${round.id}/bids/${apps[0]!.id}`).set(browser).send({ preference: 'WANT' }).expect(409);
    expect(closed.body).toMatchObject({ details: { reason: 'BIDDING_CLOSED' } });
    expect(closed.body.message).toMatch(/closed/i);

    await staff.patch(`/api/rounds/${round.id}`).set(browser).send({ biddingOpen: true }).expect(200);
    await staff.post(`/api/rounds/${round.id}/conflicts`).set(browser).send({ jurorUserId: a!.user.id, applicationId: apps[2]!.id, reason: 'Ancien employeur' }).expect(200);
    const view = (await a!.client.get(url).expect(200)).body as TJuryBidding;
    expect(view.round).toMatchObject({ blind: true, biddingOpen: true });
    expect(view.items.map((i) => i.applicationId)).toEqual([apps[0]!.id, apps[1]!.id]);
    expect(view.items[0]).toMatchObject({ topics: ['women'], preference: 'NEUTRAL' });
    // The title and summary are there, with the organisation's name masked; nothing else of the application.
    expect(view.items[0]!.title).toMatch(/^Projet 0 de la /);
    expect(view.items[0]!.summary).toContain('40 femmes rurales');
    const text = JSON.stringify(view);
    for (const secret of ['Coopérative Amal', 'contact@tifawin.example', '661 234 567', 'tifawin.example', 'MA-09']) expect(text).not.toContain(secret);
    expect(Object.keys(view.items[0]!).sort()).toEqual(['applicationId', 'applicationLabel', 'preference', 'summary', 'title', 'topics']);

    await a!.client.put(`/api/jury/rounds/${round.id}/bids/${apps[0]!.id}`).set(browser).send({ preference: 'WANT' }).expect(200);
    await a!.client.put(`/api/jury/rounds/${round.id}/bids/${apps[1]!.id}`).set(browser).send({ preference: 'RATHER_NOT' }).expect(200);
    await a!.client.put(`/api/jury/rounds/${round.id}/bids/${apps[0]!.id}`).set(browser).send({ preference: 'maybe' }).expect(400);
    // The conflicted application does not exist for this juror; b's bids are b's.
    await a!.client.put(`/api/jury/rounds/${round.id}/bids/${apps[2]!.id}`).set(browser).send({ preference: 'WANT' }).expect(404);
    expect((await a!.client.get(url).expect(200)).body.items.map((i: { preference: string }) => i.preference)).toEqual(['WANT', 'RATHER_NOT']);
    expect((await b!.client.get(url).expect(200)).body.items.map((i: { preference: string }) => i.preference)).toEqual(['NEUTRAL', 'NEUTRAL', 'NEUTRAL']);
    await a!.client.put(`/api/jury/rounds/${round.id}/bids/${apps[1]!.id}`).set(browser).send({ preference: 'NEUTRAL' }).expect(200);
    expect(await t.prisma.bid.findMany({ where: { roundId: round.id }, select: { jurorId: true, applicationId: true, preference: true } })).toEqual([{ jurorId: a!.member.id, applicationId: apps[0]!.id, preference: 'WANT' }]);
    for (const client of [staff, applicant, t.http()]) await client.put(`/api/jury/rounds/${round.id}/bids/${apps[0]!.id}`).set(browser).send({ preference: 'RATHER_NOT' }).expect(404);

    // a recognises project 0 while bidding: the declared conflict is in force at once, the project and her bid on it go.
    const declared = await a!.client.post(`/api/jury/rounds/${round.id}/applications/${apps[0]!.id}/conflict`).set(browser).send({ reason: 'Mon frère en fait partie' }).expect(201);
    expect(declared.body).toMatchObject({ applicationId: apps[0]!.id, jurorUserId: a!.user.id, source: 'DECLARED', status: 'CONFIRMED' });
    expect((await a!.client.get(url).expect(200)).body.items.map((i: { applicationId: string }) => i.applicationId)).toEqual([apps[1]!.id]);
    expect(await t.prisma.bid.count({ where: { jurorId: a!.member.id } })).toBe(0);
    await a!.client.post(`/api/jury/rounds/${round.id}/applications/${apps[0]!.id}/conflict`).set(browser).send({ reason: 'encore' }).expect(404);
    await a!.client.post(`/api/jury/rounds/${round.id}/applications/${apps[1]!.id}/conflict`).set(browser).send({ reason: ' ' }).expect(400);
    for (const client of [staff, applicant]) await client.post(`/api/jury/rounds/${round.id}/applications/${apps[1]!.id}/conflict`).set(browser).send({ reason: 'x' }).expect(404);

    // A juror of the applicant's organisation never sees its project, even when it came in after they joined.
    await t.prisma.user.update({ where: { id: b!.user.id }, data: { organisation: 'Coopérative Amal 1' } });
    const own = (await b!.client.get(url).expect(200)).body as TJuryBidding;
    expect(own.items.map((i) => i.applicationId)).toEqual([apps[0]!.id, apps[2]!.id]);
    await b!.client.put(`/api/jury/rounds/${round.id}/bids/${apps[1]!.id}`).set(browser).send({ preference: 'WANT' }).expect(404);
    expect(await t.prisma.conflictOfInterest.count({ where: { userId: b!.user.id, applicationId: apps[1]!.id, status: 'PENDING' } })).toBe(1);

    // Not blind: the organisation is named.
    await staff.patch(`/api/rounds/${round.id}`).set(browser).send({ blind: false }).expect(200);
    expect((await a!.client.get(url).expect(200)).body.items[0].title).toBe('Projet 1 de la Coopérative Amal 1');
  });

  it('the automatic assignment gives each project a juror who knows its field, balanced, conflict-free, deterministic, explained', async () => {
    // 24 projects over four fields (the last two fields only), four jurors of distinct expertise, 2 readers each.
    const fields = ['women', 'youth', 'rural', 'digital'];
    const groups = Array.from({ length: 24 }, (_, i) => (i % 8 === 7 ? [] : [fields[i % 3]!]));
    groups[5] = ['digital'];
    const { round, apps, jurors } = await seed(groups, 4, { required: 2 });
    for (const [i, j] of jurors.entries()) await staff.put(`/api/rounds/${round.id}/jurors/${j.member.id}/expertise`).set(browser).send({ topics: [fields[i]] }).expect(200);
    await staff.put(`/api/rounds/${round.id}/jurors/${jurors[3]!.member.id}/expertise`).set(browser).send({ topics: [] }).expect(200);
    await staff.post(`/api/rounds/${round.id}/conflicts`).set(browser).send({ jurorUserId: jurors[0]!.user.id, applicationId: apps[0]!.id, reason: 'Famille' }).expect(200);

    const preview = (await staff.post(`/api/rounds/${round.id}/assignments/auto/preview`).set(browser).expect(200)).body as TAssignmentPlan;
    expect(await t.prisma.assignment.count({ where: { roundId: round.id } })).toBe(0);
    expect((await staff.post(`/api/rounds/${round.id}/assignments/auto/preview`).set(browser).expect(200)).body).toEqual(preview);
    expect(preview).toMatchObject({ created: 48, kept: 0, minLoad: 12, maxLoad: 12, shortfalls: [], avoidedUsed: 0, optimal: true, weights: { expertise: 3, bid: 2 }, cap: null });
    const expertise = new Map(preview.jurors.map((j) => [j.id, new Set(j.expertise)]));
    const topicsOf = new Map(preview.applications.map((a) => [a.id, a.topics]));
    // Every project whose field a juror knows is read by one of them (app 0's knower is conflicted: it is unmatched).
    for (const app of preview.applications) {
      const readers = preview.pairs.filter((p) => p.applicationId === app.id);
      expect(readers).toHaveLength(2);
      const knowers = [...expertise].filter(([jurorId, known]) => app.topics.some((k) => known.has(k)) && !(jurorId === jurors[0]!.member.id && app.id === apps[0]!.id));
      if (knowers.length > 0) expect(readers.some((p) => p.topics.length > 0)).toBe(true);
    }
    expect(preview.unmatched.sort()).toEqual([apps[0]!.id, apps[5]!.id].sort());
    expect(preview.withoutTopic.sort()).toEqual([apps[7]!.id, apps[15]!.id, apps[23]!.id].sort());
    expect(preview.pairs.find((p) => p.jurorId === jurors[0]!.member.id && p.applicationId === apps[0]!.id)).toBeUndefined();
    for (const pair of preview.pairs) {
      expect(pair.topics).toEqual((topicsOf.get(pair.applicationId) ?? []).filter((k) => expertise.get(pair.jurorId)!.has(k)));
      expect(pair.affinity).toBe(pair.topics.length > 0 ? 3 : 0);
    }
    expect(preview.totalAffinity).toBe(preview.upperBound);

    // The previewed plan is what a run with its fingerprint commits.
    const run = (await staff.post(`/api/rounds/${round.id}/assignments/auto?fingerprint=${preview.fingerprint}`).set(browser).expect(200)).body as TAssignmentPlan;
    expect(run.pairs).toEqual(preview.pairs);
    const rows = await t.prisma.assignment.findMany({ where: { roundId: round.id }, select: { jurorId: true, applicationId: true } });
    const key = (p: { jurorId: string; applicationId: string }) => `${p.jurorId}:${p.applicationId}`;
    expect(rows.map(key).sort()).toEqual(preview.pairs.map(key).sort());
    const audit = await t.prisma.auditEvent.findFirstOrThrow({ where: { entityId: round.id, action: 'assignments.auto' } });
    expect(audit.after).toMatchObject({ created: 48, totalAffinity: preview.totalAffinity, unmatched: 2 });
    expect((await staff.post(`/api/rounds/${round.id}/assignments/auto/preview`).set(browser).expect(200)).body).toMatchObject({ created: 0, kept: 48, pairs: [] });
  });

  it('at expertise weight 0 expertise is ignored: no reason, nobody unmatched; a removed topic is nobody\'s expertise any more', async () => {
    const { call, round, jurors } = await seed([['women'], ['youth'], ['rural'], ['digital']], 2, { required: 1 });
    await staff.put(`/api/rounds/${round.id}/jurors/${jurors[0]!.member.id}/expertise`).set(browser).send({ topics: ['women', 'digital'] }).expect(200);
    await staff.patch(`/api/rounds/${round.id}`).set(browser).send({ expertiseWeight: 0 }).expect(200);
    const plan = (await staff.post(`/api/rounds/${round.id}/assignments/auto/preview`).set(browser).expect(200)).body as TAssignmentPlan;
    expect(plan).toMatchObject({ created: 4, unmatched: [], notReadByKnower: [], totalAffinity: 0, weights: { expertise: 0, bid: 2 } });
    expect(plan.pairs.every((p) => p.topics.length === 0 && p.affinity === 0)).toBe(true);

    await staff.put(`/api/calls/${call.id}/topics`).set(browser).send({ topics: TOPICS.filter((topic) => topic.key !== 'digital'), fieldKey: 'beneficiary_groups' }).expect(200);
    expect((await jurors[0]!.client.get(`/api/jury/rounds/${round.id}/bidding`).expect(200)).body.expertise).toEqual(['women']);
    const membership = (await jurors[0]!.client.get('/api/jury/memberships').expect(200)).body.items.find((m: { round: { id: string } }) => m.round.id === round.id);
    expect(membership).toMatchObject({ topics: 3, expertise: 1 });
  });

  it('"rather not" pairs are avoided whenever a plan without them exists; "I\'d like to read it" is honoured as balance allows; a changed plan is not committed', async () => {
    const { round, apps, jurors } = await seed([['women'], ['women'], ['youth'], ['youth']], 2, { required: 1, status: 'OPEN' });
    const [a, b] = jurors;
    await staff.patch(`/api/rounds/${round.id}`).set(browser).send({ biddingOpen: true }).expect(200);
    // a would rather not read app 0 and would like app 2; b would like app 0 and app 3. Loads are 2 and 2.
    await a!.client.put(`/api/jury/rounds/${round.id}/bids/${apps[0]!.id}`).set(browser).send({ preference: 'RATHER_NOT' }).expect(200);
    await a!.client.put(`/api/jury/rounds/${round.id}/bids/${apps[2]!.id}`).set(browser).send({ preference: 'WANT' }).expect(200);
    await b!.client.put(`/api/jury/rounds/${round.id}/bids/${apps[0]!.id}`).set(browser).send({ preference: 'WANT' }).expect(200);
    await b!.client.put(`/api/jury/rounds/${round.id}/bids/${apps[3]!.id}`).set(browser).send({ preference: 'WANT' }).expect(200);
    const preview = (await staff.post(`/api/rounds/${round.id}/assignments/auto/preview`).set(browser).expect(200)).body as TAssignmentPlan;
    const who = new Map(preview.pairs.map((p) => [p.applicationId, p]));
    expect(who.get(apps[0]!.id)).toMatchObject({ jurorId: b!.member.id, bid: 'WANT', affinity: 2 });
    expect(who.get(apps[2]!.id)).toMatchObject({ jurorId: a!.member.id, bid: 'WANT' });
    expect(who.get(apps[3]!.id)).toMatchObject({ jurorId: b!.member.id, bid: 'WANT' });
    expect(who.get(apps[1]!.id)).toMatchObject({ jurorId: a!.member.id, bid: null });
    expect(preview).toMatchObject({ avoidedUsed: 0, minLoad: 2, maxLoad: 2, totalAffinity: 6 });

    // Data changed after the preview (a new bid): the old fingerprint is refused and nothing is written.
    await b!.client.put(`/api/jury/rounds/${round.id}/bids/${apps[3]!.id}`).set(browser).send({ preference: 'RATHER_NOT' }).expect(200);
    const stale = await staff.post(`/api/rounds/${round.id}/assignments/auto?fingerprint=${preview.fingerprint}`).set(browser).expect(409);
    expect(stale.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'PLAN_CHANGED' } });
    expect(await t.prisma.assignment.count({ where: { roundId: round.id } })).toBe(0);
    await staff.post(`/api/rounds/${round.id}/assignments/auto?fingerprint=not%20valid`).set(browser).expect(400);

    // With a cap of 1 per juror only two projects can be read: the shortfalls say so.
    await staff.patch(`/api/rounds/${round.id}`).set(browser).send({ assignmentCap: 1 }).expect(200);
    const capped = (await staff.post(`/api/rounds/${round.id}/assignments/auto`).set(browser).expect(200)).body as TAssignmentPlan;
    expect(capped).toMatchObject({ created: 2, cap: 1, maxLoad: 1 });
    expect(capped.shortfalls.map((s) => s.reason)).toEqual(['CAPACITY', 'CAPACITY']);
    expect(capped.pairs.some((p) => p.bid === 'RATHER_NOT')).toBe(false);
    // Juror work notices went out for the committed pairs, as for any assignment in an open round.
    expect(await t.prisma.assignment.count({ where: { roundId: round.id } })).toBe(2);
  });

  it('on a round like the demo (its topics, tags and six jurors of distinct expertise) every project is read by a juror who knows its field', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id, maxApplicationsPerApplicant: 1000 });
    const round = await createRound(t.prisma, { callId: call.id, scorecardsRequired: 3, status: 'DRAFT' });
    await staff.put(`/api/calls/${call.id}/topics`).set(browser).send({ topics: DEMO_TOPICS, fieldKey: null }).expect(200);
    const owner = await createUser(t.prisma);
    const apps = [];
    for (const [i, tags] of Object.values(DEMO_TOPIC_TAGS).entries()) {
      const app = await createApplication(t.prisma, { callId: call.id, ownerId: owner.id, status: 'ELIGIBLE', answers: demoLikeAnswers({ organisation_name: `Association ${i}` }) });
      await staff.put(`/api/applications/${app.id}/topics`).set(browser).send({ topics: tags }).expect(200);
      apps.push({ id: app.id, tags });
    }
    const jurors = [];
    for (const topics of Object.values(DEMO_JUROR_EXPERTISE)) {
      const member = await addJuror(t.prisma, round.id, (await createUser(t.prisma, { roles: ['JUROR'] })).id);
      await staff.put(`/api/rounds/${round.id}/jurors/${member.id}/expertise`).set(browser).send({ topics }).expect(200);
      jurors.push({ id: member.id, topics });
    }
    // Two conflicts, one with the only expert of a project's single field (health, a few projects).
    const healthExpert = jurors.find((j) => j.topics.includes('health'))!;
    const healthOnly = apps.find((a) => a.tags.length === 1 && a.tags[0] === 'health')!;
    const conflicted = [[healthExpert.id, healthOnly.id], [jurors[0]!.id, apps[0]!.id]] as const;
    for (const [jurorId, applicationId] of conflicted) {
      const { userId } = await t.prisma.juror.findUniqueOrThrow({ where: { id: jurorId } });
      await staff.post(`/api/rounds/${round.id}/conflicts`).set(browser).send({ jurorUserId: userId, applicationId, reason: 'Lien familial' }).expect(200);
    }
    const first = (await staff.post(`/api/rounds/${round.id}/assignments/auto/preview`).set(browser).expect(200)).body as TAssignmentPlan;
    const second = (await staff.post(`/api/rounds/${round.id}/assignments/auto/preview`).set(browser).expect(200)).body as TAssignmentPlan;
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(first).toMatchObject({ created: apps.length * 3, shortfalls: [], avoidedUsed: 0, optimal: true });
    expect(first.maxLoad - first.minLoad).toBeLessThanOrEqual(1);
    const conflictKeys = new Set(conflicted.map(([j, a]) => `${j}:${a}`));
    expect(first.pairs.filter((p) => conflictKeys.has(`${p.jurorId}:${p.applicationId}`))).toEqual([]);
    for (const app of apps) {
      const knowers = jurors.filter((j) => j.topics.some((k) => app.tags.includes(k)) && !conflictKeys.has(`${j.id}:${app.id}`));
      const readers = first.pairs.filter((p) => p.applicationId === app.id);
      expect(readers).toHaveLength(3);
      if (knowers.length > 0) expect(readers.some((p) => knowers.some((k) => k.id === p.jurorId))).toBe(true);
      else expect(first.unmatched).toContain(app.id);
    }
    expect(first.unmatched).toEqual([healthOnly.id]);
    expect(first.notReadByKnower).toEqual([]);
    const run = (await staff.post(`/api/rounds/${round.id}/assignments/auto?fingerprint=${first.fingerprint}`).set(browser).expect(200)).body as TAssignmentPlan;
    expect(run.fingerprint).toBe(first.fingerprint);
  });

  it('refuses the preview to anyone but staff', async () => {
    const { round, jurors } = await seed([['women']], 1);
    await t.http().post(`/api/rounds/${round.id}/assignments/auto/preview`).set(browser).expect(401);
    for (const client of [applicant, jurors[0]!.client]) await client.post(`/api/rounds/${round.id}/assignments/auto/preview`).set(browser).expect(403);
  });
});
