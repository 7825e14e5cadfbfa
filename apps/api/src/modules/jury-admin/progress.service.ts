import { Inject, Injectable } from '@nestjs/common';
import type { TLocale, TLocalizedText, TRoundProgress, ZSendRemindersRequest } from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';
import type { z } from 'zod';
import { APP_CONFIG, PRISMA } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import type { RequestContext } from '../../common/http/request-context';
import { casablancaTime } from '../../common/time/casablanca-time';
import { AuditService } from '../audit/audit.service';
import { OutboxService } from '../notifications/outbox.service';
import { JuryAdminRepository } from './jury-admin.repository';

/** How far a round's jury is, and reminders to those who have not finished. */
@Injectable()
export class ProgressService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: JuryAdminRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** Computed by two grouped queries, whatever the size of the round. */
  async progress(roundId: string): Promise<TRoundProgress> {
    const round = await this.repo.round(this.prisma, roundId);
    const [jurors, applications] = await Promise.all([this.repo.jurorsWithProgress(this.prisma, roundId), this.repo.applicationsWithProgress(this.prisma, round)]);
    const required = round.scorecardsRequired;
    // Extra scorecards beyond the required number do not make up for a missing one elsewhere.
    const submitted = applications.reduce((sum, a) => sum + Math.min(a.submitted, required), 0);
    const total = applications.length * required;
    return {
      overall: { required: total, submitted, percent: total > 0 ? Math.round((1000 * submitted) / total) / 10 : 0 },
      jurors: jurors.map((j) => ({ jurorId: j.jurorId, displayName: j.displayName, assigned: j.assigned, draft: j.draft, submitted: j.submitted })),
      applications: applications.map((a) => ({ applicationId: a.applicationId, reference: a.reference, title: a.title, submitted: a.submitted, required })),
    };
  }

  /** One localised email per juror (of those given, or all) who still has unsubmitted scorecards. */
  async sendReminders(roundId: string, input: z.output<typeof ZSendRemindersRequest>, ctx: RequestContext): Promise<{ sent: number }> {
    return this.prisma.$transaction(async (tx) => {
      const round = await this.repo.round(tx, roundId);
      const only = input.jurorIds ? new Set(input.jurorIds) : undefined;
      const jurors = (await this.repo.jurorsWithProgress(tx, roundId)).filter((j) => j.assigned > j.submitted && (!only || only.has(j.jurorId)));
      for (const juror of jurors) {
        const locale = juror.locale as TLocale;
        await this.outbox.enqueue(tx, {
          to: juror.email, locale, template: 'jury-reminder', userId: juror.userId,
          params: {
            name: juror.displayName,
            callTitle: (round.call.title as TLocalizedText)[locale],
            roundName: (round.name as TLocalizedText)[locale],
            remaining: juror.assigned - juror.submitted,
            total: juror.assigned,
            closesAt: round.closesAt ? casablancaTime.format(round.closesAt, locale) : null,
            link: `${this.config.appUrl}/jury`,
          },
        });
      }
      await this.audit.record(tx, ctx, { action: 'jury.reminders_sent', entityType: 'Round', entityId: roundId, after: { sent: jurors.length, jurorIds: jurors.map((j) => j.jurorId) } });
      return { sent: jurors.length };
    });
  }
}
