import { Injectable } from '@nestjs/common';
import { APPLICATION_STATUSES, type TCallSummary, type TLocalizedText } from '@tahkim/contracts';
import { AppError } from '../../common/errors/app-error';
import { callPhase, nextStep } from './call-next-step';
import { CallSummaryRepository } from './call-summary.repository';

/** A call's home for staff: where it stands, its figures, and the next thing to do. */
@Injectable()
export class CallSummaryService {
  constructor(private readonly repo: CallSummaryRepository) {}

  async summary(callId: string): Promise<TCallSummary> {
    const call = await this.repo.call(callId);
    if (!call) throw new AppError('NOT_FOUND');
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
