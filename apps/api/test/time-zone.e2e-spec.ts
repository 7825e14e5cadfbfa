import { offsetMinutesAt, toWallClock } from '@tahkim/contracts';
import { CASABLANCA } from '@tahkim/contracts/time-zone-data';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';
import { createUser } from './support/factories';
import { createCall } from './support/call-factory';
import { attachFile, demoLikeAnswers } from './support/application-factory';

const browser = { Origin: APP_ORIGIN };
const DAY_MS = 86_400_000;

/** What Casablanca's clocks read at an instant, to the second ("2026-12-05T17:59:30"), with the packaged data. */
function wallClockWithSeconds(instant: Date): string {
  return `${toWallClock(CASABLANCA, instant).dateTime}:${String(instant.getUTCSeconds()).padStart(2, '0')}`;
}

describe('Casablanca time from the packaged time-zone data', () => {
  let t: TestApp;
  let staffUser: Awaited<ReturnType<typeof createUser>>;
  let staff: Client;

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  async function dbNow(): Promise<Date> {
    const [row] = await t.prisma.$queryRaw<Array<{ now: Date }>>`SELECT now() AS "now"`;
    return row!.now;
  }

  async function draftFor(callId: string) {
    const user = await createUser(t.prisma, { locale: 'fr' });
    const client = await signIn(user);
    const created = await client.post(`/api/calls/${callId}/applications`).set(browser).expect(201);
    const saved = await client.patch(`/api/applications/${created.body.id}`).set(browser).send({ version: created.body.version, answers: demoLikeAnswers() }).expect(200);
    await attachFile(t.prisma, created.body.id);
    return { client, id: saved.body.id as string };
  }

  beforeAll(async () => {
    t = await createTestApp();
    staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    staff = await signIn(staffUser);
  });
  afterAll(() => t.close());

  it('serves the zone table and its data version to browsers, without a session', async () => {
    const res = await t.http().get('/api/time-zone').expect(200);
    expect(res.body).toMatchObject({ zone: 'Africa/Casablanca', dataVersion: expect.stringMatching(/^20\d\d[a-z]$/), from: '2000-01-01T00:00:00.000Z' });
    expect(res.body.dataVersion >= '2026c').toBe(true);
    const last = res.body.transitions.at(-1);
    expect(last).toEqual({ at: '2026-09-20T01:00:00.000Z', offsetMinutes: 0 });
    expect(res.body.transitions.at(-2)).toEqual({ at: '2026-03-22T02:00:00.000Z', offsetMinutes: 60 });
  });

  it('stores a deadline typed as 18:00 at 18:00 UTC and answers it with its wall-clock time and offset', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id });
    const day = toWallClock(CASABLANCA, new Date((await dbNow()).getTime() + 3 * DAY_MS)).dateTime.slice(0, 10);
    const res = await staff.patch(`/api/calls/${call.id}`).set(browser).send({ closesAt: `${day}T18:00` }).expect(200);
    expect(res.body.closesAt).toBe(`${day}T18:00:00.000Z`);
    expect(res.body.closesAtLocal).toEqual({ dateTime: `${day}T18:00`, offset: '+00:00' });
    const stored = await t.prisma.call.findUniqueOrThrow({ where: { id: call.id } });
    expect(stored.closesAt.toISOString()).toBe(`${day}T18:00:00.000Z`);
    expect(stored.deadlinesReviewedAt).not.toBeNull();

    const page = await t.http().get(`/api/calls/${call.slug}`).expect(200);
    expect(page.body.closesAtLocal).toEqual({ dateTime: `${day}T18:00`, offset: '+00:00' });

    // API clients may still send an absolute instant; a date of summer 2026 reads UTC+1.
    const absolute = await staff.patch(`/api/calls/${call.id}`).set(browser).send({ opensAt: '2026-07-01T08:00:00Z', closesAt: '2027-01-15T18:00:00+01:00' }).expect(200);
    expect(absolute.body).toMatchObject({
      opensAt: '2026-07-01T08:00:00.000Z', opensAtLocal: { dateTime: '2026-07-01T09:00', offset: '+01:00' },
      closesAt: '2027-01-15T17:00:00.000Z', closesAtLocal: { dateTime: '2027-01-15T17:00', offset: '+00:00' },
    });
    // A wall-clock time that is not a date is refused, naming the field.
    const bad = await staff.patch(`/api/calls/${call.id}`).set(browser).send({ closesAt: '2027-02-30T18:00' }).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('takes a round’s dates as Casablanca wall-clock time too', async () => {
    const call = await createCall(t.prisma, { createdById: staffUser.id });
    const res = await staff.post(`/api/calls/${call.id}/rounds`).set(browser)
      .send({ name: { ar: 'ج', fr: 'Tour 2', en: 'Round 2' }, opensAt: '2027-01-10T09:00', closesAt: '2027-01-20T18:00' }).expect(201);
    expect(res.body).toMatchObject({
      opensAt: '2027-01-10T09:00:00.000Z', closesAt: '2027-01-20T18:00:00.000Z',
      opensAtLocal: { dateTime: '2027-01-10T09:00', offset: '+00:00' }, closesAtLocal: { dateTime: '2027-01-20T18:00', offset: '+00:00' },
    });
    const moved = await staff.patch(`/api/rounds/${res.body.id}`).set(browser).send({ closesAt: '2027-01-21T18:00' }).expect(200);
    expect(moved.body.closesAt).toBe('2027-01-21T18:00:00.000Z');
    await staff.patch(`/api/rounds/${res.body.id}`).set(browser).send({ closesAt: '2027-01-09T18:00' }).expect(400);
  });

  it('accepts a submission 30 s before a typed deadline, refuses one 1 s after; the receipt and the export read the same clock', async () => {
    // The submit check runs on the database clock: the typed deadlines are set relative to it.
    const onTimeCall = await createCall(t.prisma, { createdById: staffUser.id });
    const lateCall = await createCall(t.prisma, { createdById: staffUser.id });
    const onTime = await draftFor(onTimeCall.id);
    const late = await draftFor(lateCall.id);

    const now = await dbNow();
    const lateDeadline = wallClockWithSeconds(new Date(now.getTime() - 1000));
    await staff.patch(`/api/calls/${lateCall.id}`).set(browser).send({ closesAt: lateDeadline }).expect(200);
    const refused = await late.client.post(`/api/applications/${late.id}/submit`).set(browser).send({}).expect(409);
    expect(refused.body.code).toBe('DEADLINE_PASSED');

    const deadline = new Date(now.getTime() + 30_000);
    await staff.patch(`/api/calls/${onTimeCall.id}`).set(browser).send({ closesAt: wallClockWithSeconds(deadline) }).expect(200);
    expect((await t.prisma.call.findUniqueOrThrow({ where: { id: onTimeCall.id } })).closesAt.getTime()).toBe(Math.floor(deadline.getTime() / 1000) * 1000);
    await onTime.client.post(`/api/applications/${onTime.id}/submit`).set(browser).send({}).expect(200);

    const stored = await t.prisma.application.findUniqueOrThrow({ where: { id: onTime.id } });
    const clock = toWallClock(CASABLANCA, stored.submittedAt!);
    const hhmm = clock.dateTime.slice(11, 16);
    const receipt = await t.prisma.emailMessage.findUniqueOrThrow({ where: { dedupeKey: `application-received:${onTime.id}` } });
    // The date is a value quoted in the sentence: isolated (… \u2069) in the text part.
    expect(receipt.text).toContain(`à ${hhmm}\u2069 (heure de Casablanca)`);
    // Node's own ICU data may still put Morocco on UTC+1: its reading must not be what the email says.
    const nodeReading = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Africa/Casablanca', timeStyle: 'short' }).format(stored.submittedAt!);
    if (nodeReading !== hhmm) expect(receipt.text).not.toContain(`à ${nodeReading}\u2069`);

    // In December 2026 Casablanca is on UTC+0: the receipt's time is the UTC one, not an hour ahead.
    expect(clock.offset).toBe('+00:00');
    expect(hhmm).toBe(stored.submittedAt!.toISOString().slice(11, 16));

    // The export reads the same clock as the receipt.
    const csv = await staff.get(`/api/calls/${onTimeCall.id}/applications.csv`).set('Accept-Language', 'fr').responseType('blob').expect(200);
    const lines = (csv.body as Buffer).toString('utf8').slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,${clock.dateTime.replace('T', ' ')},`);
  });

  it('lists dates stored before the server converted them, and moves or confirms them with an audit row', async () => {
    // Typed as 18:00 in a browser whose data still said UTC+1: stored at 17:00 UTC, reads 17:00 now.
    const affected = await createCall(t.prisma, { createdById: staffUser.id, opensAt: new Date('2026-11-01T08:00:00Z'), closesAt: new Date('2027-01-15T17:00:00Z') });
    const round = await t.prisma.round.create({ data: { callId: affected.id, number: 1, name: { ar: 'ج', fr: 'Tour 1', en: 'Round 1' }, closesAt: new Date('2027-01-25T17:00:00Z') } });
    // Before the change, every data set agreed: not listed.
    const older = await createCall(t.prisma, { createdById: staffUser.id, opensAt: new Date('2026-05-01T08:00:00Z'), closesAt: new Date('2026-09-01T17:00:00Z'), status: 'CLOSED' });
    // Created through the API: converted by the server, not listed.
    const typed = await createCall(t.prisma, { createdById: staffUser.id });
    await staff.patch(`/api/calls/${typed.id}`).set(browser).send({ opensAt: '2026-11-01T09:00', closesAt: '2027-01-15T18:00' }).expect(200);

    const list = await staff.get('/api/admin/deadline-reviews').expect(200);
    expect(list.body.changedAt).toBe('2026-09-20T01:00:00.000Z');
    const ids = list.body.items.map((item: { callId: string }) => item.callId);
    expect(ids).toContain(affected.id);
    expect(ids).not.toContain(older.id);
    expect(ids).not.toContain(typed.id);
    const item = list.body.items.find((entry: { callId: string }) => entry.callId === affected.id);
    expect(item.dates).toEqual([
      { roundId: null, roundNumber: null, field: 'opensAt', at: '2026-11-01T08:00:00.000Z', now: { dateTime: '2026-11-01T08:00', offset: '+00:00' }, underOldRule: { dateTime: '2026-11-01T09:00', offset: '+01:00' }, movedAt: '2026-11-01T09:00:00.000Z' },
      { roundId: null, roundNumber: null, field: 'closesAt', at: '2027-01-15T17:00:00.000Z', now: { dateTime: '2027-01-15T17:00', offset: '+00:00' }, underOldRule: { dateTime: '2027-01-15T18:00', offset: '+01:00' }, movedAt: '2027-01-15T18:00:00.000Z' },
      { roundId: round.id, roundNumber: 1, field: 'closesAt', at: '2027-01-25T17:00:00.000Z', now: { dateTime: '2027-01-25T17:00', offset: '+00:00' }, underOldRule: { dateTime: '2027-01-25T18:00', offset: '+01:00' }, movedAt: '2027-01-25T18:00:00.000Z' },
    ]);

    // Staff only.
    const applicant = await signIn(await createUser(t.prisma));
    await applicant.get('/api/admin/deadline-reviews').expect(403);
    await applicant.post(`/api/admin/calls/${affected.id}/deadline-review`).set(browser).send({ action: 'MOVE_LATER' }).expect(403);

    const moved = await staff.post(`/api/admin/calls/${affected.id}/deadline-review`).set(browser).send({ action: 'MOVE_LATER' }).expect(200);
    expect(moved.body.items.map((entry: { callId: string }) => entry.callId)).not.toContain(affected.id);
    const after = await t.prisma.call.findUniqueOrThrow({ where: { id: affected.id }, include: { rounds: true } });
    expect(after.opensAt.toISOString()).toBe('2026-11-01T09:00:00.000Z');
    expect(after.closesAt.toISOString()).toBe('2027-01-15T18:00:00.000Z');
    expect(after.rounds[0]!.closesAt!.toISOString()).toBe('2027-01-25T18:00:00.000Z');
    const audit = await t.prisma.auditEvent.findMany({ where: { entityId: affected.id, action: { startsWith: 'call.deadlines_' } } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'call.deadlines_moved', actorId: staffUser.id, before: { dates: expect.arrayContaining([{ round: null, field: 'closesAt', at: '2027-01-15T17:00:00.000Z' }]) } });

    // A second click changes nothing (no second hour, no second audit row).
    await staff.post(`/api/admin/calls/${affected.id}/deadline-review`).set(browser).send({ action: 'MOVE_LATER' }).expect(200);
    expect((await t.prisma.call.findUniqueOrThrow({ where: { id: affected.id } })).closesAt.toISOString()).toBe('2027-01-15T18:00:00.000Z');
    expect(await t.prisma.auditEvent.count({ where: { entityId: affected.id, action: { startsWith: 'call.deadlines_' } } })).toBe(1);

    // Confirming keeps the stored instants.
    const kept = await createCall(t.prisma, { createdById: staffUser.id, opensAt: new Date('2026-11-01T08:00:00Z'), closesAt: new Date('2027-03-01T12:00:00Z') });
    await staff.post(`/api/admin/calls/${kept.id}/deadline-review`).set(browser).send({ action: 'CONFIRM' }).expect(200);
    const confirmed = await t.prisma.call.findUniqueOrThrow({ where: { id: kept.id } });
    expect(confirmed.closesAt.toISOString()).toBe('2027-03-01T12:00:00.000Z');
    expect(confirmed.deadlinesReviewedAt).not.toBeNull();
    expect(await t.prisma.auditEvent.count({ where: { entityId: kept.id, action: 'call.deadlines_confirmed' } })).toBe(1);
    expect(offsetMinutesAt(CASABLANCA, confirmed.closesAt.getTime())).toBe(0);
  });
});
