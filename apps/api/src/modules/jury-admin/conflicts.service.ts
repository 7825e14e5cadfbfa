import { Inject, Injectable } from '@nestjs/common';
import type { TConflict } from '@tahkim/contracts';
import type { ZReviewConflictRequest, ZStaffConflictRequest } from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';
import type { z } from 'zod';
import { PRISMA } from '../../config/config.module';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { AuditService } from '../audit/audit.service';
import { suggestConflicts } from './conflict-suggestions';
import { applyConflict } from './conflicts.effects';
import { JuryAdminRepository } from './jury-admin.repository';
import { lockApplicationRankingStamp, lockRankingStamp } from '../results/ranking-stamp-lock';

const CONFLICT_FIELDS = {
  id: true, userId: true, applicationId: true, reason: true, source: true, status: true, createdAt: true,
  user: { select: { displayName: true } }, application: { select: { reference: true } },
} as const;

/** Conflicts of interest as staff see and settle them. */
@Injectable()
export class ConflictsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly repo: JuryAdminRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Confirmed, declared and suggested conflicts of the round's jurors on its call's applications.
   * Suggestions are made as soon as a pair can exist; they are refreshed here too, for applications that
   * reached round 1 by being screened in after the jury was formed.
   */
  async list(roundId: string, ctx: RequestContext): Promise<{ items: TConflict[] }> {
    const round = await this.repo.round(this.prisma, roundId);
    await this.prisma.$transaction((tx) => suggestConflicts(tx, { roundId: round.id }, this.audit, ctx));
    const rows = await this.prisma.conflictOfInterest.findMany({
      where: { application: { callId: round.callId }, user: { jurorMemberships: { some: { roundId } } } },
      select: CONFLICT_FIELDS,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    return { items: rows.map(toConflict) };
  }

  /** Staff record a conflict: it is in force at once, and removes the juror's assignment to the application. */
  async record(roundId: string, input: z.output<typeof ZStaffConflictRequest>, ctx: RequestContext): Promise<TConflict> {
    return this.prisma.$transaction(async (tx) => {
      // The call's ranking stamp first: the lock every change of scorecards, assignments or rounds takes first.
      await lockRankingStamp(tx, roundId);
      const round = await this.repo.round(tx, roundId);
      const juror = await tx.juror.findUnique({ where: { roundId_userId: { roundId, userId: input.jurorUserId } } });
      const application = await tx.application.findFirst({ where: { id: input.applicationId, callId: round.callId }, select: { id: true } });
      if (!juror || !application) throw new AppError('NOT_FOUND');
      const key = { userId_applicationId: { userId: input.jurorUserId, applicationId: input.applicationId } };
      const before = await tx.conflictOfInterest.findUnique({ where: key });
      const now = new Date();
      const conflict = await tx.conflictOfInterest.upsert({
        where: key,
        create: { userId: input.jurorUserId, applicationId: input.applicationId, reason: input.reason ?? null, source: 'STAFF', status: 'CONFIRMED', declaredById: ctx.user?.id ?? null, reviewedById: ctx.user?.id ?? null, reviewedAt: now },
        update: { status: 'CONFIRMED', reason: input.reason ?? before?.reason ?? null, reviewedById: ctx.user?.id ?? null, reviewedAt: now },
        select: CONFLICT_FIELDS,
      });
      await this.audit.record(tx, ctx, {
        action: 'conflict.recorded', entityType: 'ConflictOfInterest', entityId: conflict.id,
        before: before ? { status: before.status, source: before.source } : undefined,
        after: { userId: input.jurorUserId, applicationId: input.applicationId, status: 'CONFIRMED', source: conflict.source },
      });
      await applyConflict(tx, { userId: input.jurorUserId, applicationId: input.applicationId, conflictId: conflict.id }, this.audit, ctx);
      return toConflict(conflict);
    });
  }

  /** Confirms or dismisses a conflict (typically a suggestion). Confirming removes the assignments. */
  async review(conflictId: string, input: z.output<typeof ZReviewConflictRequest>, ctx: RequestContext): Promise<TConflict> {
    return this.prisma.$transaction(async (tx) => {
      const before = await tx.conflictOfInterest.findUnique({ where: { id: conflictId } });
      if (!before) throw new AppError('NOT_FOUND');
      // The call's ranking stamp first: the lock every change of scorecards, assignments or rounds takes first.
      await lockApplicationRankingStamp(tx, before.applicationId);
      const conflict = await tx.conflictOfInterest.update({
        where: { id: conflictId },
        data: { status: input.status, reviewedById: ctx.user?.id ?? null, reviewedAt: new Date() },
        select: CONFLICT_FIELDS,
      });
      await this.audit.record(tx, ctx, { action: 'conflict.reviewed', entityType: 'ConflictOfInterest', entityId: conflictId, before: { status: before.status }, after: { status: input.status } });
      if (input.status === 'CONFIRMED') await applyConflict(tx, { userId: before.userId, applicationId: before.applicationId, conflictId }, this.audit, ctx);
      return toConflict(conflict);
    });
  }
}

function toConflict(row: {
  id: string; userId: string; applicationId: string; reason: string | null; source: TConflict['source']; status: TConflict['status']; createdAt: Date;
  user: { displayName: string }; application: { reference: string | null };
}): TConflict {
  return {
    id: row.id, jurorUserId: row.userId, jurorName: row.user.displayName, applicationId: row.applicationId, applicationReference: row.application.reference,
    reason: row.reason, source: row.source, status: row.status, createdAt: row.createdAt.toISOString(),
  };
}
