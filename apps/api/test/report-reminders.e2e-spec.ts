import type { TReminderRun } from '@tahkim/contracts';
import { casablancaTime } from '../src/common/time/casablanca-time';
import { ReportRemindersService } from '../src/modules/follow-up/report-reminders.service';
import { createApplication } from './support/application-factory';
import { createCall } from './support/call-factory';
import { createUser } from './support/factories';
import { signInStaffAndOthers } from './support/sign-in';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';

const browser = { Origin: APP_ORIGIN, 'Accept-Language': 'en' };
const NOT_FOUND = { statusCode: 404, code: 'NOT_FOUND', message: 'The requested item was not found.', requestId: expect.any(String) };
const DAY_MS = 86_400_000;
const text = (fr: string, ar: string, en: string) => ({ fr, ar, en });

type User = Awaited<ReturnType<typeof createUser>>;

/**
 * Progress report reminders, by the database clock: seven days before the due date, on the due day (in
 * Casablanca), once late; only the current step, to the project's owner in their language, through the
 * outbox with a key per milestone, project and step, so that running again sends nothing twice.
 */
describe('progress report reminders', () => {
  let t: TestApp;
  let staffUser: User;
  let staff: Client;
  let others: Client[];

  beforeAll(async () => {
    t = await createTestApp();
    ({ staffUser, staff, others } = await signInStaffAndOthers(t));
  });
  afterAll(async () => t.close());

  /**
   * Milestones placed around the database's now: `soon` in 5 days, `today` at the end of today in
   * Casablanca, `past` 3 days ago, `later` in 20 days, `meeting` (no report) a day ago. One winner owned
   * by an Arabic speaker, one by a French speaker (who has sent the `soon` report), one not selected.
   */
  async function programmeCall() {
    const call = await createCall(t.prisma, { createdById: staffUser.id, status: 'DECIDED', opensAt: new Date(Date.now() - 400 * DAY_MS), closesAt: new Date(Date.now() - 300 * DAY_MS) });
    const [row] = await t.prisma.$queryRaw<Array<{ now: Date }>>`SELECT now() AS "now"`;
    const now = row!.now;
    const today = casablancaTime.toWallClock(now).dateTime.slice(0, 10);
    // 23:59:59 in Casablanca today: still ahead of now (but for the very last second of a day).
    const endOfToday = new Date(casablancaTime.toInstant(`${today}T23:59`).getTime() + 59_000);
    const programme = await t.prisma.programme.create({
      data: {
        callId: call.id,
        milestones: {
          createMany: {
            data: [
              { key: 'soon', title: text('Rapport de la cohorte', 'تقرير الفوج', 'Cohort report'), dueAt: new Date(now.getTime() + 5 * DAY_MS), position: 1 },
              { key: 'today', title: text('Rapport à mi-parcours', 'تقرير منتصف المدة', 'Mid-term report'), dueAt: endOfToday, position: 2 },
              { key: 'past', title: text('Rapport de lancement', 'تقرير الانطلاق', 'Launch report'), dueAt: new Date(now.getTime() - 3 * DAY_MS), position: 3 },
              { key: 'later', title: text('Rapport final', 'التقرير النهائي', 'Final report'), dueAt: new Date(now.getTime() + 20 * DAY_MS), position: 4 },
              { key: 'meeting', title: text('Rencontre', 'لقاء', 'Meeting'), dueAt: new Date(now.getTime() - DAY_MS), reportDue: false, position: 5 },
            ],
          },
        },
      },
      include: { milestones: true },
    });
    const milestone = (key: string) => programme.milestones.find((m) => m.key === key)!;
    const arOwner = await createUser(t.prisma, { locale: 'ar' });
    const frOwner = await createUser(t.prisma, { locale: 'fr' });
    const arProject = await createApplication(t.prisma, { callId: call.id, ownerId: arOwner.id, status: 'WINNER', title: 'مطبخ النور التضامني' });
    const frProject = await createApplication(t.prisma, { callId: call.id, ownerId: frOwner.id, status: 'WINNER', title: 'Tissage Atlas' });
    await createApplication(t.prisma, { callId: call.id, ownerId: (await createUser(t.prisma)).id, status: 'NOT_SELECTED' });
    await t.prisma.progressReport.create({ data: { milestoneId: milestone('soon').id, applicationId: frProject.id, status: 'SUBMITTED', submittedAt: now } });
    // A draft does not stop the reminders.
    await t.prisma.progressReport.create({ data: { milestoneId: milestone('today').id, applicationId: frProject.id, status: 'DRAFT' } });
    return { call, now, milestone, arOwner, frOwner, arProject, frProject };
  }

  const reminders = (userId: string) => t.prisma.emailMessage.findMany({ where: { userId, template: 'report-reminder' }, orderBy: { dedupeKey: 'asc' } });

  it('sends the current step of each unsent report to its owner, in their language, once', async () => {
    const { call, milestone, arOwner, frOwner, arProject, frProject } = await programmeCall();
    const run = await staff.post(`/api/calls/${call.id}/programme/reminders`).set(browser).expect(200);
    expect(run.body).toEqual({ queued: 5, alreadySent: 0 });

    const key = (m: string, applicationId: string, step: string) => `report-reminder:${milestone(m).id}:${applicationId}:${step}`;
    const arEmails = await reminders(arOwner.id);
    expect(arEmails.map((email) => email.dedupeKey).sort()).toEqual(
      [key('soon', arProject.id, 'DUE_IN_7_DAYS'), key('today', arProject.id, 'DUE_TODAY'), key('past', arProject.id, 'LATE')].sort(),
    );
    // The French owner sent the `soon` report: nothing for it; the past milestone was never announced, it is late at once.
    const frEmails = await reminders(frOwner.id);
    expect(frEmails.map((email) => email.dedupeKey).sort()).toEqual([key('today', frProject.id, 'DUE_TODAY'), key('past', frProject.id, 'LATE')].sort());

    expect(arEmails.every((email) => email.locale === 'ar' && email.toAddress === arOwner.email && email.status === 'QUEUED')).toBe(true);
    expect(frEmails.every((email) => email.locale === 'fr' && email.toAddress === frOwner.email)).toBe(true);
    const ofStep = (emails: typeof arEmails, step: string) => emails.find((email) => email.dedupeKey!.endsWith(`:${step}`))!;

    const soon = ofStep(arEmails, 'DUE_IN_7_DAYS');
    const soonDue = casablancaTime.format(milestone('soon').dueAt, 'ar');
    expect(soon.subject).toBe(`تذكير: تقرير «تقرير الفوج» مطلوب قبل ${soonDue}`);
    expect(soon.text).toContain('مطبخ النور التضامني');
    expect(soon.text).toContain(arProject.reference!);
    expect(soon.text).toContain(soonDue);
    expect(soon.text).toContain(`\n\n${t.config.appUrl}/portal/applications/${arProject.id}/reports/soon\n\n`);
    expect(soon.html).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(ofStep(arEmails, 'DUE_TODAY').subject).toBe('اليوم آخر أجل لإرسال تقرير «تقرير منتصف المدة»');
    expect(ofStep(arEmails, 'LATE').subject).toBe('تقرير «تقرير الانطلاق» متأخر');

    expect(ofStep(frEmails, 'DUE_TODAY').subject).toBe('Dernier jour pour envoyer votre rapport « Rapport à mi-parcours »');
    const late = ofStep(frEmails, 'LATE');
    expect(late.subject).toBe('Votre rapport « Rapport de lancement » est en retard');
    expect(late.text).toContain(`était attendu le \u2068${casablancaTime.format(milestone('past').dueAt, 'fr')}\u2069 (heure de Casablanca)`);
    expect(late.text).toContain(`${t.config.appUrl}/portal/applications/${frProject.id}/reports/past`);

    const audit = await t.prisma.auditEvent.findMany({ where: { action: 'programme.reminders_run', entityId: call.id } });
    expect(audit.map((row) => [row.entityType, row.actorId, row.after])).toEqual([['Call', staffUser.id, { queued: 5, alreadySent: 0 }]]);

    // Again, through the route and the pass the hourly job runs: nothing new.
    expect((await staff.post(`/api/calls/${call.id}/programme/reminders`).set(browser).expect(200)).body).toEqual({ queued: 0, alreadySent: 5 });
    const again: TReminderRun = await t.app.get(ReportRemindersService).run({ callId: call.id });
    expect(again).toEqual({ queued: 0, alreadySent: 5 });
    expect(await t.prisma.emailMessage.count({ where: { userId: { in: [arOwner.id, frOwner.id] } } })).toBe(5);
    expect(await t.prisma.auditEvent.count({ where: { action: 'programme.reminders_run', entityId: call.id } })).toBe(2);
  });

  it('sends nothing for a submitted or accepted report, and the next step once the report is sent back', async () => {
    const { call, milestone, arOwner, arProject } = await programmeCall();
    await t.prisma.progressReport.create({ data: { milestoneId: milestone('past').id, applicationId: arProject.id, status: 'ACCEPTED', submittedAt: milestone('past').dueAt } });
    await t.prisma.progressReport.create({ data: { milestoneId: milestone('soon').id, applicationId: arProject.id, status: 'SUBMITTED', submittedAt: new Date() } });
    // The Arabic owner's `today` report, the French owner's `today` and `past` ones.
    expect((await staff.post(`/api/calls/${call.id}/programme/reminders`).set(browser).expect(200)).body).toEqual({ queued: 3, alreadySent: 0 });
    expect((await reminders(arOwner.id)).map((email) => email.dedupeKey)).toEqual([`report-reminder:${milestone('today').id}:${arProject.id}:DUE_TODAY`]);

    // Staff ask for changes on the `soon` report: it is owed its reminder again.
    await t.prisma.progressReport.updateMany({ where: { milestoneId: milestone('soon').id, applicationId: arProject.id }, data: { status: 'CHANGES_REQUESTED' } });
    expect(await t.app.get(ReportRemindersService).run({ callId: call.id })).toEqual({ queued: 1, alreadySent: 3 });
  });

  it('is staff only: hidden from applicants and jurors (404), refused to anonymous callers (401), 404 for an unknown call', async () => {
    const { call, arOwner } = await programmeCall();
    for (const client of others) {
      expect((await client.post(`/api/calls/${call.id}/programme/reminders`).set(browser).expect(404)).body).toEqual(NOT_FOUND);
    }
    const anonymous = await t.http().post(`/api/calls/${call.id}/programme/reminders`).set(browser).expect(401);
    expect(anonymous.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await staff.post('/api/calls/01900000-0000-7000-8000-000000000000/programme/reminders').set(browser).expect(404)).body).toEqual(NOT_FOUND);
    await expect(t.app.get(ReportRemindersService).run({ callId: '01900000-0000-7000-8000-000000000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await reminders(arOwner.id)).toEqual([]);
    expect(await t.prisma.auditEvent.count({ where: { action: 'programme.reminders_run', entityId: call.id } })).toBe(0);
  });
});
