// Times POST /api/rounds/{id}/assignments/auto end to end (HTTP, SQL, planner, inserts, audit) on a
// round of 10,000 submitted applications and 200 jurors, 3 scorecards each, 1% random conflicts, on a
// throw-away embedded PostgreSQL. Run on demand (builds first): npm run bench:auto-assign -w @tahkim/api
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
  const seedMs = performance.now() - seedStart;

  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: pg.url, APP_URL: ORIGIN, LOG_LEVEL: 'silent' });
  const app = await createApp(config, prisma, pg.url, { logger: false });
  await app.init();
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.ready();
  const login = await fastify.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: ORIGIN }, payload: { email: staff.email, password: 'bench-password' } });
  const cookie = String(login.headers['set-cookie']).split(';')[0];
  const run = async () => {
    const start = performance.now();
    const res = await fastify.inject({ method: 'POST', url: `/api/rounds/${round.id}/assignments/auto`, headers: { origin: ORIGIN, cookie } });
    const ms = performance.now() - start;
    if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`auto-assign answered ${res.statusCode}: ${res.body}`);
    return { ms, body: res.json() };
  };
  const first = await run();
  const second = await run();
  const rows = await prisma.assignment.count({ where: { roundId: round.id } });
  console.log(`seeded ${APPLICATIONS} applications, ${JURORS} jurors and 1% conflicts in ${(seedMs / 1000).toFixed(1)} s`);
  console.log(`first run: ${(first.ms / 1000).toFixed(2)} s, created ${first.body.created}, loads ${first.body.minLoad}-${first.body.maxLoad}, shortfalls ${first.body.shortfalls.length}`);
  console.log(`second run (nothing to add): ${(second.ms / 1000).toFixed(2)} s, created ${second.body.created}, kept ${second.body.kept}`);
  console.log(`assignments in the database: ${rows}`);
  await app.close();
  await prisma.$disconnect();
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await pg.stop();
}
process.exit(exitCode);
