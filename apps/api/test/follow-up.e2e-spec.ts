import type { TFollowUpDashboard, TProgrammeRequest } from '@tahkim/contracts';
import { createPrismaClient, type Prisma } from '@tahkim/db';
import ExcelJS from 'exceljs';
import { Pool, type PoolClient } from 'pg';
import { createApplication, demoLikeAnswers } from './support/application-factory';
import { createCall } from './support/call-factory';
import { createUser } from './support/factories';
import { signInStaffAndOthers } from './support/sign-in';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';

const browser = { Origin: APP_ORIGIN, 'Accept-Language': 'en' };
const NOT_FOUND = { statusCode: 404, code: 'NOT_FOUND', message: 'The requested item was not found.', requestId: expect.any(String) };
const DAY_MS = 86_400_000;
const text = (fr: string, ar = '', en = '') => ({ fr, ar, en });

/** Women trained: its Arabic label must reach an Arabic export as written. */
const WOMEN_AR = 'النساء المكوَّنات';

/**
 * The follow-up dashboard of a call's supported projects: milestone states by the database clock for
 * every report status, indicator values from accepted reports only (SUM adds up, LATEST keeps the last),
 * totals and regions, its CSV and XLSX export, and who may read it. The statements it sends do not grow
 * with the number of projects.
 */
describe('follow-up of supported projects', () => {
  const sent: string[] = [];
  let counting = false;
  let pool: Pool;
  let t: TestApp;
  let staff: Client;
  let staffId: string;
  let others: Client[];

  beforeAll(async () => {
    pool = new Pool({ connectionString: process.env.DATABASE_URL! });
    pool.on('connect', (connection: PoolClient) => {
      const query = connection.query.bind(connection) as (...args: unknown[]) => unknown;
      (connection as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        if (counting) sent.push(String(typeof args[0] === 'string' ? args[0] : (args[0] as { text: string }).text).slice(0, 80));
        return query(...args);
      };
    });
    t = await createTestApp({}, { prisma: createPrismaClient(process.env.DATABASE_URL!, { pool }) });
    ({ staff, others, staffUser: { id: staffId } } = await signInStaffAndOthers(t));
  });
  afterAll(async () => {
    await t.close();
    await pool.end();
  });

  async function databaseNow(): Promise<number> {
    const [row] = await t.prisma.$queryRaw<Array<{ now: Date }>>`SELECT now() AS "now"`;
    return row!.now.getTime();
  }

  /**
   * A decided call with a programme: kickoff (no report, past), first (60 days ago), second (10 days
   * ago), final (in 30 days); women trained (SUM, 50, Arabic label), monthly revenue (LATEST, 40000),
   * drop-outs (SUM, lower is better, 5, French label only).
   */
  async function programmeCall() {
    const call = await createCall(t.prisma, { createdById: staffId, status: 'DECIDED', opensAt: new Date(Date.now() - 400 * DAY_MS), closesAt: new Date(Date.now() - 300 * DAY_MS) });
    const now = await databaseNow();
    const at = (days: number) => new Date(now + days * DAY_MS).toISOString();
    const programme: TProgrammeRequest = {
      version: 0,
      milestones: [
        { key: 'kickoff', title: text('Lancement', 'الانطلاق', 'Kick-off'), dueAt: at(-90), reportDue: false },
        { key: 'first', title: text('Premier rapport', 'التقرير الأول', 'First report'), dueAt: at(-60) },
        { key: 'second', title: text('Deuxième rapport', 'التقرير الثاني', 'Second report'), dueAt: at(-10) },
        { key: 'final', title: text('Rapport final', 'التقرير النهائي', 'Final report'), dueAt: at(30) },
      ],
      indicators: [
        { key: 'women', label: text('Femmes formées', WOMEN_AR, 'Women trained'), unit: text('femmes', 'امرأة', 'women'), target: 50, direction: 'HIGHER_IS_BETTER', aggregation: 'SUM' },
        { key: 'revenue', label: text('Chiffre d’affaires mensuel', 'رقم المعاملات الشهري', 'Monthly revenue'), unit: text('MAD', 'درهم', 'MAD'), target: 40000, direction: 'HIGHER_IS_BETTER', aggregation: 'LATEST' },
        { key: 'dropouts', label: text('Abandons'), unit: text(''), target: 5, direction: 'LOWER_IS_BETTER', aggregation: 'SUM' },
      ],
    };
    await staff.put(`/api/calls/${call.id}/programme`).set(browser).send(programme).expect(200);
    const milestones = await t.prisma.programmeMilestone.findMany({ where: { programme: { callId: call.id } } });
    const milestone = (key: string) => milestones.find((m) => m.key === key)!;
    return { call, now, milestone };
  }

  async function winner(callId: string, answers: Record<string, unknown>, title: string) {
    const owner = await createUser(t.prisma);
    return createApplication(t.prisma, { callId, ownerId: owner.id, status: 'WINNER', answers: demoLikeAnswers({ project_title: title, ...answers }), submittedAt: new Date(Date.now() - 350 * DAY_MS) });
  }

  async function report(milestone: { id: string; dueAt: Date }, applicationId: string, status: 'DRAFT' | 'SUBMITTED' | 'CHANGES_REQUESTED' | 'ACCEPTED', values: Record<string, number | null>, submittedDaysFromDue = -2) {
    const submittedAt = status === 'DRAFT' ? null : new Date(milestone.dueAt.getTime() + submittedDaysFromDue * DAY_MS);
    await t.prisma.progressReport.create({
      data: {
        milestoneId: milestone.id,
        applicationId,
        status,
        answers: { achievements: 'Formation de la cohorte.' },
        indicatorValues: values as Prisma.InputJsonObject,
        submittedAt,
        reviewedAt: status === 'ACCEPTED' || status === 'CHANGES_REQUESTED' ? new Date(submittedAt!.getTime() + DAY_MS) : null,
      },
    });
  }

  async function dashboard(callId: string, language = 'en'): Promise<TFollowUpDashboard> {
    return (await staff.get(`/api/calls/${callId}/follow-up`).set({ ...browser, 'Accept-Language': language }).expect(200)).body as TFollowUpDashboard;
  }

  /**
   * Fès (its presentation says so, whatever its answers), Drâa-Tafilalet (from its answers), and one
   * without a region; a project not selected with an accepted report, which is no project of the programme.
   */
  async function threeProjects() {
    const setup = await programmeCall();
    const { call, milestone } = setup;
    const fes = await winner(call.id, { region: 'MA-09' }, 'مطبخ النور');
    await t.prisma.publicProfile.create({ data: { applicationId: fes.id, callId: call.id, title: text('Cuisine'), organisation: text(''), summary: text(''), region: 'MA-03' } });
    const draa = await winner(call.id, { region: 'MA-08' }, 'Tissage Atlas');
    const nowhere = await winner(call.id, { region: undefined }, 'Recyclerie');
    const notSelected = await createApplication(t.prisma, { callId: call.id, ownerId: (await createUser(t.prisma)).id, status: 'NOT_SELECTED' });

    await report(milestone('first'), fes.id, 'ACCEPTED', { women: 20, revenue: 10000, dropouts: 4 });
    await report(milestone('second'), fes.id, 'ACCEPTED', { women: 15, revenue: 25000, dropouts: null });
    await report(milestone('first'), draa.id, 'ACCEPTED', { women: 10, revenue: 5000 });
    // Waiting for staff, sent back, a draft: none of their values count.
    await report(milestone('second'), draa.id, 'SUBMITTED', { women: 99, revenue: 99999, dropouts: 9 }, 3);
    await report(milestone('first'), nowhere.id, 'CHANGES_REQUESTED', { women: 50, revenue: 1 });
    await report(milestone('final'), nowhere.id, 'DRAFT', { women: 7 });
    await report(milestone('first'), notSelected.id, 'ACCEPTED', { women: 1000 });
    return { ...setup, fes, draa, nowhere };
  }

  it('adds up accepted reports only: SUM and LATEST per project, progress, totals, regions and milestone states', async () => {
    const { call, now, fes, draa, nowhere } = await threeProjects();
    const board = await dashboard(call.id);
    expect(board.callId).toBe(call.id);
    expect(Math.abs(new Date(board.now).getTime() - now)).toBeLessThan(60_000);
    expect(board.milestones.map((m) => m.key)).toEqual(['kickoff', 'first', 'second', 'final']);
    expect(board.indicators.map((i) => i.key)).toEqual(['women', 'revenue', 'dropouts']);
    expect(board.projects.map((p) => p.applicationId)).toEqual([fes.id, draa.id, nowhere.id]);
    const [p1, p2, p3] = board.projects as [TFollowUpDashboard['projects'][number], TFollowUpDashboard['projects'][number], TFollowUpDashboard['projects'][number]];
    expect([p1.title, p1.reference, p1.region, p2.region, p3.region]).toEqual(['مطبخ النور', fes.reference, 'MA-03', 'MA-08', null]);

    const indicator = (project: typeof p1, key: string) => project.indicators.find((i) => i.key === key)!;
    expect(indicator(p1, 'women')).toEqual({
      key: 'women',
      points: [
        { milestoneKey: 'first', dueAt: board.milestones[1]!.dueAt, value: 20, cumulative: 20 },
        { milestoneKey: 'second', dueAt: board.milestones[2]!.dueAt, value: 15, cumulative: 35 },
      ],
      value: 35,
      target: 50,
      progress: 0.7,
    });
    expect(indicator(p1, 'revenue')).toMatchObject({ points: [{ value: 10000, cumulative: 10000 }, { value: 25000, cumulative: 25000 }], value: 25000, progress: 0.625 });
    // Lower is better: 4 drop-outs against a target of 5; the second report did not measure it.
    expect(indicator(p1, 'dropouts')).toMatchObject({ points: [{ value: 4, cumulative: 4 }, { value: null, cumulative: 4 }], value: 4, progress: 1.25 });
    // The submitted second report (99 women) is not counted yet.
    expect(indicator(p2, 'women')).toMatchObject({ points: [{ milestoneKey: 'first', value: 10, cumulative: 10 }], value: 10, progress: 0.2 });
    expect(indicator(p2, 'dropouts')).toMatchObject({ points: [{ value: null, cumulative: null }], value: null, progress: null });
    expect(p3.indicators.map((i) => [i.points, i.value, i.progress])).toEqual([[[], null, null], [[], null, null], [[], null, null]]);

    expect(board.totals).toEqual([
      { key: 'women', value: 45, target: 150, projects: 2 },
      { key: 'revenue', value: 30000, target: 120000, projects: 2 },
      { key: 'dropouts', value: 4, target: 15, projects: 1 },
    ]);
    expect(board.regions).toEqual([
      { region: 'MA-03', projects: 1, values: { women: 35, revenue: 25000, dropouts: 4 } },
      { region: 'MA-08', projects: 1, values: { women: 10, revenue: 5000, dropouts: null } },
      { region: null, projects: 1, values: { women: null, revenue: null, dropouts: null } },
    ]);

    const states = (project: typeof p1) => project.milestones.map((m) => [m.key, m.state, m.status, m.late]);
    expect(states(p1)).toEqual([['kickoff', 'DONE', null, false], ['first', 'DONE', 'ACCEPTED', false], ['second', 'DONE', 'ACCEPTED', false], ['final', 'UPCOMING', null, false]]);
    expect(states(p2)).toEqual([['kickoff', 'DONE', null, false], ['first', 'DONE', 'ACCEPTED', false], ['second', 'SUBMITTED', 'SUBMITTED', true], ['final', 'UPCOMING', null, false]]);
    expect(states(p3)).toEqual([['kickoff', 'DONE', null, false], ['first', 'CHANGES_REQUESTED', 'CHANGES_REQUESTED', false], ['second', 'LATE', null, true], ['final', 'UPCOMING', 'DRAFT', false]]);
    expect(p2.milestones[2]!.submittedAt).not.toBeNull();
    // Three projects times three milestones with a report; the kick-off is not counted.
    expect(board.counts).toEqual({ UPCOMING: 3, DUE: 0, LATE: 1, SUBMITTED: 1, CHANGES_REQUESTED: 1, DONE: 3 });
  });

  it('reads the dashboard in the same few statements however many projects and reports there are', async () => {
    const { call, milestone } = await programmeCall();
    const count = async () => {
      sent.length = 0;
      counting = true;
      try {
        await dashboard(call.id);
      } finally {
        counting = false;
      }
      return sent.length;
    };
    const addProjects = async (n: number) => {
      for (let i = 0; i < n; i += 1) {
        const project = await winner(call.id, { region: 'MA-01' }, `Projet ${i}`);
        await report(milestone('first'), project.id, 'ACCEPTED', { women: 3, revenue: 100 * i });
        await report(milestone('second'), project.id, 'SUBMITTED', { women: 1 });
      }
    };
    await addProjects(2);
    const few = await count();
    await addProjects(8);
    const many = await count();
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(10);
    const board = await dashboard(call.id);
    expect(board.totals[0]).toEqual({ key: 'women', value: 30, target: 500, projects: 10 });
  });

  it('exports one row per project and indicator, CSV with Arabic intact and titles in the caller’s language', async () => {
    const { call, fes, draa } = await threeProjects();
    const res = await staff.get(`/api/calls/${call.id}/follow-up/export`).query({ format: 'csv' }).set({ ...browser, 'Accept-Language': 'ar' }).responseType('blob').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="follow-up-${call.slug}.csv"`);
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.toString('utf8').slice(1).trim().split('\r\n');
    // The kick-off has no report: no column.
    expect(lines[0]).toBe('المرجع,المشروع,الجهة,المؤشر,الوحدة,التقرير الأول,التقرير الثاني,التقرير النهائي,القيمة الحالية,الهدف,نسبة التقدم (%)');
    expect(lines).toHaveLength(1 + 3 * 3);
    expect(lines[1]).toBe(`${fes.reference},مطبخ النور,جهة فاس مكناس,${WOMEN_AR},امرأة,20,15,,35,50,70`);
    expect(lines[2]).toBe(`${fes.reference},مطبخ النور,جهة فاس مكناس,رقم المعاملات الشهري,درهم,10000,25000,,25000,40000,62.5`);
    // A label written in French only is given in French.
    expect(lines[3]).toBe(`${fes.reference},مطبخ النور,جهة فاس مكناس,Abandons,,4,,,4,5,125`);
    expect(lines[4]).toBe(`${draa.reference},Tissage Atlas,جهة درعة تافيلالت,${WOMEN_AR},امرأة,10,,,10,50,20`);
    expect(lines[7]).toMatch(/,Recyclerie,,النساء المكوَّنات,امرأة,,,,,50,$/);

    const french = await staff.get(`/api/calls/${call.id}/follow-up/export`).set({ ...browser, 'Accept-Language': 'fr' }).responseType('blob').expect(200);
    const frenchLines = (french.body as Buffer).toString('utf8').slice(1).split('\r\n');
    expect(frenchLines[0]).toBe('Référence,Projet,Région,Indicateur,Unité,Premier rapport,Deuxième rapport,Rapport final,Valeur actuelle,Cible,Avancement (%)');
    expect(frenchLines[1]).toContain(',Fès-Meknès,Femmes formées,femmes,20,15,,35,50,70');
  });

  it('exports XLSX that reads back with the Arabic label and the values, right to left for Arabic readers', async () => {
    const { call, fes } = await threeProjects();
    const res = await staff.get(`/api/calls/${call.id}/follow-up/export`).query({ format: 'xlsx' }).set({ ...browser, 'Accept-Language': 'ar' }).responseType('blob').expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="follow-up-${call.slug}.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.body as Buffer as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
    expect(sheet.rowCount).toBe(10);
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['المرجع', 'المشروع', 'الجهة']);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([fes.reference, 'مطبخ النور', 'جهة فاس مكناس', WOMEN_AR, 'امرأة', 20, 15, undefined, 35, 50, 70]);

    await staff.get(`/api/calls/${call.id}/follow-up/export`).query({ format: 'pdf' }).set(browser).expect(400);
  });

  it('gives empty lists for a call without a programme, 404 for an unknown call', async () => {
    const call = await createCall(t.prisma, { createdById: staffId, status: 'DECIDED' });
    await winner(call.id, {}, 'Sans programme');
    const board = await dashboard(call.id);
    expect(board).toEqual({
      callId: call.id,
      now: expect.any(String),
      milestones: [],
      indicators: [],
      projects: [],
      totals: [],
      regions: [],
      counts: { UPCOMING: 0, DUE: 0, LATE: 0, SUBMITTED: 0, CHANGES_REQUESTED: 0, DONE: 0 },
    });
    const csv = await staff.get(`/api/calls/${call.id}/follow-up/export`).set(browser).responseType('blob').expect(200);
    expect((csv.body as Buffer).toString('utf8').slice(1).trim().split('\r\n')).toHaveLength(1);
    const unknown = '01900000-0000-7000-8000-000000000000';
    expect((await staff.get(`/api/calls/${unknown}/follow-up`).set(browser).expect(404)).body).toEqual(NOT_FOUND);
    await staff.get(`/api/calls/${unknown}/follow-up/export`).set(browser).expect(404);
  });

  it('is hidden from applicants and jurors (404) and refused to anonymous callers (401)', async () => {
    const { call } = await programmeCall();
    for (const client of others) {
      expect((await client.get(`/api/calls/${call.id}/follow-up`).set(browser).expect(404)).body).toEqual(NOT_FOUND);
      expect((await client.get(`/api/calls/${call.id}/follow-up/export`).query({ format: 'xlsx' }).set(browser).expect(404)).body).toEqual(NOT_FOUND);
    }
    const anonymous = await t.http().get(`/api/calls/${call.id}/follow-up`).set(browser).expect(401);
    expect(anonymous.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED' });
    await t.http().get(`/api/calls/${call.id}/follow-up/export`).set(browser).expect(401);
  });
});
