import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  ZCreateCallRequest,
  ZFormDefinition,
  ZUpdateCallRequest,
  type TCallPublic,
  type TCallStaff,
  type TCreateCallRequest,
  type TFormDefinition,
  type TUpdateCallRequest,
  type TValidationIssue,
  type TEligibilityRule,
} from '@tahkim/contracts';
import type { Call, Prisma, PrismaClient } from '@tahkim/db';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { casablancaTime } from '../../common/time/casablanca-time';
import { PRISMA } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { canSeeCall } from './calls.access';
import { CallsRepository } from './calls.repository';
import { loadCallForm, recordFormVersion, writeFormRows } from './call-form';
import { callEligibilityRules, comparePublicCalls, toCallPublic, toCallStaff } from './call-mapper';
import { eligibilityRuleIssues, issue, publishIssues } from './call-rules';
import { lockCallRankingStamp } from '../results/ranking-stamp-lock';


/** A new call starts with one empty step, which staff fill in the form builder. */
const INITIAL_FORM: TFormDefinition = ZFormDefinition.parse({
  sections: [{ key: 'general', title: { ar: 'معلومات عامة', fr: 'Informations générales', en: 'General information' }, fields: [] }],
});

/** Texts and settings staff edit; what `call.updated` summarises (long texts by length only). */
const EDITABLE_KEYS = [
  'slug', 'title', 'summary', 'description', 'eligibility', 'opensAt', 'closesAt', 'referencePrefix',
  'maxApplicationsPerApplicant', 'feedbackEnabled', 'eligibilityRules',
] as const;
type EditableKey = (typeof EDITABLE_KEYS)[number];

@Injectable()
export class CallsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly calls: CallsRepository,
    private readonly audit: AuditService,
  ) {}

  async listPublic(): Promise<TCallPublic[]> {
    const now = new Date();
    return (await this.calls.listPublic(this.prisma)).map((call) => toCallPublic(call, now)).sort(comparePublicCalls);
  }

  /** By id or slug; a draft call is 404 unless the caller is staff. */
  async getVisible(idOrSlug: string, ctx: RequestContext): Promise<TCallPublic> {
    const call = await this.calls.findByIdOrSlug(this.prisma, idOrSlug);
    if (!call || !canSeeCall(call, ctx.user)) throw new AppError('NOT_FOUND');
    return toCallPublic(call);
  }

  async listStaff(): Promise<TCallStaff[]> {
    const calls = await this.calls.listAll(this.prisma);
    const counts = await this.calls.applicationCounts(this.prisma, calls.map((call) => call.id));
    const now = new Date();
    return calls.map((call) => toCallStaff(call, counts.get(call.id)!, now));
  }

  async getStaff(id: string): Promise<TCallStaff> {
    const call = await this.calls.findById(this.prisma, id);
    if (!call) throw new AppError('NOT_FOUND');
    return this.staffView(this.prisma, call);
  }

  /** A DRAFT call with one empty step; eligibility rules can only name fields once the form has them. */
  async create(body: TCreateCallRequest, ctx: RequestContext): Promise<TCallStaff> {
    const input = ZCreateCallRequest.parse(body);
    this.assertRulesFit(input.eligibilityRules, INITIAL_FORM, ctx);
    // Wall-clock times are read in Casablanca with the server's time-zone data, whatever the browser's.
    const opensAt = casablancaTime.toInstant(input.opensAt);
    const closesAt = casablancaTime.toInstant(input.closesAt);
    if (closesAt.getTime() <= opensAt.getTime()) throw new AppError('VALIDATION_FAILED', [issue(['closesAt'], 'closesBeforeOpens', ctx.locale)]);
    return this.withUniqueSlug(() =>
      this.prisma.$transaction(async (tx) => {
        await this.assertUnique(tx, { slug: input.slug, referencePrefix: input.referencePrefix });
        const call = await this.calls.create(tx, {
          slug: input.slug,
          title: input.title,
          summary: input.summary,
          description: input.description,
          eligibility: input.eligibility,
          opensAt,
          closesAt,
          deadlinesReviewedAt: new Date(),
          referencePrefix: input.referencePrefix,
          maxApplicationsPerApplicant: input.maxApplicationsPerApplicant,
          feedbackEnabled: input.feedbackEnabled,
          settings: { eligibilityRules: input.eligibilityRules },
          createdById: ctx.user!.id,
        });
        await writeFormRows(tx, call.id, INITIAL_FORM);
        await recordFormVersion(tx, call.id, call.formVersion, INITIAL_FORM, ctx.user!.id);
        await this.audit.record(tx, ctx, { action: 'call.created', entityType: 'Call', entityId: call.id, after: summarise(call) });
        return this.staffView(tx, call);
      }),
    );
  }

  async update(id: string, body: TUpdateCallRequest, ctx: RequestContext): Promise<TCallStaff> {
    const input = ZUpdateCallRequest.parse(body);
    return this.withUniqueSlug(() =>
      this.prisma.$transaction(async (tx) => {
        // The call's ranking stamp before the call itself: the order every writer of what a ranking shows takes them in.
        await lockCallRankingStamp(tx, id);
        const before = await this.calls.lockById(tx, id);
        if (!before) throw new AppError('NOT_FOUND');
        const opensAt = input.opensAt ? casablancaTime.toInstant(input.opensAt) : before.opensAt;
        const closesAt = input.closesAt ? casablancaTime.toInstant(input.closesAt) : before.closesAt;
        if (closesAt.getTime() <= opensAt.getTime()) throw new AppError('VALIDATION_FAILED', [issue(['closesAt'], 'closesBeforeOpens', ctx.locale)]);
        if (input.referencePrefix !== undefined && input.referencePrefix !== before.referencePrefix && before.status !== 'DRAFT') {
          // References already given out carry the old prefix; a call keeps one prefix once published.
          throw new AppError('CONFLICT', [{ path: ['referencePrefix'], code: 'custom', message: 'referencePrefix cannot change once the call is published' }]);
        }
        if (input.eligibilityRules) this.assertRulesFit(input.eligibilityRules, (await loadCallForm(tx, id)).form, ctx);
        await this.assertUnique(tx, { slug: input.slug, referencePrefix: input.referencePrefix }, id);

        const { eligibilityRules, opensAt: _opensAt, closesAt: _closesAt, ...rest } = input;
        const settings = eligibilityRules ? { ...((before.settings ?? {}) as object), eligibilityRules } : undefined;
        const after = await this.calls.update(tx, id, {
          ...rest,
          ...(input.opensAt ? { opensAt } : {}),
          ...(input.closesAt ? { closesAt } : {}),
          // Dates written now were converted with the current data: nothing left to review.
          ...(input.opensAt || input.closesAt ? { deadlinesReviewedAt: new Date() } : {}),
          ...(settings ? { settings: settings as Prisma.InputJsonObject } : {}),
        });
        const changed = changedSummary(before, after);
        if (changed) await this.audit.record(tx, ctx, { action: 'call.updated', entityType: 'Call', entityId: id, before: changed.before, after: changed.after });
        return this.staffView(tx, after);
      }),
    );
  }

  /** DRAFT -> PUBLISHED, once the call has a French title, a future deadline and a visible field. */
  async publish(id: string, ctx: RequestContext): Promise<TCallStaff> {
    return this.prisma.$transaction(async (tx) => {
      // The call's ranking stamp before the call itself: the order every writer of what a ranking shows takes them in.
      await lockCallRankingStamp(tx, id);
      const call = await this.calls.lockById(tx, id);
      if (!call) throw new AppError('NOT_FOUND');
      if (call.status !== 'DRAFT') throw new AppError('CONFLICT', { status: call.status });
      const { form } = await loadCallForm(tx, id);
      const issues = publishIssues({ title: call.title as { fr?: string }, closesAt: call.closesAt }, form, ctx.locale);
      if (issues.length > 0) throw new AppError('VALIDATION_FAILED', issues);
      const after = await this.calls.update(tx, id, { status: 'PUBLISHED', publishedAt: new Date() });
      await this.audit.record(tx, ctx, { action: 'call.published', entityType: 'Call', entityId: id, before: { status: call.status }, after: { status: after.status, opensAt: after.opensAt.toISOString(), closesAt: after.closesAt.toISOString() } });
      return this.staffView(tx, after);
    });
  }

  /**
   * Closes a published call now (or confirms the close of one past its deadline): the deadline moves
   * to now if it was later, so the applications' own deadline check refuses anything after this.
   */
  async close(id: string, reason: string | undefined, ctx: RequestContext): Promise<TCallStaff> {
    return this.prisma.$transaction(async (tx) => {
      // The call's ranking stamp before the call itself: the order every writer of what a ranking shows takes them in.
      await lockCallRankingStamp(tx, id);
      const call = await this.calls.lockById(tx, id);
      if (!call) throw new AppError('NOT_FOUND');
      if (call.status !== 'PUBLISHED') throw new AppError('CONFLICT', { status: call.status });
      const now = new Date();
      const closesAt = call.closesAt.getTime() > now.getTime() ? now : call.closesAt;
      // A call closed before it ever opened: it opened and closed at the same moment (the database
      // requires opensAt < closesAt, so the opening moves a millisecond before).
      const opensAt = call.opensAt.getTime() >= closesAt.getTime() ? new Date(closesAt.getTime() - 1) : call.opensAt;
      const after = await this.calls.update(tx, id, { status: 'CLOSED', closedAt: now, closesAt, opensAt });
      await this.audit.record(tx, ctx, {
        action: 'call.closed', entityType: 'Call', entityId: id,
        before: { status: call.status, closesAt: call.closesAt.toISOString() },
        after: { status: after.status, closesAt: after.closesAt.toISOString(), ...(reason ? { reason } : {}) },
      });
      return this.staffView(tx, after);
    });
  }

  private async staffView(db: PrismaClient | Prisma.TransactionClient, call: Call): Promise<TCallStaff> {
    const counts = await this.calls.applicationCounts(db, [call.id]);
    return toCallStaff(call, counts.get(call.id)!);
  }

  private assertRulesFit(rules: readonly TEligibilityRule[], form: TFormDefinition, ctx: RequestContext): void {
    const issues = eligibilityRuleIssues(rules, form, ctx.locale);
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', issues);
  }

  private async assertUnique(tx: Prisma.TransactionClient, values: { slug?: string; referencePrefix?: string }, exceptId?: string): Promise<void> {
    const conflicts: TValidationIssue[] = [];
    if (values.slug !== undefined && (await this.calls.slugTaken(tx, values.slug, exceptId))) {
      conflicts.push({ path: ['slug'], code: 'custom', message: 'slug already used by another call' });
    }
    if (values.referencePrefix !== undefined && (await this.calls.referencePrefixTaken(tx, values.referencePrefix, exceptId))) {
      conflicts.push({ path: ['referencePrefix'], code: 'custom', message: 'referencePrefix already used by another call' });
    }
    if (conflicts.length > 0) throw new AppError('CONFLICT', conflicts);
  }

  /** Two staff creating the same slug at once: the unique index decides, the loser gets the same 409. */
  private async withUniqueSlug<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if ((error as { code?: string }).code === 'P2002') {
        throw new AppError('CONFLICT', [{ path: ['slug'], code: 'custom', message: 'slug already used by another call' }], { cause: error });
      }
      throw error;
    }
  }
}

/** The call's settings as an audit summary: long texts as length and short hash, so the audit stays small. */
function summarise(call: Call): Record<EditableKey, Prisma.InputJsonValue> {
  const lengths = (text: unknown) =>
    Object.fromEntries(Object.entries(text as Record<string, string>).map(([locale, value]) => [locale, `${value.length}:${createHash('sha256').update(value).digest('hex').slice(0, 12)}`]));
  return {
    slug: call.slug,
    title: call.title as Prisma.InputJsonValue,
    summary: call.summary as Prisma.InputJsonValue,
    description: lengths(call.description),
    eligibility: lengths(call.eligibility),
    opensAt: call.opensAt.toISOString(),
    closesAt: call.closesAt.toISOString(),
    referencePrefix: call.referencePrefix,
    maxApplicationsPerApplicant: call.maxApplicationsPerApplicant,
    feedbackEnabled: call.feedbackEnabled,
    eligibilityRules: callEligibilityRules(call) as unknown as Prisma.InputJsonValue,
  };
}

function changedSummary(before: Call, after: Call): { before: Prisma.InputJsonObject; after: Prisma.InputJsonObject } | null {
  const a = summarise(before);
  const b = summarise(after);
  const keys = EDITABLE_KEYS.filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));
  if (keys.length === 0) return null;
  return { before: Object.fromEntries(keys.map((key) => [key, a[key]])), after: Object.fromEntries(keys.map((key) => [key, b[key]])) };
}
