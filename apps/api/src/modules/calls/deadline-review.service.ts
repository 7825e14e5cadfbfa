import { Inject, Injectable } from '@nestjs/common';
import type { TDeadlineReviewDate, TDeadlineReviewItem, TDeadlineReviewList, TDeadlineReviewRequest, TLocalizedText } from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { casablancaTime } from '../../common/time/casablanca-time';
import { compareWithSupersededRule, RULE_CHANGED_AT } from '../../common/time/superseded-rule';
import { PRISMA } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { DeadlineReviewRepository, type UnreviewedCall } from './deadline-review.repository';
import { lockCallRankingStamp } from '../results/ranking-stamp-lock';

type Db = PrismaClient | Prisma.TransactionClient;

/** The dates of a call (and of its rounds) that read differently now than under the superseded rule. */
function reviewItem(call: UnreviewedCall): TDeadlineReviewItem {
  const dates: TDeadlineReviewDate[] = [];
  const add = (roundId: string | null, roundNumber: number | null, field: 'opensAt' | 'closesAt', at: Date | null) => {
    if (!at || at.getTime() < RULE_CHANGED_AT.getTime()) return;
    const { now, underOldRule, shiftMinutes } = compareWithSupersededRule(at);
    if (shiftMinutes === 0) return;
    dates.push({ roundId, roundNumber, field, at: at.toISOString(), now, underOldRule, movedAt: new Date(at.getTime() + shiftMinutes * 60_000).toISOString() });
  };
  if (call.callUnreviewed) {
    add(null, null, 'opensAt', call.opensAt);
    add(null, null, 'closesAt', call.closesAt);
  }
  for (const round of call.rounds) {
    add(round.id, round.number, 'opensAt', round.opensAt);
    add(round.id, round.number, 'closesAt', round.closesAt);
  }
  return { callId: call.id, slug: call.slug, title: call.title as TLocalizedText, status: call.status, dates };
}

/** Lists dates stored before the server converted Casablanca time itself (for the report command too). */
export async function listDeadlineReviews(db: Db, repository: DeadlineReviewRepository, callId?: string): Promise<TDeadlineReviewList> {
  const items = (await repository.unreviewed(db, RULE_CHANGED_AT, callId)).map(reviewItem).filter((item) => item.dates.length > 0);
  return { dataVersion: casablancaTime.dataVersion, changedAt: RULE_CHANGED_AT.toISOString(), items };
}

/**
 * Deadlines are never moved silently: staff confirm a call's listed dates as they are, or move each
 * one to the instant that reads now what it read under the old rule (one hour later). Either way the
 * call and its rounds are marked reviewed, with the audit row in the same transaction.
 */
@Injectable()
export class DeadlineReviewService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly repository: DeadlineReviewRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<TDeadlineReviewList> {
    return listDeadlineReviews(this.prisma, this.repository);
  }

  async review(callId: string, body: TDeadlineReviewRequest, ctx: RequestContext): Promise<TDeadlineReviewList> {
    await this.prisma.$transaction(async (tx) => {
      // The call's ranking stamp before the call itself: the order every writer of what a ranking shows takes them in.
      await lockCallRankingStamp(tx, callId);
      await this.repository.lockCall(tx, callId);
      if (!(await this.repository.callExists(tx, callId))) throw new AppError('NOT_FOUND');
      const [call] = await this.repository.unreviewed(tx, RULE_CHANGED_AT, callId);
      // Already reviewed (a second click, or by someone else): nothing to do, nothing moved twice.
      if (!call) return;
      const item = reviewItem(call);
      const move = body.action === 'MOVE_LATER';
      const at = new Date();

      const newDate = (roundId: string | null, field: 'opensAt' | 'closesAt', current: Date | null): Date | null => {
        const listed = item.dates.find((date) => date.roundId === roundId && date.field === field);
        return move && listed ? new Date(listed.movedAt) : current;
      };
      const changes = (roundId: string | null, dates: { opensAt: Date | null; closesAt: Date | null }) => {
        const opensAt = newDate(roundId, 'opensAt', dates.opensAt);
        const closesAt = newDate(roundId, 'closesAt', dates.closesAt);
        if (opensAt && closesAt && closesAt.getTime() <= opensAt.getTime()) {
          throw new AppError('CONFLICT', { reason: 'CLOSES_BEFORE_OPENS', roundId });
        }
        return {
          ...(opensAt && opensAt !== dates.opensAt ? { opensAt } : {}),
          ...(closesAt && closesAt !== dates.closesAt ? { closesAt } : {}),
        };
      };

      if (call.callUnreviewed) await this.repository.markCallReviewed(tx, call.id, changes(null, call), at);
      for (const round of call.rounds) await this.repository.markRoundReviewed(tx, round.id, changes(round.id, round), at);

      const summary = (value: (date: TDeadlineReviewDate) => string) =>
        item.dates.map((date) => ({ round: date.roundNumber, field: date.field, at: value(date) }));
      await this.audit.record(tx, ctx, {
        action: move ? 'call.deadlines_moved' : 'call.deadlines_confirmed',
        entityType: 'Call',
        entityId: call.id,
        before: { dates: summary((date) => date.at) },
        after: {
          dates: summary((date) => (move ? date.movedAt : date.at)),
          dataVersion: casablancaTime.dataVersion,
          rounds: call.rounds.map((round) => round.number),
        },
      });
    });
    return this.list();
  }
}
