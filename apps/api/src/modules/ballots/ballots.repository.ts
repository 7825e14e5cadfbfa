import { Injectable } from '@nestjs/common';
import type { Prisma, PrismaClient } from '@tahkim/db';
import { roundApplicationsSql, type RoundRef } from '../rounds/round-applications';

type Db = PrismaClient | Prisma.TransactionClient;

const ROUND_FIELDS = {
  id: true,
  callId: true,
  number: true,
  type: true,
  name: true,
  instructions: true,
  status: true,
  blind: true,
  opensAt: true,
  closesAt: true,
  call: { select: { id: true, title: true } },
} as const satisfies Prisma.RoundSelect;
export type BallotRoundRow = Prisma.RoundGetPayload<{ select: typeof ROUND_FIELDS }>;

const BALLOT_FIELDS = {
  id: true,
  jurorId: true,
  status: true,
  version: true,
  comment: true,
  submittedAt: true,
  entries: { select: { applicationId: true, position: true }, orderBy: { position: 'asc' } },
} as const satisfies Prisma.BallotSelect;
export type BallotRow = Prisma.BallotGetPayload<{ select: typeof BALLOT_FIELDS }>;

/** A juror's seat on an OPEN ballot round, with their ballot when they have saved one. */
export interface BallotSeat {
  jurorId: string;
  round: BallotRoundRow;
  ballot: { status: 'DRAFT' | 'SUBMITTED'; submittedAt: Date | null } | null;
}

/** An application of the round, with what a blind view needs to mask its title. */
export interface CandidateRow {
  id: string;
  reference: string | null;
  title: string | null;
  answers: unknown;
  ownerName: string;
  ownerEmail: string;
  ownerOrganisation: string | null;
}

export interface RoundJurorRow {
  jurorId: string;
  userId: string;
  displayName: string;
}

/** The only code of the ballot module that talks to the database. Every read is one query for the whole round. */
@Injectable()
export class BallotsRepository {
  /** The caller's seats on OPEN rounds of type BALLOT (optionally one round's): what a juror may see. */
  async seats(db: Db, userId: string, roundId?: string): Promise<BallotSeat[]> {
    const rows = await db.juror.findMany({
      where: { userId, round: { status: 'OPEN', type: 'BALLOT' }, ...(roundId ? { roundId } : {}) },
      select: { id: true, round: { select: ROUND_FIELDS }, ballots: { select: { status: true, submittedAt: true } } },
      orderBy: [{ round: { closesAt: { sort: 'asc', nulls: 'last' } } }, { joinedAt: 'asc' }],
    });
    return rows.map((row) => ({ jurorId: row.id, round: row.round, ballot: row.ballots[0] ?? null }));
  }

  round(db: Db, roundId: string): Promise<BallotRoundRow | null> {
    return db.round.findUnique({ where: { id: roundId }, select: ROUND_FIELDS });
  }

  /** The applications under evaluation in the round, by reference. */
  candidates(db: Db, round: RoundRef): Promise<CandidateRow[]> {
    return db.$queryRaw<CandidateRow[]>`
      SELECT a."id"::text AS id, a."reference", a."title", a."answers",
             u."displayName" AS "ownerName", u."email" AS "ownerEmail", u."organisation" AS "ownerOrganisation"
      FROM "Application" a JOIN "User" u ON u."id" = a."ownerId"
      WHERE a."id" IN (${roundApplicationsSql(round)})
      ORDER BY a."reference" ASC NULLS LAST, a."id" ASC`;
  }

  /** Confirmed conflicts of these users on these applications, as `userId applicationId` pairs with the reason given. */
  async conflicts(db: Db, userIds: readonly string[], applicationIds: readonly string[]): Promise<Array<{ userId: string; applicationId: string; reason: string | null }>> {
    if (userIds.length === 0 || applicationIds.length === 0) return [];
    return db.conflictOfInterest.findMany({
      where: { status: 'CONFIRMED', userId: { in: [...userIds] }, applicationId: { in: [...applicationIds] } },
      select: { userId: true, applicationId: true, reason: true },
    });
  }

  /** Writes the juror's own declaration: a confirmed conflict, whatever the pair had before (a suggestion, a dismissal). */
  async declareConflict(tx: Prisma.TransactionClient, userId: string, applicationId: string, reason: string) {
    const key = { userId_applicationId: { userId, applicationId } };
    const before = await tx.conflictOfInterest.findUnique({ where: key, select: { status: true, source: true, reason: true } });
    const data = { reason, source: 'DECLARED' as const, status: 'CONFIRMED' as const, declaredById: userId, reviewedById: null, reviewedAt: null };
    const conflict = await tx.conflictOfInterest.upsert({ where: key, create: { userId, applicationId, ...data }, update: data, select: { id: true } });
    return { id: conflict.id, before };
  }

  /**
   * Takes an application out of a ballot (the others keep their order). A draft moves to a new version,
   * so a page still holding the old order cannot save it back; a submitted ballot keeps its version.
   */
  async removeEntry(tx: Prisma.TransactionClient, ballotId: string, applicationId: string, status: 'DRAFT' | 'SUBMITTED'): Promise<void> {
    await tx.ballotEntry.deleteMany({ where: { ballotId, applicationId } });
    if (status === 'DRAFT') await tx.ballot.update({ where: { id: ballotId }, data: { version: { increment: 1 } } });
  }

  ballot(db: Db, roundId: string, jurorId: string): Promise<BallotRow | null> {
    return db.ballot.findUnique({ where: { roundId_jurorId: { roundId, jurorId } }, select: BALLOT_FIELDS });
  }

  /** Every ballot of the round with its entries (one read for the round, never ballot by ballot). */
  ballots(db: Db, roundId: string): Promise<BallotRow[]> {
    return db.ballot.findMany({ where: { roundId }, select: BALLOT_FIELDS });
  }

  async jurors(db: Db, roundId: string): Promise<RoundJurorRow[]> {
    const rows = await db.juror.findMany({
      where: { roundId },
      select: { id: true, userId: true, user: { select: { displayName: true } } },
      orderBy: [{ user: { displayName: 'asc' } }, { id: 'asc' }],
    });
    return rows.map((row) => ({ jurorId: row.id, userId: row.userId, displayName: row.user.displayName }));
  }

  async juror(db: Db, roundId: string, jurorId: string): Promise<RoundJurorRow | null> {
    const row = await db.juror.findFirst({ where: { id: jurorId, roundId }, select: { id: true, userId: true, user: { select: { displayName: true } } } });
    return row ? { jurorId: row.id, userId: row.userId, displayName: row.user.displayName } : null;
  }

  /** Takes the ballot's row lock for the rest of the transaction (null when none was saved yet). */
  async lock(tx: Prisma.TransactionClient, roundId: string, jurorId: string): Promise<{ id: string; status: 'DRAFT' | 'SUBMITTED'; version: number } | null> {
    const rows = await tx.$queryRaw<Array<{ id: string; status: 'DRAFT' | 'SUBMITTED'; version: number }>>`
      SELECT "id"::text AS id, "status"::text AS status, "version" FROM "Ballot"
      WHERE "roundId" = ${roundId}::uuid AND "jurorId" = ${jurorId}::uuid FOR UPDATE`;
    return rows[0] ?? null;
  }

  /**
   * Saves a draft's order if the ballot is still the DRAFT of `version` (checked by the UPDATE itself):
   * false when it is not (stale page or submitted). The entries are replaced as a set.
   */
  async saveDraft(tx: Prisma.TransactionClient, roundId: string, jurorId: string, version: number, order: readonly string[], comment: string | null): Promise<boolean> {
    await tx.ballot.createMany({ data: [{ roundId, jurorId }], skipDuplicates: true });
    const updated = await tx.ballot.updateMany({ where: { roundId, jurorId, version, status: 'DRAFT' }, data: { comment, version: { increment: 1 } } });
    if (updated.count !== 1) return false;
    const { id } = await tx.ballot.findUniqueOrThrow({ where: { roundId_jurorId: { roundId, jurorId } }, select: { id: true } });
    await tx.ballotEntry.deleteMany({ where: { ballotId: id } });
    if (order.length > 0) await tx.ballotEntry.createMany({ data: order.map((applicationId, index) => ({ ballotId: id, applicationId, position: index + 1 })) });
    return true;
  }

  async markSubmitted(tx: Prisma.TransactionClient, ballotId: string, submittedAt: Date): Promise<void> {
    await tx.ballot.update({ where: { id: ballotId }, data: { status: 'SUBMITTED', submittedAt } });
  }

  /** Back to DRAFT; the version moves on so a page still showing the submitted ballot cannot overwrite it. */
  async reopen(tx: Prisma.TransactionClient, ballotId: string): Promise<void> {
    await tx.ballot.update({ where: { id: ballotId }, data: { status: 'DRAFT', submittedAt: null, version: { increment: 1 } } });
  }
}
