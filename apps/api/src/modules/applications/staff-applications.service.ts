import { Inject, Injectable } from '@nestjs/common';
import {
  allFields,
  errorMessage,
  fieldOptions,
  type TFormDefinition,
  type TLocale,
  type TScreeningRequest,
  type TStaffApplication,
  type TStaffApplicationPage,
  type TStaffApplicationQuery,
  type TApplicationStatus,
  type TApplicationNeighbours,
  type TBulkScreeningRequest,
  type TBulkScreeningResult,
  type TStaffApplicationIds,
  BULK_SCREENING_MAX,
} from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';
import { PRISMA } from '../../config/config.module';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/auth.types';
import { loadCallForm } from '../calls/call-form';
import { toStaffApplication } from './application-view';
import { regionFieldKey } from './application-rules';
import { ApplicationsRepository } from './applications.repository';
import { StaffApplicationsRepository, type StaffApplicationFilter } from './staff-applications.repository';
import { lockApplicationRankingStamp, lockCallRankingStamp } from '../results/ranking-stamp-lock';

/** Screening decides eligibility of what was submitted, and may be revised until evaluation starts. */
const SCREENABLE: readonly TApplicationStatus[] = ['SUBMITTED', 'ELIGIBLE', 'INELIGIBLE'];

/** Staff's side of applications: the table of a call's applications, one application, screening. */
@Injectable()
export class StaffApplicationsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly applications: ApplicationsRepository,
    private readonly staffRows: StaffApplicationsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(callId: string, query: TStaffApplicationQuery, ctx: RequestContext): Promise<TStaffApplicationPage> {
    const { filter } = await this.resolve(callId, query, ctx.locale);
    const [total, rows] = await Promise.all([
      this.staffRows.count(filter),
      this.staffRows.rows(filter, { offset: (query.page - 1) * query.pageSize, limit: query.pageSize }),
    ]);
    return {
      items: rows.map((row) => ({
        id: row.id,
        reference: row.reference,
        title: row.title,
        status: row.status,
        applicant: { id: row.ownerId, displayName: row.displayName, email: row.email },
        region: row.region,
        eligibilitySuggestion: row.eligibilitySuggestion,
        submittedAt: row.submittedAt?.toISOString() ?? null,
        createdAt: row.createdAt.toISOString(),
      })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(id: string): Promise<TStaffApplication> {
    const row = await this.applications.findRecord(this.prisma, id);
    if (!row) throw new AppError('NOT_FOUND');
    return toStaffApplication(row);
  }

  /**
   * Marks a submitted application eligible or ineligible, with the change audited in the same transaction.
   * Before the deadline the caller must acknowledge that late applications may still arrive, as in bulk.
   */
  async screen(id: string, input: TScreeningRequest, user: AuthenticatedUser, ctx: RequestContext): Promise<TStaffApplication> {
    await this.prisma.$transaction(async (tx) => {
      // The call's ranking stamp first (the ranking shows this change): the lock its writers all take first.
      await lockApplicationRankingStamp(tx, id);
      const locked = await this.applications.lockForUpdate(tx, id);
      if (!locked) throw new AppError('NOT_FOUND');
      await this.assertDeadlineAcknowledged(tx, locked.callId, input.acknowledgeEarly);
      if (!SCREENABLE.includes(locked.status)) throw new AppError('CONFLICT', { reason: 'NOT_SCREENABLE', status: locked.status });
      const before = await this.applications.findRecord(tx, id);
      const note = input.note?.trim() || null;
      await this.applications.screen(tx, { id, from: SCREENABLE, decision: input.decision, note, screenedById: user.id });
      await this.audit.record(tx, ctx, {
        action: 'application.screened',
        entityType: 'Application',
        entityId: id,
        before: { status: locked.status, screeningNote: before?.screeningNote ?? null, screenedById: before?.screenedById ?? null },
        after: { status: input.decision, screeningNote: note, screenedById: user.id },
      });
    });
    return this.get(id);
  }

  /**
   * Screens many applications of one call with one decision and note, all or nothing: every id must be
   * a screenable application of this call, else nothing changes. Each application gets its own audit
   * row, in the same transaction. Before the deadline the caller must acknowledge that late
   * applications may still arrive and will need screening too.
   */
  async screenMany(callId: string, input: TBulkScreeningRequest, user: AuthenticatedUser, ctx: RequestContext): Promise<TBulkScreeningResult> {
    const ids = [...new Set(input.applicationIds)];
    const note = input.note?.trim() || null;
    await this.prisma.$transaction(async (tx) => {
      // The call's ranking stamp first (the ranking shows this change): the lock its writers all take first.
      await lockCallRankingStamp(tx, callId);
      await this.assertDeadlineAcknowledged(tx, callId, input.acknowledgeEarly);
      const locked = await this.staffRows.lockForScreening(tx, callId, ids);
      const found = new Set(locked.map((row) => row.id));
      const unknown = ids.filter((id) => !found.has(id));
      if (unknown.length > 0) throw new AppError('NOT_FOUND', { applicationIds: unknown });
      const refused = locked.filter((row) => !SCREENABLE.includes(row.status));
      if (refused.length > 0) {
        throw new AppError('CONFLICT', {
          reason: 'NOT_SCREENABLE',
          applications: refused.map((row) => ({ id: row.id, reference: row.reference, status: row.status })),
        });
      }
      await this.staffRows.screenMany(tx, { ids, decision: input.decision, note, screenedById: user.id });
      await this.audit.recordMany(
        tx,
        ctx,
        locked.map((row) => ({
          action: 'application.screened',
          entityType: 'Application',
          entityId: row.id,
          before: { status: row.status, screeningNote: row.screeningNote, screenedById: row.screenedById },
          after: { status: input.decision, screeningNote: note, screenedById: user.id },
        })),
      );
    });
    return { screened: ids.length, decision: input.decision };
  }

  /** Screening before the call's deadline needs `acknowledgeEarly` (409 SCREENING_BEFORE_DEADLINE); 404 for an unknown call. */
  private async assertDeadlineAcknowledged(tx: Prisma.TransactionClient, callId: string, acknowledgeEarly: boolean | undefined): Promise<void> {
    const window = await this.staffRows.deadlineWindow(tx, callId);
    if (!window) throw new AppError('NOT_FOUND');
    if (window.open && acknowledgeEarly !== true) {
      throw new AppError('CONFLICT', { reason: 'SCREENING_BEFORE_DEADLINE', closesAt: window.closesAt.toISOString() });
    }
  }

  /** The screenable applications matching the table's filter, for "select all"; `total` tells whether the list was cut. */
  async ids(callId: string, query: TStaffApplicationQuery, ctx: RequestContext): Promise<TStaffApplicationIds> {
    const { filter } = await this.resolve(callId, query, ctx.locale);
    const screenable = { ...filter, statuses: SCREENABLE };
    const [total, ids] = await Promise.all([this.staffRows.count(screenable), this.staffRows.ids(screenable, BULK_SCREENING_MAX)]);
    return { ids, total };
  }

  /** The application's place in the staff table as filtered and sorted, with "previous", "next" and "next to screen". */
  async neighbours(id: string, query: TStaffApplicationQuery, ctx: RequestContext): Promise<TApplicationNeighbours> {
    const row = await this.applications.findRecord(this.prisma, id);
    if (!row) throw new AppError('NOT_FOUND');
    const { filter } = await this.resolve(row.callId, query, ctx.locale);
    return this.staffRows.neighbours(filter, id);
  }

  /** Turns the query into SQL-ready filters against the call's form (404 for an unknown call). */
  async resolve(callId: string, query: Omit<TStaffApplicationQuery, 'page' | 'pageSize'>, locale: TLocale): Promise<{ filter: StaffApplicationFilter; form: TFormDefinition; call: Awaited<ReturnType<typeof loadCallForm>>['call'] }> {
    const { call, form } = await loadCallForm(this.prisma, callId);
    const fields = new Map(allFields(form).map((field) => [field.key, field]));
    const choices = (query.choice === undefined ? [] : Array.isArray(query.choice) ? query.choice : [query.choice]).map((pair, index) => {
      const separator = pair.indexOf(':');
      const fieldKey = separator > 0 ? pair.slice(0, separator) : '';
      const value = separator > 0 ? pair.slice(separator + 1) : '';
      const field = fields.get(fieldKey);
      const isChoice = field && ['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'REGION'].includes(field.type);
      if (!field || !isChoice || !fieldOptions(field).some((option) => option.value === value)) {
        throw new AppError('VALIDATION_FAILED', [{ path: ['choice', index], code: 'invalid_value', message: errorMessage('VALIDATION_FAILED', locale) }]);
      }
      return { fieldKey, value, multiple: field.type === 'MULTIPLE_CHOICE' };
    });
    const filter: StaffApplicationFilter = {
      callId,
      status: query.status,
      eligibility: query.eligibility,
      regionKey: regionFieldKey(form),
      region: query.region,
      choices,
      q: query.q || undefined,
      sort: query.sort,
      order: query.order,
    };
    return { filter, form, call };
  }
}
