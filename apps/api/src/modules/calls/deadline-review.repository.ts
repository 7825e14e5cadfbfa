import { Injectable } from '@nestjs/common';
import type { Prisma, PrismaClient } from '@tahkim/db';

type Db = PrismaClient | Prisma.TransactionClient;

export interface UnreviewedCall {
  id: string;
  slug: string;
  title: unknown;
  status: string;
  opensAt: Date;
  closesAt: Date;
  /** False when only the call's rounds are unreviewed. */
  callUnreviewed: boolean;
  rounds: Array<{ id: string; number: number; opensAt: Date | null; closesAt: Date | null }>;
}

const CALL = { id: true, slug: true, title: true, status: true, opensAt: true, closesAt: true, deadlinesReviewedAt: true } as const;
const ROUND = { id: true, number: true, opensAt: true, closesAt: true } as const;

/** Calls and rounds whose dates were stored before the server converted them, at or after `since`. */
@Injectable()
export class DeadlineReviewRepository {
  async unreviewed(db: Db, since: Date, callId?: string): Promise<UnreviewedCall[]> {
    const late = { OR: [{ opensAt: { gte: since } }, { closesAt: { gte: since } }] };
    const roundWhere = { deadlinesReviewedAt: null, ...late };
    const calls = await db.call.findMany({
      where: {
        ...(callId ? { id: callId } : {}),
        status: { not: 'ARCHIVED' },
        OR: [{ deadlinesReviewedAt: null, ...late }, { rounds: { some: roundWhere } }],
      },
      select: { ...CALL, rounds: { where: roundWhere, select: ROUND, orderBy: { number: 'asc' } } },
      orderBy: [{ closesAt: 'asc' }, { id: 'asc' }],
    });
    return calls.map(({ deadlinesReviewedAt, ...call }) => ({ ...call, callUnreviewed: deadlinesReviewedAt === null }));
  }

  lockCall(tx: Prisma.TransactionClient, id: string): Promise<unknown> {
    return tx.$queryRaw`SELECT "id" FROM "Call" WHERE "id" = ${id}::uuid FOR UPDATE`;
  }

  async callExists(db: Db, id: string): Promise<boolean> {
    return (await db.call.findUnique({ where: { id }, select: { id: true } })) !== null;
  }

  markCallReviewed(tx: Prisma.TransactionClient, id: string, data: { opensAt?: Date; closesAt?: Date }, at: Date): Promise<unknown> {
    return tx.call.update({ where: { id }, data: { ...data, deadlinesReviewedAt: at } });
  }

  markRoundReviewed(tx: Prisma.TransactionClient, id: string, data: { opensAt?: Date; closesAt?: Date }, at: Date): Promise<unknown> {
    return tx.round.update({ where: { id }, data: { ...data, deadlinesReviewedAt: at } });
  }
}
