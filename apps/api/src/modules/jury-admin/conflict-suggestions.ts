import { Prisma } from '@tahkim/db';
import type { RequestContext } from '../../common/http/request-context';
import type { AuditService } from '../audit/audit.service';
import { FIRST_ROUND_STATUSES, OUT_OF_EVALUATION } from '../rounds/round-applications';

type Tx = Prisma.TransactionClient;
type AuditContext = Pick<RequestContext, 'requestId' | 'ip' | 'user'> | undefined;

/** Which juror seats to look at: one round's, one person's (every round they sit on), or both. */
export interface SuggestionScope {
  roundId?: string;
  userIds?: readonly string[];
}

export interface SuggestedConflict {
  id: string;
  userId: string;
  applicationId: string;
  reason: string | null;
}

/**
 * Suggests conflicts of interest wherever a juror's organisation is the organisation of an application
 * under evaluation in a round they sit on: the answer to an organisation question of the form, or the
 * applicant account's organisation. Names are compared by the database's `organisation_words` and
 * `organisation_words_match` (the one definition of "same organisation", see their migration), in one
 * statement for the whole scope.
 *
 * Called in the transaction of whatever can create such a pair: a juror joining a round (added by staff
 * or accepting an invitation), applications entering a round (opening round 1, advancing a shortlist),
 * a juror's organisation changing, and before any assignment is planned or checked. Idempotent: a pair
 * that has a conflict in any state is left alone, so a suggestion staff dismissed is never made again.
 *
 * A new suggestion keeps the juror away at once: their assignments to that application that nobody has
 * started scoring are removed (a started scorecard stays until staff settle the suggestion). Each
 * suggestion, and each removal, leaves an audit row.
 */
export async function suggestConflicts(
  tx: Tx,
  scope: SuggestionScope,
  audit: AuditService,
  ctx: AuditContext,
  actorId?: string | null,
): Promise<SuggestedConflict[]> {
  if (scope.userIds && scope.userIds.length === 0) return [];
  const roundFilter = scope.roundId ? Prisma.sql`AND j."roundId" = ${scope.roundId}::uuid` : Prisma.empty;
  const userFilter = scope.userIds ? Prisma.sql`AND j."userId" = ANY(${[...scope.userIds]}::uuid[])` : Prisma.empty;
  const created = await tx.$queryRaw<SuggestedConflict[]>`
    WITH seats AS (
      SELECT DISTINCT j."userId", r."id" AS "roundId", r."callId", r."number"
      FROM "Juror" j JOIN "Round" r ON r."id" = j."roundId"
      WHERE TRUE ${roundFilter} ${userFilter}
    ),
    juror_words AS (
      SELECT u."id" AS "userId", u."organisation", organisation_words(u."organisation") AS words
      FROM "User" u
      WHERE u."id" IN (SELECT s."userId" FROM seats s) AND u."organisation" IS NOT NULL
    ),
    application_words AS (
      SELECT a."id" AS "applicationId", named."name", organisation_words(named."name") AS words
      FROM "Application" a
      CROSS JOIN LATERAL (
        SELECT a."answers" ->> f."key" AS "name"
        FROM "FormField" f
        WHERE f."callId" = a."callId" AND (f."key" ILIKE '%organisation%' OR f."key" ILIKE '%organization%')
          AND jsonb_typeof(a."answers" -> f."key") = 'string'
        UNION ALL
        SELECT owner."organisation" FROM "User" owner WHERE owner."id" = a."ownerId" AND owner."organisation" IS NOT NULL
      ) named
      WHERE a."callId" IN (SELECT s."callId" FROM seats s) AND a."status" NOT IN ${OUT_OF_EVALUATION}
    ),
    -- Pairs sharing a word first (a hash join), then the full comparison on those few.
    candidates AS (
      SELECT DISTINCT jw."userId", aw."applicationId"
      FROM (SELECT "userId", unnest(words) AS word FROM juror_words) jw
      JOIN (SELECT "applicationId", unnest(words) AS word FROM application_words) aw ON aw.word = jw.word
    ),
    matches AS (
      SELECT DISTINCT ON (c."userId", c."applicationId") c."userId", c."applicationId", jw."organisation" AS "reason"
      FROM candidates c
      JOIN juror_words jw ON jw."userId" = c."userId"
      JOIN application_words aw ON aw."applicationId" = c."applicationId"
      JOIN "Application" a ON a."id" = c."applicationId"
      WHERE organisation_words_match(jw.words, aw.words)
        AND EXISTS (
          SELECT 1 FROM seats s
          WHERE s."userId" = c."userId" AND s."callId" = a."callId"
            AND (EXISTS (SELECT 1 FROM "RoundApplication" ra WHERE ra."roundId" = s."roundId" AND ra."applicationId" = a."id")
                 OR (s."number" = 1 AND a."status" IN ${FIRST_ROUND_STATUSES}))
        )
      ORDER BY c."userId", c."applicationId"
    )
    INSERT INTO "ConflictOfInterest" ("id", "userId", "applicationId", "reason", "source", "status", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), m."userId", m."applicationId", m."reason", 'SUGGESTED', 'PENDING', now(), now()
    FROM matches m
    ON CONFLICT ("userId", "applicationId") DO NOTHING
    RETURNING "id"::text AS id, "userId"::text AS "userId", "applicationId"::text AS "applicationId", "reason"`;
  if (created.length === 0) return created;

  const removed = await tx.$queryRaw<Array<{ id: string; roundId: string; conflictId: string }>>`
    DELETE FROM "Assignment" a
    USING "Juror" j, unnest(${created.map((c) => c.userId)}::uuid[], ${created.map((c) => c.applicationId)}::uuid[], ${created.map((c) => c.id)}::uuid[]) AS s("userId", "applicationId", "conflictId")
    WHERE a."jurorId" = j."id" AND j."userId" = s."userId" AND a."applicationId" = s."applicationId"
      AND NOT EXISTS (SELECT 1 FROM "Scorecard" sc WHERE sc."assignmentId" = a."id")
    RETURNING a."id"::text AS id, a."roundId"::text AS "roundId", s."conflictId"::text AS "conflictId"`;
  const removedBy = new Map<string, string[]>();
  for (const row of removed) removedBy.set(row.conflictId, [...(removedBy.get(row.conflictId) ?? []), row.id]);

  for (const conflict of created) {
    const who = actorId === undefined ? {} : { actorId };
    await audit.record(tx, ctx, {
      action: 'conflict.suggested', entityType: 'ConflictOfInterest', entityId: conflict.id, ...who,
      after: { userId: conflict.userId, applicationId: conflict.applicationId, reason: conflict.reason, source: 'SUGGESTED', status: 'PENDING' },
    });
    const assignments = removedBy.get(conflict.id);
    if (assignments) {
      await audit.record(tx, ctx, {
        action: 'assignments.removed_by_conflict', entityType: 'ConflictOfInterest', entityId: conflict.id, ...who,
        after: { userId: conflict.userId, applicationId: conflict.applicationId, assignments, removedSubmitted: 0 },
      });
    }
  }
  return created;
}
