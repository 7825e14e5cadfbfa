import type { PrismaClient } from '@tahkim/db';
import type { RequestContext } from '../../common/http/request-context';
import type { AuditService } from '../audit/audit.service';

/** A round's name until staff give it one, in each language. */
export const defaultRoundName = (n: number) => ({ ar: `الجولة ${n}`, fr: `Tour ${n}`, en: `Round ${n}` });

/**
 * A call always has round 1: it is created, once and audited, the first time anyone reads the call's
 * rounds (its list, or its home). Returns whether it was created now.
 */
export async function ensureFirstRound(prisma: PrismaClient, audit: AuditService, callId: string, ctx: RequestContext): Promise<boolean> {
  if ((await prisma.round.count({ where: { callId } })) > 0) return false;
  return prisma.$transaction(async (tx) => {
    // ON CONFLICT DO NOTHING: two first readings at once create one round 1.
    const created = await tx.round.createMany({ data: [{ callId, number: 1, name: defaultRoundName(1) }], skipDuplicates: true });
    if (created.count !== 1) return false;
    const round = await tx.round.findUniqueOrThrow({ where: { callId_number: { callId, number: 1 } } });
    await audit.record(tx, ctx, { action: 'round.created', entityType: 'Round', entityId: round.id, after: { callId, number: 1, automatic: true } });
    return true;
  });
}
