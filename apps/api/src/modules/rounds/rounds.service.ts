import { Inject, Injectable } from '@nestjs/common';
import {
  errorMessage,
  ROUND_CONFLICT_MESSAGES,
  type TCreateRoundRequest,
  type TCriterion,
  type TPutCriteriaRequest,
  type TRound,
  type TRoundConflictReason,
  type TUpdateRoundRequest,
} from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';
import { z } from 'zod';
import { PRISMA } from '../../config/config.module';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { casablancaTime } from '../../common/time/casablanca-time';
import { AuditService } from '../audit/audit.service';
import { suggestConflicts } from '../jury-admin/conflict-suggestions';
import { WorkNoticesService } from '../notifications/work-notices.service';
import { ensureFirstRound } from './first-round';
import { materialiseRoundApplications } from './round-applications';
import { isEmptyRound, RoundsRepository, toCriterion, toRound } from './rounds.repository';
import { lockCallRankingStamp, lockRankingStamp } from '../results/ranking-stamp-lock';

type CreateRound = z.output<typeof import('@tahkim/contracts').ZCreateRoundRequest>;
type PutCriteria = z.output<typeof import('@tahkim/contracts').ZPutCriteriaRequest>;


/** Evaluation rounds of a call and their weighted criteria (staff only). */
@Injectable()
export class RoundsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly rounds: RoundsRepository,
    private readonly audit: AuditService,
    private readonly workNotices: WorkNoticesService,
  ) {}

  /** A call always has round 1 (see ensureFirstRound). */
  async list(callId: string, ctx: RequestContext): Promise<TRound[]> {
    const call = await this.rounds.findCall(this.prisma, callId);
    if (!call) throw new AppError('NOT_FOUND');
    let rows = await this.rounds.listForCall(this.prisma, callId);
    if (rows.length === 0) {
      await ensureFirstRound(this.prisma, this.audit, callId, ctx);
      rows = await this.rounds.listForCall(this.prisma, callId);
    }
    const counts = await this.rounds.counts(this.prisma, rows.map((r) => r.id));
    return rows.map((row) => toRound(row, counts.get(row.id)!));
  }

  async get(id: string): Promise<TRound> {
    const row = await this.rounds.findById(this.prisma, id);
    if (!row) throw new AppError('NOT_FOUND');
    const counts = await this.rounds.counts(this.prisma, [id]);
    return toRound(row, counts.get(id)!);
  }

  async create(callId: string, input: TCreateRoundRequest, ctx: RequestContext): Promise<TRound> {
    const body = input as CreateRound;
    const opensAt = toInstant(body.opensAt);
    const closesAt = toInstant(body.closesAt);
    assertDates(opensAt, closesAt, ctx);
    const id = await this.prisma.$transaction(async (tx) => {
      const call = await this.rounds.findCall(tx, callId);
      if (!call) throw new AppError('NOT_FOUND');
      // The call's ranking stamp before the call itself: the order every writer of what a ranking shows takes them in.
      await lockCallRankingStamp(tx, callId);
      await tx.$queryRaw`SELECT "id" FROM "Call" WHERE "id" = ${callId}::uuid FOR UPDATE`;
      // A round created open is opened now: the call's deadline is checked as when a draft is opened.
      if (body.status === 'OPEN') assertDeadlineAcknowledged(call.closesAt, body.acknowledgeEarly);
      const number = await this.rounds.nextNumber(tx, callId);
      const round = await tx.round.create({
        data: {
          callId, number, name: body.name, type: body.type, blind: body.blind, scorecardsRequired: body.scorecardsRequired,
          disagreementThreshold: body.disagreementThreshold, method: body.method, instructions: body.instructions ?? undefined,
          biddingOpen: body.biddingOpen, expertiseWeight: body.expertiseWeight, bidWeight: body.bidWeight, assignmentCap: body.assignmentCap,
          opensAt, closesAt, deadlinesReviewedAt: new Date(), status: body.status,
        },
      });
      if (round.status === 'OPEN') {
        await materialiseRoundApplications(tx, round, ctx.user?.id ?? null);
        await suggestConflicts(tx, { roundId: round.id }, this.audit, ctx);
      }
      await this.audit.record(tx, ctx, { action: 'round.created', entityType: 'Round', entityId: round.id, after: summary(round) });
      return round.id;
    });
    return this.get(id);
  }

  async update(id: string, input: TUpdateRoundRequest, ctx: RequestContext): Promise<TRound> {
    await this.prisma.$transaction(async (tx) => {
      // The call's ranking stamp first: the lock every change of scorecards, assignments or rounds takes first.
      await lockRankingStamp(tx, id);
      await this.rounds.lock(tx, id);
      const before = await this.rounds.findById(tx, id);
      if (!before) throw new AppError('NOT_FOUND');
      const type = input.type ?? before.type;
      if (type !== before.type) {
        const usage = (await this.rounds.counts(tx, [id])).get(id)!;
        if (usage.scorecards > 0 || usage.ballots > 0) throw roundConflict('ROUND_TYPE_LOCKED', { scorecards: usage.scorecards, ballots: usage.ballots });
      }
      if (input.status === 'OPEN' && before.status !== 'OPEN') await this.assertCanOpen(tx, { ...before, type }, input.acknowledgeEarly === true);
      const opensAt = input.opensAt === undefined ? before.opensAt : toInstant(input.opensAt);
      const closesAt = input.closesAt === undefined ? before.closesAt : toInstant(input.closesAt);
      assertDates(opensAt, closesAt, ctx);
      const datesWritten = input.opensAt !== undefined || input.closesAt !== undefined;
      const data: Prisma.RoundUpdateInput = {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.type !== undefined && { type: input.type }),
        ...(input.blind !== undefined && { blind: input.blind }),
        ...(input.scorecardsRequired !== undefined && { scorecardsRequired: input.scorecardsRequired }),
        ...(input.disagreementThreshold !== undefined && { disagreementThreshold: input.disagreementThreshold }),
        ...(input.method !== undefined && { method: input.method }),
        ...(input.instructions !== undefined && { instructions: input.instructions ?? undefined }),
        ...(input.opensAt !== undefined && { opensAt }),
        ...(input.closesAt !== undefined && { closesAt }),
        // Dates written now were converted with the current data: nothing left to review.
        ...(datesWritten && { deadlinesReviewedAt: new Date() }),
        ...(input.status !== undefined && { status: input.status }),
        ...(input.biddingOpen !== undefined && { biddingOpen: input.biddingOpen }),
        ...(input.expertiseWeight !== undefined && { expertiseWeight: input.expertiseWeight }),
        ...(input.bidWeight !== undefined && { bidWeight: input.bidWeight }),
        ...(input.assignmentCap !== undefined && { assignmentCap: input.assignmentCap }),
      };
      const after = await tx.round.update({ where: { id }, data });
      if (after.status === 'OPEN' && before.status !== 'OPEN') {
        await materialiseRoundApplications(tx, after, ctx.user?.id ?? null);
        await suggestConflicts(tx, { roundId: after.id }, this.audit, ctx);
        await this.workNotices.roundOpened(tx, after.id);
      }
      // Jurors are about to read the round's projects: their own organisation's become suggested conflicts first.
      else if (after.biddingOpen && !before.biddingOpen) await suggestConflicts(tx, { roundId: after.id }, this.audit, ctx);
      await this.audit.record(tx, ctx, { action: 'round.updated', entityType: 'Round', entityId: id, before: summary(before), after: summary(after) });
    });
    return this.get(id);
  }

  /**
   * Deletes a round nothing rests on (no application taken into it, no assignment, scorecard or ballot),
   * e.g. one created by mistake. Round 1 always stays: it receives the call's screened-in applications.
   */
  async remove(id: string, ctx: RequestContext): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      // The call's ranking stamp first: the lock every change of scorecards, assignments or rounds takes first.
      await lockRankingStamp(tx, id);
      await this.rounds.lock(tx, id);
      const round = await this.rounds.findById(tx, id);
      if (!round) throw new AppError('NOT_FOUND');
      if (round.number === 1) throw roundConflict('FIRST_ROUND');
      const usage = (await this.rounds.counts(tx, [id])).get(id)!;
      if (!isEmptyRound(round, usage)) {
        throw roundConflict('ROUND_NOT_EMPTY', { applications: usage.applications, assignments: usage.assignments, scorecards: usage.scorecards, ballots: usage.ballots });
      }
      await this.rounds.delete(tx, id);
      await this.audit.record(tx, ctx, {
        action: 'round.deleted', entityType: 'Round', entityId: id,
        before: { callId: round.callId, name: round.name as Prisma.InputJsonObject, ...summary(round) },
      });
    });
  }

  /**
   * What opening a round needs: weighted criteria for a scoring round, at least one application, and past
   * the call's deadline an explicit acknowledgement (applications submitted later are not in the round).
   */
  private async assertCanOpen(tx: Prisma.TransactionClient, round: { id: string; callId: string; number: number; type: string }, acknowledgeEarly: boolean): Promise<void> {
    if (round.type === 'SCORING') {
      const criteria = await this.rounds.criteria(tx, round.id);
      if (!criteria.some((c) => c.weight > 0)) throw roundConflict('ROUND_HAS_NO_CRITERIA');
    }
    if ((await this.rounds.applicationCount(tx, round)) === 0) throw roundConflict('ROUND_HAS_NO_APPLICATIONS');
    const call = await this.rounds.findCall(tx, round.callId);
    assertDeadlineAcknowledged(call?.closesAt ?? null, acknowledgeEarly);
  }

  async criteria(roundId: string): Promise<{ items: TCriterion[]; locked: boolean }> {
    const round = await this.rounds.findById(this.prisma, roundId);
    if (!round) throw new AppError('NOT_FOUND');
    const [rows, submitted] = await Promise.all([this.rounds.criteria(this.prisma, roundId), this.rounds.submittedCount(this.prisma, roundId)]);
    return { items: rows.map(toCriterion), locked: submitted > 0 };
  }

  /**
   * Replaces the criteria (matched by key, so drafts keep the values of unchanged criteria). Once a
   * scorecard is submitted the criteria are fixed, unless staff ask for an explicit reset: then every
   * value of the round is deleted and every scorecard goes back to draft, with an audit row.
   */
  async putCriteria(roundId: string, input: TPutCriteriaRequest, ctx: RequestContext): Promise<{ items: TCriterion[]; locked: boolean }> {
    const body = input as PutCriteria;
    await this.prisma.$transaction(async (tx) => {
      const round = await this.rounds.findById(tx, roundId);
      if (!round) throw new AppError('NOT_FOUND');
      // The round (as other changes of it do), then the call's ranking stamp, before any value or
      // scorecard: a submit or reopen takes the stamp before its scorecard, so the two queue on the
      // stamp instead of each holding what the other needs. The round is locked FOR NO KEY UPDATE so
      // that a submit holding the stamp can still add sums rows that refer to it (a key-share lock).
      await this.rounds.lock(tx, roundId, 'NO KEY UPDATE');
      await lockRankingStamp(tx, roundId);
      // Read after the stamp: a submit either committed before (counted) or waits for this transaction.
      const submitted = await this.rounds.submittedCount(tx, roundId);
      if (submitted > 0 && !body.reset) throw new AppError('CONFLICT', { reason: 'CRITERIA_LOCKED', submitted });
      const existing = await this.rounds.criteria(tx, roundId);

      let reopened = 0;
      if (body.reset) {
        await tx.scoreValue.deleteMany({ where: { scorecard: { assignment: { roundId } } } });
        const result = await tx.scorecard.updateMany({
          where: { assignment: { roundId }, status: 'SUBMITTED' },
          data: { status: 'DRAFT', submittedAt: null, weightedScore: null, reopenedAt: new Date(), reopenReason: 'criteria reset', reopenedById: ctx.user?.id ?? null, version: { increment: 1 } },
        });
        reopened = result.count;
        await tx.scorecard.updateMany({ where: { assignment: { roundId }, status: 'DRAFT', weightedScore: { not: null } }, data: { weightedScore: null } });
      }

      const wanted = new Map(body.criteria.map((c, position) => [c.key, { ...c, position }]));
      const removed = existing.filter((c) => !wanted.has(c.key));
      if (removed.length > 0) await tx.criterion.deleteMany({ where: { id: { in: removed.map((c) => c.id) } } });
      // Positions are not unique, so rows can be rewritten in any order.
      for (const c of body.criteria) {
        const position = wanted.get(c.key)!.position;
        const old = existing.find((e) => e.key === c.key);
        const fields = { label: c.label, guidance: c.guidance ?? undefined, weight: c.weight, scaleMin: c.scaleMin, scaleMax: c.scaleMax, position };
        if (!old) {
          await tx.criterion.create({ data: { roundId, key: c.key, ...fields } });
          continue;
        }
        // A draft value scored on another scale means nothing on the new one.
        if (old.scaleMin !== c.scaleMin || old.scaleMax !== c.scaleMax) await tx.scoreValue.deleteMany({ where: { criterionId: old.id } });
        await tx.criterion.update({ where: { id: old.id }, data: { ...fields, guidance: c.guidance ?? null } as Prisma.CriterionUpdateInput });
      }
      const after = body.criteria.map((c) => ({ key: c.key, weight: c.weight, scaleMin: c.scaleMin, scaleMax: c.scaleMax }));
      const before = existing.map((c) => ({ key: c.key, weight: c.weight, scaleMin: c.scaleMin, scaleMax: c.scaleMax }));
      await this.audit.record(tx, ctx, {
        action: body.reset ? 'criteria.reset' : 'criteria.updated',
        entityType: 'Round',
        entityId: roundId,
        before: { criteria: before },
        after: body.reset ? { criteria: after, reopenedScorecards: reopened } : { criteria: after },
      });
    });
    return this.criteria(roundId);
  }
}

function summary(round: {
  number: number; type: string; status: string; blind: boolean; scorecardsRequired: number; method: string; opensAt: Date | null; closesAt: Date | null;
  biddingOpen: boolean; expertiseWeight: number; bidWeight: number; assignmentCap: number | null;
}) {
  return {
    number: round.number, type: round.type, status: round.status, blind: round.blind, scorecardsRequired: round.scorecardsRequired, method: round.method,
    biddingOpen: round.biddingOpen, expertiseWeight: round.expertiseWeight, bidWeight: round.bidWeight, assignmentCap: round.assignmentCap,
    opensAt: round.opensAt?.toISOString() ?? null, closesAt: round.closesAt?.toISOString() ?? null,
  };
}

/** A 409 CONFLICT whose message says why in the caller's language. */
function roundConflict(reason: TRoundConflictReason, details: Record<string, unknown> = {}): AppError {
  return new AppError('CONFLICT', { reason, ...details }, { messages: ROUND_CONFLICT_MESSAGES[reason] });
}

/** Before the call's deadline, opening a round leaves out later applicants: staff must say they know. */
function assertDeadlineAcknowledged(callClosesAt: Date | null, acknowledgeEarly: boolean): void {
  if (callClosesAt && callClosesAt.getTime() > Date.now() && !acknowledgeEarly) {
    throw roundConflict('ROUND_OPENS_BEFORE_DEADLINE', { callClosesAt: callClosesAt.toISOString() });
  }
}

/** A wall-clock time typed in Casablanca (or an absolute instant) -> the instant, with the server's data. */
function toInstant(value: string | null | undefined): Date | null {
  return value ? casablancaTime.toInstant(value) : null;
}

function assertDates(opensAt: Date | null, closesAt: Date | null, ctx: RequestContext): void {
  if (opensAt && closesAt && closesAt.getTime() <= opensAt.getTime()) {
    throw new AppError('VALIDATION_FAILED', [{ path: ['closesAt'], code: 'custom', message: errorMessage('VALIDATION_FAILED', ctx.locale) }]);
  }
}
