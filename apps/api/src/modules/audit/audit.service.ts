import { Injectable } from '@nestjs/common';
import type { Prisma, PrismaClient } from '@tahkim/db';
import type { RequestContext } from '../../common/http/request-context';

type Db = PrismaClient | Prisma.TransactionClient;

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Defaults to the signed-in caller; null for system actions and anonymous failures. */
  actorId?: string | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
}

/**
 * Writes the audit trail. Always called with the transaction of the change it records, so a change
 * and its audit row are committed together or not at all. The table refuses updates and deletes.
 */
@Injectable()
export class AuditService {
  async record(db: Db, ctx: Pick<RequestContext, 'requestId' | 'ip' | 'user'> | undefined, entry: AuditEntry): Promise<void> {
    await db.auditEvent.create({
      data: {
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId ?? null,
        actorId: entry.actorId === undefined ? (ctx?.user?.id ?? null) : entry.actorId,
        before: entry.before,
        after: entry.after,
        requestId: ctx?.requestId ?? null,
        ip: ctx?.ip ?? null,
      },
    });
  }

  /** One row per entry, in one statement (a change made to many records at once). */
  async recordMany(db: Db, ctx: Pick<RequestContext, 'requestId' | 'ip' | 'user'> | undefined, entries: readonly AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await db.auditEvent.createMany({
      data: entries.map((entry) => ({
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId ?? null,
        actorId: entry.actorId === undefined ? (ctx?.user?.id ?? null) : entry.actorId,
        before: entry.before,
        after: entry.after,
        requestId: ctx?.requestId ?? null,
        ip: ctx?.ip ?? null,
      })),
    });
  }
}
