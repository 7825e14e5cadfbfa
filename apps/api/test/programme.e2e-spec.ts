import type { TProgramme, TProgrammeRequest } from '@tahkim/contracts';
import { createCall } from './support/call-factory';
import { signInStaffAndOthers } from './support/sign-in';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';

const browser = { Origin: APP_ORIGIN, 'Accept-Language': 'en' };
const text = (fr: string, ar = '', en = '') => ({ fr, ar, en });

const PROGRAMME: TProgrammeRequest = {
  version: 0,
  milestones: [
    { key: 'first_cohort', title: text('Première cohorte formée', 'تكوين الفوج الأول'), dueAt: '2027-03-31T23:59', reportDue: true },
    { key: 'final_report', title: text('Rapport final', 'التقرير النهائي', 'Final report'), description: text('Bilan de l’année'), dueAt: '2027-11-30T23:59' },
  ],
  indicators: [
    { key: 'women_trained', label: text('Femmes formées', 'النساء المكوَّنات', 'Women trained'), unit: text('femmes', 'امرأة', 'women'), target: 50, direction: 'HIGHER_IS_BETTER', aggregation: 'SUM' },
    { key: 'monthly_revenue', label: text('Chiffre d’affaires mensuel'), unit: text('MAD', 'درهم', 'MAD'), target: 40000, direction: 'HIGHER_IS_BETTER', aggregation: 'LATEST' },
  ],
};

/** A call's support programme: staff set milestones (Casablanca due dates) and indicators; nobody else sees it. */
describe('support programme', () => {
  let t: TestApp;
  let staff: Client;
  let staffId: string;
  let others: Client[];

  beforeAll(async () => {
    t = await createTestApp();
    ({ staff, others, staffUser: { id: staffId } } = await signInStaffAndOthers(t));
  });
  afterAll(async () => t.close());

  it('starts empty, saves milestones and indicators in order, converts Casablanca dates and audits', async () => {
    const call = await createCall(t.prisma, { createdById: staffId, status: 'DECIDED' });
    const empty = (await staff.get(`/api/calls/${call.id}/programme`).set(browser).expect(200)).body as TProgramme;
    expect(empty).toEqual({ callId: call.id, version: 0, updatedAt: null, milestones: [], indicators: [] });

    const saved = (await staff.put(`/api/calls/${call.id}/programme`).set(browser).send(PROGRAMME).expect(200)).body as TProgramme;
    expect(saved.version).toBe(1);
    expect(saved.milestones.map((m) => m.key)).toEqual(['first_cohort', 'final_report']);
    // 31 March 2027 23:59 in Casablanca: UTC+0 since Morocco's change of 20 September 2026, by the server's zone data.
    expect(saved.milestones[0]).toMatchObject({ dueAt: '2027-03-31T23:59:00.000Z', dueAtLocal: { dateTime: '2027-03-31T23:59', offset: '+00:00' }, reportDue: true, description: null });
    expect(saved.milestones[1]!.description).toEqual(text('Bilan de l’année'));
    expect(saved.indicators[1]).toMatchObject({ key: 'monthly_revenue', target: 40000, aggregation: 'LATEST' });
    expect(await t.prisma.auditEvent.count({ where: { action: 'programme.updated', entityId: call.id, actorId: staffId } })).toBe(1);

    // Reordered, one removed, a description cleared: the stored programme follows exactly.
    const next = {
      version: 1,
      milestones: [{ ...PROGRAMME.milestones[1]!, description: undefined }, PROGRAMME.milestones[0]!],
      indicators: [PROGRAMME.indicators[1]!],
    };
    const changed = (await staff.put(`/api/calls/${call.id}/programme`).set(browser).send(next).expect(200)).body as TProgramme;
    expect(changed.version).toBe(2);
    expect(changed.milestones.map((m) => [m.key, m.description])).toEqual([['final_report', null], ['first_cohort', null]]);
    expect(changed.indicators.map((i) => i.key)).toEqual(['monthly_revenue']);
    expect((await staff.get(`/api/calls/${call.id}/programme`).set(browser).expect(200)).body).toEqual(changed);
  });

  it('refuses a stale version (409 with the current one), duplicate keys and empty titles, changing nothing', async () => {
    const call = await createCall(t.prisma, { createdById: staffId, status: 'DECIDED' });
    await staff.put(`/api/calls/${call.id}/programme`).set(browser).send(PROGRAMME).expect(200);
    const stale = await staff.put(`/api/calls/${call.id}/programme`).set(browser).send(PROGRAMME).expect(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { current: { version: 1 } } });

    const duplicate = await staff
      .put(`/api/calls/${call.id}/programme`)
      .set({ ...browser, 'Accept-Language': 'ar' })
      .send({ ...PROGRAMME, version: 1, milestones: [PROGRAMME.milestones[0], PROGRAMME.milestones[0]] })
      .expect(400);
    expect(duplicate.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [expect.objectContaining({ path: ['milestones', 1, 'key'] })] });
    expect(duplicate.body.message).toMatch(/[\u0600-\u06FF]/);
    await staff
      .put(`/api/calls/${call.id}/programme`)
      .set(browser)
      .send({ ...PROGRAMME, version: 1, indicators: [{ ...PROGRAMME.indicators[0], label: text(' ') }] })
      .expect(400);
    await staff.put(`/api/calls/${call.id}/programme`).set(browser).send({ ...PROGRAMME, version: 1, milestones: [{ ...PROGRAMME.milestones[0], dueAt: '31/03/2027' }] }).expect(400);
    const stored = (await staff.get(`/api/calls/${call.id}/programme`).set(browser).expect(200)).body as TProgramme;
    expect(stored.version).toBe(1);
    expect(stored.milestones).toHaveLength(2);
  });

  it('is hidden from applicants and jurors (404), refused to anonymous callers (401), 404 for an unknown call', async () => {
    const call = await createCall(t.prisma, { createdById: staffId, status: 'DECIDED' });
    for (const client of others) {
      await client.get(`/api/calls/${call.id}/programme`).set(browser).expect(404);
      await client.put(`/api/calls/${call.id}/programme`).set(browser).send(PROGRAMME).expect(404);
    }
    await t.http().get(`/api/calls/${call.id}/programme`).set(browser).expect(401);
    await staff.get('/api/calls/01900000-0000-7000-8000-000000000000/programme').set(browser).expect(404);
    expect(await t.prisma.programme.count({ where: { callId: call.id } })).toBe(0);
  });
});
