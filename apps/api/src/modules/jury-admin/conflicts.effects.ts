import type { Prisma } from '@tahkim/db';
import type { RequestContext } from '../../common/http/request-context';
import type { AuditService } from '../audit/audit.service';

export interface ConflictEffect {
  /** The juror (User id). */
  userId: string;
  applicationId: string;
  /** The conflict that causes the removal, for the audit trail. */
  conflictId: string;
}

/**
 * What a CONFIRMED conflict does, whoever recorded it (the juror, staff, or staff confirming a
 * suggestion): the juror's assignments to that application, in every round, are removed with their
 * scorecards (drafts and submitted ones), in the caller's transaction. Each removal of a submitted
 * scorecard gets its own audit row, since it changes results.
 */
export async function applyConflict(
  tx: Prisma.TransactionClient,
  effect: ConflictEffect,
  audit: AuditService,
  ctx: Pick<RequestContext, 'requestId' | 'ip' | 'user'> | undefined,
): Promise<{ removedAssignments: number; removedSubmitted: number }> {
  const assignments = await tx.assignment.findMany({
    where: { applicationId: effect.applicationId, juror: { userId: effect.userId } },
    select: { id: true, roundId: true, scorecard: { select: { id: true, status: true, weightedScore: true, submittedAt: true } } },
  });
  if (assignments.length === 0) return { removedAssignments: 0, removedSubmitted: 0 };
  let removedSubmitted = 0;
  for (const assignment of assignments) {
    if (assignment.scorecard?.status === 'SUBMITTED') {
      removedSubmitted += 1;
      await audit.record(tx, ctx, {
        action: 'scorecard.removed_by_conflict',
        entityType: 'Scorecard',
        entityId: assignment.scorecard.id,
        before: {
          assignmentId: assignment.id, roundId: assignment.roundId, status: 'SUBMITTED',
          weightedScore: assignment.scorecard.weightedScore, submittedAt: assignment.scorecard.submittedAt?.toISOString() ?? null,
        },
        after: { conflictId: effect.conflictId },
      });
    }
  }
  // Scorecards and their values go with the assignment (ON DELETE CASCADE).
  await tx.assignment.deleteMany({ where: { id: { in: assignments.map((a) => a.id) } } });
  await audit.record(tx, ctx, {
    action: 'assignments.removed_by_conflict',
    entityType: 'ConflictOfInterest',
    entityId: effect.conflictId,
    after: { userId: effect.userId, applicationId: effect.applicationId, assignments: assignments.map((a) => a.id), removedSubmitted },
  });
  return { removedAssignments: assignments.length, removedSubmitted };
}
