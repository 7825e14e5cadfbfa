import { Inject, Injectable } from '@nestjs/common';
import { ZPutReportFormRequest, type TFormDefinition, type TPutReportFormRequest, type TReportForm } from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { PRISMA } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { lockedFormViolations } from '../calls/call-rules';
import { ReportsRepository } from './reports.repository';
import { reportConflict, reportFormOf } from './report-rules';
import { toReportForm } from './report-view';

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * The form a programme's projects fill for each report, built by staff with the form builder. Versioned
 * like a call's form; once a report was sent with it, fields may be hidden or added, never removed or
 * retyped (answers are keyed by them).
 */
@Injectable()
export class ReportFormService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly reports: ReportsRepository,
    private readonly audit: AuditService,
  ) {}

  /** The default form (version 0) until staff save one; 404 for a call that does not exist. */
  async read(callId: string): Promise<TReportForm> {
    if (!(await this.reports.callExists(this.prisma, callId))) throw new AppError('NOT_FOUND');
    return this.current(this.prisma, callId);
  }

  /**
   * Saves the form as its next version (a call without a programme yet gets one holding the form). A stale
   * `version` gets VERSION_CONFLICT { current }; removing or retyping a field once reports were sent, 409
   * CONFLICT FORM_LOCKED with what was removed or retyped.
   */
  async write(callId: string, input: TPutReportFormRequest, ctx: RequestContext): Promise<TReportForm> {
    const body = ZPutReportFormRequest.parse(input);
    return this.prisma.$transaction(async (tx) => {
      if (!(await this.reports.lockCall(tx, callId))) throw new AppError('NOT_FOUND');
      const current = await this.current(tx, callId);
      if (current.version !== body.version) throw new AppError('VERSION_CONFLICT', { current });
      if (current.locked) {
        const violations = lockedFormViolations(current.definition, body.definition);
        if (violations) throw reportConflict('FORM_LOCKED', violations);
      }
      const version = current.version + 1;
      await this.reports.saveReportForm(tx, callId, body.definition as Prisma.InputJsonObject, version);
      await this.audit.record(tx, ctx, {
        action: 'report_form.updated',
        entityType: 'Call',
        entityId: callId,
        before: { version: current.version, ...formSummary(current.definition) },
        after: { version, ...formSummary(body.definition) },
      });
      return this.current(tx, callId);
    });
  }

  private async current(db: Db, callId: string): Promise<TReportForm> {
    const programme = await this.reports.programmeForm(db, callId);
    const form = reportFormOf(programme ?? { reportForm: null, reportFormVersion: 0 });
    return toReportForm(callId, form, programme ? await this.reports.formLocked(db, programme.id) : false);
  }
}

/** Which sections and fields a version has, by key, with the hidden ones apart. */
function formSummary(form: TFormDefinition): Prisma.InputJsonObject {
  const fields = form.sections.flatMap((section) => section.fields.map((field) => ({ key: field.key, hidden: section.hidden || field.hidden })));
  return {
    sections: form.sections.map((section) => section.key),
    fields: fields.filter((field) => !field.hidden).map((field) => field.key),
    hiddenFields: fields.filter((field) => field.hidden).map((field) => field.key),
  };
}
