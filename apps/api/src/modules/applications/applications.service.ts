import { Inject, Injectable } from '@nestjs/common';
import {
  isStaff,
  type TApplication,
  type TApplicationStatus,
  type TLocale,
  type TLocalizedText,
  type TPatchApplicationRequest,
} from '@tahkim/contracts';
import { allocateApplicationReference, referenceYear, type Prisma, type PrismaClient } from '@tahkim/db';
import { APP_CONFIG, PRISMA } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/auth.types';
import { loadCallForm } from '../calls/call-form';
import { OutboxService } from '../notifications/outbox.service';
import { assertCanRead, assertOwner } from './applications.access';
import { answersWithFiles, toApplication, type ApplicationRecord } from './application-view';
import { casablancaTime } from '../../common/time/casablanca-time';
import { applicationTitle, assertValidAnswers, suggestEligibility, withoutFileAnswers } from './application-rules';
import { ApplicationsRepository } from './applications.repository';

/** An applicant may withdraw until a decision is taken. */
const WITHDRAWABLE: readonly TApplicationStatus[] = ['DRAFT', 'SUBMITTED', 'ELIGIBLE', 'INELIGIBLE', 'IN_REVIEW', 'SHORTLISTED'];
/** Submissions wait for each other on the row lock: give them time rather than fail under a burst. */
const SUBMIT_TRANSACTION = { maxWait: 30_000, timeout: 30_000 } as const;

function isSubmitted(application: { status: TApplicationStatus; submittedAt: Date | null }): boolean {
  return application.status !== 'DRAFT' && application.status !== 'WITHDRAWN';
}

/** An applicant's own applications: start, autosave, submit once, withdraw. */
@Injectable()
export class ApplicationsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly applications: ApplicationsRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Starts a draft on a call that accepts applications, within the call's limit per applicant
   * (withdrawn applications do not count).
   */
  async create(callId: string, user: AuthenticatedUser, ctx: RequestContext): Promise<TApplication> {
    const id = await this.prisma.$transaction(async (tx) => {
      const call = await this.applications.findCall(tx, callId);
      if (!call || (call.status === 'DRAFT' && !isStaff(user.roles))) throw new AppError('NOT_FOUND');
      await this.assertAccepting(tx, callId);
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
   */
  async saveDraft(id: string, input: TPatchApplicationRequest, user: AuthenticatedUser): Promise<TApplication> {
    await assertOwner(this.prisma, user, id);
    const current = await this.record(this.prisma, id);
    if (current.status !== 'DRAFT') throw new AppError('CONFLICT', { reason: 'NOT_A_DRAFT', status: current.status });
    const { form } = await loadCallForm(this.prisma, current.callId);
    const given = withoutFileAnswers(form, input.answers);
    assertValidAnswers(form, given, 'draft');
    // Answers to questions staff have since hidden are kept, even if the page no longer sends them.
    const hiddenKept = this.hiddenAnswers(form, current.answers);
    const answers = { ...hiddenKept, ...given };
    const saved = await this.applications.saveDraft(this.prisma, { id, version: input.version, answers, title: applicationTitle(form, answers) });
    const after = await this.record(this.prisma, id);
    if (saved === 1) return toApplication(after);
    if (after.status !== 'DRAFT') throw new AppError('CONFLICT', { reason: 'NOT_A_DRAFT', status: after.status });
    throw new AppError('VERSION_CONFLICT', { current: toApplication(after) });
  }

  /**
   * Submits once. Concurrent submits queue on the row lock; the first changes the status (if the
   * database clock is before the deadline), the others find it submitted and return it unchanged:
   * one reference, one receipt email.
   */
  async submit(id: string, input: { version?: number }, user: AuthenticatedUser, ctx: RequestContext): Promise<TApplication> {
    await assertOwner(this.prisma, user, id);
    const before = await this.record(this.prisma, id);
    if (isSubmitted(before)) return toApplication(before);

    await this.prisma.$transaction(async (tx) => {
      const locked = await this.applications.lockForUpdate(tx, id);
      if (!locked) throw new AppError('NOT_FOUND');
      if (locked.status === 'WITHDRAWN') throw new AppError('CONFLICT', { reason: 'WITHDRAWN' });
      if (locked.status !== 'DRAFT') return;

      const current = await this.record(tx, id);
      if (input.version !== undefined && input.version !== locked.version) throw new AppError('VERSION_CONFLICT', { current: toApplication(current) });
      await this.assertAccepting(tx, locked.callId);

      const { call, form, version: formVersion } = await loadCallForm(tx, locked.callId);
      const answers = answersWithFiles(current.answers, current.attachments);
      assertValidAnswers(form, answers, 'submit');

      const submittedAt = await this.applications.transactionNow(tx);
      const reference = await allocateApplicationReference(tx, call, referenceYear(submittedAt));
      const eligibility = suggestEligibility(call.settings, answers);
      const title = applicationTitle(form, answers);
      const submitted = await this.applications.markSubmitted(tx, { id, reference, formVersion, title, suggestion: eligibility.suggestion, reasons: eligibility.reasons });
      if (!submitted) await this.assertAccepting(tx, locked.callId, true);

      const owner = current.owner;
      const locale = owner.locale as TLocale;
      await this.outbox.enqueue(tx, {
        to: owner.email,
        locale,
        template: 'application-received',
        userId: owner.id,
        dedupeKey: `application-received:${id}`,
        params: {
          name: owner.displayName,
          projectTitle: title ?? reference,
          callTitle: (call.title as TLocalizedText)[locale],
          reference,
          submittedAt: casablancaTime.format(submittedAt, locale),
          link: `${this.config.appUrl}/portal/applications/${id}`,
        },
      });
      await this.audit.record(tx, ctx, {
        action: 'application.submitted',
        entityType: 'Application',
        entityId: id,
        before: { status: 'DRAFT', version: locked.version },
        after: { status: 'SUBMITTED', reference, formVersion, eligibilitySuggestion: eligibility.suggestion },
      });
    }, SUBMIT_TRANSACTION);
    return toApplication(await this.record(this.prisma, id));
  }

  /** Withdraws, at any time before a decision; withdrawing again changes nothing. */
  async withdraw(id: string, user: AuthenticatedUser, ctx: RequestContext): Promise<TApplication> {
    await assertOwner(this.prisma, user, id);
    await this.prisma.$transaction(async (tx) => {
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

  /**
   * Refuses unless the call takes submissions now, by the database's clock: DEADLINE_PASSED once it
   * has closed (or was closed early), CONFLICT before it opens or while it is not published.
   */
  private async assertAccepting(tx: Prisma.TransactionClient, callId: string, refusedByUpdate = false): Promise<void> {
    const window = await this.applications.callWindow(tx, callId);
    if (window.afterClosing || ['CLOSED', 'DECIDED', 'ARCHIVED'].includes(window.status)) throw new AppError('DEADLINE_PASSED');
    if (window.status !== 'PUBLISHED') throw new AppError('CONFLICT', { reason: 'CALL_NOT_PUBLISHED' });
    if (window.beforeOpening) throw new AppError('CONFLICT', { reason: 'CALL_NOT_OPEN_YET' });
    if (refusedByUpdate) throw new AppError('CONFLICT', { reason: 'NOT_A_DRAFT' });
  }

  private hiddenAnswers(form: Awaited<ReturnType<typeof loadCallForm>>['form'], stored: unknown): Record<string, unknown> {
    const answers = (stored ?? {}) as Record<string, unknown>;
    const hidden = form.sections.flatMap((section) => section.fields.filter((field) => section.hidden || field.hidden).map((field) => field.key));
    return Object.fromEntries(hidden.filter((key) => key in answers).map((key) => [key, answers[key]]));
  }

  private async record(db: PrismaClient | Prisma.TransactionClient, id: string): Promise<ApplicationRecord> {
    const row = await this.applications.findRecord(db, id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }
}
