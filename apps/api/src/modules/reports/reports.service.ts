import { Inject, Injectable } from '@nestjs/common';
import {
  ZSaveReportRequest,
  type TApplicationReports,
  type TProgressReport,
  type TSaveReportRequest,
  type TSubmitReportRequest,
} from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { PRISMA } from '../../config/config.module';
import { assertValidAnswers, withoutFileAnswers } from '../applications/application-rules';
import { answersWithFiles } from '../applications/application-view';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/auth.types';
import { assertCanListReports, assertCanReadReports, assertReportOwner, isFollowed, reportMilestone, type FollowedProject } from './reports.access';
import { ReportsRepository, type MilestoneRow } from './reports.repository';
import { assertEditable, assertKnownIndicators, keptAnswers, reportFormOf } from './report-rules';
import { isLate, toApplicationReports, toProgressReport } from './report-view';

/**
 * A supported project's progress reports, one per milestone that asks for one: the project writes it
 * (autosaved, with its files), sends it, amends it when staff ask for changes; staff read it (and review
 * it, see ReportReviewService). Due dates and submissions go by the database's clock.
 */
@Injectable()
export class ReportsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly reports: ReportsRepository,
    private readonly audit: AuditService,
  ) {}

  /** The project's milestones in programme order, and where each stands now. */
  async list(applicationId: string, user: AuthenticatedUser): Promise<TApplicationReports> {
    const project = await this.reports.project(this.prisma, applicationId);
    assertCanListReports(user, project);
    if (!isFollowed(project)) return { applicationId: project.id, callId: project.callId, now: (await this.reports.now(this.prisma)).toISOString(), milestones: [], indicators: [] };
    const [standings, now] = await Promise.all([this.reports.standings(this.prisma, applicationId), this.reports.now(this.prisma)]);
    return toApplicationReports(project, standings, now);
  }

  /** The report for a milestone (version 0, an empty draft, while nothing was saved). */
  async read(applicationId: string, milestoneKey: string, user: AuthenticatedUser): Promise<TProgressReport> {
    const project = await this.reports.project(this.prisma, applicationId);
    assertCanReadReports(user, project);
    return this.view(project, reportMilestone(project, milestoneKey), user);
  }

  /**
   * Autosave by the project. Version 0 writes the report (a report already holding files but never saved is
   * version 0 too); any other version must be the stored one. A stale version gets VERSION_CONFLICT with
   * what is saved now; a report sent or accepted, 409 REPORT_NOT_EDITABLE.
   */
  async save(applicationId: string, milestoneKey: string, input: TSaveReportRequest, ctx: RequestContext): Promise<TProgressReport> {
    const body = ZSaveReportRequest.parse(input);
    const project = await this.reports.project(this.prisma, applicationId);
    assertReportOwner(ctx.user, project);
    const milestone = reportMilestone(project, milestoneKey);
    const programme = project.call.programme;
    const form = reportFormOf(programme);
    assertKnownIndicators(body.indicatorValues, programme.indicators.map((indicator) => indicator.key), ctx.locale);
    const given = withoutFileAnswers(form, body.answers);
    assertValidAnswers(form.definition, given, 'draft');

    if (body.version === 0) await this.reports.ensureDraft(this.prisma, milestone.id, project.id);
    const stored = await this.reports.report(this.prisma, milestone.id, project.id);
    if (stored) assertEditable(stored.status);
    const saved =
      stored !== undefined &&
      (await this.reports.saveDraft(this.prisma, {
        id: stored.id,
        version: body.version,
        // Answers to questions staff have since hidden are kept, even if the page no longer sends them.
        answers: { ...keptAnswers(form.hiddenKeys, stored.answers), ...given } as Prisma.InputJsonObject,
        indicatorValues: body.indicatorValues,
        formVersion: form.version,
      }));
    const current = await this.view(project, milestone, ctx.user);
    if (saved) return current;
    assertEditable(current.status);
    throw new AppError('VERSION_CONFLICT', { current });
  }

  /**
   * Sends the report: its answers (with its files) must answer every required question of the form. Sent
   * late is still sent, and flagged. Sending again what was just sent (a double click) returns it unchanged.
   */
  async submit(applicationId: string, milestoneKey: string, input: TSubmitReportRequest, ctx: RequestContext): Promise<TProgressReport> {
    const project = await this.reports.project(this.prisma, applicationId);
    assertReportOwner(ctx.user, project);
    const milestone = reportMilestone(project, milestoneKey);
    const conflict = await this.prisma.$transaction(async (tx) => {
      const report = await this.reports.lockedReport(tx, milestone.id, project.id);
      if (report?.status === 'SUBMITTED' && report.version === input.version + 1) return undefined;
      if (report) assertEditable(report.status);
      if (!report || report.version !== input.version) return 'VERSION_CONFLICT' as const;
      // The form as it is now, held until the submission commits (a change of the form waits for it).
      const form = reportFormOf((await this.reports.lockedReportForm(tx, project.call.programme.id))!);
      assertValidAnswers(form.definition, answersWithFiles(report.answers, report.attachments), 'submit');
      const sent = await this.reports.submit(tx, report.id, form.version);
      await this.audit.record(tx, ctx, {
        action: 'progress_report.submitted',
        entityType: 'Application',
        entityId: project.id,
        before: { milestoneKey, status: report.status, version: report.version },
        after: { milestoneKey, status: 'SUBMITTED', late: isLate(milestone.dueAt, sent.submittedAt, sent.submittedAt), version: sent.version },
      });
      return undefined;
    });
    const current = await this.view(project, milestone, ctx.user);
    if (conflict) throw new AppError(conflict, { current });
    return current;
  }

  /** The report as `viewer` reads it, with the database's clock, its history and whether its form is locked. */
  async view(project: FollowedProject, milestone: MilestoneRow, viewer: AuthenticatedUser | undefined): Promise<TProgressReport> {
    const programme = project.call.programme;
    const [report, now, steps, formLocked] = await Promise.all([
      this.reports.report(this.prisma, milestone.id, project.id),
      this.reports.now(this.prisma),
      this.reports.steps(this.prisma, project.id, milestone.key),
      this.reports.formLocked(this.prisma, programme.id),
    ]);
    return toProgressReport({ project, milestone, report, form: reportFormOf(programme), formLocked, now, steps, viewer });
  }
}
