// Times the automatic assignment end to end (HTTP, SQL, affinity planner, inserts, audit) on a round of
// 10,000 submitted applications and 200 jurors, 3 scorecards each, 1% random conflicts, nine topics (each
// application tagged with one or two, each juror knowing one or two) and 20 bids per juror, on a throw-away
// embedded PostgreSQL: the preview, the run that commits it, a second run with nothing to add; and the
// floor, the same reads and the same inserts (foreign keys and ranking triggers included) done directly in
// PostgreSQL and rolled back, with the ratio.
// Run on demand (builds first): npm run bench:auto-assign -w @tahkim/api
// Last line: RESULT auto-assign app_ms=<run> floor_ms=... ratio=<app/floor> preview_ms=... affinity=<share of the bound> optimal=...
//   node apps/api/bench/auto-assign.bench.mjs [applications] [jurors]
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import path from 'node:path';

const require = createRequire(import.meta.url);
require('reflect-metadata');
const db = require('@tahkim/db');
const { createApp } = require('../dist/create-app.js');
const { loadConfig } = require('../dist/config/env.js');
const { hashPassword } = require('../dist/modules/auth/passwords.js');
const { JobsService } = require('../dist/modules/jobs/jobs.service.js');

const APPLICATIONS = Number(process.argv[2] ?? 10_000);
const JURORS = Number(process.argv[3] ?? 200);
const ORIGIN = 'http://localhost:3000';

const pg = await db.startEmbeddedPostgres({ dataDir: mkdtempSync(path.join(tmpdir(), 'tahkim-bench-')), persistent: false });
let exitCode = 0;
try {
  await db.applyMigrations(pg.url);
  const prisma = db.createPrismaClient(pg.url);
  const text = (s) => ({ ar: s, fr: s, en: s });
  const staff = await prisma.user.create({
    data: { email: 'bench-staff@tahkim.example', passwordHash: await hashPassword('bench-password'), displayName: 'Bench staff', roles: ['STAFF', 'ADMIN'] },
  });
  const call = await prisma.call.create({
    data: {
      slug: 'bench-call', title: text('Bench call'), summary: text(''), description: text(''), eligibility: text(''),
      opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() + 86_400_000), status: 'PUBLISHED', referencePrefix: 'BEN', createdById: staff.id,
    },
  });
  const round = await prisma.round.create({ data: { callId: call.id, number: 1, name: text('Round 1'), status: 'OPEN', scorecardsRequired: 3 } });
  const seedStart = performance.now();
  await prisma.$executeRawUnsafe(
    `INSERT INTO "User" ("id", "email", "passwordHash", "displayName", "roles", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), 'bench-owner-' || g || '@tahkim.example', 'x', 'Owner ' || g, '{APPLICANT}', now(), now() FROM generate_series(1, $1::int) g`,
    APPLICATIONS,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO "Application" ("id", "callId", "ownerId", "status", "answers", "version", "formVersion", "reference", "submittedAt", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, u."id", 'SUBMITTED', '{}'::jsonb, 1, 1, 'BEN-2026-' || lpad(row_number() OVER ()::text, 5, '0'), now(), now(), now()
     FROM "User" u WHERE u."email" LIKE 'bench-owner-%'`,
    call.id,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO "User" ("id", "email", "passwordHash", "displayName", "roles", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), 'bench-juror-' || g || '@tahkim.example', 'x', 'Juror ' || g, '{JUROR}', now(), now() FROM generate_series(1, $1::int) g`,
    JURORS,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO "Juror" ("id", "roundId", "userId", "joinedAt") SELECT gen_random_uuid(), $1::uuid, u."id", now() FROM "User" u WHERE u."email" LIKE 'bench-juror-%'`,
    round.id,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO "ConflictOfInterest" ("id", "userId", "applicationId", "source", "status", "createdAt", "updatedAt")
     SELECT gen_random_uuid(), j."userId", a."id", 'STAFF', 'CONFIRMED', now(), now()
     FROM "Juror" j CROSS JOIN "Application" a WHERE j."roundId" = $1::uuid AND a."callId" = $2::uuid AND random() < 0.01`,
    round.id,
    call.id,
  );
  const TOPICS = ['agriculture', 'food', 'crafts', 'tourism', 'education', 'health', 'digital', 'environment', 'media'];
  await prisma.callTopic.createMany({ data: TOPICS.map((key, position) => ({ callId: call.id, key, label: text(key), position })) });
  await prisma.$executeRawUnsafe(
    `UPDATE "Application" SET "topicsTaggedAt" = now(),
       "topicTags" = CASE WHEN random() < 0.4 THEN ARRAY[($2::text[])[1 + floor(random() * 9)::int], ($2::text[])[1 + floor(random() * 9)::int]] ELSE ARRAY[($2::text[])[1 + floor(random() * 9)::int]] END
     WHERE "callId" = $1::uuid`,
    call.id,
    TOPICS,
  );
  await prisma.$executeRawUnsafe(
    `UPDATE "Juror" SET "expertise" = CASE WHEN random() < 0.5 THEN ARRAY[($2::text[])[1 + floor(random() * 9)::int], ($2::text[])[1 + floor(random() * 9)::int]] ELSE ARRAY[($2::text[])[1 + floor(random() * 9)::int]] END
     WHERE "roundId" = $1::uuid`,
    round.id,
    TOPICS,
  );
  await prisma.round.update({ where: { id: round.id }, data: { biddingOpen: true } });
  await prisma.$executeRawUnsafe(
    `INSERT INTO "Bid" ("id", "roundId", "jurorId", "applicationId", "preference", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, j."id", a."id", (CASE WHEN random() < 0.7 THEN 'WANT' ELSE 'RATHER_NOT' END)::"BidPreference", now()
     FROM "Juror" j CROSS JOIN LATERAL (SELECT a."id" FROM "Application" a WHERE a."callId" = $2::uuid ORDER BY random() + (j."id" = j."id")::int LIMIT 20) a
     WHERE j."roundId" = $1::uuid
     ON CONFLICT DO NOTHING`,
    round.id,
    call.id,
  );
  const seedMs = performance.now() - seedStart;

  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: pg.url, APP_URL: ORIGIN, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' });
  const app = await createApp(config, prisma, pg.url, { logger: process.env.LOG_LEVEL ? undefined : false });
  await app.init();
  // Jurors of an open round are told of new work in the same transaction: the queue must take jobs (nobody works them here).
  await app.get(JobsService).start({ work: false });
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.ready();
  const login = await fastify.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: ORIGIN }, payload: { email: staff.email, password: 'bench-password' } });
  const cookie = String(login.headers['set-cookie']).split(';')[0];
  const call_ = async (url) => {
    const start = performance.now();
    const res = await fastify.inject({ method: 'POST', url, headers: { origin: ORIGIN, cookie } });
    const ms = performance.now() - start;
    if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body.slice(0, 500)}`);
    return { ms, body: res.json(), bytes: res.rawPayload.length };
  };
  const preview = await call_(`/api/rounds/${round.id}/assignments/auto/preview`);
  const first = await call_(`/api/rounds/${round.id}/assignments/auto?fingerprint=${preview.body.fingerprint}`);
  const second = await call_(`/api/rounds/${round.id}/assignments/auto`);
  const rows = await prisma.assignment.count({ where: { roundId: round.id } });
  // The floor: what PostgreSQL alone spends on the same reads and the same writes, through the same foreign
  // keys and ranking triggers: the plan's pairs go to a second round of the call with the same jurors
  // (set up beforehand, not timed), where the committed rows are not in the way; rolled back.
  const pairs = preview.body.pairs;
  const floorRound = await prisma.round.create({ data: { callId: call.id, number: 2, name: text('Floor'), status: 'OPEN', scorecardsRequired: 3 } });
  await prisma.$executeRawUnsafe(
    `INSERT INTO "Juror" ("id", "roundId", "userId", "joinedAt", "expertise") SELECT gen_random_uuid(), $1::uuid, j."userId", now(), j."expertise" FROM "Juror" j WHERE j."roundId" = $2::uuid`,
    floorRound.id,
    round.id,
  );
  const floorJuror = new Map(
    (await prisma.$queryRawUnsafe(`SELECT a."id" AS "from", b."id" AS "to" FROM "Juror" a JOIN "Juror" b ON b."userId" = a."userId" AND b."roundId" = $2::uuid WHERE a."roundId" = $1::uuid`, round.id, floorRound.id)).map(
      (row) => [row.from, row.to],
    ),
  );
  const floorStart = performance.now();
  await prisma.$transaction(async (tx) => {
    await tx.$queryRawUnsafe(`SELECT j."id", j."expertise", u."displayName" FROM "Juror" j JOIN "User" u ON u."id" = j."userId" WHERE j."roundId" = $1::uuid`, floorRound.id);
    await tx.$queryRawUnsafe(`SELECT a."id", a."reference", a."title", a."topicTags", a."topicsTaggedAt" FROM "Application" a WHERE a."callId" = $1::uuid AND a."status" = 'SUBMITTED'`, call.id);
    await tx.$queryRawUnsafe(`SELECT c."userId", c."applicationId" FROM "ConflictOfInterest" c JOIN "Application" a ON a."id" = c."applicationId" WHERE a."callId" = $1::uuid`, call.id);
    await tx.$queryRawUnsafe(`SELECT "jurorId", "applicationId", "preference" FROM "Bid" WHERE "roundId" = $1::uuid`, round.id);
    // The run takes the round's applications into it first (round 1: the screened-in ones).
    await tx.$executeRawUnsafe(
      `INSERT INTO "RoundApplication" ("id", "roundId", "applicationId", "addedAt")
       SELECT gen_random_uuid(), $1::uuid, a."id", now() FROM "Application" a WHERE a."callId" = $2::uuid AND a."status" = 'SUBMITTED' ON CONFLICT DO NOTHING`,
      floorRound.id,
      call.id,
    );
    for (let i = 0; i < pairs.length; i += 5_000) {
      const chunk = pairs.slice(i, i + 5_000);
      await tx.$executeRawUnsafe(
        `INSERT INTO "Assignment" ("id", "roundId", "jurorId", "applicationId", "createdAt")
         SELECT gen_random_uuid(), $1::uuid, p."j", p."a", now() FROM unnest($2::uuid[], $3::uuid[]) AS p("j", "a")`,
        floorRound.id,
        chunk.map((p) => floorJuror.get(p.jurorId)),
        chunk.map((p) => p.applicationId),
      );
    }
    throw Object.assign(new Error('rollback'), { rollback: true });
  }, { timeout: 120_000 }).catch((error) => {
    if (!error.rollback) throw error;
  });
  const floorMs = performance.now() - floorStart;

  const body = first.body;
  console.log(`seeded ${APPLICATIONS} applications, ${JURORS} jurors, 1% conflicts, 9 topics and ${await prisma.bid.count()} bids in ${(seedMs / 1000).toFixed(1)} s`);
  console.log(`preview: ${(preview.ms / 1000).toFixed(2)} s (${(preview.bytes / 1e6).toFixed(1)} MB of JSON: every pair with its reasons)`);
  console.log(`run with the preview's fingerprint: ${(first.ms / 1000).toFixed(2)} s, created ${body.created}, loads ${body.minLoad}-${body.maxLoad}, shortfalls ${body.shortfalls.length}`);
  console.log(`  affinity ${body.totalAffinity} of the bound ${body.upperBound} (${((100 * body.totalAffinity) / Math.max(1, body.upperBound)).toFixed(2)} %), optimal ${body.optimal}, rather-not pairs used ${body.avoidedUsed}, unmatched ${body.unmatched.length}, not read by a knower ${body.notReadByKnower.length}`);
  console.log(`second run (nothing to add): ${(second.ms / 1000).toFixed(2)} s, created ${second.body.created}, kept ${second.body.kept}`);
  console.log(`assignments in the database: ${rows}`);
  console.log(`floor (the same reads and inserts in PostgreSQL): ${(floorMs / 1000).toFixed(2)} s; run / floor: ${(first.ms / floorMs).toFixed(1)}`);
  console.log(
    `RESULT auto-assign app_ms=${first.ms.toFixed(0)} floor_ms=${floorMs.toFixed(0)} ratio=${(first.ms / floorMs).toFixed(2)} preview_ms=${preview.ms.toFixed(0)} ` +
      `affinity=${(body.totalAffinity / Math.max(1, body.upperBound)).toFixed(4)} optimal=${body.optimal}`,
  );
  await app.close();
  await prisma.$disconnect();
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await pg.stop();
}
process.exit(exitCode);
