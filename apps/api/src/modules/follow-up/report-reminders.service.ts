import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { isLocale, textIn, type TLocale, type TReminderRun } from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { casablancaTime } from '../../common/time/casablanca-time';
import { APP_CONFIG, PRISMA } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { AuditService } from '../audit/audit.service';
import { JobsService } from '../jobs/jobs.service';
import { OutboxService, type OutgoingEmail } from '../notifications/outbox.service';
import { reminderDedupeKey, reminderStep } from './reminder-step';
import { ReportRemindersRepository, type ReminderCandidateRow } from './report-reminders.repository';

export const REPORT_REMINDERS_QUEUE = 'report.reminders';
/** Every hour at five past: a reminder leaves within the hour its step begins. */
const REPORT_REMINDERS_CRON = '5 * * * *';

/**
 * Reminds supported projects of their progress reports: seven days before a report is due, on the due
 * day, and once it is late (only the step current by the database clock). Each reminder goes through the
 * email outbox with a key per milestone, project and step, so running again (the hourly job, staff's
 * button, two replicas at once) never sends one twice.
 */
@Injectable()
export class ReportRemindersService implements OnModuleInit {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly repository: ReportRemindersRepository,
  ) {}

  onModuleInit(): void {
    this.jobs.defineQueue({ name: REPORT_REMINDERS_QUEUE, retryLimit: 3, retryDelaySeconds: 60 });
    this.jobs.registerWorker(REPORT_REMINDERS_QUEUE, async () => {
      await this.run();
    });
    // Test processes share one database and count the emails they cause: no clock-driven pass among them.
    if (this.config.nodeEnv !== 'test') this.jobs.schedule(REPORT_REMINDERS_QUEUE, REPORT_REMINDERS_CRON);
  }

  /** The pass over every programme, or over one call's; NOT_FOUND for an unknown call. */
  async run({ callId }: { callId?: string } = {}): Promise<TReminderRun> {
    return this.pass(callId ?? null, undefined);
  }

  /** Staff's "send reminders now" for a call, audited with the emails it queued. */
  async runForCall(callId: string, ctx: RequestContext): Promise<TReminderRun> {
    return this.pass(callId, ctx);
  }

  private async pass(callId: string | null, ctx: RequestContext | undefined): Promise<TReminderRun> {
    return this.prisma.$transaction(
      async (tx) => {
        if (callId !== null && !(await this.repository.callExists(tx, callId))) throw new AppError('NOT_FOUND');
        const now = await this.repository.now(tx);
        const due = (await this.repository.candidates(tx, callId)).flatMap((row) => {
          const step = reminderStep(row.dueAt, now);
          return step ? [{ row, step, key: reminderDedupeKey(row.milestoneId, row.applicationId, step) }] : [];
        });
        const sent = await this.repository.sentKeys(tx, due.map((reminder) => reminder.key));
        let queued = 0;
        for (const reminder of due) {
          if (sent.has(reminder.key)) continue;
          const email = this.email(reminder.row, reminder.step, reminder.key);
          // ON CONFLICT DO NOTHING: a pass running at the same moment may have queued it first.
          if (await this.outbox.enqueueRendered(tx, { ...email, ...this.outbox.render(email) })) queued += 1;
        }
        const result: TReminderRun = { queued, alreadySent: due.length - queued };
        if (ctx && callId !== null) {
          await this.audit.record(tx, ctx, { action: 'programme.reminders_run', entityType: 'Call', entityId: callId, after: { ...result } });
        }
        return result;
      },
      { timeout: 120_000 },
    );
  }

  private email(row: ReminderCandidateRow, step: NonNullable<ReturnType<typeof reminderStep>>, dedupeKey: string): OutgoingEmail<'report-reminder'> {
    const locale: TLocale = isLocale(row.locale) ? row.locale : 'fr';
    return {
      to: row.email,
      locale,
      template: 'report-reminder',
      params: {
        name: row.displayName,
        projectTitle: row.title ?? row.reference ?? '',
        reference: row.reference,
        milestoneTitle: textIn(row.milestoneTitle, locale),
        dueAt: casablancaTime.format(row.dueAt, locale),
        step,
        link: `${this.config.appUrl}/portal/applications/${row.applicationId}/reports/${encodeURIComponent(row.milestoneKey)}`,
      },
      userId: row.ownerId,
      dedupeKey,
    };
  }
}
