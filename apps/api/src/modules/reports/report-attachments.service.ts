import { Inject, Injectable } from '@nestjs/common';
import type { TAttachment } from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';
import type { Readable } from 'node:stream';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { PRISMA } from '../../config/config.module';
import type { StoredAttachment } from '../attachments/attachments.repository';
import { attachmentQuota, AttachmentsService, visibleFileField, type FileTarget, type OpenIncomingFile } from '../attachments/attachments.service';
import { assertCanReadReports, assertReportOwner, reportMilestone, type FollowedProject } from './reports.access';
import { ReportsRepository, type MilestoneRow } from './reports.repository';
import { assertEditable, reportFormOf } from './report-rules';

/**
 * A progress report's files: the FILE fields of the programme's report form. The upload, deletion and
 * download path is the application's (AttachmentsService); only the target differs: the report (created as
 * an empty draft by its first file), its form's field, its own allowance (the call's, per report) and its
 * lock (it takes files while DRAFT or CHANGES_REQUESTED).
 */
@Injectable()
export class ReportAttachmentsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly reports: ReportsRepository,
    private readonly files: AttachmentsService,
  ) {}

  async upload(applicationId: string, milestoneKey: string, rawFieldKey: string | undefined, ctx: RequestContext, openFile: OpenIncomingFile): Promise<TAttachment> {
    const project = await this.reports.project(this.prisma, applicationId);
    assertReportOwner(ctx.user, project);
    const milestone = reportMilestone(project, milestoneKey);
    const field = visibleFileField(reportFormOf(project.call.programme).definition, rawFieldKey, ctx.locale);
    await this.reports.ensureDraft(this.prisma, milestone.id, project.id);
    const target = await this.target(project, milestone);
    target.assertOpen();
    return this.files.store({ ...target, field, quotaBytes: attachmentQuota(project.call.settings), uploaderId: ctx.user!.id }, ctx, openFile);
  }

  async remove(applicationId: string, milestoneKey: string, attachmentId: string, ctx: RequestContext): Promise<void> {
    const project = await this.reports.project(this.prisma, applicationId);
    assertReportOwner(ctx.user, project);
    await this.files.discard(await this.target(project, reportMilestone(project, milestoneKey)), attachmentId, ctx);
  }

  /** A file of the report, for the project and for staff (never for a juror: 404 as for anyone else). */
  async download(applicationId: string, milestoneKey: string, attachmentId: string, ctx: RequestContext): Promise<{ attachment: StoredAttachment; stream: Readable }> {
    const project = await this.reports.project(this.prisma, applicationId);
    assertCanReadReports(ctx.user, project);
    const report = await this.reports.report(this.prisma, reportMilestone(project, milestoneKey).id, project.id);
    if (!report) throw new AppError('NOT_FOUND');
    return this.files.open({ applicationId: project.id, progressReportId: report.id }, attachmentId);
  }

  /** The report as a place for files; 404 while the project has none for the milestone. */
  private async target(project: FollowedProject, milestone: MilestoneRow): Promise<FileTarget> {
    const report = await this.reports.report(this.prisma, milestone.id, project.id);
    if (!report) throw new AppError('NOT_FOUND');
    return {
      scope: { applicationId: project.id, progressReportId: report.id },
      assertOpen: () => assertEditable(report.status),
      lock: async (tx) => {
        const status = await this.reports.lockStatus(tx, report.id);
        if (!status) throw new AppError('NOT_FOUND');
        assertEditable(status);
      },
      auditFacts: { progressReportId: report.id, milestoneKey: milestone.key },
    };
  }
}
