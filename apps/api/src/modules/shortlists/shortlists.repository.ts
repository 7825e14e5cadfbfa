import { Inject, Injectable } from '@nestjs/common';
import type { TAdvanceUndoBlock, TApplicationStatus } from '@tahkim/contracts';
import { Prisma, type PrismaClient } from '@tahkim/db';
import { uuidV7 } from '../../common/db/uuid-v7';
import { PRISMA } from '../../config/config.module';
import { roundApplicationsSql, type RoundRef } from '../rounds/round-applications';

type Db = PrismaClient | Prisma.TransactionClient;
type Tx = Prisma.TransactionClient;
export type RoundRow = Prisma.RoundGetPayload<object>;

/** Statuses an application cannot be shortlisted from: it left the call, or its outcome is decided. */
export const NOT_ADVANCEABLE: readonly TApplicationStatus[] = ['WITHDRAWN', 'WINNER', 'NOT_SELECTED'];

export interface SelectedApplication {
  id: string;
  status: TApplicationStatus;
  /** Under evaluation in the source round. */
  inRound: boolean;
}

export interface AdvanceRow {
  id: string;
  fromRoundId: string;
  toRoundId: string;
  toRoundNumber: number;
  applicationIds: string[];
  createdAt: Date;
  createdById: string | null;
  createdByName: string | null;
  undoneAt: Date | null;
  block: TAdvanceUndoBlock | null;
}

const uuids = (ids: readonly string[]) => Prisma.sql`${[...ids]}::uuid[]`;

/** The only code that reads and writes advances (shortlists) and the round rows they add. Set-based throughout. */
@Injectable()
export class ShortlistsRepository {
  constructor(@Inject(PRISMA) readonly prisma: PrismaClient) {}

  findRound(db: Db, id: string): Promise<RoundRow | null> {
    return db.round.findUnique({ where: { id } });
  }

  findRoundByNumber(db: Db, callId: string, number: number): Promise<RoundRow | null> {
    return db.round.findUnique({ where: { callId_number: { callId, number } } });
  }

  /**
   * Advancing from a round takes a shared lock on it and an exclusive one on the target; undoing takes an
   * exclusive lock on the target. So an undo and an advance further from the same round never interleave.
   */
  async lockRound(tx: Tx, id: string, mode: 'share' | 'update'): Promise<void> {
    if (mode === 'share') await tx.$queryRaw`SELECT "id" FROM "Round" WHERE "id" = ${id}::uuid FOR SHARE`;
    else await tx.$queryRaw`SELECT "id" FROM "Round" WHERE "id" = ${id}::uuid FOR UPDATE`;
  }

  async lockCall(tx: Tx, callId: string): Promise<void> {
    await tx.$queryRaw`SELECT "id" FROM "Call" WHERE "id" = ${callId}::uuid FOR UPDATE`;
  }

  /** The number after the call's last round (call the caller under the call's lock). */
  async nextNumber(tx: Tx, callId: string): Promise<number> {
    const last = await tx.round.aggregate({ where: { callId }, _max: { number: true } });
    return (last._max.number ?? 0) + 1;
  }

  /**
   * Creates round `number` of the source's call as a DRAFT copy of the source's settings, of the given kind
   * (the source's by default). A scoring round also gets a copy of the source's criteria when the source
   * scores too (the new round's own, for staff to edit). Null when that round exists already.
   */
  async createRoundFrom(tx: Tx, source: RoundRow, number: number, name: Prisma.InputJsonObject, type: RoundRow['type'] = source.type): Promise<RoundRow | null> {
    const created = await tx.round.createMany({
      data: [{
        callId: source.callId, number, name, type, blind: source.blind, scorecardsRequired: source.scorecardsRequired,
        disagreementThreshold: source.disagreementThreshold, method: source.method, instructions: source.instructions ?? undefined, status: 'DRAFT',
      }],
      skipDuplicates: true,
    });
    if (created.count === 0) return null;
    const round = await tx.round.findUniqueOrThrow({ where: { callId_number: { callId: source.callId, number } } });
    const criteria = type === 'SCORING' ? await tx.criterion.findMany({ where: { roundId: source.id }, orderBy: { position: 'asc' } }) : [];
    if (criteria.length > 0) {
      await tx.criterion.createMany({
        data: criteria.map((c) => ({
          roundId: round.id, key: c.key, label: c.label as Prisma.InputJsonValue, guidance: (c.guidance as Prisma.InputJsonValue | null) ?? undefined,
          weight: c.weight, scaleMin: c.scaleMin, scaleMax: c.scaleMax, position: c.position,
        })),
      });
    }
    return round;
  }

  /**
   * The asked-for applications of the source's call, locked (a concurrent withdrawal waits), with their
   * status and whether they are under evaluation in the source round. Ids of other calls are left out.
   */
  selectApplications(tx: Tx, source: RoundRef, ids: readonly string[]): Promise<SelectedApplication[]> {
    return tx.$queryRaw<SelectedApplication[]>`
      SELECT a."id", a."status"::text AS "status", a."id" IN (${roundApplicationsSql(source)}) AS "inRound"
      FROM "Application" a
      WHERE a."id" = ANY(${uuids(ids)}) AND a."callId" = ${source.callId}::uuid
      ORDER BY a."id"
      FOR UPDATE OF a`;
  }

  /** Which of the ids the round already holds. */
  async alreadyIn(db: Db, roundId: string, ids: readonly string[]): Promise<Set<string>> {
    const rows = await db.$queryRaw<Array<{ applicationId: string }>>`
      SELECT ra."applicationId" FROM "RoundApplication" ra WHERE ra."roundId" = ${roundId}::uuid AND ra."applicationId" = ANY(${uuids(ids)})`;
    return new Set(rows.map((r) => r.applicationId));
  }

  createAdvance(tx: Tx, data: { fromRoundId: string; toRoundId: string; createdById: string | null; applicationIds: string[] }) {
    return tx.advance.create({ data, select: { id: true } });
  }

  /**
   * Takes the applications into the target round in one statement, recording the advance and each
   * application's current status (restored on undo). Returns the ids actually added.
   */
  async addToRound(tx: Tx, roundId: string, advanceId: string, ids: readonly string[], actorId: string | null): Promise<string[]> {
    if (ids.length === 0) return [];
    const rowIds = ids.map(() => uuidV7());
    const rows = await tx.$queryRaw<Array<{ applicationId: string }>>`
      INSERT INTO "RoundApplication" ("id", "roundId", "applicationId", "addedById", "addedAt", "advanceId", "previousStatus")
      SELECT pick."id", ${roundId}::uuid, a."id", ${actorId}::uuid, now(), ${advanceId}::uuid, a."status"
      FROM unnest(${uuids(rowIds)}, ${uuids(ids)}) AS pick("id", "applicationId")
      JOIN "Application" a ON a."id" = pick."applicationId"
      ON CONFLICT ("roundId", "applicationId") DO NOTHING
      RETURNING "applicationId"`;
    return rows.map((r) => r.applicationId);
  }

  /** The shortlisted status, with the version bumped as for any status change by staff. */
  shortlist(tx: Tx, ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return Promise.resolve(0);
    return tx.$executeRaw`
      UPDATE "Application" SET "status" = 'SHORTLISTED', "version" = "version" + 1, "updatedAt" = now()
      WHERE "id" = ANY(${uuids(ids)}) AND "status" <> 'SHORTLISTED'`;
  }

  /**
   * Advances from a round (or one of them), newest first, each with the first reason it cannot be undone:
   * already undone; a submitted scorecard (or final ballot) in the target round; or one of its applications advanced
   * further from the target round by an advance still in force. One query, whatever the count.
   */
  advances(db: Db, fromRoundId: string, advanceId?: string): Promise<AdvanceRow[]> {
    const one = advanceId ? Prisma.sql`AND adv."id" = ${advanceId}::uuid` : Prisma.empty;
    return db.$queryRaw<AdvanceRow[]>`
      SELECT adv."id", adv."fromRoundId", adv."toRoundId", r."number" AS "toRoundNumber", COALESCE(adv."applicationIds", '{}')::text[] AS "applicationIds",
        adv."createdAt", adv."createdById", u."displayName" AS "createdByName", adv."undoneAt",
        CASE
          WHEN adv."undoneAt" IS NOT NULL THEN 'ALREADY_UNDONE'
          WHEN EXISTS (
            SELECT 1 FROM "Assignment" asg JOIN "Scorecard" s ON s."assignmentId" = asg."id"
            WHERE asg."roundId" = adv."toRoundId" AND s."status" = 'SUBMITTED'
          ) OR EXISTS (
            SELECT 1 FROM "Ballot" b WHERE b."roundId" = adv."toRoundId" AND b."status" = 'SUBMITTED'
          ) THEN 'TARGET_HAS_SUBMITTED_SCORECARDS'
          WHEN EXISTS (
            SELECT 1 FROM "Advance" further
            WHERE further."fromRoundId" = adv."toRoundId" AND further."undoneAt" IS NULL AND further."applicationIds" && adv."applicationIds"
          ) THEN 'ADVANCED_FURTHER'
        END AS "block"
      FROM "Advance" adv
      JOIN "Round" r ON r."id" = adv."toRoundId"
      LEFT JOIN "User" u ON u."id" = adv."createdById"
      WHERE adv."fromRoundId" = ${fromRoundId}::uuid ${one}
      ORDER BY adv."createdAt" DESC, adv."id" DESC`;
  }

  /**
   * Locks every scorecard and ballot of the round (a submission in flight finishes first) and counts the
   * submitted ones, so an undo never deletes work submitted meanwhile.
   */
  async lockedSubmittedCount(tx: Tx, roundId: string): Promise<number> {
    const cards = await tx.$queryRaw<Array<{ status: string }>>`
      SELECT s."status"::text AS "status" FROM "Scorecard" s JOIN "Assignment" asg ON asg."id" = s."assignmentId"
      WHERE asg."roundId" = ${roundId}::uuid
      FOR UPDATE OF s`;
    const ballots = await tx.$queryRaw<Array<{ status: string }>>`
      SELECT b."status"::text AS "status" FROM "Ballot" b WHERE b."roundId" = ${roundId}::uuid FOR UPDATE`;
    return [...cards, ...ballots].filter((r) => r.status === 'SUBMITTED').length;
  }

  /**
   * Removes the advance's applications from the target round: their places in draft ballots, their
   * assignments (with draft scorecards), then the rows.
   */
  async removeFromRound(tx: Tx, roundId: string, advanceId: string): Promise<{ assignments: number; applications: number }> {
    await tx.$executeRaw`
      DELETE FROM "BallotEntry" e
      USING "Ballot" b, "RoundApplication" ra
      WHERE e."ballotId" = b."id" AND b."roundId" = ${roundId}::uuid AND b."status" = 'DRAFT'
        AND ra."advanceId" = ${advanceId}::uuid AND ra."roundId" = b."roundId" AND ra."applicationId" = e."applicationId"`;
    const assignments = await tx.$executeRaw`
      DELETE FROM "Assignment" asg
      USING "RoundApplication" ra
      WHERE ra."advanceId" = ${advanceId}::uuid AND ra."roundId" = ${roundId}::uuid
        AND asg."roundId" = ra."roundId" AND asg."applicationId" = ra."applicationId"`;
    const applications = await tx.$executeRaw`DELETE FROM "RoundApplication" WHERE "advanceId" = ${advanceId}::uuid AND "roundId" = ${roundId}::uuid`;
    return { assignments, applications };
  }

  /** The rows the advance added, with the status to restore, read before they are removed. */
  addedRows(tx: Tx, roundId: string, advanceId: string): Promise<Array<{ applicationId: string; previousStatus: TApplicationStatus | null }>> {
    return tx.$queryRaw`
      SELECT ra."applicationId", ra."previousStatus"::text AS "previousStatus"
      FROM "RoundApplication" ra WHERE ra."advanceId" = ${advanceId}::uuid AND ra."roundId" = ${roundId}::uuid
      ORDER BY ra."applicationId"
      FOR UPDATE`;
  }

  /**
   * Puts back each application's status from before the advance, only where the advance's SHORTLISTED
   * still stands (a withdrawal or a decision since then is kept) and no other advance in force holds the
   * application in a round. Call it after removing the undone advance's rows.
   */
  restoreStatuses(tx: Tx, rows: ReadonlyArray<{ applicationId: string; previousStatus: TApplicationStatus | null }>): Promise<number> {
    const restorable = rows.filter((r) => r.previousStatus !== null && r.previousStatus !== 'SHORTLISTED');
    if (restorable.length === 0) return Promise.resolve(0);
    return tx.$executeRaw`
      UPDATE "Application" a SET "status" = back."status"::"ApplicationStatus", "version" = a."version" + 1, "updatedAt" = now()
      FROM unnest(${uuids(restorable.map((r) => r.applicationId))}, ${restorable.map((r) => r.previousStatus!)}::text[]) AS back("id", "status")
      WHERE a."id" = back."id" AND a."status" = 'SHORTLISTED'
        AND NOT EXISTS (SELECT 1 FROM "RoundApplication" ra WHERE ra."applicationId" = a."id" AND ra."advanceId" IS NOT NULL)`;
  }

  markUndone(tx: Tx, advanceId: string, undoneById: string | null) {
    return tx.advance.update({ where: { id: advanceId }, data: { undoneAt: new Date(), undoneById } });
  }
}
