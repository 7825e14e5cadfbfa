import { Inject, Injectable } from '@nestjs/common';
import { APPLICATION_STATUSES, type TCallSummary, type TLocalizedText } from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { PRISMA } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { ensureFirstRound } from '../rounds/first-round';
import { callPhase, nextStep } from './call-next-step';
import { CallSummaryRepository } from './call-summary.repository';

/** A call's home for staff: where it stands, its figures, and the next thing to do. */
@Injectable()
export class CallSummaryService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly repo: CallSummaryRepository,
    private readonly audit: AuditService,
  ) {}

  async summary(callId: string, ctx: RequestContext): Promise<TCallSummary> {
    const call = await this.repo.call(callId);
    if (!call) throw new AppError('NOT_FOUND');
    // Round 1 exists from the start, as on the call's rounds page: the home then asks for its jurors.
    await ensureFirstRound(this.prisma, this.audit, callId, ctx);
    const [counts, rounds] = await Promise.all([this.repo.statusCounts(callId), this.repo.rounds(callId)]);
    const of = (status: (typeof APPLICATION_STATUSES)[number]) => counts.byStatus.get(status) ?? 0;
    const summary = {
      callId,
      status: call.status,
      opensAt: call.opensAt.toISOString(),
      closesAt: call.closesAt.toISOString(),
      deadlinePassed: call.deadlinePassed,
      visibleQuestions: call.visibleQuestions,
      counts: {
        draft: of('DRAFT'),
        submitted: counts.submitted,
        pendingScreening: of('SUBMITTED'),
        eligible: of('ELIGIBLE'),
        ineligible: of('INELIGIBLE'),
        withdrawn: of('WITHDRAWN'),
        shortlisted: of('SHORTLISTED'),
        decided: counts.decided,
        decisionsPublished: counts.decisionsPublished,
        byStatus: Object.fromEntries(APPLICATION_STATUSES.map((status) => [status, of(status)])),
      },
      rounds: rounds.map((round) => ({ ...round, name: round.name as TLocalizedText, closesAt: round.closesAt?.toISOString() ?? null })),
    };
    const facts = { ...summary, beforeOpening: call.beforeOpening };
    return { ...summary, phase: callPhase(facts), next: nextStep(facts) };
  }
}
