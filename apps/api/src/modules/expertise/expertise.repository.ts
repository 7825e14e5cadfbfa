import { Injectable } from '@nestjs/common';
import type { TCallTopic, TLocalizedText } from '@tahkim/contracts';
import { Prisma, type PrismaClient } from '@tahkim/db';
import { inRoundSql, type RoundRef } from '../rounds/round-applications';

type Db = PrismaClient | Prisma.TransactionClient;

export interface TopicRow {
  id: string;
  answer: unknown;
  topicTags: string[];
  tagged: boolean;
}

/** Set-based reads of topics, expertise and bids: one query per kind, whatever the round's size. */
@Injectable()
export class ExpertiseRepository {
  async callTopics(db: Db, callId: string): Promise<TCallTopic[]> {
    const rows = await db.callTopic.findMany({ where: { callId }, orderBy: [{ position: 'asc' }, { key: 'asc' }], select: { key: true, label: true } });
    return rows.map((row) => ({ key: row.key, label: row.label as TLocalizedText }));
  }

  /** The topic answer and tags of the round's applications (only the one answer, not the whole form's). */
  roundTopicRows(db: Db, round: RoundRef, fieldKey: string | null): Promise<TopicRow[]> {
    return db.$queryRaw<TopicRow[]>`
      SELECT a."id", ${fieldKey === null ? Prisma.sql`NULL::jsonb` : Prisma.sql`a."answers" -> ${fieldKey}`} AS "answer",
        COALESCE(a."topicTags", ARRAY[]::text[]) AS "topicTags", a."topicsTaggedAt" IS NOT NULL AS "tagged"
      FROM "Application" a
      WHERE ${inRoundSql(round)}
      ORDER BY a."id"`;
  }

  /** The same for the call's submitted applications (the counts of the topics screen). */
  submittedTopicRows(db: Db, callId: string, fieldKey: string | null): Promise<TopicRow[]> {
    return db.$queryRaw<TopicRow[]>`
      SELECT a."id", ${fieldKey === null ? Prisma.sql`NULL::jsonb` : Prisma.sql`a."answers" -> ${fieldKey}`} AS "answer",
        COALESCE(a."topicTags", ARRAY[]::text[]) AS "topicTags", a."topicsTaggedAt" IS NOT NULL AS "tagged"
      FROM "Application" a
      WHERE a."callId" = ${callId}::uuid AND a."submittedAt" IS NOT NULL AND a."status" <> 'WITHDRAWN'`;
  }

  /** Every bid of the round, as juror-membership pairs. */
  bids(db: Db, roundId: string): Promise<Array<{ jurorId: string; applicationId: string; preference: 'WANT' | 'RATHER_NOT' }>> {
    return db.$queryRaw`
      SELECT b."jurorId", b."applicationId", b."preference"::text AS "preference"
      FROM "Bid" b WHERE b."roundId" = ${roundId}::uuid
      ORDER BY b."jurorId", b."applicationId"`;
  }
}
