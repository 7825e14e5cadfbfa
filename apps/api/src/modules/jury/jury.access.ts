import { isStaff } from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';
import { AppError } from '../../common/errors/app-error';
import type { AuthenticatedUser } from '../auth/auth.types';

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * The one rule of what a juror may see, as a filter over assignments: theirs (their Juror membership),
 * in an OPEN round, on an application they have no confirmed conflict with. Every juror route reads
 * assignments through it, for one id or for the whole list, in the same query as the data.
 */
export function visibleAssignmentsWhere(userId: string): Prisma.AssignmentWhereInput {
  return {
    juror: { userId },
    round: { status: 'OPEN' },
    application: { conflicts: { none: { userId, status: 'CONFIRMED' } } },
  };
}

/**
 * Refusal for an assignment the caller may not use. Anyone but staff is told it does not exist (404,
 * the same body as for a random id); staff, who may know it exists, are told the route is not theirs
 * unless they are a juror of that round (then it is hidden from them like from any juror).
 */
export async function refuseAssignment(db: Db, user: AuthenticatedUser, assignmentId: string): Promise<never> {
  // Staff may read everything, but juror routes are a juror's: they get 403 rather than a misleading 404.
  if (isStaff(user.roles)) {
    const assignment = await db.assignment.findUnique({ where: { id: assignmentId }, select: { round: { select: { jurors: { where: { userId: user.id }, select: { id: true } } } } } });
    if (assignment && assignment.round.jurors.length === 0) throw new AppError('FORBIDDEN');
  }
  throw new AppError('NOT_FOUND');
}

/**
 * Writing a scorecard also needs the round's dates, when set, to include now. Declaring a conflict does
 * not: a juror who discovers a conflict after the deadline must still be able to say so.
 */
export function assertRoundAcceptsWork(round: { opensAt: Date | null; closesAt: Date | null }, now = Date.now()): void {
  if (round.closesAt && now >= round.closesAt.getTime()) throw new AppError('DEADLINE_PASSED', { closesAt: round.closesAt.toISOString() });
  if (round.opensAt && now < round.opensAt.getTime()) throw new AppError('CONFLICT', { reason: 'ROUND_NOT_OPEN', opensAt: round.opensAt.toISOString() });
}
