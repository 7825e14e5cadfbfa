import { Inject, Injectable } from '@nestjs/common';
import { ZPutFormRequest, type TCallFormOutline, type TFormResponse, type TPutFormRequest } from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { PRISMA } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { canReadFormOutline, canSeeCall } from './calls.access';
import { CallsRepository } from './calls.repository';
import { formOutline, loadCallForm, recordFormVersion, writeFormRows, type CallForm } from './call-form';
import { callEligibilityRules } from './call-mapper';
import { eligibilityRuleIssues, lockedFormViolations } from './call-rules';
import { lockCallRankingStamp } from '../results/ranking-stamp-lock';

type Db = PrismaClient | Prisma.TransactionClient;

@Injectable()
export class CallFormService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly calls: CallsRepository,
    private readonly audit: AuditService,
  ) {}

  /** The form of a call the caller may see (applicants filling it, visitors previewing it, staff). */
  async get(callId: string, ctx: RequestContext): Promise<TFormResponse> {
    const loaded = await loadCallForm(this.prisma, callId);
    if (!canSeeCall(loaded.call, ctx.user)) throw new AppError('NOT_FOUND');
    return this.response(this.prisma, loaded);
  }

  /** What a visitor will be asked, read before signing up: published calls only, 404 for any other. */
  async outline(callId: string): Promise<TCallFormOutline> {
    const loaded = await loadCallForm(this.prisma, callId);
    if (!canReadFormOutline(loaded.call)) throw new AppError('NOT_FOUND');
    return formOutline(loaded.call.id, loaded.form);
  }

  /**
   * Replaces the form (order = array order) if `version` is still current, bumps the version and keeps
   * a snapshot of it. Once applications exist, nothing may be removed or retyped: hide it instead.
   */
  async put(callId: string, body: TPutFormRequest, ctx: RequestContext): Promise<TFormResponse> {
    const input = ZPutFormRequest.parse(body);
    return this.prisma.$transaction(async (tx) => {
      // The lock serialises concurrent editors (and the version check with them).
      // The call's ranking stamp before the call itself: the order every writer of what a ranking shows takes them in.
      await lockCallRankingStamp(tx, callId);
      if (!(await this.calls.lockById(tx, callId))) throw new AppError('NOT_FOUND');
      const current = await loadCallForm(tx, callId);
      if (current.version !== input.version) throw new AppError('VERSION_CONFLICT', { current: await this.response(tx, current) });

      if (await this.calls.hasApplications(tx, callId)) {
        const violations = lockedFormViolations(current.form, input.definition);
        if (violations) throw new AppError('CONFLICT', violations);
      }
      // Rules already set must keep naming fields of a fitting type (a hidden field still counts).
      const ruleIssues = eligibilityRuleIssues(callEligibilityRules(current.call), input.definition, ctx.locale);
      if (ruleIssues.length > 0) throw new AppError('VALIDATION_FAILED', ruleIssues);

      const version = current.version + 1;
      await writeFormRows(tx, callId, input.definition);
      await this.calls.update(tx, callId, { formVersion: version });
      await recordFormVersion(tx, callId, version, input.definition, ctx.user?.id ?? null);
      await this.audit.record(tx, ctx, {
        action: 'form.updated', entityType: 'Call', entityId: callId,
        before: { version: current.version, ...formSummary(current.form) },
        after: { version, ...formSummary(input.definition) },
      });
      return this.response(tx, await loadCallForm(tx, callId));
    });
  }

  private async response(db: Db, loaded: CallForm): Promise<TFormResponse> {
    return { callId: loaded.call.id, version: loaded.version, locked: await this.calls.hasApplications(db, loaded.call.id), definition: loaded.form };
  }
}

/** Which sections and fields a version has, by key, with the hidden ones apart. */
function formSummary(form: CallForm['form']): Prisma.InputJsonObject {
  const fields = form.sections.flatMap((section) => section.fields.map((field) => ({ key: field.key, hidden: section.hidden || field.hidden })));
  return {
    sections: form.sections.map((section) => section.key),
    fields: fields.filter((field) => !field.hidden).map((field) => field.key),
    hiddenFields: fields.filter((field) => field.hidden).map((field) => field.key),
  };
}
