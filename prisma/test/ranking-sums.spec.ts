import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import type { PrismaClient } from '../generated/client/client';
import { seedDemoData } from '../seed';
import { createPrismaClient } from '../src/client';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../src/embedded-postgres';
import { applyMigrations } from '../src/migrations';
import { checkRankingSums } from '../src/ranking-sums';
import { stopPostgresOn, tempDir } from './support/helpers';

let dataDir: string;
let server: EmbeddedPostgres;
let sql: Client;
let prisma: PrismaClient;
let roundId: string;
let callId: string;

beforeAll(async () => {
  dataDir = await tempDir('ranking-sums');
  server = await startEmbeddedPostgres({ dataDir, persistent: false });
  await applyMigrations(server.url);
  sql = new Client({ connectionString: server.url });
  await sql.connect();
  prisma = createPrismaClient(server.url);
  await seedDemoData(prisma);
  const round = await prisma.round.findFirstOrThrow({ where: { number: 1 } });
  roundId = round.id;
  callId = round.callId;
});

afterAll(async () => {
  await prisma?.$disconnect();
  await sql?.end();
  await server?.stop();
  await stopPostgresOn(dataDir);
  await rm(dataDir, { recursive: true, force: true });
});

const stamp = async () => Number((await sql.query(`SELECT coalesce((SELECT "version" FROM "RankingStamp" WHERE "callId" = $1), 0) AS v`, [callId])).rows[0].v);

async function expectExact() {
  const report = await checkRankingSums(sql);
  expect(report.differences).toEqual([]);
  return report;
}

/** A SUBMITTED scorecard of the demo round: its id, assignment and values. */
async function submittedCard(offset = 0) {
  const { rows } = await sql.query(
    `SELECT s."id", s."assignmentId", s."weightedScore" FROM "Scorecard" s JOIN "Assignment" a ON a."id" = s."assignmentId"
     WHERE a."roundId" = $1 AND s."status" = 'SUBMITTED' ORDER BY s."id" OFFSET $2 LIMIT 1`,
    [roundId, offset],
  );
  return rows[0] as { id: string; assignmentId: string; weightedScore: number };
}

describe('ranking sums kept by the triggers', () => {
  it('hold the demo data exactly, written through Prisma', async () => {
    const report = await expectExact();
    expect(report.rows.RankingScorecard).toBe(90);
    const { rows } = await sql.query(`SELECT sum("submitted")::int AS n, sum("drafts")::int AS d FROM "RankingApplicationSums" WHERE "roundId" = $1`, [roundId]);
    expect(rows[0]).toEqual({ n: 90, d: expect.any(Number) });
    expect(await stamp()).toBeGreaterThan(0);
  });

  it('follow a reopen, a new submission, a changed value, a removed scorecard and a removed assignment, each bumping the stamp', async () => {
    const card = await submittedCard();
    let before = await stamp();
    await sql.query(`UPDATE "Scorecard" SET "status" = 'DRAFT', "weightedScore" = NULL, "submittedAt" = NULL WHERE "id" = $1`, [card.id]);
    await expectExact();
    expect(await stamp()).toBe(before + 1);

    // A draft saved again (comment, values) changes nothing a ranking shows.
    before = await stamp();
    await sql.query(`UPDATE "Scorecard" SET "overallComment" = 'brouillon', "version" = "version" + 1 WHERE "id" = $1`, [card.id]);
    await sql.query(`UPDATE "ScoreValue" SET "value" = "value" WHERE "scorecardId" = $1`, [card.id]);
    expect(await stamp()).toBe(before);

    await sql.query(`UPDATE "Scorecard" SET "status" = 'SUBMITTED', "weightedScore" = 41.66666666666667, "submittedAt" = now() WHERE "id" = $1`, [card.id]);
    await expectExact();
    expect(await stamp()).toBe(before + 1);

    await sql.query(`UPDATE "ScoreValue" SET "value" = CASE WHEN "value" > (SELECT "scaleMin" FROM "Criterion" c WHERE c."id" = "criterionId") THEN "value" - 1 ELSE "value" + 1 END WHERE "scorecardId" = $1`, [card.id]);
    await expectExact();

    const other = await submittedCard(1);
    await sql.query(`DELETE FROM "Scorecard" WHERE "id" = $1`, [other.id]);
    await expectExact();
    const third = await submittedCard(2);
    before = await stamp();
    await sql.query(`DELETE FROM "Assignment" WHERE "id" = $1`, [third.assignmentId]);
    await expectExact();
    expect(await stamp()).toBe(before + 1);
  });

  it('follow a criteria reset in one transaction, and bump the stamp once for it', async () => {
    const before = await stamp();
    await sql.query('BEGIN');
    await sql.query(`DELETE FROM "ScoreValue" v USING "Scorecard" s, "Assignment" a WHERE s."id" = v."scorecardId" AND a."id" = s."assignmentId" AND a."roundId" = $1`, [roundId]);
    await sql.query(
      `UPDATE "Scorecard" s SET "status" = 'DRAFT', "weightedScore" = NULL, "submittedAt" = NULL FROM "Assignment" a WHERE a."id" = s."assignmentId" AND a."roundId" = $1`,
      [roundId],
    );
    await sql.query('COMMIT');
    expect(await stamp()).toBe(before + 1);
    await expectExact();
    const { rows } = await sql.query(`SELECT count(*)::int AS n FROM "RankingScorecard" WHERE "roundId" = $1`, [roundId]);
    expect(rows[0].n).toBe(0);
  });

  it('leave drafts alone, follow status changes of submitted applications, and go with a deleted round', async () => {
    let before = await stamp();
    await sql.query(`UPDATE "Application" SET "answers" = "answers" WHERE "callId" = $1 AND "status" = 'DRAFT'`, [callId]);
    expect(await stamp()).toBe(before);
    // An autosave changes a draft's answers and title: the trigger's WHEN clause keeps plpgsql out of it.
    await sql.query(`UPDATE "Application" SET "answers" = "answers" || '{"autosaved": true}', "title" = coalesce("title", '') || '.' WHERE "callId" = $1 AND "status" = 'DRAFT'`, [callId]);
    expect(await stamp()).toBe(before);
    const { rows: triggers } = await sql.query(`SELECT tgqual IS NOT NULL AS "hasWhen", (tgtype & 1) = 1 AS "perRow" FROM pg_trigger WHERE tgname = 'Application_ranking_updated'`);
    expect(triggers).toEqual([{ hasWhen: true, perRow: true }]);
    await sql.query(`UPDATE "Application" SET "eligibilitySuggestion" = NULL WHERE "callId" = $1 AND "status" <> 'DRAFT'`, [callId]);
    expect(await stamp()).toBe(before + 1);

    before = await stamp();
    await sql.query(`DELETE FROM "Round" WHERE "id" = $1`, [roundId]);
    expect(await stamp()).toBe(before + 1);
    const { rows } = await sql.query(`SELECT (SELECT count(*) FROM "RankingApplicationSums") + (SELECT count(*) FROM "RankingJurorSums") + (SELECT count(*) FROM "RankingCriterionSums") AS n`);
    expect(Number(rows[0].n)).toBe(0);
    await expectExact();
  });

  it('are rewritten from a recomputation on request', async () => {
    await sql.query(`INSERT INTO "RankingStamp" ("callId", "version") VALUES ($1, 1) ON CONFLICT DO NOTHING`, [callId]);
    const round = await prisma.round.create({ data: { callId, number: 9, name: { fr: 'Test' } } });
    await sql.query(`INSERT INTO "RankingJurorSums" ("roundId", "jurorId", "submitted") VALUES ($1, gen_random_uuid(), 3)`, [round.id]);
    expect((await checkRankingSums(sql)).differences).toHaveLength(1);
    const before = await stamp();
    expect((await checkRankingSums(sql, { rebuild: true })).rebuilt).toBe(true);
    await expectExact();
    expect(await stamp()).toBe(before + 1);
  });
});
