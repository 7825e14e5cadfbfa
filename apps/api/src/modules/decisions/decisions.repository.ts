import { Injectable } from '@nestjs/common';
import type { TApplicationFeedback, TApplicationStatus, TDecisionOutcome, TDecisionRound, TEmailStatus, TLocale, TLocalizedText, TRecordableOutcome } from '@tahkim/contracts';
import { Prisma, type PrismaClient } from '@tahkim/db';
import { uuidV7 } from '../../common/db/uuid-v7';
import type { RequestContext } from '../../common/http/request-context';

type Db = PrismaClient | Prisma.TransactionClient;
type Tx = Prisma.TransactionClient;

const uuids = (ids: readonly string[]) => Prisma.sql`${[...ids]}::uuid[]`;

export interface CallRow {
  id: string;
  title: TLocalizedText;
  status: 'DRAFT' | 'PUBLISHED' | 'CLOSED' | 'DECIDED' | 'ARCHIVED';
  feedbackEnabled: boolean;
  decidedAt: Date | null;
  opensAt: Date;
  closesAt: Date;
}

/** An application with what deciding on it needs. */
export interface DecidableApplication {
  id: string;
  callId: string;
  status: TApplicationStatus;
  decisionOutcome: TDecisionOutcome | null;
  decisionPublishedAt: Date | null;
}

export interface DecisionRow {
  applicationId: string;
  outcome: TDecisionOutcome;
  note: string | null;
  message: string | null;
  roundId: string | null;
  decidedById: string;
  decidedByName: string;
  decidedAt: Date;
  publishedAt: Date | null;
}

export interface CallDecisionRow {
  applicationId: string;
  reference: string | null;
  title: string | null;
  applicantName: string;
  applicantEmail: string;
  applicantLocale: TLocale;
  status: TApplicationStatus;
  decision: DecisionRow | null;
  email: { status: TEmailStatus; locale: TLocale; attempts: number; lastError: string | null; queuedAt: Date; sentAt: Date | null } | null;
}

/** What one decision email needs about its application and applicant. */
export interface RecipientRow {
  applicationId: string;
  outcome: TDecisionOutcome;
  message: string | null;
  reference: string | null;
  title: string | null;
  ownerId: string;
  displayName: string;
  email: string;
  locale: TLocale;
}

/** A decision email still waiting in the outbox, with what rendering it again needs. */
export interface QueuedDecisionEmail extends RecipientRow {
  emailId: string;
}

export interface AuditItem {
  applicationId: string;
  before: Prisma.InputJsonValue;
  after: Prisma.InputJsonValue;
}

/** The only code that reads and writes decisions, their templates and the feedback sent with them. Set-based. */
@Injectable()
export class DecisionsRepository {
  async findCall(db: Db, id: string): Promise<CallRow | null> {
    const call = await db.call.findUnique({ where: { id }, select: { id: true, title: true, status: true, feedbackEnabled: true, decidedAt: true, opensAt: true, closesAt: true } });
    return call ? { ...call, title: call.title as TLocalizedText } : null;
  }

  /** Decisions are written under a shared lock of their call; publishing takes it exclusively. */
  async lockCall(tx: Tx, id: string, mode: 'share' | 'update'): Promise<boolean> {
    const rows =
      mode === 'share'
        ? await tx.$queryRaw<unknown[]>`SELECT "id" FROM "Call" WHERE "id" = ${id}::uuid FOR SHARE`
        : await tx.$queryRaw<unknown[]>`SELECT "id" FROM "Call" WHERE "id" = ${id}::uuid FOR UPDATE`;
    return rows.length > 0;
  }

  async callOfApplication(db: Db, applicationId: string): Promise<string | null> {
    const row = await db.application.findUnique({ where: { id: applicationId }, select: { callId: true } });
    return row?.callId ?? null;
  }

  /** The applications among `ids` of a call, locked for update, with their current decision. */
  async lockApplications(tx: Tx, callId: string, ids: readonly string[]): Promise<DecidableApplication[]> {
    return tx.$queryRaw<DecidableApplication[]>`
      SELECT a."id", a."callId", a."status"::text AS "status", d."outcome"::text AS "decisionOutcome", d."publishedAt" AS "decisionPublishedAt"
      FROM "Application" a
      LEFT JOIN "Decision" d ON d."applicationId" = a."id"
      WHERE a."callId" = ${callId}::uuid AND a."id" = ANY(${uuids(ids)})
      ORDER BY a."id"
      FOR UPDATE OF a`;
  }

  async roundBelongsToCall(db: Db, roundId: string, callId: string): Promise<boolean> {
    return (await db.round.count({ where: { id: roundId, callId } })) > 0;
  }

  /**
   * Writes an unpublished WINNER / NOT_SELECTED decision for each application (the caller checked that none
   * is published). `note`/`message` undefined keep what a decision already had; null clears it.
   */
  async upsertDecisions(
    tx: Tx,
    ids: readonly string[],
    input: { outcome: TDecisionOutcome; note: string | null | undefined; message: string | null | undefined; roundId: string | undefined; decidedById: string },
  ): Promise<void> {
    if (ids.length === 0) return;
    const newIds = ids.map(() => uuidV7());
    const keepNote = input.note === undefined;
    const keepMessage = input.message === undefined;
    const keepRound = input.roundId === undefined;
    await tx.$executeRaw`
      INSERT INTO "Decision" ("id", "applicationId", "roundId", "outcome", "note", "message", "decidedById", "decidedAt", "updatedAt")
      SELECT n."id", n."applicationId", ${input.roundId ?? null}::uuid, ${input.outcome}::"DecisionOutcome", ${input.note ?? null}, ${input.message ?? null},
             ${input.decidedById}::uuid, now(), now()
      FROM unnest(${uuids(newIds)}, ${uuids(ids)}) AS n("id", "applicationId")
      ON CONFLICT ("applicationId") DO UPDATE SET
        "outcome" = EXCLUDED."outcome",
        "note" = CASE WHEN ${keepNote} THEN "Decision"."note" ELSE EXCLUDED."note" END,
        "message" = CASE WHEN ${keepMessage} THEN "Decision"."message" ELSE EXCLUDED."message" END,
        "roundId" = CASE WHEN ${keepRound} THEN "Decision"."roundId" ELSE EXCLUDED."roundId" END,
        "decidedById" = EXCLUDED."decidedById",
        "decidedAt" = now(),
        "updatedAt" = now()
      WHERE "Decision"."publishedAt" IS NULL`;
  }

  /** An intermediate outcome: the status is set at once and any unpublished decision is removed. */
  async setIntermediateStatus(tx: Tx, ids: readonly string[], status: Extract<TRecordableOutcome, 'SHORTLISTED' | 'IN_REVIEW'>): Promise<void> {
    if (ids.length === 0) return;
    await tx.$executeRaw`DELETE FROM "Decision" WHERE "applicationId" = ANY(${uuids(ids)}) AND "publishedAt" IS NULL`;
    await tx.$executeRaw`
      UPDATE "Application" SET "status" = ${status}::"ApplicationStatus", "updatedAt" = now()
      WHERE "id" = ANY(${uuids(ids)}) AND "status" <> ${status}::"ApplicationStatus"`;
  }

  /** One `decision.recorded` row per application, in the caller's transaction. */
  async auditRecorded(tx: Tx, ctx: RequestContext, items: readonly AuditItem[]): Promise<void> {
    if (items.length === 0) return;
    await tx.auditEvent.createMany({
      data: items.map((item) => ({
        action: 'decision.recorded',
        entityType: 'Application',
        entityId: item.applicationId,
        actorId: ctx.user?.id ?? null,
        before: item.before,
        after: item.after,
        requestId: ctx.requestId,
        ip: ctx.ip,
      })),
    });
  }

  async decisions(db: Db, applicationIds: readonly string[]): Promise<Map<string, DecisionRow>> {
    if (applicationIds.length === 0) return new Map();
    const rows = await db.$queryRaw<DecisionRow[]>`
      SELECT d."applicationId", d."outcome"::text AS "outcome", d."note", d."message", d."roundId", d."decidedById",
             u."displayName" AS "decidedByName", d."decidedAt", d."publishedAt"
      FROM "Decision" d JOIN "User" u ON u."id" = d."decidedById"
      WHERE d."applicationId" = ANY(${uuids(applicationIds)})`;
    return new Map(rows.map((row) => [row.applicationId, row]));
  }

  async applicationStatuses(db: Db, ids: readonly string[]): Promise<Map<string, TApplicationStatus>> {
    const rows = await db.application.findMany({ where: { id: { in: [...ids] } }, select: { id: true, status: true } });
    return new Map(rows.map((row) => [row.id, row.status]));
  }

  /** Staff's table: every submitted application of the call with its decision and its decision email. One query. */
  async callDecisions(db: Db, callId: string): Promise<CallDecisionRow[]> {
    const rows = await db.$queryRaw<Array<Omit<CallDecisionRow, 'decision' | 'email'> & { decision: DecisionRow | null; email: CallDecisionRow['email'] }>>`
      SELECT a."id" AS "applicationId", a."reference", a."title", o."displayName" AS "applicantName", o."email" AS "applicantEmail",
             o."locale"::text AS "applicantLocale", a."status"::text AS "status",
             CASE WHEN d."id" IS NULL THEN NULL ELSE json_build_object(
               'applicationId', d."applicationId", 'outcome', d."outcome", 'note', d."note", 'message', d."message", 'roundId', d."roundId",
               'decidedById', d."decidedById", 'decidedByName', du."displayName", 'decidedAt', d."decidedAt", 'publishedAt', d."publishedAt") END AS "decision",
             CASE WHEN e."id" IS NULL THEN NULL ELSE json_build_object(
               'status', e."status", 'locale', e."locale", 'attempts', e."attempts", 'lastError', e."lastError",
               'queuedAt', e."createdAt", 'sentAt', e."sentAt") END AS "email"
      FROM "Application" a
      JOIN "User" o ON o."id" = a."ownerId"
      LEFT JOIN "Decision" d ON d."applicationId" = a."id"
      LEFT JOIN "User" du ON du."id" = d."decidedById"
      LEFT JOIN "EmailMessage" e ON e."dedupeKey" = 'decision:' || a."id"::text
      WHERE a."callId" = ${callId}::uuid AND a."status" <> 'DRAFT'
      ORDER BY a."reference" NULLS LAST, a."id"`;
    // json_build_object gives timestamps as text
    return rows.map((row) => ({
      ...row,
      decision: row.decision
        ? { ...row.decision, decidedAt: new Date(row.decision.decidedAt), publishedAt: row.decision.publishedAt ? new Date(row.decision.publishedAt) : null }
        : null,
      email: row.email ? { ...row.email, queuedAt: new Date(row.email.queuedAt), sentAt: row.email.sentAt ? new Date(row.email.sentAt) : null } : null,
    }));
  }

  async savedTemplates(db: Db, callId: string) {
    return db.decisionTemplate.findMany({ where: { callId }, select: { outcome: true, subject: true, body: true, updatedAt: true } });
  }

  async findTemplate(db: Db, callId: string, outcome: TDecisionOutcome) {
    return db.decisionTemplate.findUnique({ where: { callId_outcome: { callId, outcome } }, select: { outcome: true, subject: true, body: true, updatedAt: true } });
  }

  async saveTemplate(tx: Tx, callId: string, outcome: TDecisionOutcome, texts: { subject: TLocalizedText; body: TLocalizedText }) {
    return tx.decisionTemplate.upsert({
      where: { callId_outcome: { callId, outcome } },
      create: { callId, outcome, subject: texts.subject, body: texts.body },
      update: { subject: texts.subject, body: texts.body },
      select: { outcome: true, subject: true, body: true, updatedAt: true },
    });
  }

  async setFeedbackEnabled(tx: Tx, callId: string, enabled: boolean): Promise<void> {
    await tx.call.update({ where: { id: callId }, data: { feedbackEnabled: enabled } });
  }

  /** An application of the call (not a draft) with its applicant, for a preview. */
  async recipient(db: Db, callId: string, applicationId: string): Promise<Omit<RecipientRow, 'outcome'> | null> {
    const rows = await db.$queryRaw<Array<Omit<RecipientRow, 'outcome'>>>`
      SELECT a."id" AS "applicationId", d."message", a."reference", a."title", a."ownerId", o."displayName", o."email", o."locale"::text AS "locale"
      FROM "Application" a JOIN "User" o ON o."id" = a."ownerId" LEFT JOIN "Decision" d ON d."applicationId" = a."id"
      WHERE a."id" = ${applicationId}::uuid AND a."callId" = ${callId}::uuid AND a."status" <> 'DRAFT'`;
    return rows[0] ?? null;
  }

  /**
   * The call's unpublished decisions with their recipients, locked (the call is locked exclusively too).
   * An application withdrawn (or found ineligible) after its decision was recorded is left out: it keeps its status.
   */
  async lockUnpublished(tx: Tx, callId: string): Promise<RecipientRow[]> {
    return tx.$queryRaw<RecipientRow[]>`
      SELECT d."applicationId", d."outcome"::text AS "outcome", d."message", a."reference", a."title", a."ownerId",
             o."displayName", o."email", o."locale"::text AS "locale"
      FROM "Decision" d JOIN "Application" a ON a."id" = d."applicationId" JOIN "User" o ON o."id" = a."ownerId"
      WHERE a."callId" = ${callId}::uuid AND d."publishedAt" IS NULL AND a."status" NOT IN ('DRAFT', 'INELIGIBLE', 'WITHDRAWN')
      ORDER BY a."reference" NULLS LAST, a."id"
      FOR UPDATE OF d, a`;
  }

  async countPublished(db: Db, callId: string): Promise<number> {
    return db.decision.count({ where: { application: { callId }, publishedAt: { not: null } } });
  }

  /** The outcome becomes the applications' status and the decisions are published, in one statement each. */
  async publish(tx: Tx, applicationIds: readonly string[]): Promise<void> {
    await tx.$executeRaw`
      UPDATE "Application" a SET "status" = d."outcome"::text::"ApplicationStatus", "updatedAt" = now()
      FROM "Decision" d WHERE d."applicationId" = a."id" AND a."id" = ANY(${uuids(applicationIds)})`;
    await tx.$executeRaw`UPDATE "Decision" SET "publishedAt" = now(), "updatedAt" = now() WHERE "applicationId" = ANY(${uuids(applicationIds)}) AND "publishedAt" IS NULL`;
  }

  /** The call's rounds in order, with their submitted scorecards (SCORING) or submitted ballots (BALLOT). One query. */
  async decisionRounds(db: Db, callId: string): Promise<TDecisionRound[]> {
    return db.$queryRaw<TDecisionRound[]>`
      SELECT r."id", r."number", r."name", r."type"::text AS "type", r."status"::text AS "status", r."method"::text AS "method",
             CASE WHEN r."type" = 'BALLOT'
               THEN (SELECT count(*)::int FROM "Ballot" b WHERE b."roundId" = r."id" AND b."status" = 'SUBMITTED')
               ELSE (SELECT count(*)::int FROM "Scorecard" s JOIN "Assignment" a ON a."id" = s."assignmentId" WHERE a."roundId" = r."id" AND s."status" = 'SUBMITTED')
             END AS "results"
      FROM "Round" r WHERE r."callId" = ${callId}::uuid
      ORDER BY r."number"`;
  }

  async countDrafts(db: Db, callId: string): Promise<number> {
    return db.application.count({ where: { callId, status: 'DRAFT' } });
  }

  /**
   * Closes a call before its deadline: the deadline becomes `now` (so the applications' own deadline check
   * refuses anything later) and the opening moves before it when it was later (the database requires it).
   */
  async closeCallNow(tx: Tx, callId: string, now: Date): Promise<void> {
    await tx.$executeRaw`
      UPDATE "Call" SET "closesAt" = ${now}, "closedAt" = COALESCE("closedAt", ${now}),
             "opensAt" = LEAST("opensAt", ${new Date(now.getTime() - 1)}), "updatedAt" = now()
      WHERE "id" = ${callId}::uuid`;
  }

  /** The call's OPEN rounds become CLOSED; returns them (id and number) for the audit trail. */
  async closeOpenRounds(tx: Tx, callId: string): Promise<Array<{ id: string; number: number }>> {
    return tx.$queryRaw<Array<{ id: string; number: number }>>`
      UPDATE "Round" SET "status" = 'CLOSED', "updatedAt" = now()
      WHERE "callId" = ${callId}::uuid AND "status" = 'OPEN'
      RETURNING "id", "number"`;
  }

  /**
   * The call's decision emails not yet handed over (QUEUED, retries included), with their recipients, locked:
   * what changed since publication (template, feedback) can still reach them. An email keeps its language.
   */
  async lockQueuedDecisionEmails(tx: Tx, callId: string, outcome?: TDecisionOutcome): Promise<QueuedDecisionEmail[]> {
    return tx.$queryRaw<QueuedDecisionEmail[]>`
      SELECT e."id" AS "emailId", d."applicationId", d."outcome"::text AS "outcome", d."message", a."reference", a."title", a."ownerId",
             o."displayName", e."toAddress" AS "email", e."locale"::text AS "locale"
      FROM "EmailMessage" e
      JOIN "Decision" d ON e."dedupeKey" = 'decision:' || d."applicationId"::text
      JOIN "Application" a ON a."id" = d."applicationId"
      JOIN "User" o ON o."id" = a."ownerId"
      WHERE a."callId" = ${callId}::uuid AND e."status" = 'QUEUED' AND d."publishedAt" IS NOT NULL
        AND (${outcome ?? null}::text IS NULL OR d."outcome"::text = ${outcome ?? null}::text)
      ORDER BY e."id"
      FOR UPDATE OF e`;
  }

  /** Writes the new subject and texts of emails still queued (an email handed over meanwhile is left as sent). One statement. */
  async rewriteQueuedEmails(tx: Tx, emails: ReadonlyArray<{ id: string; subject: string; text: string; html: string }>): Promise<number> {
    if (emails.length === 0) return 0;
    return tx.$executeRaw`
      UPDATE "EmailMessage" e SET "subject" = n."subject", "text" = n."text", "html" = n."html"
      FROM unnest(${uuids(emails.map((e) => e.id))}, ${emails.map((e) => e.subject)}::text[], ${emails.map((e) => e.text)}::text[], ${emails.map((e) => e.html)}::text[])
        AS n("id", "subject", "text", "html")
      WHERE e."id" = n."id" AND e."status" = 'QUEUED'`;
  }

  async markCallDecided(tx: Tx, callId: string): Promise<void> {
    await tx.$executeRaw`
      UPDATE "Call" SET "status" = 'DECIDED', "decidedAt" = COALESCE("decidedAt", now()), "updatedAt" = now()
      WHERE "id" = ${callId}::uuid AND "status" IN ('PUBLISHED', 'CLOSED', 'DECIDED')`;
  }

  /** The applicant's own application with its decision, or null when they do not own it. */
  async ownOutcome(db: Db, applicationId: string, ownerId: string) {
    return db.application.findFirst({
      where: { id: applicationId, ownerId },
      select: { id: true, call: { select: { feedbackEnabled: true } }, decision: { select: { outcome: true, message: true, publishedAt: true } } },
    });
  }

  /**
   * Feedback for each application: criterion means over the SUBMITTED scorecards of the latest SCORING round
   * where it has any, and the comments jurors marked shareable on them, sorted by text so that nothing tells
   * who wrote what. Reads no juror column. Two queries whatever the number of applications.
   */
  async feedback(db: Db, applicationIds: readonly string[]): Promise<Map<string, TApplicationFeedback>> {
    const result = new Map<string, TApplicationFeedback>();
    if (applicationIds.length === 0) return result;
    const cards = feedbackCards(applicationIds);
    const means = await db.$queryRaw<Array<{ applicationId: string; label: TLocalizedText; mean: number; scaleMin: number; scaleMax: number }>>`
      ${cards}
      SELECT cards."applicationId", c."label", avg(v."value")::float8 AS "mean", c."scaleMin", c."scaleMax"
      FROM cards JOIN "ScoreValue" v ON v."scorecardId" = cards."scorecardId" JOIN "Criterion" c ON c."id" = v."criterionId"
      GROUP BY cards."applicationId", c."id", c."label", c."scaleMin", c."scaleMax", c."position"
      ORDER BY cards."applicationId", c."position"`;
    const comments = await this.sharedComments(db, applicationIds);
    const entry = (id: string) => {
      let found = result.get(id);
      if (!found) result.set(id, (found = { criteria: [], comments: [] }));
      return found;
    };
    for (const row of means) entry(row.applicationId).criteria.push({ label: row.label, mean: row.mean, scaleMin: row.scaleMin, scaleMax: row.scaleMax });
    for (const [applicationId, texts] of comments) entry(applicationId).comments.push(...texts);
    return result;
  }

  /** The shareable comments feedback would send, per application, sorted by text (see `feedback`). One query. */
  async sharedComments(db: Db, applicationIds: readonly string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (applicationIds.length === 0) return result;
    const comments = await db.$queryRaw<Array<{ applicationId: string; text: string }>>`
      ${feedbackCards(applicationIds)}
      SELECT "applicationId", btrim("text") AS "text" FROM (
        SELECT cards."applicationId", v."comment" AS "text" FROM cards JOIN "ScoreValue" v ON v."scorecardId" = cards."scorecardId"
        WHERE v."shareable" AND v."comment" IS NOT NULL
        UNION ALL
        SELECT cards."applicationId", cards."overallComment" FROM cards WHERE cards."commentShareable" AND cards."overallComment" IS NOT NULL
      ) shared
      WHERE btrim("text") <> ''
      ORDER BY "applicationId", btrim("text") COLLATE "C"`;
    for (const row of comments) {
      const texts = result.get(row.applicationId);
      if (texts) texts.push(row.text);
      else result.set(row.applicationId, [row.text]);
    }
    return result;
  }
}

/** The SUBMITTED scorecards of each application's latest SCORING round that has any: what feedback is drawn from. */
function feedbackCards(applicationIds: readonly string[]): Prisma.Sql {
  return Prisma.sql`
      WITH submitted AS (
        SELECT a."applicationId", r."id" AS "roundId", r."number", s."id" AS "scorecardId", s."overallComment", s."commentShareable"
        FROM "Scorecard" s
        JOIN "Assignment" a ON a."id" = s."assignmentId"
        JOIN "Round" r ON r."id" = a."roundId"
        WHERE a."applicationId" = ANY(${uuids(applicationIds)}) AND s."status" = 'SUBMITTED' AND r."type" = 'SCORING'
      ), latest AS (
        SELECT DISTINCT ON ("applicationId") "applicationId", "roundId" FROM submitted ORDER BY "applicationId", "number" DESC
      ), cards AS (
        SELECT s.* FROM submitted s JOIN latest l ON l."applicationId" = s."applicationId" AND l."roundId" = s."roundId"
      )`;
}
