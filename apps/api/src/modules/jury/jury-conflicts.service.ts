import { Inject, Injectable } from '@nestjs/common';
import type { TConflict, ZDeclareConflictRequest } from '@tahkim/contracts';
import type { z } from 'zod';
import type { PrismaClient } from '@tahkim/db';
import type { RequestContext } from '../../common/http/request-context';
import { PRISMA } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/auth.types';
import { applyConflict } from '../jury-admin/conflicts.effects';
import { refuseAssignment } from './jury.access';
import { JuryRepository } from './jury.repository';

type DeclareConflict = z.infer<typeof ZDeclareConflictRequest>;

/** A juror's own declaration of a conflict of interest. */
@Injectable()
export class JuryConflictsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly jury: JuryRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Declares a conflict on one of the caller's assignments, opened or not. The conflict is in force at
   * once (CONFIRMED) for every round of the call: the juror's assignments to the application go, with
   * their scorecards, and the application is hidden from them from then on. A suggestion or a dismissed
   * conflict on the same pair becomes the juror's confirmed declaration.
   */
  async declare(input: DeclareConflict, user: AuthenticatedUser, ctx: RequestContext): Promise<TConflict> {
    return this.prisma.$transaction(async (tx) => {
      const assignment = (await this.jury.find(tx, user.id, input.assignmentId)) ?? (await refuseAssignment(tx, user, input.assignmentId));
      const before = await tx.conflictOfInterest.findUnique({ where: { userId_applicationId: { userId: user.id, applicationId: assignment.applicationId } }, select: { status: true, source: true, reason: true } });
      const data = { reason: input.reason, source: 'DECLARED' as const, status: 'CONFIRMED' as const, declaredById: user.id, reviewedById: null, reviewedAt: null };
      const conflict = await tx.conflictOfInterest.upsert({
        where: { userId_applicationId: { userId: user.id, applicationId: assignment.applicationId } },
        create: { userId: user.id, applicationId: assignment.applicationId, ...data },
        update: data,
        select: { id: true, userId: true, applicationId: true, reason: true, source: true, status: true, createdAt: true },
      });
      await this.audit.record(tx, ctx, {
        action: 'conflict.declared',
        entityType: 'ConflictOfInterest',
        entityId: conflict.id,
        ...(before ? { before } : {}),
        after: { userId: user.id, applicationId: assignment.applicationId, assignmentId: assignment.id, roundId: assignment.roundId, reason: input.reason, source: 'DECLARED', status: 'CONFIRMED' },
      });
      await applyConflict(tx, { userId: user.id, applicationId: assignment.applicationId, conflictId: conflict.id }, this.audit, ctx);
      return {
        id: conflict.id,
        jurorUserId: conflict.userId,
        jurorName: user.displayName,
        applicationId: conflict.applicationId,
        applicationReference: assignment.application.reference,
        reason: conflict.reason,
        source: conflict.source,
        status: conflict.status,
        createdAt: conflict.createdAt.toISOString(),
      };
    });
  }
}
