import { Inject, Injectable } from '@nestjs/common';
import type { TBallotJuror, TBallotResult, TLocale, TLocalizedText, ZReopenBallotRequest } from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';
import { rankBallots } from '@tahkim/scoring';
import type { z } from 'zod';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { APP_CONFIG, PRISMA } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { casablancaTime } from '../../common/time/casablanca-time';
import { AuditService } from '../audit/audit.service';
import { OutboxService } from '../notifications/outbox.service';
import { BallotsRepository, type BallotRoundRow } from './ballots.repository';

type ReopenBallot = z.infer<typeof ZReopenBallotRequest>;

/** Staff side of a ballot round: the result (Schulze order, Borda points, matrices) and reopening a ballot. */
@Injectable()
export class BallotResultsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly repo: BallotsRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * The result over SUBMITTED ballots only. Each ballot counts for the applications still in the round
   * that its juror is not conflicted on (a conflict confirmed after submission removes that preference).
   * Reads are one query each for the round: applications, jurors, ballots with entries, conflicts.
   */
  async result(roundId: string): Promise<TBallotResult> {
    const round = await this.ballotRound(roundId);
    const [candidates, jurors, ballots] = await Promise.all([
      this.repo.candidates(this.prisma, round),
      this.repo.jurors(this.prisma, roundId),
      this.repo.ballots(this.prisma, roundId),
    ]);
    const ids = candidates.map((c) => c.id);
    const conflicts = await this.repo.conflicts(
      this.prisma,
      jurors.map((j) => j.userId),
      ids,
    );
    const conflictsOf = new Map<string, Set<string>>();
    for (const { userId, applicationId } of conflicts) conflictsOf.set(userId, (conflictsOf.get(userId) ?? new Set()).add(applicationId));
    const ballotOf = new Map(ballots.map((b) => [b.jurorId, b]));
    const inRound = new Set(ids);

    const jurorRows: TBallotJuror[] = jurors.map((juror) => {
      const ballot = ballotOf.get(juror.jurorId);
      const excluded = conflictsOf.get(juror.userId) ?? new Set<string>();
      return {
        jurorId: juror.jurorId,
        displayName: juror.displayName,
        status: ballot?.status ?? 'TO_DO',
        submittedAt: ballot?.submittedAt?.toISOString() ?? null,
        order: (ballot?.entries ?? []).map((e) => e.applicationId).filter((id) => inRound.has(id) && !excluded.has(id)),
        conflicts: ids.filter((id) => excluded.has(id)),
      };
    });
    const counted = jurorRows.filter((j) => j.status === 'SUBMITTED');
    const computed = rankBallots(ids, counted.map((j) => ({ order: j.order })));
    const byId = new Map(candidates.map((c) => [c.id, c]));
    return {
      round: { id: round.id, callId: round.callId, name: round.name as TLocalizedText, status: round.status },
      candidates: candidates.map((c) => ({ applicationId: c.id, reference: c.reference, title: c.title })),
      pairwise: computed.pairwise,
      strongest: computed.strongest,
      ranking: computed.ranking.map((row) => ({ ...row, reference: byId.get(row.applicationId)!.reference, title: byId.get(row.applicationId)!.title })),
      submitted: counted.length,
      jurors: jurorRows,
    };
  }

  /**
   * Sends a submitted ballot back to its juror as a draft, with a reason; audited, and the juror told by
   * email in their language (the reason quoted as staff wrote it), in the same transaction.
   */
  async reopen(roundId: string, jurorId: string, input: ReopenBallot, ctx: RequestContext): Promise<TBallotResult> {
    const round = await this.ballotRound(roundId);
    await this.prisma.$transaction(async (tx) => {
      const juror = await this.repo.juror(tx, roundId, jurorId);
      if (!juror) throw new AppError('NOT_FOUND');
      const locked = await this.repo.lock(tx, roundId, jurorId);
      if (!locked) throw new AppError('NOT_FOUND');
      if (locked.status !== 'SUBMITTED') throw new AppError('CONFLICT', { reason: 'NOT_SUBMITTED' });
      const before = (await this.repo.ballot(tx, roundId, jurorId))!;
      await this.repo.reopen(tx, locked.id);
      await this.audit.record(tx, ctx, {
        action: 'ballot.reopened',
        entityType: 'Ballot',
        entityId: locked.id,
        before: { status: 'SUBMITTED', submittedAt: before.submittedAt?.toISOString() ?? null, order: before.entries.map((e) => e.applicationId), version: before.version },
        after: { status: 'DRAFT', reason: input.reason, roundId, jurorId },
      });
      const user = await tx.user.findUniqueOrThrow({ where: { id: juror.userId }, select: { id: true, email: true, displayName: true, locale: true } });
      const locale = user.locale as TLocale;
      await this.outbox.enqueue(tx, {
        to: user.email, locale, template: 'ballot-reopened', userId: user.id,
        params: {
          name: user.displayName,
          callTitle: (round.call.title as TLocalizedText)[locale],
          roundName: (round.name as TLocalizedText)[locale],
          reason: input.reason,
          closesAt: round.closesAt ? casablancaTime.format(round.closesAt, locale) : null,
          link: `${this.config.appUrl}/jury/ballots/${roundId}`,
        },
      });
    });
    return this.result(roundId);
  }

  /** A round of type BALLOT, else 404 (a scoring round has no ballot). */
  private async ballotRound(roundId: string): Promise<BallotRoundRow> {
    const round = await this.repo.round(this.prisma, roundId);
    if (!round || round.type !== 'BALLOT') throw new AppError('NOT_FOUND');
    return round;
  }
}
