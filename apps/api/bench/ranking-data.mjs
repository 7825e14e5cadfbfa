// Generates a large scored call for the ranking benchmark (and for anyone who needs one): a CLOSED call with
// N SUBMITTED applications (answers with a region and a project name, references BNR-<year>-0001...),
// round 1 OPEN with 6 criteria (scales 0..5 and 1..10, unequal weights), M jurors, 3 balanced assignments
// per application, each with a SUBMITTED scorecard (6 values) written with juror biases (harsh, lenient,
// flat and ordinary jurors), and a few hundred DRAFT scorecards on a 4th assignment. Weighted scores are
// computed by @tahkim/scoring's weightedScore (DESIGN.md rule 1), exactly as the submit route stores them.
// Everything is inserted set-based (unnest of arrays) in one transaction, then VACUUM ANALYZEd: the state
// autovacuum leaves a live database in after a bulk of inserts (statistics, and the visibility map that lets
// index-only scans skip the table's pages).
//
// As a library:  import { generateRankingData } from './ranking-data.mjs';
//                const data = await generateRankingData(databaseUrl, { applications: 1000, jurors: 40 });
// On its own, into the database of DATABASE_URL (migrated, no call with the same slug/prefix):
//   DATABASE_URL=postgres://... node apps/api/bench/ranking-data.mjs [--applications N] [--jurors M]
//     [--drafts D] [--seed S] [--slug bench-ranking] [--prefix BNR]
import { Buffer } from 'node:buffer';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { seededRandom } from '@tahkim/scoring';

const require = createRequire(import.meta.url);
const pg = require('pg');
const { weightedScore } = require('@tahkim/scoring');
const { formatApplicationReference, MOROCCO_REGIONS } = require('@tahkim/db');

const DAY_MS = 86_400_000;
const CHUNK = 40_000;

/** The round's criteria: two scales, unequal weights (DESIGN.md rule 1 weighs them relatively). */
export const RANKING_BENCH_CRITERIA = [
  { key: 'impact', weight: 3, scaleMin: 0, scaleMax: 5, label: { ar: 'الأثر الاجتماعي', fr: 'Impact social', en: 'Social impact' } },
  { key: 'innovation', weight: 2, scaleMin: 0, scaleMax: 5, label: { ar: 'الطابع الابتكاري', fr: 'Caractère innovant', en: 'Innovation' } },
  { key: 'feasibility', weight: 2, scaleMin: 1, scaleMax: 10, label: { ar: 'قابلية التنفيذ', fr: 'Faisabilité', en: 'Feasibility' } },
  { key: 'team', weight: 1.5, scaleMin: 1, scaleMax: 10, label: { ar: 'الفريق', fr: "L'équipe", en: 'Team' } },
  { key: 'sustainability', weight: 1, scaleMin: 0, scaleMax: 5, label: { ar: 'الاستدامة', fr: 'Pérennité', en: 'Sustainability' } },
  { key: 'scalability', weight: 0.5, scaleMin: 1, scaleMax: 10, label: { ar: 'قابلية التعميم', fr: 'Essaimage', en: 'Scalability' } },
];

/** Seeded PRNG (mulberry32): the same seed gives the same scores. */
function prng(seed) {
  const next = seededRandom(seed);
  const normal = () => {
    const u = next() || 1e-12;
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return { next, normal };
}

/** UUIDv7 ids (what Prisma Client generates; raw inserts must supply them), time-ordered from `ms`. */
function uuidFactory() {
  let pool = randomBytes(0);
  let offset = 0;
  let last = 0;
  return (ms = Date.now()) => {
    if (offset + 10 > pool.length) {
      pool = randomBytes(160_000);
      offset = 0;
    }
    const t = Math.max(Math.floor(ms), last);
    last = t;
    const b = Buffer.alloc(16);
    b.writeUIntBE(t, 0, 6);
    pool.copy(b, 6, offset, offset + 10);
    offset += 10;
    b[6] = 0x70 | (b[6] & 0x0f);
    b[8] = 0x80 | (b[8] & 0x3f);
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
}

/**
 * Runs `sql` over `columns` (parallel arrays, one entry per row) in chunks of rows. Its parameters are
 * the `scalars` ($1..$k), then one array per column ($k+1... read with unnest($n::type[], ...)).
 */
async function insertColumns(client, sql, scalars, columns) {
  const length = columns[0].length;
  for (let start = 0; start < length; start += CHUNK) {
    await client.query(sql, [...scalars, ...columns.map((column) => column.slice(start, start + CHUNK))]);
  }
}

const TITLES_FR = ['Atelier', 'Coopérative', 'Plateforme', 'École', 'Réseau', 'Incubateur', 'Laboratoire', 'Maison'];
const TOPICS_FR = ['des femmes artisanes', 'du numérique rural', "de l'eau partagée", 'des jeunes codeurs', "de l'agriculture solidaire", 'du recyclage'];
const TITLES_AR = ['ورشة', 'تعاونية', 'منصة', 'مدرسة', 'شبكة', 'حاضنة'];
const TOPICS_AR = ['الصناعة التقليدية النسائية', 'الرقمنة القروية', 'الماء المشترك', 'الشباب المبرمجين', 'الفلاحة التضامنية', 'إعادة التدوير'];

/**
 * Writes the call into the (migrated) database of `databaseUrl` and returns its ids and counts.
 * Options: applications (10,000), jurors (200), perApplication (3), drafts (3% of the applications),
 * seed (42), slug ('bench-ranking'), referencePrefix ('BNR'), staffEmail, staffPasswordHash (an unusable
 * hash by default: pass a real one to sign in as that staff user), keepScores (return every submitted
 * scorecard as { applicationId, jurorId, score } for checks against @tahkim/scoring).
 */
export async function generateRankingData(databaseUrl, options = {}) {
  const applications = options.applications ?? 10_000;
  const jurors = options.jurors ?? 200;
  const perApplication = options.perApplication ?? 3;
  const drafts = Math.min(options.drafts ?? Math.round(applications * 0.03), applications);
  const slug = options.slug ?? 'bench-ranking';
  const prefix = options.referencePrefix ?? 'BNR';
  const staffEmail = options.staffEmail ?? `${slug}-staff@bench.tahkim.example`;
  if (!(applications >= 1) || !(jurors >= perApplication + (drafts > 0 ? 1 : 0)) || !(perApplication >= 1)) {
    throw new Error(`need at least 1 application and ${perApplication + 1} jurors (got ${applications} and ${jurors})`);
  }
  const random = prng(options.seed ?? 42);
  const uuid = uuidFactory();
  const now = Date.now();
  const year = new Date(now).getUTCFullYear();
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    const text = (s) => ({ ar: s, fr: s, en: s });
    // ---- staff, call, form, round, criteria -------------------------------------------------------
    const staffId = uuid(now - 90 * DAY_MS);
    await client.query(
      `INSERT INTO "User" ("id", "email", "passwordHash", "displayName", "roles", "locale", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, 'Bench staff', '{STAFF,ADMIN}', 'fr', now(), now())`,
      [staffId, staffEmail, options.staffPasswordHash ?? 'unusable'],
    );
    const callId = uuid(now - 80 * DAY_MS);
    await client.query(
      `INSERT INTO "Call" ("id", "slug", "title", "summary", "description", "eligibility", "opensAt", "closesAt", "status",
         "referencePrefix", "settings", "createdById", "createdAt", "updatedAt", "publishedAt", "closedAt")
       VALUES ($1, $2, $3, $4, $4, $4, now() - interval '60 days', now() - interval '14 days', 'CLOSED', $5, '{"currency":"MAD"}',
         $6, now() - interval '80 days', now(), now() - interval '60 days', now() - interval '14 days')`,
      [callId, slug, { ar: 'دعوة قياس الأداء', fr: 'Appel de mesure des performances', en: 'Benchmark call' }, text(''), prefix, staffId],
    );
    const sectionId = uuid(now - 80 * DAY_MS);
    const fields = [
      { key: 'project_name', type: 'SHORT_TEXT', label: { ar: 'اسم المشروع', fr: 'Nom du projet', en: 'Project name' }, required: true },
      { key: 'project_summary', type: 'LONG_TEXT', label: { ar: 'ملخص المشروع', fr: 'Résumé du projet', en: 'Project summary' }, required: true },
      { key: 'region', type: 'REGION', label: { ar: 'جهة التنفيذ', fr: "Région d'intervention", en: 'Region of activity' }, required: true, options: MOROCCO_REGIONS },
      { key: 'contact_name', type: 'SHORT_TEXT', label: { ar: 'اسم المسؤول', fr: 'Nom du porteur', en: 'Contact name' }, required: true, identifying: true },
    ];
    const sectionTitle = { ar: 'المشروع', fr: 'Le projet', en: 'The project' };
    await client.query(
      `INSERT INTO "FormSection" ("id", "callId", "key", "title", "position", "createdAt", "updatedAt") VALUES ($1, $2, 'project', $3, 1, now(), now())`,
      [sectionId, callId, sectionTitle],
    );
    await client.query(
      `INSERT INTO "FormField" ("id", "callId", "sectionId", "key", "type", "label", "required", "identifying", "options", "position", "createdAt", "updatedAt")
       SELECT f."id", $1::uuid, $2::uuid, f."key", f."type"::"FieldType", f."label", f."required", f."identifying", f."options", f."position", now(), now()
       FROM unnest($3::uuid[], $4::text[], $5::text[], $6::jsonb[], $7::boolean[], $8::boolean[], $9::jsonb[], $10::int[])
         AS f("id", "key", "type", "label", "required", "identifying", "options", "position")`,
      [
        callId,
        sectionId,
        fields.map(() => uuid(now - 80 * DAY_MS)),
        fields.map((f) => f.key),
        fields.map((f) => f.type),
        fields.map((f) => JSON.stringify(f.label)),
        fields.map((f) => f.required),
        fields.map((f) => f.identifying ?? false),
        fields.map((f) => (f.options ? JSON.stringify(f.options) : null)),
        fields.map((_, i) => i + 1),
      ],
    );
    await client.query(
      `INSERT INTO "FormVersion" ("id", "callId", "version", "definition", "createdById", "createdAt") VALUES ($1, $2, 1, $3, $4, now() - interval '60 days')`,
      [uuid(now - 60 * DAY_MS), callId, { sections: [{ key: 'project', title: sectionTitle, fields }] }, staffId],
    );
    const roundId = uuid(now - 14 * DAY_MS);
    await client.query(
      `INSERT INTO "Round" ("id", "callId", "number", "name", "type", "blind", "scorecardsRequired", "status", "opensAt", "closesAt", "createdAt", "updatedAt")
       VALUES ($1, $2, 1, $3, 'SCORING', true, $4, 'OPEN', now() - interval '13 days', now() + interval '7 days', now() - interval '14 days', now())`,
      [roundId, callId, { ar: 'الجولة الأولى', fr: 'Premier tour', en: 'First round' }, perApplication],
    );
    const criteria = RANKING_BENCH_CRITERIA.map((c) => ({ ...c, id: uuid(now - 14 * DAY_MS) }));
    await client.query(
      `INSERT INTO "Criterion" ("id", "roundId", "key", "label", "weight", "scaleMin", "scaleMax", "position", "createdAt", "updatedAt")
       SELECT c."id", $1::uuid, c."key", c."label", c."weight", c."scaleMin", c."scaleMax", c."position", now(), now()
       FROM unnest($2::uuid[], $3::text[], $4::jsonb[], $5::float8[], $6::int[], $7::int[], $8::int[]) AS c("id", "key", "label", "weight", "scaleMin", "scaleMax", "position")`,
      [
        roundId,
        criteria.map((c) => c.id),
        criteria.map((c) => c.key),
        criteria.map((c) => JSON.stringify(c.label)),
        criteria.map((c) => c.weight),
        criteria.map((c) => c.scaleMin),
        criteria.map((c) => c.scaleMax),
        criteria.map((_, i) => i + 1),
      ],
    );

    // ---- applicants and their submitted applications -----------------------------------------------
    const ownerIds = [];
    const applicationIds = [];
    const submittedAt = [];
    const answers = [];
    const titles = [];
    const references = [];
    const suggestions = [];
    const locales = [];
    for (let i = 0; i < applications; i++) {
      const at = now - 60 * DAY_MS + Math.floor(((i + 0.5) / applications) * 46 * DAY_MS);
      ownerIds.push(uuid(at - DAY_MS));
      applicationIds.push(uuid(at - DAY_MS));
      submittedAt.push(at);
      const arabic = i % 3 === 0;
      const title = arabic
        ? `${TITLES_AR[i % TITLES_AR.length]} ${TOPICS_AR[Math.floor(i / TITLES_AR.length) % TOPICS_AR.length]} ${i + 1}`
        : `${TITLES_FR[i % TITLES_FR.length]} ${TOPICS_FR[Math.floor(i / TITLES_FR.length) % TOPICS_FR.length]} ${i + 1}`;
      const region = MOROCCO_REGIONS[Math.floor(random.next() * MOROCCO_REGIONS.length)].value;
      titles.push(title);
      locales.push(arabic ? 'ar' : i % 3 === 1 ? 'fr' : 'en');
      answers.push(JSON.stringify({ project_name: title, project_summary: arabic ? 'مشروع تجريبي لقياس الأداء.' : 'Projet généré pour mesurer les performances.', region, contact_name: `Porteur ${i + 1}` }));
      references.push(formatApplicationReference(prefix, year, i + 1));
      const r = random.next();
      suggestions.push(r < 0.85 ? 'ELIGIBLE' : r < 0.95 ? 'UNSURE' : 'INELIGIBLE');
    }
    await insertColumns(
      client,
      `INSERT INTO "User" ("id", "email", "passwordHash", "displayName", "roles", "locale", "createdAt", "updatedAt")
       SELECT x."id", x."email", 'unusable', x."name", '{APPLICANT}', x."locale"::"Locale", x."at", x."at"
       FROM (SELECT y.*, to_timestamp(y."ms" / 1000.0) AT TIME ZONE 'UTC' - interval '2 days' AS "at"
             FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::float8[]) AS y("id", "email", "name", "locale", "ms")) x`,
      [],
      [
        ownerIds,
        ownerIds.map((_, i) => `${slug}-owner-${i + 1}@bench.tahkim.example`),
        ownerIds.map((_, i) => `Porteur ${i + 1}`),
        locales,
        submittedAt,
      ],
    );
    await insertColumns(
      client,
      `INSERT INTO "Application" ("id", "callId", "ownerId", "status", "answers", "version", "formVersion", "title", "reference",
         "submittedAt", "eligibilitySuggestion", "createdAt", "updatedAt")
       SELECT x."id", $1::uuid, x."ownerId", 'SUBMITTED', x."answers", 2, 1, x."title", x."reference", x."at",
         x."suggestion"::"EligibilitySuggestion", x."at" - interval '1 day', x."at"
       FROM (SELECT y.*, to_timestamp(y."ms" / 1000.0) AT TIME ZONE 'UTC' AS "at"
             FROM unnest($2::uuid[], $3::uuid[], $4::jsonb[], $5::text[], $6::text[], $7::float8[], $8::text[])
               AS y("id", "ownerId", "answers", "title", "reference", "ms", "suggestion")) x`,
      [callId],
      [applicationIds, ownerIds, answers, titles, references, submittedAt, suggestions],
    );
    await client.query(`INSERT INTO "ReferenceCounter" ("callId", "year", "lastValue") VALUES ($1, $2, $3)`, [callId, year, applications]);
    await insertColumns(
      client,
      `INSERT INTO "RoundApplication" ("id", "roundId", "applicationId", "addedById", "addedAt")
       SELECT x."id", $1::uuid, x."applicationId", $2::uuid, now() - interval '14 days' FROM unnest($3::uuid[], $4::uuid[]) AS x("id", "applicationId")`,
      [roundId, staffId],
      [applicationIds.map(() => uuid(now - 14 * DAY_MS)), applicationIds],
    );

    // ---- jurors, with a severity profile each --------------------------------------------------------
    const jurorUserIds = [];
    const jurorIds = [];
    const profiles = [];
    for (let j = 0; j < jurors; j++) {
      jurorUserIds.push(uuid(now - 30 * DAY_MS));
      jurorIds.push(uuid(now - 14 * DAY_MS));
      const r = random.next();
      // 15% harsh, 15% lenient, 5% flat (hardly uses the scale), the rest ordinary with a small bias.
      if (r < 0.15) profiles.push({ kind: 'harsh', bias: -0.8 - 0.5 * random.next(), spread: 0.8 + 0.4 * random.next() });
      else if (r < 0.3) profiles.push({ kind: 'lenient', bias: 0.8 + 0.5 * random.next(), spread: 0.8 + 0.4 * random.next() });
      else if (r < 0.35) profiles.push({ kind: 'flat', bias: 0.2 * random.normal(), spread: 0.15 });
      else profiles.push({ kind: 'ordinary', bias: 0.2 * random.normal(), spread: 0.8 + 0.4 * random.next() });
    }
    await insertColumns(
      client,
      `INSERT INTO "User" ("id", "email", "passwordHash", "displayName", "roles", "locale", "createdAt", "updatedAt")
       SELECT x."id", x."email", 'unusable', x."name", '{JUROR}', 'fr', now() - interval '30 days', now() - interval '30 days'
       FROM unnest($1::uuid[], $2::text[], $3::text[]) AS x("id", "email", "name")`,
      [],
      [
        jurorUserIds,
        jurorUserIds.map((_, j) => `${slug}-juror-${j + 1}@bench.tahkim.example`),
        jurorUserIds.map((_, j) => `Juré ${j + 1}`),
      ],
    );
    await insertColumns(
      client,
      `INSERT INTO "Juror" ("id", "roundId", "userId", "joinedAt", "conflictsReviewedAt")
       SELECT x."id", $1::uuid, x."userId", now() - interval '14 days', now() - interval '13 days' FROM unnest($2::uuid[], $3::uuid[]) AS x("id", "userId")`,
      [roundId], [jurorIds, jurorUserIds],
    );

    // ---- assignments (balanced), scorecards and their values ------------------------------------------
    // Application i = q * M + r gets jurors r, r + d, r + 2d... (mod M) with d depending on the block q, so
    // each block of M applications gives every juror exactly `perApplication` scorecards (loads differ by at
    // most perApplication overall) and juror pairs vary from block to block.
    const maxStep = Math.max(1, Math.floor((jurors - 1) / perApplication));
    const assignmentIds = [];
    const assignmentJurors = [];
    const assignmentApplications = [];
    const assignmentAt = [];
    const cards = { id: [], assignmentId: [], status: [], score: [], submittedMs: [] };
    const values = { scorecardId: [], criterionId: [], value: [] };
    const scores = [];
    const loads = new Array(jurors).fill(0);
    const draftEvery = drafts > 0 ? applications / drafts : Infinity;
    let nextDraft = drafts > 0 ? Math.floor(draftEvery / 2) : -1;
    let draftsWritten = 0;
    const scoreOf = (i, profile, draft) => {
      const map = new Map();
      const scored = draft ? 1 + Math.floor(random.next() * (criteria.length - 1)) : criteria.length;
      criteria.forEach((criterion, c) => {
        if (c >= scored) return;
        const latent = profile.spread * (quality[i] + profileOf[i][c]) + profile.bias + 0.45 * random.normal();
        const fraction = Math.min(1, Math.max(0, 0.55 + 0.17 * latent));
        const value = criterion.scaleMin + Math.round(fraction * (criterion.scaleMax - criterion.scaleMin));
        map.set(criterion.id, value);
      });
      return map;
    };
    const quality = applicationIds.map(() => random.normal());
    const profileOf = applicationIds.map(() => criteria.map(() => 0.5 * random.normal()));
    const addCard = (i, j, draft) => {
      const assignedMs = now - 13 * DAY_MS + random.next() * DAY_MS;
      const assignmentId = uuid(assignedMs);
      assignmentIds.push(assignmentId);
      assignmentJurors.push(jurorIds[j]);
      assignmentApplications.push(applicationIds[i]);
      assignmentAt.push(assignedMs);
      loads[j]++;
      const map = scoreOf(i, profiles[j], draft);
      const scorecardId = uuid(assignedMs + DAY_MS);
      const score = draft ? null : weightedScore(criteria, map);
      cards.id.push(scorecardId);
      cards.assignmentId.push(assignmentId);
      cards.status.push(draft ? 'DRAFT' : 'SUBMITTED');
      cards.score.push(score);
      cards.submittedMs.push(draft ? null : Math.min(now - 60_000, assignedMs + DAY_MS + random.next() * 10 * DAY_MS));
      for (const [criterionId, value] of map) {
        values.scorecardId.push(scorecardId);
        values.criterionId.push(criterionId);
        values.value.push(value);
      }
      if (!draft) scores.push({ applicationId: applicationIds[i], jurorId: jurorIds[j], score });
    };
    for (let i = 0; i < applications; i++) {
      const block = Math.floor(i / jurors);
      const r = i % jurors;
      const step = 1 + ((block * 7) % maxStep);
      const chosen = new Set();
      for (let k = 0; k < perApplication; k++) {
        const j = (r + k * step) % jurors;
        chosen.add(j);
        addCard(i, j, false);
      }
      if (i === nextDraft && draftsWritten < drafts) {
        let j = Math.floor(random.next() * jurors);
        while (chosen.has(j)) j = (j + 1) % jurors;
        addCard(i, j, true);
        draftsWritten++;
        nextDraft = Math.floor((draftsWritten + 0.5) * draftEvery);
      }
    }
    await insertColumns(
      client,
      `INSERT INTO "Assignment" ("id", "roundId", "jurorId", "applicationId", "assignedById", "createdAt")
       SELECT x."id", $1::uuid, x."jurorId", x."applicationId", $2::uuid, to_timestamp(x."ms" / 1000.0) AT TIME ZONE 'UTC'
       FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::float8[]) AS x("id", "jurorId", "applicationId", "ms")`,
      [roundId, staffId], [assignmentIds, assignmentJurors, assignmentApplications, assignmentAt],
    );
    await insertColumns(
      client,
      `INSERT INTO "Scorecard" ("id", "assignmentId", "status", "weightedScore", "version", "submittedAt", "createdAt", "updatedAt")
       SELECT x."id", x."assignmentId", x."status"::"ScorecardStatus", x."score", CASE WHEN x."status" = 'SUBMITTED' THEN 3 ELSE 2 END,
         to_timestamp(x."ms" / 1000.0) AT TIME ZONE 'UTC', now() - interval '12 days', coalesce(to_timestamp(x."ms" / 1000.0) AT TIME ZONE 'UTC', now())
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::float8[], $5::float8[]) AS x("id", "assignmentId", "status", "score", "ms")`,
      [],
      [cards.id, cards.assignmentId, cards.status, cards.score, cards.submittedMs],
    );
    await insertColumns(
      client,
      `INSERT INTO "ScoreValue" ("scorecardId", "criterionId", "value", "updatedAt")
       SELECT x."scorecardId", x."criterionId", x."value", now() FROM unnest($1::uuid[], $2::uuid[], $3::float8[]) AS x("scorecardId", "criterionId", "value")`,
      [],
      [values.scorecardId, values.criterionId, values.value],
    );
    await client.query('COMMIT');
    const insertedMs = performance.now() - started;
    await client.query('VACUUM ANALYZE');
    const analyzedMs = performance.now() - started;
    return {
      callId,
      roundId,
      round: { id: roundId, callId, number: 1 },
      staff: { id: staffId, email: staffEmail },
      criteria: criteria.map(({ id, key, weight, scaleMin, scaleMax }) => ({ id, key, weight, scaleMin, scaleMax })),
      applicationIds,
      jurorIds,
      jurorProfiles: profiles.map((p, j) => ({ jurorId: jurorIds[j], ...p })),
      counts: {
        applications,
        jurors,
        assignments: assignmentIds.length,
        submittedScorecards: scores.length,
        draftScorecards: draftsWritten,
        scoreValues: values.value.length,
        /** Assignments per juror, drafts included. */
        jurorLoad: { min: Math.min(...loads), max: Math.max(...loads) },
      },
      timings: { insertMs: insertedMs, totalMs: analyzedMs },
      ...(options.keepScores ? { scores } : {}),
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

function flag(args, name) {
  const index = args.indexOf(`--${name}`);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new Error(`--${name} needs a value`);
  return value;
}

/** Options for generateRankingData from command-line flags (shared with ranking.bench.mjs). */
export function rankingDataOptions(args) {
  const number = (name) => {
    const raw = flag(args, name);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got ${raw}`);
    return n;
  };
  const options = {
    applications: number('applications'),
    jurors: number('jurors'),
    drafts: number('drafts'),
    seed: number('seed'),
    slug: flag(args, 'slug'),
    referencePrefix: flag(args, 'prefix'),
  };
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is not set (a migrated database)');
    process.exit(1);
  }
  const data = await generateRankingData(url, rankingDataOptions(process.argv.slice(2)));
  console.log(`call ${data.callId}, round ${data.roundId}: ${JSON.stringify(data.counts)} in ${(data.timings.totalMs / 1000).toFixed(1)} s`);
  process.exit(0);
}
