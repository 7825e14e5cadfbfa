import { Inject, Injectable } from '@nestjs/common';
import {
  errorMessage,
  isDecisionOutcome,
  type TApplicationOutcome,
  type TApplicationStatus,
  type TBulkDecisionRequest,
  type TBulkDecisionResult,
  type TCallDecisionList,
  type TDecision,
  type TFeedbackSettingRequest,
  type TPublishDecisionsRequest,
  type TPublishDecisionsResult,
  type TRecordableOutcome,
  type TRecordDecisionRequest,
  type TRecordDecisionResult,
} from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { PRISMA } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/auth.types';
import { commentScripts } from './decision-email';
import { DecisionEmailsService } from './decision-emails.service';
import { DecisionsRepository, type AuditItem, type CallRow, type DecidableApplication, type DecisionRow } from './decisions.repository';
import { lockCallRankingStamp } from '../results/ranking-stamp-lock';

/** Big calls (10,000 applications) stay one transaction. */
const TRANSACTION = { timeout: 120_000, maxWait: 10_000 } as const;

/** An application left the competition or never entered it: no outcome can be recorded for it. */
const NOT_DECIDABLE: readonly TApplicationStatus[] = ['DRAFT', 'INELIGIBLE', 'WITHDRAWN'];

interface RecordInput {
  outcome: TRecordableOutcome;
  note?: string | null;
  message?: string | null;
  roundId?: string;
}

export function toDecision(row: DecisionRow): TDecision {
  return {
    outcome: row.outcome,
    note: row.note,
    message: row.message,
    roundId: row.roundId,
    decidedBy: { id: row.decidedById, displayName: row.decidedByName },
    decidedAt: row.decidedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

/**
 * Decisions: staff record outcomes (final ones unpublished until they publish, intermediate ones at once),
 * then publish them: statuses change, the call is DECIDED and each applicant gets one email in their
 * language through the outbox. Every recorded decision and every publication is audited in its transaction.
 */
@Injectable()
export class DecisionsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly repo: DecisionsRepository,
    private readonly audit: AuditService,
    private readonly emails: DecisionEmailsService,
  ) {}

  async recordOne(applicationId: string, input: TRecordDecisionRequest, ctx: RequestContext): Promise<TRecordDecisionResult> {
    const callId = await this.repo.callOfApplication(this.prisma, applicationId);
    if (!callId) throw new AppError('NOT_FOUND');
    await this.prisma.$transaction((tx) => this.record(tx, callId, [applicationId], input, ctx, 'single'), TRANSACTION);
    const [decisions, statuses] = await Promise.all([this.repo.decisions(this.prisma, [applicationId]), this.repo.applicationStatuses(this.prisma, [applicationId])]);
    const decision = decisions.get(applicationId);
    return { applicationId, status: statuses.get(applicationId)!, decision: decision ? toDecision(decision) : null };
  }

  async recordMany(callId: string, input: TBulkDecisionRequest, ctx: RequestContext): Promise<TBulkDecisionResult> {
    const ids = [...new Set(input.applicationIds.map((id) => id.toLowerCase()))];
    const recorded = await this.prisma.$transaction(async (tx) => {
      if (!(await this.repo.findCall(tx, callId))) throw new AppError('NOT_FOUND');
      return this.record(tx, callId, ids, { outcome: input.outcome, note: input.note, roundId: input.roundId }, ctx, 'bulk', input.applicationIds);
    }, TRANSACTION);
    return { outcome: input.outcome, recorded };
  }

  /** The shared rule of single and bulk decisions, set-based; one audit row per application. */
  private async record(
    tx: Prisma.TransactionClient,
    callId: string,
    ids: readonly string[],
    input: RecordInput,
    ctx: RequestContext,
    mode: 'single' | 'bulk',
    given: readonly string[] = ids,
  ): Promise<number> {
    // The call's ranking stamp before the call itself: the order every writer of what a ranking shows takes them in.
    await lockCallRankingStamp(tx, callId);
    await this.repo.lockCall(tx, callId, 'share');
    const found = await this.repo.lockApplications(tx, callId, ids);
    const byId = new Map(found.map((a) => [a.id, a]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length > 0) {
      if (mode === 'single') throw new AppError('NOT_FOUND');
      const message = errorMessage('VALIDATION_FAILED', ctx.locale);
      const position = new Map<string, number>();
      given.forEach((id, index) => position.set(id.toLowerCase(), position.get(id.toLowerCase()) ?? index));
      throw new AppError('VALIDATION_FAILED', missing.map((id) => ({ path: ['applicationIds', position.get(id)!], code: 'NOT_IN_CALL', message, applicationId: id })));
    }
    if (input.roundId !== undefined && !(await this.repo.roundBelongsToCall(tx, input.roundId.toLowerCase(), callId))) {
      throw new AppError('VALIDATION_FAILED', [{ path: ['roundId'], code: 'NOT_A_ROUND_OF_THE_CALL', message: errorMessage('VALIDATION_FAILED', ctx.locale) }]);
    }
    const published = found.filter((a) => a.decisionPublishedAt !== null);
    if (published.length > 0) {
      throw new AppError('CONFLICT', { reason: 'DECISION_PUBLISHED', applicationIds: published.map((a) => a.id) });
    }
    const refused = found.filter((a) => NOT_DECIDABLE.includes(a.status));
    if (refused.length > 0) {
      throw new AppError('CONFLICT', { reason: 'APPLICATION_NOT_DECIDABLE', applications: refused.map((a) => ({ applicationId: a.id, status: a.status })) });
    }

    const { outcome } = input;
    if (isDecisionOutcome(outcome)) {
      await this.repo.upsertDecisions(tx, ids, { outcome, note: input.note, message: input.message, roundId: input.roundId?.toLowerCase(), decidedById: ctx.user!.id });
    } else {
      await this.repo.setIntermediateStatus(tx, ids, outcome as 'SHORTLISTED' | 'IN_REVIEW');
    }
    await this.repo.auditRecorded(tx, ctx, found.map((a) => auditItem(a, input)));
    return found.length;
  }

  async list(callId: string): Promise<TCallDecisionList> {
    const call = await this.repo.findCall(this.prisma, callId);
    if (!call) throw new AppError('NOT_FOUND');
    const [rows, templates, rounds, drafts] = await Promise.all([
      this.repo.callDecisions(this.prisma, callId),
      this.repo.savedTemplates(this.prisma, callId),
      this.repo.decisionRounds(this.prisma, callId),
      this.repo.countDrafts(this.prisma, callId),
    ]);
    const comments = await this.repo.sharedComments(this.prisma, rows.map((row) => row.applicationId));
    const counts = { applications: rows.length, winners: 0, notSelected: 0, pendingPublication: 0, published: 0, emailsQueued: 0, emailsSent: 0, emailsFailed: 0 };
    for (const row of rows) {
      // An unpublished decision of an application withdrawn since will not be published: not counted.
      const decision = row.decision && (row.decision.publishedAt || !NOT_DECIDABLE.includes(row.status)) ? row.decision : null;
      if (decision?.outcome === 'WINNER') counts.winners += 1;
      if (decision?.outcome === 'NOT_SELECTED') counts.notSelected += 1;
      if (decision) counts[decision.publishedAt ? 'published' : 'pendingPublication'] += 1;
      if (row.email?.status === 'QUEUED') counts.emailsQueued += 1;
      if (row.email?.status === 'SENT' || row.email?.status === 'CAPTURED') counts.emailsSent += 1;
      if (row.email?.status === 'FAILED') counts.emailsFailed += 1;
    }
    return {
      call: {
        id: call.id,
        title: call.title,
        status: call.status,
        feedbackEnabled: call.feedbackEnabled,
        decidedAt: call.decidedAt?.toISOString() ?? null,
        closesAt: call.closesAt.toISOString(),
        acceptingApplications: acceptsApplications(call),
        drafts,
      },
      templatesSaved: templates.map((t) => t.outcome).sort(),
      rounds,
      counts,
      items: rows.map((row) => ({
        applicationId: row.applicationId,
        reference: row.reference,
        title: row.title,
        applicant: { displayName: row.applicantName, email: row.applicantEmail, locale: row.applicantLocale },
        status: row.status,
        decision: row.decision ? toDecision(row.decision) : null,
        email: row.email ? { ...row.email, queuedAt: row.email.queuedAt.toISOString(), sentAt: row.email.sentAt?.toISOString() ?? null } : null,
        sharedCommentScripts: commentScripts(comments.get(row.applicationId) ?? []),
      })),
    };
  }

  async setFeedback(callId: string, input: TFeedbackSettingRequest, ctx: RequestContext): Promise<{ feedbackEnabled: boolean }> {
    return this.prisma.$transaction(async (tx) => {
      if (!(await this.repo.lockCall(tx, callId, 'update'))) throw new AppError('NOT_FOUND');
      const call = (await this.repo.findCall(tx, callId))!;
      if (call.feedbackEnabled !== input.enabled) {
        await this.repo.setFeedbackEnabled(tx, callId, input.enabled);
        // Emails published but not yet sent follow the new setting.
        await this.emails.refreshQueued(tx, callId);
        await this.audit.record(tx, ctx, {
          action: 'call.feedback_updated',
          entityType: 'Call',
          entityId: callId,
          before: { feedbackEnabled: call.feedbackEnabled },
          after: { feedbackEnabled: input.enabled },
        });
      }
      return { feedbackEnabled: input.enabled };
    });
  }

  /**
   * Publishes every unpublished decision of the call in one transaction under the call's lock. Emails carry
   * the key `decision:<applicationId>`, inserted ON CONFLICT DO NOTHING: a retried publication queues nothing.
   * An outcome whose template was never saved is sent with the proposed texts. A call still accepting
   * applications is closed now (its deadline becomes now), only when staff confirm it (`closeCallEarly`).
   * The call's open rounds are closed. Every change is audited in the same transaction.
   */
  async publish(callId: string, input: TPublishDecisionsRequest, ctx: RequestContext): Promise<TPublishDecisionsResult> {
    return this.prisma.$transaction(async (tx) => {
      // The call's ranking stamp before the call itself: the order every writer of what a ranking shows takes them in.
      await lockCallRankingStamp(tx, callId);
      if (!(await this.repo.lockCall(tx, callId, 'update'))) throw new AppError('NOT_FOUND');
      const call = (await this.repo.findCall(tx, callId))!;
      const alreadyPublished = await this.repo.countPublished(tx, callId);
      const pending = await this.repo.lockUnpublished(tx, callId);
      if (pending.length === 0) return { published: 0, queued: 0, alreadyPublished, proposedTemplates: [], roundsClosed: 0, callClosedEarly: false };

      const now = new Date();
      const closeEarly = acceptsApplications(call, now);
      if (closeEarly && input.closeCallEarly !== true) {
        throw new AppError('CONFLICT', { reason: 'CALL_STILL_OPEN', closesAt: call.closesAt.toISOString(), drafts: await this.repo.countDrafts(tx, callId) });
      }

      const texts = await this.emails.texts(tx, callId);
      const outcomes = new Set(pending.map((p) => p.outcome));
      const proposedTemplates = texts.proposed.filter((outcome) => outcomes.has(outcome));
      const ids = pending.map((p) => p.applicationId);
      await this.repo.publish(tx, ids);
      const queued = await this.emails.enqueue(tx, call, pending, texts);

      if (closeEarly) {
        await this.repo.closeCallNow(tx, callId, now);
        await this.audit.record(tx, ctx, {
          action: 'call.closed',
          entityType: 'Call',
          entityId: callId,
          before: { status: call.status, closesAt: call.closesAt.toISOString() },
          after: { status: 'CLOSED', closesAt: now.toISOString(), reason: 'decisions.published' },
        });
      }
      const rounds = await this.repo.closeOpenRounds(tx, callId);
      for (const round of rounds) {
        await this.audit.record(tx, ctx, {
          action: 'round.updated',
          entityType: 'Round',
          entityId: round.id,
          before: { number: round.number, status: 'OPEN' },
          after: { number: round.number, status: 'CLOSED', reason: 'decisions.published' },
        });
      }
      await this.repo.markCallDecided(tx, callId);
      await this.audit.record(tx, ctx, {
        action: 'decisions.published',
        entityType: 'Call',
        entityId: callId,
        before: { status: closeEarly ? 'CLOSED' : call.status },
        after: {
          count: pending.length,
          queued,
          winners: pending.filter((p) => p.outcome === 'WINNER').length,
          notSelected: pending.filter((p) => p.outcome === 'NOT_SELECTED').length,
          applicationIds: ids,
          proposedTemplates,
          roundsClosed: rounds.map((round) => round.id),
          callClosedEarly: closeEarly,
        },
      });
      return { published: pending.length, queued, alreadyPublished, proposedTemplates, roundsClosed: rounds.length, callClosedEarly: closeEarly };
    }, TRANSACTION);
  }

  /** The applicant's own outcome: nothing before publication; feedback only when the call shares it. */
  async outcome(applicationId: string, user: AuthenticatedUser): Promise<TApplicationOutcome> {
    const application = await this.repo.ownOutcome(this.prisma, applicationId, user.id);
    if (!application) throw new AppError('NOT_FOUND');
    const decision = application.decision;
    if (!decision?.publishedAt) return { published: false, outcome: null, publishedAt: null, message: null, feedback: null };
    const feedback = application.call.feedbackEnabled ? ((await this.repo.feedback(this.prisma, [applicationId])).get(applicationId) ?? { criteria: [], comments: [] }) : null;
    return { published: true, outcome: decision.outcome, publishedAt: decision.publishedAt.toISOString(), message: decision.message, feedback };
  }
}

function auditItem(application: DecidableApplication, input: RecordInput): AuditItem {
  const final = isDecisionOutcome(input.outcome);
  const after: Record<string, Prisma.InputJsonValue | null> = {
    outcome: input.outcome,
    status: final ? application.status : input.outcome,
    published: false,
  };
  if (input.note !== undefined) after.note = input.note;
  if (input.message !== undefined) after.message = input.message;
  if (input.roundId !== undefined) after.roundId = input.roundId.toLowerCase();
  return {
    applicationId: application.id,
    before: { outcome: application.decisionOutcome ?? application.status, status: application.status, decision: application.decisionOutcome },
    after: after as Prisma.InputJsonValue,
  };
}

/** Published and before its deadline: submissions are still accepted (a call past it reads CLOSED). */
function acceptsApplications(call: Pick<CallRow, 'status' | 'closesAt'>, now = new Date()): boolean {
  return call.status === 'PUBLISHED' && call.closesAt.getTime() > now.getTime();
}
