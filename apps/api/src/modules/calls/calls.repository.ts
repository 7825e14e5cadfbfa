import { Injectable } from '@nestjs/common';
import type { TCallStatus } from '@tahkim/contracts';
import type { Call, Prisma, PrismaClient } from '@tahkim/db';
import { isUuid } from '../../common/http/uuid.pipe';

type Db = PrismaClient | Prisma.TransactionClient;

export interface ApplicationCounts {
  draft: number;
  submitted: number;
}

/** Statuses the public sees: a draft is staff's work in progress, an archived call is gone from lists. */
const PUBLIC_LIST_STATUSES: TCallStatus[] = ['PUBLISHED', 'CLOSED', 'DECIDED'];

/** The only code that reads and writes calls (their forms: see call-form.ts). */
@Injectable()
export class CallsRepository {
  findById(db: Db, id: string): Promise<Call | null> {
    return db.call.findUnique({ where: { id } });
  }

  findBySlug(db: Db, slug: string): Promise<Call | null> {
    return db.call.findUnique({ where: { slug } });
  }

  /** A call named in a URL by its id (any case) or its slug. */
  findByIdOrSlug(db: Db, idOrSlug: string): Promise<Call | null> {
    return isUuid(idOrSlug) ? this.findById(db, idOrSlug.toLowerCase()) : this.findBySlug(db, idOrSlug);
  }

  /** Locks the call's row until the transaction ends, so concurrent edits of one call run one after another. */
  async lockById(tx: Prisma.TransactionClient, id: string): Promise<Call | null> {
    const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Call" WHERE "id" = ${id}::uuid FOR UPDATE`;
    if (rows.length === 0) return null;
    return tx.call.findUnique({ where: { id } });
  }

  listPublic(db: Db): Promise<Call[]> {
    return db.call.findMany({ where: { status: { in: PUBLIC_LIST_STATUSES } }, orderBy: [{ closesAt: 'asc' }, { id: 'asc' }], take: 500 });
  }

  listAll(db: Db): Promise<Call[]> {
    return db.call.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 1000 });
  }

  /** Drafts and submitted (any status past DRAFT but WITHDRAWN) applications per call, in one query. */
  async applicationCounts(db: Db, callIds: string[]): Promise<Map<string, ApplicationCounts>> {
    const counts = new Map<string, ApplicationCounts>(callIds.map((id) => [id, { draft: 0, submitted: 0 }]));
    if (callIds.length === 0) return counts;
    const groups = await db.application.groupBy({ by: ['callId', 'status'], where: { callId: { in: callIds } }, _count: { _all: true } });
    for (const group of groups) {
      const entry = counts.get(group.callId);
      if (!entry) continue;
      if (group.status === 'DRAFT') entry.draft += group._count._all;
      else if (group.status !== 'WITHDRAWN') entry.submitted += group._count._all;
    }
    return counts;
  }

  async hasApplications(db: Db, callId: string): Promise<boolean> {
    return (await db.application.findFirst({ where: { callId }, select: { id: true } })) !== null;
  }

  async slugTaken(db: Db, slug: string, exceptId?: string): Promise<boolean> {
    return (await db.call.findFirst({ where: { slug, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { id: true } })) !== null;
  }

  /** References are unique across calls: two live calls may not share a prefix. */
  async referencePrefixTaken(db: Db, referencePrefix: string, exceptId?: string): Promise<boolean> {
    const other = await db.call.findFirst({
      where: { referencePrefix, status: { not: 'ARCHIVED' }, ...(exceptId ? { id: { not: exceptId } } : {}) },
      select: { id: true },
    });
    return other !== null;
  }

  create(tx: Prisma.TransactionClient, data: Prisma.CallUncheckedCreateInput): Promise<Call> {
    return tx.call.create({ data });
  }

  update(tx: Prisma.TransactionClient, id: string, data: Prisma.CallUncheckedUpdateInput): Promise<Call> {
    return tx.call.update({ where: { id }, data });
  }
}
