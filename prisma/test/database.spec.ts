import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verify } from '@node-rs/argon2';
import { Client } from 'pg';
import { rankRound } from '@tahkim/scoring';
import type { PrismaClient } from '../generated/client/client';
import { DEMO_ACCOUNTS, DEMO_CALL_SLUG, DEMO_SAMPLE_APPLICANT_PASSWORD, seedDemoData } from '../seed';
import { createPrismaClient } from '../src/client';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '../src/embedded-postgres';
import { applyMigrations } from '../src/migrations';
import { allocateApplicationReference, referenceYear } from '../src/references';
import { MIGRATIONS_DIR } from '../src/paths';
import { reportTimings, stopPostgresOn, tempDir, time, timings } from './support/helpers';

const migrationNames = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

let dataDir: string;
let server: EmbeddedPostgres;
let sql: Client;
let prisma: PrismaClient;

beforeAll(async () => {
  dataDir = await tempDir('database');
  const started = await time(() => startEmbeddedPostgres({ dataDir, persistent: false }));
  timings['startEmbeddedPostgres (fresh, throw-away)'] = started.ms;
  server = started.result;
  sql = new Client({ connectionString: server.url });
  await sql.connect();
  prisma = createPrismaClient(server.url);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await sql?.end();
  await server?.stop();
  await server?.stop(); // idempotent
  reportTimings('database.spec timings');
  const leftovers = await stopPostgresOn(dataDir);
  await rm(dataDir, { recursive: true, force: true });
  expect(leftovers).toEqual([]);
});

describe('applyMigrations', () => {
  it('applies every migration once and records it as prisma migrate deploy does', async () => {
    const first = await time(() => applyMigrations(server.url));
    timings['applyMigrations (empty database)'] = first.ms;
    expect(first.result).toEqual(migrationNames);

    const { rows } = await sql.query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      rolled_back_at: Date | null;
      logs: string | null;
      applied_steps_count: number;
    }>('SELECT * FROM _prisma_migrations ORDER BY migration_name');
    expect(rows.map((row) => row.migration_name)).toEqual(migrationNames);
    for (const row of rows) {
      const script = readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(script).digest('hex'));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('applies nothing the second time and leaves no connection open', async () => {
    const again = await time(() => applyMigrations(server.url));
    timings['applyMigrations (up to date)'] = again.ms;
    expect(again.result).toEqual([]);
    const { rows } = await sql.query('SELECT count(*)::int AS n FROM _prisma_migrations');
    expect(rows[0].n).toBe(migrationNames.length);
    const open = await sql.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`,
    );
    expect(open.rows[0].n).toBe(0);
  });

  it('created every model of the schema as a table', async () => {
    const schema = readFileSync(path.join(MIGRATIONS_DIR, '..', 'schema.prisma'), 'utf8');
    const models = [...schema.matchAll(/^model (\w+) \{/gm)].map((match) => match[1]).sort();
    const { rows } = await sql.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename",
    );
    expect(rows.map((row) => row.tablename).sort()).toEqual(models);
  });
});

describe('integrity rules of the migration', () => {
  let actorId: string;

  beforeAll(async () => {
    actorId = (
      await prisma.user.create({ data: { email: 'auditor@example.org', passwordHash: 'x', displayName: 'Auditor' } })
    ).id;
  });

  it('keeps AuditEvent append-only: INSERT works, UPDATE, DELETE and TRUNCATE fail', async () => {
    const event = await prisma.auditEvent.create({
      data: { actorId, action: 'user.create', entityType: 'User', entityId: actorId, after: { email: 'auditor@example.org' } },
    });
    await expect(sql.query('UPDATE "AuditEvent" SET action = $1 WHERE id = $2', ['forged', event.id])).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(sql.query('DELETE FROM "AuditEvent" WHERE id = $1', [event.id])).rejects.toThrow(/append-only: DELETE/);
    await expect(sql.query('TRUNCATE "AuditEvent"')).rejects.toThrow(/append-only: TRUNCATE/);
    await expect(prisma.auditEvent.update({ where: { id: event.id }, data: { action: 'forged' } })).rejects.toThrow(
      /append-only/,
    );
    await expect(prisma.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    // Deleting the actor would have to touch the row: refused.
    await expect(prisma.user.delete({ where: { id: actorId } })).rejects.toThrow();
    const kept = await prisma.auditEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(kept.action).toBe('user.create');
  });

  it('refuses upper-case emails, non-positive weights and empty scales', async () => {
    await expect(
      sql.query(`INSERT INTO "User" (id, email, "passwordHash", "displayName", "updatedAt") VALUES (gen_random_uuid(), 'Someone@Example.org', 'x', 'x', now())`),
    ).rejects.toThrow(/User_email_lowercase_check/);

    const call = await prisma.call.create({
      data: {
        slug: 'integrity-checks',
        title: {},
        summary: {},
        description: {},
        eligibility: {},
        opensAt: new Date('2026-01-01'),
        closesAt: new Date('2026-02-01'),
        referencePrefix: 'CHK',
        createdById: actorId,
      },
    });
    const round = await prisma.round.create({ data: { callId: call.id, number: 1, name: {} } });
    const criterion = { roundId: round.id, label: {}, position: 1, scaleMin: 0, scaleMax: 5 };
    await expect(prisma.criterion.create({ data: { ...criterion, key: 'zero', weight: 0 } })).rejects.toThrow(
      /Criterion_weight_check/,
    );
    await expect(prisma.criterion.create({ data: { ...criterion, key: 'nan', weight: Number.NaN } })).rejects.toThrow();
    await expect(prisma.criterion.create({ data: { ...criterion, key: 'flat', weight: 1, scaleMax: 0 } })).rejects.toThrow(
      /Criterion_scale_check/,
    );
    await expect(
      prisma.call.update({ where: { id: call.id }, data: { closesAt: new Date('2025-12-01') } }),
    ).rejects.toThrow(/Call_dates_check/);
    await prisma.call.delete({ where: { id: call.id } });
  });
});

describe('seedDemoData', () => {
  it('loads the demo once, then does nothing', async () => {
    const first = await time(() => seedDemoData(prisma));
    timings['seedDemoData (empty database)'] = first.ms;
    expect(first.result).toMatchObject({ created: true, callSlug: DEMO_CALL_SLUG });
    expect(first.result.applications).toBeGreaterThanOrEqual(30);
    expect(first.result.usersCreated).toEqual(expect.arrayContaining(DEMO_ACCOUNTS.map((account) => account.email)));

    const counts = async () => ({
      users: await prisma.user.count(),
      calls: await prisma.call.count(),
      fields: await prisma.formField.count(),
      criteria: await prisma.criterion.count(),
      applications: await prisma.application.count(),
    });
    const before = await counts();
    const second = await time(() => seedDemoData(prisma));
    timings['seedDemoData (second run)'] = second.ms;
    expect(second.result.created).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it('creates accounts that sign in with argon2id', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await prisma.user.findUniqueOrThrow({ where: { email: account.email } });
      expect(user.roles).toEqual(account.roles);
      expect(user.locale).toBe(account.locale);
      expect(user.passwordHash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
      expect(await verify(user.passwordHash, account.password)).toBe(true);
      expect(await verify(user.passwordHash, `${account.password}!`)).toBe(false);
    }
    const sampleOwner = await prisma.user.findUniqueOrThrow({ where: { email: 'velo.medina@tahkim.example' } });
    expect(await verify(sampleOwner.passwordHash, DEMO_SAMPLE_APPLICANT_PASSWORD)).toBe(true);
  });

  it("adds last year's edition, decided, its results page published with the winners who agreed", async () => {
    const call = await prisma.call.findUniqueOrThrow({ where: { slug: 'innovation-sociale-2025' }, include: { applications: { include: { decision: true, publicProfile: true } } } });
    expect(call.status).toBe('DECIDED');
    expect(call.resultsPublishedAt).not.toBeNull();
    const winners = call.applications.filter((application) => application.status === 'WINNER');
    expect(winners).toHaveLength(3);
    expect(call.applications.every((application) => application.decision?.publishedAt && application.reference?.startsWith('IS-'))).toBe(true);
    expect(winners.map((winner) => winner.publicProfile?.consent).sort()).toEqual(['GIVEN', 'GIVEN', 'PENDING']);
    const programme = await prisma.programme.findUniqueOrThrow({ where: { callId: call.id }, include: { milestones: { orderBy: { position: 'asc' } }, indicators: true } });
    expect(programme.milestones.map((milestone) => milestone.key)).toEqual(['kickoff', 'first_cohort', 'midterm', 'final_report']);
    expect(programme.indicators).toHaveLength(4);
    // Progress reports already sent: the first cohort's accepted for all three, the mid-term's accepted,
    // waiting for review, and missing (late) for the third winner.
    const reports = await prisma.progressReport.findMany({ where: { milestone: { programmeId: programme.id } }, include: { milestone: true, application: true } });
    const statuses = (key: string) => reports.filter((report) => report.milestone.key === key).map((report) => `${report.application.reference}:${report.status}`).sort();
    expect(statuses('first_cohort')).toEqual(['IS-2025-0001:ACCEPTED', 'IS-2025-0002:ACCEPTED', 'IS-2025-0003:ACCEPTED']);
    expect(statuses('midterm')).toEqual(['IS-2025-0001:ACCEPTED', 'IS-2025-0002:SUBMITTED']);
    const midterm = programme.milestones.find((milestone) => milestone.key === 'midterm')!;
    expect(midterm.dueAt.getTime()).toBeLessThan(Date.now());
  });

  it('publishes the call with its form, round 1 and six criteria', async () => {
    const call = await prisma.call.findUniqueOrThrow({
      where: { slug: DEMO_CALL_SLUG },
      include: {
        sections: { orderBy: { position: 'asc' }, include: { fields: { orderBy: { position: 'asc' } } } },
        rounds: { include: { criteria: { orderBy: { position: 'asc' } }, jurors: true } },
        formVersions: true,
        decisionTemplates: true,
      },
    });
    expect(call.status).toBe('PUBLISHED');
    expect(call.referencePrefix).toBe('FAB');
    expect((call.title as Record<string, string>).fr).toBe("Appel à projets d'innovation sociale 2026");
    expect((call.title as Record<string, string>).ar).toMatch(/[\u0600-\u06FF]/);
    const days = (date: Date) => Math.round((date.getTime() - Date.now()) / 86_400_000);
    expect(days(call.opensAt)).toBe(-10);
    expect(days(call.closesAt)).toBe(45);

    const fields = call.sections.flatMap((section) => section.fields);
    const field = (key: string) => fields.find((candidate) => candidate.key === key)!;
    expect(call.sections.length).toBeGreaterThanOrEqual(3);
    expect(field('organisation_name').identifying).toBe(true);
    expect(field('contact_email')).toMatchObject({ type: 'EMAIL', identifying: true });
    expect(field('contact_phone')).toMatchObject({ type: 'PHONE', identifying: true });
    expect(field('legal_form').options).toHaveLength(4);
    expect(field('region')).toMatchObject({ type: 'REGION' });
    expect(field('region').options).toHaveLength(12);
    expect(field('requested_amount')).toMatchObject({ type: 'MONEY', limits: { currency: 'MAD' } });
    expect(field('pitch_deck').type).toBe('FILE');
    expect(call.formVersions.map((version) => version.version)).toEqual([call.formVersion]);
    expect(call.decisionTemplates).toHaveLength(2);

    expect(call.rounds).toHaveLength(1);
    const [round] = call.rounds;
    expect(round).toMatchObject({ number: 1, type: 'SCORING', blind: true, scorecardsRequired: 3, method: 'NORMALISED' });
    expect(round!.criteria.map((criterion) => criterion.key)).toEqual([
      'social_impact',
      'economic_model',
      'capacity_building',
      'innovation',
      'scalability',
      'local_ecosystem',
    ]);
    for (const criterion of round!.criteria) {
      expect(criterion.weight).toBeGreaterThan(0);
      expect([`${criterion.scaleMin}..${criterion.scaleMax}`]).toEqual([expect.stringMatching(/^(0\.\.5|1\.\.10)$/)]);
      expect(Object.keys(criterion.guidance as object).sort()).toEqual(['ar', 'en', 'fr']);
    }
    expect(round!.jurors).toHaveLength(6);
  });

  it('opens round 1 with six jurors, every submitted application and balanced assignments', async () => {
    const round = await prisma.round.findFirstOrThrow({
      where: { call: { slug: DEMO_CALL_SLUG }, number: 1 },
      include: { jurors: { include: { user: true } }, applications: true, assignments: true },
    });
    expect(round.status).toBe('OPEN');
    expect(round.opensAt!.getTime()).toBeLessThan(Date.now());
    expect(Math.round((round.closesAt!.getTime() - Date.now()) / 86_400_000)).toBe(10);
    expect((round.name as Record<string, string>).fr).toBe('Présélection');

    const jurorAccounts = DEMO_ACCOUNTS.filter((account) => account.role === 'JUROR');
    expect(jurorAccounts.map((account) => account.email)).toEqual(
      ['juror@', 'juror2@', 'juror3@', 'juror4@', 'juror5@', 'juror6@'].map((name) => `${name}tahkim.example`),
    );
    expect(round.jurors.map((juror) => juror.user.email).sort()).toEqual(jurorAccounts.map((account) => account.email).sort());
    for (const juror of round.jurors) {
      expect(juror.user.roles).toEqual(['JUROR']);
      expect(juror.user.organisation).toBeTruthy();
    }

    const submitted = await prisma.application.findMany({ where: { call: { slug: DEMO_CALL_SLUG }, submittedAt: { not: null } } });
    expect(submitted).toHaveLength(32);
    expect(round.applications.map((entry) => entry.applicationId).sort()).toEqual(submitted.map((application) => application.id).sort());

    expect(round.assignments).toHaveLength(96);
    const panels = new Map<string, string[]>();
    for (const assignment of round.assignments) panels.set(assignment.applicationId, [...(panels.get(assignment.applicationId) ?? []), assignment.jurorId]);
    expect(panels.size).toBe(32);
    for (const panel of panels.values()) expect(new Set(panel).size).toBe(3);
    const loads = round.jurors.map((juror) => round.assignments.filter((assignment) => assignment.jurorId === juror.id).length);
    expect(loads).toEqual([16, 16, 16, 16, 16, 16]);
  });

  it('scores round 1: submitted scorecards with rule 1 scores, the demo juror with work left, a harsh juror', async () => {
    const round = await prisma.round.findFirstOrThrow({
      where: { call: { slug: DEMO_CALL_SLUG }, number: 1 },
      include: { criteria: true, jurors: { include: { user: true } } },
    });
    const assignments = await prisma.assignment.findMany({
      where: { roundId: round.id },
      include: { scorecard: { include: { values: true } }, application: true },
    });
    const emailOf = new Map(round.jurors.map((juror) => [juror.id, juror.user.email]));
    const cards = assignments.flatMap((assignment) => (assignment.scorecard ? [{ ...assignment.scorecard, assignment }] : []));
    const submitted = cards.filter((card) => card.status === 'SUBMITTED');
    const drafts = cards.filter((card) => card.status === 'DRAFT');
    expect(submitted).toHaveLength(90);
    expect(drafts).toHaveLength(2);

    // The demo juror people sign in as: 16 applications, 10 submitted, 2 drafts, 4 not started.
    const mine = assignments.filter((assignment) => emailOf.get(assignment.jurorId) === 'juror@tahkim.example');
    expect(mine).toHaveLength(16);
    expect(mine.filter((assignment) => assignment.scorecard === null)).toHaveLength(4);
    expect(mine.filter((assignment) => assignment.scorecard?.status === 'DRAFT')).toHaveLength(2);
    expect(mine.filter((assignment) => assignment.scorecard?.status === 'SUBMITTED')).toHaveLength(10);
    for (const juror of round.jurors.filter((member) => member.user.email !== 'juror@tahkim.example')) {
      const theirs = assignments.filter((assignment) => assignment.jurorId === juror.id);
      expect(theirs.every((assignment) => assignment.scorecard?.status === 'SUBMITTED')).toBe(true);
    }
    for (const draft of drafts) {
      expect(draft.submittedAt).toBeNull();
      expect(draft.weightedScore).toBeNull();
      expect(draft.values.length).toBeGreaterThan(0);
      expect(draft.values.length).toBeLessThan(round.criteria.length);
    }

    // Every submitted scorecard: a value for every criterion, an integer of its scale, and rule 1 stored.
    for (const card of submitted) {
      expect(card.values).toHaveLength(round.criteria.length);
      let weighted = 0;
      let weights = 0;
      for (const criterion of round.criteria) {
        const { value } = card.values.find((candidate) => candidate.criterionId === criterion.id)!;
        expect(Number.isInteger(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(criterion.scaleMin);
        expect(value).toBeLessThanOrEqual(criterion.scaleMax);
        weighted += (criterion.weight * (value - criterion.scaleMin)) / (criterion.scaleMax - criterion.scaleMin);
        weights += criterion.weight;
      }
      expect(card.weightedScore).toBeCloseTo((100 * weighted) / weights, 9);
      expect(card.submittedAt!.getTime()).toBeLessThan(Date.now());
      expect(card.submittedAt!.getTime()).toBeGreaterThan(card.assignment.application.submittedAt!.getTime());
      expect(card.submittedAt!.getTime()).toBeGreaterThan(round.opensAt!.getTime());
    }

    // Comments in the juror's own language.
    const commented = submitted.filter((card) => card.overallComment);
    expect(commented.length).toBeGreaterThan(20);
    for (const card of commented) {
      const locale = round.jurors.find((juror) => juror.id === card.assignment.jurorId)!.user.locale;
      expect(/[\u0600-\u06FF]/.test(card.overallComment!)).toBe(locale === 'ar');
    }

    // The harsh juror (juror5) scores lowest on average, by a clear margin.
    const means = new Map(
      round.jurors.map((juror) => {
        const scores = submitted.filter((card) => card.assignment.jurorId === juror.id).map((card) => card.weightedScore!);
        return [juror.user.email, scores.reduce((sum, score) => sum + score, 0) / scores.length];
      }),
    );
    const harsh = means.get('juror5@tahkim.example')!;
    for (const [email, mean] of means) if (email !== 'juror5@tahkim.example') expect(mean - harsh).toBeGreaterThan(15);
  });

  it('gives round 1 a clear top 10, ties, disputed and incomplete applications', async () => {
    const round = await prisma.round.findFirstOrThrow({ where: { call: { slug: DEMO_CALL_SLUG }, number: 1 } });
    const { rows } = await sql.query<{ applicationId: string; jurorId: string; score: number }>(
      `SELECT a."applicationId", a."jurorId", s."weightedScore" AS score
         FROM "Scorecard" s JOIN "Assignment" a ON a."id" = s."assignmentId"
        WHERE a."roundId" = $1 AND s."status" = 'SUBMITTED'`,
      [round.id],
    );
    const applicationIds = (await prisma.roundApplication.findMany({ where: { roundId: round.id } })).map((entry) => entry.applicationId);
    const ranking = rankRound({
      applicationIds,
      scorecards: rows,
      required: round.scorecardsRequired,
      disagreementThreshold: round.disagreementThreshold,
    });
    const flagged = (flag: 'INCOMPLETE' | 'DISAGREEMENT') => ranking.filter((entry) => entry.flags.includes(flag));
    // The demo juror's 2 drafts and 4 applications not started leave 6 applications with 2 scorecards of 3.
    expect(flagged('INCOMPLETE')).toHaveLength(6);
    expect(flagged('INCOMPLETE').every((entry) => entry.submitted === 2)).toBe(true);
    expect(flagged('DISAGREEMENT').length).toBeGreaterThanOrEqual(2);
    expect(flagged('DISAGREEMENT').length).toBeLessThanOrEqual(3);

    // Normalised (the round's method): ranks 1 to 10 distinct, fully scored, with a gap before the 11th.
    const byNormalised = [...ranking].sort((x, y) => x.normalisedRank! - y.normalisedRank!);
    expect(byNormalised.slice(0, 10).map((entry) => entry.normalisedRank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(byNormalised.slice(0, 10).every((entry) => entry.flags.length === 0)).toBe(true);
    expect(byNormalised[9]!.normalisedScore! - byNormalised[10]!.normalisedScore!).toBeGreaterThan(0.2);
    const leader = await prisma.application.findUniqueOrThrow({ where: { id: byNormalised[0]!.applicationId } });
    expect(leader.title).toBe('Atelier Traiteur Solidaire');
    const shortlist = await prisma.application.findMany({ where: { id: { in: byNormalised.slice(0, 10).map((entry) => entry.applicationId) } } });
    expect(shortlist.every((application) => application.eligibilitySuggestion === 'ELIGIBLE')).toBe(true);
    // The mean method, uncorrected for the harsh juror, disagrees somewhere in the top 10.
    expect(ranking.some((entry) => entry.normalisedRank! <= 10 && entry.meanRank! > 10)).toBe(true);
    // Two applications share a rank under the mean method (exactly equal mean scores).
    const meanRanks = ranking.map((entry) => entry.meanRank);
    expect(new Set(meanRanks).size).toBeLessThan(meanRanks.length);
  });

  it('gives the sample applications consecutive references and freezes them', async () => {
    const applications = await prisma.application.findMany({ where: { submittedAt: { not: null }, call: { slug: DEMO_CALL_SLUG } }, orderBy: { submittedAt: 'asc' } });
    expect(applications.map((application) => application.reference)).toEqual(
      applications.map((application, i) => `FAB-${referenceYear(application.submittedAt!)}-${String(i + 1).padStart(4, '0')}`),
    );
    // The projects of the context page are among them, in French and in Arabic, and a few people are still drafting.
    const titles = applications.map((application) => application.title);
    expect(titles).toEqual(expect.arrayContaining(['Atelier Traiteur Solidaire', 'Vélo Médina', 'إذاعة الحوز المواطنة', 'Autonomie des mères']));
    expect(titles.filter((title) => /[\u0600-\u06FF]/.test(title ?? '')).length).toBeGreaterThanOrEqual(10);
    const drafts = await prisma.application.findMany({ where: { status: 'DRAFT', call: { slug: DEMO_CALL_SLUG } } });
    expect(drafts.length).toBeGreaterThanOrEqual(5);
    expect(drafts.every((draft) => draft.reference === null && draft.submittedAt === null)).toBe(true);
    expect(new Set(applications.map((application) => application.eligibilitySuggestion))).toEqual(new Set(['ELIGIBLE', 'INELIGIBLE']));
    const [first] = applications;
    await expect(
      prisma.application.update({ where: { id: first!.id }, data: { answers: { project_name: 'Changed' } } }),
    ).rejects.toThrow(/frozen/);
    await expect(prisma.application.delete({ where: { id: first!.id } })).rejects.toThrow(/cannot be deleted/);
    // Screening changes the status, which stays allowed.
    await prisma.application.update({ where: { id: first!.id }, data: { status: 'ELIGIBLE', version: { increment: 1 } } });
  });

  it('allocates references without gaps or duplicates under concurrency', async () => {
    const call = await prisma.call.findUniqueOrThrow({ where: { slug: DEMO_CALL_SLUG } });
    const references = await Promise.all(
      Array.from({ length: 12 }, () => prisma.$transaction((tx) => allocateApplicationReference(tx, call, 2099))),
    );
    expect(references.sort()).toEqual(Array.from({ length: 12 }, (_, i) => `FAB-2099-${String(i + 1).padStart(4, '0')}`));
    // A rolled-back submission gives its number back.
    await expect(
      prisma.$transaction(async (tx) => {
        await allocateApplicationReference(tx, call, 2099);
        throw new Error('submission failed');
      }),
    ).rejects.toThrow('submission failed');
    expect(await prisma.$transaction((tx) => allocateApplicationReference(tx, call, 2099))).toBe('FAB-2099-0013');
  });

  it('keeps scores inside their criterion scale', async () => {
    const round = await prisma.round.findFirstOrThrow({ include: { criteria: true, jurors: true } });
    // One of the demo juror's assignments not started yet.
    const assignment = await prisma.assignment.findFirstOrThrow({
      where: { roundId: round.id, scorecard: null },
      orderBy: { createdAt: 'asc' },
    });
    const scorecard = await prisma.scorecard.create({ data: { assignmentId: assignment.id } });
    const innovation = round.criteria.find((criterion) => criterion.key === 'innovation')!;
    await prisma.scoreValue.create({ data: { scorecardId: scorecard.id, criterionId: innovation.id, value: 7.5 } });
    await expect(
      prisma.scoreValue.update({
        where: { scorecardId_criterionId: { scorecardId: scorecard.id, criterionId: innovation.id } },
        data: { value: 11 },
      }),
    ).rejects.toThrow(/outside the scale \[1, 10\]/);
    // A submitted scorecard carries its weighted score.
    await expect(
      prisma.scorecard.update({ where: { id: scorecard.id }, data: { status: 'SUBMITTED', submittedAt: new Date() } }),
    ).rejects.toThrow(/Scorecard_submitted_check/);
    // An assignment outside the round is impossible (drafts are not in round 1).
    const other = await prisma.application.findFirstOrThrow({ where: { status: 'DRAFT' } });
    await expect(
      prisma.assignment.create({ data: { roundId: round.id, jurorId: round.jurors[0]!.id, applicationId: other.id } }),
    ).rejects.toThrow();
    await prisma.scorecard.delete({ where: { id: scorecard.id } });
  });
});
