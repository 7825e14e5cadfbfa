import { Inject, Injectable } from '@nestjs/common';
import {
  SECOND_LOOK_CONFLICT_MESSAGES,
  type TRankingQueryMethod,
  type TSecondLook,
  type TSecondLookCommitRequest,
  type TSecondLookConflictReason,
  type TSecondLookList,
  type TSecondLookPlan,
  type TSecondLookRequest,
} from '@tahkim/contracts';
import { Prisma, type PrismaClient } from '@tahkim/db';
import { planSecondLook, type SubmittedScore } from '@tahkim/scoring';
import { uuidV7 } from '../../common/db/uuid-v7';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { PRISMA } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { JuryAdminRepository } from '../jury-admin/jury-admin.repository';
import { WorkNoticesService } from '../notifications/work-notices.service';
import { lockRankingStamp } from '../results/ranking-stamp-lock';
import { roundScoresSql } from '../results/ranking.queries';

type Db = PrismaClient | Prisma.TransactionClient;

interface RoundRow {
  id: string;
  callId: string;
  number: number;
  type: string;
  status: string;
  method: string;
  scorecardsRequired: number;
  disagreementThreshold: number;
  stamp: string;
}

function refused(reason: TSecondLookConflictReason): AppError {
  return new AppError('CONFLICT', { reason }, { messages: SECOND_LOOK_CONFLICT_MESSAGES[reason] });
}

/**
 * Second looks (DESIGN.md "Shortlist confidence and second look"): a budget of extra scorecards planned
 * by packages/scoring's planSecondLook where the round's shortlist cut is least certain, previewed, then
 * committed as ordinary assignments (audited, jurors notified) that point back to their second look,
 * and undone while none of their scorecards is submitted.
 */
@Injectable()
export class SecondLookService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly repo: JuryAdminRepository,
    private readonly audit: AuditService,
    private readonly workNotices: WorkNoticesService,
  ) {}

  /** The plan for this request on the round as it is now; nothing is written. */
  preview(roundId: string, request: TSecondLookRequest): Promise<TSecondLookPlan> {
    return this.plan(this.prisma, roundId, request);
  }

  /**
   * Plans again under the call's ranking stamp lock and writes the plan's assignments, if the ranking has
   * not changed since the preview the request carries the stamp of (409 VERSION_CONFLICT otherwise).
   */
  async commit(roundId: string, request: TSecondLookCommitRequest, ctx: RequestContext): Promise<TSecondLook> {
    const id = await this.prisma.$transaction(
      async (tx) => {
        // The call's ranking stamp first: the lock every change of scorecards, assignments or rounds takes first.
        await lockRankingStamp(tx, roundId);
        await tx.$queryRaw`SELECT "id" FROM "Round" WHERE "id" = ${roundId}::uuid FOR UPDATE`;
        const plan = await this.plan(tx, roundId, request);
        if (plan.stamp !== request.stamp) throw new AppError('VERSION_CONFLICT', { stamp: plan.stamp });
        if (plan.picks.length === 0) throw refused('NOTHING_TO_PLACE');
        const id = uuidV7();
        await tx.secondLook.create({ data: { id, roundId, plan: plan as unknown as Prisma.InputJsonValue, createdById: ctx.user?.id ?? null } });
        const ids = plan.picks.map(() => uuidV7());
        await tx.$executeRaw`
          INSERT INTO "Assignment" ("id", "roundId", "jurorId", "applicationId", "assignedById", "createdAt", "secondLookId")
          SELECT pair."id", ${roundId}::uuid, pair."jurorId", pair."applicationId", ${ctx.user?.id ?? null}::uuid, now(), ${id}::uuid
          FROM unnest(${ids}::uuid[], ${plan.picks.map((p) => p.jurorId)}::uuid[], ${plan.picks.map((p) => p.applicationId)}::uuid[]) AS pair("id", "jurorId", "applicationId")`;
        const added = new Map<string, number>();
        for (const pick of plan.picks) added.set(pick.jurorId, (added.get(pick.jurorId) ?? 0) + 1);
        await this.workNotices.assigned(tx, roundId, added);
        await this.audit.record(tx, ctx, {
          action: 'secondLook.committed',
          entityType: 'Round',
          entityId: roundId,
          after: { secondLookId: id, method: plan.method, size: plan.size, threshold: plan.threshold, total: plan.total, perJuror: plan.perJuror, assignments: plan.picks.length, unplaced: plan.unplaced },
        });
        return id;
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
    const committed = (await this.list(roundId)).items.find((item) => item.id === id);
    if (!committed) throw new AppError('NOT_FOUND');
    return committed;
  }

  /** The round's second looks, newest first, with how many of their scorecards are in. */
  async list(roundId: string): Promise<TSecondLookList> {
    const round = await this.prisma.round.findUnique({ where: { id: roundId }, select: { id: true } });
    if (!round) throw new AppError('NOT_FOUND');
    const rows = await this.prisma.$queryRaw<Array<{ id: string; plan: TSecondLookPlan; createdAt: Date; createdById: string | null; createdByName: string | null; assignments: number; submitted: number }>>`
      SELECT l."id", l."plan", l."createdAt", l."createdById", u."displayName" AS "createdByName",
             count(a."id")::int AS "assignments", count(s."id") FILTER (WHERE s."status" = 'SUBMITTED')::int AS "submitted"
      FROM "SecondLook" l
      LEFT JOIN "User" u ON u."id" = l."createdById"
      LEFT JOIN "Assignment" a ON a."secondLookId" = l."id"
      LEFT JOIN "Scorecard" s ON s."assignmentId" = a."id"
      WHERE l."roundId" = ${roundId}::uuid
      GROUP BY l."id", u."displayName"
      ORDER BY l."createdAt" DESC, l."id" DESC`;
    return {
      items: rows.map((row) => ({
        ...row.plan,
        id: row.id,
        createdAt: row.createdAt.toISOString(),
        createdBy: row.createdById ? { id: row.createdById, displayName: row.createdByName ?? '' } : null,
        assignments: row.assignments,
        submitted: row.submitted,
        undoable: row.submitted === 0,
      })),
    };
  }

  /** Removes a second look's assignments (their draft scorecards with them): 409 once one of its scorecards is submitted. */
  async undo(roundId: string, secondLookId: string, ctx: RequestContext): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await lockRankingStamp(tx, roundId);
      const found = await tx.secondLook.findFirst({ where: { id: secondLookId, roundId }, select: { id: true } });
      if (!found) throw new AppError('NOT_FOUND');
      const [counts] = await tx.$queryRaw<Array<{ assignments: number; submitted: number; drafts: number }>>`
        SELECT count(a."id")::int AS "assignments",
               count(s."id") FILTER (WHERE s."status" = 'SUBMITTED')::int AS "submitted",
               count(s."id") FILTER (WHERE s."status" = 'DRAFT')::int AS "drafts"
        FROM "Assignment" a LEFT JOIN "Scorecard" s ON s."assignmentId" = a."id"
        WHERE a."secondLookId" = ${secondLookId}::uuid`;
      if (counts!.submitted > 0) throw refused('SCORECARDS_SUBMITTED');
      await tx.assignment.deleteMany({ where: { secondLookId } });
      await tx.secondLook.delete({ where: { id: secondLookId } });
      await this.audit.record(tx, ctx, {
        action: 'secondLook.undone',
        entityType: 'Round',
        entityId: roundId,
        before: { secondLookId, assignments: counts!.assignments, draftScorecards: counts!.drafts },
      });
    });
  }

  /** The plan on the round's current data (read with `db`, the commit's transaction or the client). */
  private async plan(db: Db, roundId: string, request: TSecondLookRequest): Promise<TSecondLookPlan> {
    const [round] = await db.$queryRaw<RoundRow[]>`
      SELECT r."id", r."callId", r."number", r."type"::text AS "type", r."status"::text AS "status", r."method"::text AS "method",
             r."scorecardsRequired", r."disagreementThreshold", COALESCE(s."version", 0)::text AS "stamp"
      FROM "Round" r LEFT JOIN "RankingStamp" s ON s."callId" = r."callId" WHERE r."id" = ${roundId}::uuid`;
    if (!round) throw new AppError('NOT_FOUND');
    if (round.type === 'BALLOT') throw refused('BALLOT_ROUND');
    if (round.status === 'CLOSED') throw refused('ROUND_CLOSED');
    const method: TRankingQueryMethod = request.method ?? (round.method === 'MEAN' ? 'mean' : 'normalised');
    const [applicationIds, cards, jurors, assigned, conflicts] = await Promise.all([
      this.repo.applicationIds(db, round),
      db.$queryRaw<SubmittedScore[]>(roundScoresSql(roundId)),
      db.$queryRaw<Array<{ id: string; displayName: string; load: number }>>`
        SELECT j."id", u."displayName", (SELECT count(*) FROM "Assignment" a WHERE a."jurorId" = j."id")::int AS "load"
        FROM "Juror" j JOIN "User" u ON u."id" = j."userId" WHERE j."roundId" = ${roundId}::uuid ORDER BY j."id"`,
      db.assignment.findMany({ where: { roundId }, select: { jurorId: true, applicationId: true } }),
      // Declared and confirmed conflicts, and suggested ones still pending: all keep the juror away.
      this.repo.conflictPairs(db, round),
    ]);
    const excluded = new Set([...assigned, ...conflicts].map((pair) => `${pair.applicationId}|${pair.jurorId}`));
    const size = request.size ?? null;
    const threshold = size === null ? (request.threshold ?? null) : null;
    const total = request.total ?? null;
    const perJuror = total === null ? (request.perJuror ?? null) : null;
    const plan = planSecondLook({
      applicationIds,
      scorecards: cards,
      required: round.scorecardsRequired,
      disagreementThreshold: round.disagreementThreshold,
      method,
      cut: size !== null ? { size } : { threshold: threshold! },
      jurors: jurors.map((juror) => ({ id: juror.id, load: juror.load })),
      excluded: (applicationId, jurorId) => excluded.has(`${applicationId}|${jurorId}`),
      budget: total !== null ? { total } : { perJuror: perJuror! },
    });
    const picked = [...new Set(plan.picks.map((pick) => pick.applicationId))];
    const applications = new Map(
      (picked.length > 0 ? await db.application.findMany({ where: { id: { in: picked } }, select: { id: true, reference: true, title: true } }) : []).map((a) => [a.id, a]),
    );
    const names = new Map(jurors.map((juror) => [juror.id, juror.displayName]));
    return {
      roundId,
      stamp: round.stamp,
      method,
      size,
      threshold,
      total,
      perJuror,
      cut: plan.cut,
      picks: plan.picks.map((pick) => ({
        ...pick,
        reference: applications.get(pick.applicationId)?.reference ?? null,
        title: applications.get(pick.applicationId)?.title ?? null,
        jurorName: names.get(pick.jurorId) ?? '',
      })),
      jurors: plan.jurors.map((load) => ({ ...load, displayName: names.get(load.jurorId) ?? '' })),
      unplaced: plan.unplaced,
    };
  }
}
