import { Inject, Injectable } from '@nestjs/common';
import { textIn, ZReviewReportRequest, type TLocale, type TLocalizedText, type TProgressReport, type TReviewReportRequest } from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { APP_CONFIG, PRISMA } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { AuditService } from '../audit/audit.service';
import { OutboxService } from '../notifications/outbox.service';
import { assertReviewable, reportMilestone, type FollowedProject } from './reports.access';
import { ReportsRepository, type MilestoneRow } from './reports.repository';
import { reportConflict } from './report-rules';
import { ReportsService } from './reports.service';

/**
 * Staff's review of a sent report: they accept it (its indicator values then count on the follow-up
 * dashboard) or send it back with a comment, which the project receives by email in its language.
 */
@Injectable()
export class ReportReviewService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reports: ReportsRepository,
    private readonly reading: ReportsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** 409 REPORT_NOT_SUBMITTED unless the report waits for a review; VERSION_CONFLICT { current } on a stale `version`. */
  async review(applicationId: string, milestoneKey: string, input: TReviewReportRequest, ctx: RequestContext): Promise<TProgressReport> {
    const review = ZReviewReportRequest.parse(input);
    const project = await this.reports.project(this.prisma, applicationId);
    assertReviewable(project);
    const milestone = reportMilestone(project, milestoneKey);
    const stale = await this.prisma.$transaction(async (tx) => {
      const accepted = review.decision === 'ACCEPT';
      const status = accepted ? 'ACCEPTED' : 'CHANGES_REQUESTED';
      const report = await this.reports.lockedReport(tx, milestone.id, project.id);
      // The same review sent twice (a double click) finds it done.
      if (report?.status === status && report.version === review.version + 1) return false;
      if (report?.status !== 'SUBMITTED') throw reportConflict('REPORT_NOT_SUBMITTED', { status: report?.status ?? null });
      if (report.version !== review.version) return true;
      const comment = review.comment === '' ? null : review.comment;
      const { version } = await this.reports.review(tx, report.id, { status, comment, reviewerId: ctx.user?.id ?? null });
      await this.audit.record(tx, ctx, {
        action: accepted ? 'progress_report.accepted' : 'progress_report.changes_requested',
        entityType: 'Application',
        entityId: project.id,
        before: { milestoneKey, status: report.status, version: report.version },
        after: { milestoneKey, status, version, comment },
      });
      if (!accepted) await this.askForChanges(tx, project, milestone, review.comment);
      return false;
    });
    const current = await this.reading.view(project, milestone, ctx.user);
    if (stale) throw new AppError('VERSION_CONFLICT', { current });
    return current;
  }

  /** Tells the project what staff want changed, in its owner's language, with a link to the report. */
  private async askForChanges(tx: Parameters<OutboxService['enqueue']>[0], project: FollowedProject, milestone: MilestoneRow, comment: string): Promise<void> {
    const locale = project.owner.locale as TLocale;
    await this.outbox.enqueue(tx, {
      to: project.owner.email,
      locale,
      template: 'report-changes-requested',
      userId: project.ownerId,
      params: {
        name: project.owner.displayName,
        projectTitle: project.title ?? project.reference ?? '',
        milestoneTitle: textIn(milestone.title as TLocalizedText, locale),
        comment,
        link: `${this.config.appUrl}/portal/applications/${project.id}/reports/${milestone.key}`,
      },
    });
  }
}
