import { Inject, Injectable } from '@nestjs/common';
import {
  isStaff,
  type TApplication,
  type TApplicationStatus,
  type TLocale,
  type TLocalizedText,
  type TPatchApplicationRequest,
} from '@tahkim/contracts';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { referenceYear, type Prisma, type PrismaClient, type Sql } from '@tahkim/db';
import { APP_CONFIG, PRISMA, SQL } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/auth.types';
import { CallFormCache } from '../calls/call-form-cache';
import { OutboxService } from '../notifications/outbox.service';
import { assertCanRead, assertOwner, assertOwnerOf } from './applications.access';
import { answersWithFiles, toApplication, type ApplicationRecord } from './application-view';
import { casablancaTime } from '../../common/time/casablanca-time';
import { assertValidAnswers, suggestEligibility, titleFromAnswers, withoutFileAnswers } from './application-rules';
import { ApplicationsRepository } from './applications.repository';
import { lockApplicationRankingStamp } from '../results/ranking-stamp-lock';

/** An applicant may withdraw until a decision is taken. */
const WITHDRAWABLE: readonly TApplicationStatus[] = ['DRAFT', 'SUBMITTED', 'ELIGIBLE', 'INELIGIBLE', 'IN_REVIEW', 'SHORTLISTED'];

/** A submit that keeps losing races (a draft saved again and again meanwhile) gives up after this many tries. */
const MAX_SUBMIT_ATTEMPTS = 5;

/** Thrown inside the submit transaction to undo it when the application's files changed under it. */
class FilesChanged extends Error {}

/**
 * Refuses unless the call takes submissions now, by the database's clock: DEADLINE_PASSED once it has
 * closed (or was closed early), CONFLICT before it opens or while it is not published.
 */
function assertAccepting(call: { status: string; beforeOpening: boolean; afterClosing: boolean }): void {
  if (call.afterClosing || ['CLOSED', 'DECIDED', 'ARCHIVED'].includes(call.status)) throw new AppError('DEADLINE_PASSED');
  if (call.status !== 'PUBLISHED') throw new AppError('CONFLICT', { reason: 'CALL_NOT_PUBLISHED' });
  if (call.beforeOpening) throw new AppError('CONFLICT', { reason: 'CALL_NOT_OPEN_YET' });
}

/** The stored answers to `keys` (questions staff have hidden since), kept through a save that does not send them. */
function keptAnswers(keys: readonly string[], stored: unknown): Record<string, unknown> {
  const answers = (stored ?? {}) as Record<string, unknown>;
  return Object.fromEntries(keys.filter((key) => key in answers).map((key) => [key, answers[key]]));
}

function isSubmitted(application: { status: TApplicationStatus; submittedAt: Date | null }): boolean {
  return application.status !== 'DRAFT' && application.status !== 'WITHDRAWN';
}

/** An applicant's own applications: start, autosave, submit once, withdraw. */
@Injectable()
export class ApplicationsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(SQL) private readonly sql: Sql,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly applications: ApplicationsRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly forms: CallFormCache,
  ) {}

  /**
   * Starts a draft on a call that accepts applications, within the call's limit per applicant
   * (withdrawn applications do not count).
   */
  async create(callId: string, user: AuthenticatedUser, ctx: RequestContext): Promise<TApplication> {
    const id = await this.prisma.$transaction(async (tx) => {
      const call = await this.applications.findCall(tx, callId);
      if (!call || (call.status === 'DRAFT' && !isStaff(user.roles))) throw new AppError('NOT_FOUND');
      assertAccepting(await this.applications.callWindow(tx, callId));
      await this.applications.lockApplicantCall(tx, user.id, callId);
      const active = await this.applications.countActiveOfOwner(tx, user.id, callId);
      if (active >= call.maxApplicationsPerApplicant) {
        throw new AppError('CONFLICT', { reason: 'MAX_APPLICATIONS_REACHED', maxApplicationsPerApplicant: call.maxApplicationsPerApplicant });
      }
      const created = await this.applications.createDraft(tx, { callId, ownerId: user.id });
      await this.audit.record(tx, ctx, { action: 'application.created', entityType: 'Application', entityId: created, after: { callId, status: 'DRAFT' } });
      return created;
    });
    return toApplication(await this.record(this.prisma, id));
  }

  async mine(user: AuthenticatedUser): Promise<{ items: TApplication[] }> {
    const rows = await this.applications.findRecordsOfOwner(this.prisma, user.id);
    return { items: rows.map(toApplication) };
  }

  async get(id: string, user: AuthenticatedUser): Promise<TApplication> {
    await assertCanRead(this.prisma, user, id);
    return toApplication(await this.record(this.prisma, id));
  }

  /**
   * Autosave. The UPDATE itself checks the version the answers were based on, so of two saves from
   * the same version only the first lands; the second gets VERSION_CONFLICT with what is saved now.
   * Three statements when all is well: the session, the application with its call's form version,
   * and the versioned UPDATE returning what is saved (the form itself comes from the form cache).
   */
  async saveDraft(id: string, input: TPatchApplicationRequest, user: AuthenticatedUser): Promise<TApplication> {
    const target = await this.applications.findTarget(id, user.id);
    assertOwnerOf(target, user);
    if (target.status !== 'DRAFT') throw new AppError('CONFLICT', { reason: 'NOT_A_DRAFT', status: target.status });
    const compiled = await this.forms.get(target.callId, target.callFormVersion);
    const given = withoutFileAnswers(compiled, input.answers);
    assertValidAnswers(compiled.form, given, 'draft');
    // Answers to questions staff have since hidden are kept, even if the page no longer sends them.
    const answers = { ...keptAnswers(compiled.hiddenKeys, target.answers), ...given };
    const saved = await this.applications.saveDraft({ id, version: input.version, answers, title: titleFromAnswers(compiled.titleField, answers) });
    if (saved) return toApplication(saved);
    const after = await this.record(this.prisma, id);
    if (after.status !== 'DRAFT') throw new AppError('CONFLICT', { reason: 'NOT_A_DRAFT', status: after.status });
    // The same save sent again (its answer was lost: a replica died after the commit, the network broke, the
    // load balancer retried), or another tab saved the very same answers: nothing differs, nothing to choose.
    if (isDeepStrictEqual(after.answers, JSON.parse(JSON.stringify(answers)))) return toApplication(after);
    throw new AppError('VERSION_CONFLICT', { current: toApplication(after) });
  }

  /**
   * Submits once, if the database's clock is before the deadline. Concurrent submits queue on the
   * application's row in lockSubmittable; the first changes the status, the others find it submitted and
   * return it unchanged: one reference, one receipt email. The reference is taken in the transaction's
   * last statement, so the call's counter is held for no more than that statement and the commit.
   */
  async submit(id: string, input: { version?: number }, user: AuthenticatedUser, ctx: RequestContext): Promise<TApplication> {
    for (let attempt = 1; ; attempt++) {
      const facts = await this.applications.findSubmission(id, user.id);
      assertOwnerOf(facts, user);
      const current = facts.record;
      if (isSubmitted(current)) return toApplication(current);
      if (current.status === 'WITHDRAWN') throw new AppError('CONFLICT', { reason: 'WITHDRAWN' });
      if (input.version !== undefined && input.version !== current.version) throw new AppError('VERSION_CONFLICT', { current: toApplication(current) });
      assertAccepting(facts.call);

      const compiled = await this.forms.get(current.callId, facts.call.formVersion);
      const answers = answersWithFiles(current.answers, current.attachments);
      assertValidAnswers(compiled.form, answers, 'submit');
      const eligibility = suggestEligibility(facts.call.settings, answers);
      const title = titleFromAnswers(compiled.titleField, answers);

      const submitted = await this.sql.transaction(async (tx) => {
        const submittedAt = await this.applications.lockSubmittable(tx, id, current.version);
        if (!submittedAt) return undefined;
        const owner = current.owner;
        const locale = owner.locale as TLocale;
        // The reference is only known in the last statement: the email is rendered around a marker it replaces.
        const marker = `REFERENCE-${randomUUID()}`;
        const email = this.outbox.render({
          to: owner.email,
          locale,
          template: 'application-received',
          params: {
            name: owner.displayName,
            projectTitle: title ?? marker,
            callTitle: (facts.call.title as TLocalizedText)[locale],
            reference: marker,
            submittedAt: casablancaTime.format(submittedAt, locale),
            link: `${this.config.appUrl}/portal/applications/${id}`,
          },
        });
        await this.outbox.queueDelivery(tx, email.id);
        const completed = await this.applications.completeSubmission(tx, {
          id,
          callId: current.callId,
          referencePrefix: facts.call.referencePrefix,
          year: referenceYear(submittedAt),
          formVersion: compiled.version,
          title,
          suggestion: eligibility.suggestion,
          reasons: eligibility.reasons,
          attachmentIds: current.attachments.map((attachment) => attachment.id),
          email: { ...email, to: owner.email, locale, template: 'application-received', userId: owner.id, dedupeKey: `application-received:${id}`, marker },
          audit: {
            actorId: ctx.user?.id ?? null,
            requestId: ctx.requestId ?? null,
            ip: ctx.ip ?? null,
            before: { status: 'DRAFT', version: current.version },
            after: { status: 'SUBMITTED', formVersion: compiled.version, eligibilitySuggestion: eligibility.suggestion },
          },
        });
        // A file added or removed since the answers were checked: undo, and check again.
        if (!completed.filesUnchanged) throw new FilesChanged();
        return completed.record;
      }).catch((error: unknown) => {
        if (error instanceof FilesChanged) return undefined;
        throw error;
      });
      if (submitted) return toApplication(submitted);
      // Nothing changed: another request got there first, the draft moved on, or the call closed. The
      // next pass reads it again and answers accordingly (a draft saved meanwhile is checked afresh).
      if (attempt >= MAX_SUBMIT_ATTEMPTS) throw new AppError('CONFLICT', { reason: 'BUSY' });
    }
  }

  /** Withdraws, at any time before a decision; withdrawing again changes nothing. */
  async withdraw(id: string, user: AuthenticatedUser, ctx: RequestContext): Promise<TApplication> {
    await assertOwner(this.prisma, user, id);
    await this.prisma.$transaction(async (tx) => {
      // The call's ranking stamp first (the ranking shows this change): the lock its writers all take first.
      await lockApplicationRankingStamp(tx, id);
      const locked = await this.applications.lockForUpdate(tx, id);
      if (!locked) throw new AppError('NOT_FOUND');
      if (locked.status === 'WITHDRAWN') return;
      if (!WITHDRAWABLE.includes(locked.status)) throw new AppError('CONFLICT', { reason: 'DECIDED', status: locked.status });
      await this.applications.withdraw(tx, id, WITHDRAWABLE);
      await this.audit.record(tx, ctx, {
        action: 'application.withdrawn',
        entityType: 'Application',
        entityId: id,
        before: { status: locked.status },
        after: { status: 'WITHDRAWN' },
      });
    });
    return toApplication(await this.record(this.prisma, id));
  }

  private async record(db: PrismaClient | Prisma.TransactionClient, id: string): Promise<ApplicationRecord> {
    const row = await this.applications.findRecord(db, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }
}
