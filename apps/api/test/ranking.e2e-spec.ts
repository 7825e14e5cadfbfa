import type { TRanking, TRankingRow, TRankingSelection, TShortlistConfidence } from '@tahkim/contracts';
import { jurorSeverity, krippendorffAlphaInterval, rankRound, reachingThreshold, seededRandom, shortlistConfidence, topWithTies, weightedScore, type SubmittedScore } from '@tahkim/scoring';
import { checkRankingSums } from '@tahkim/db';
import ExcelJS from 'exceljs';
import { Client as SqlClient } from 'pg';
import { ResultsService } from '../src/modules/results/results.service';
import { createApplication } from './support/application-factory';
import { createCall } from './support/call-factory';
import { createUser } from './support/factories';
import { addApplicationsToRound, addJuror, assign, createRound, type RoundCriterionOptions } from './support/round-factory';
import { APP_ORIGIN, createTestApp, type Client, type TestApp } from './support/test-app';

const browser = { Origin: APP_ORIGIN, 'Accept-Language': 'en' };
const NOT_FOUND = { statusCode: 404, code: 'NOT_FOUND', message: 'The requested item was not found.', requestId: expect.any(String) };

type Round = Awaited<ReturnType<typeof createRound>>;

/** Deterministic pseudo-random numbers, so a failing case can be replayed. */
function prng(seed: number) {
  const next = seededRandom(seed);
  return { next, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

/** Rule 1 for values given in criterion order. */
const scoreOf = (round: Round, values: number[]) => weightedScore(round.criteria, new Map(round.criteria.map((c, i) => [c.id, values[i]!])));

describe('round results: ranking, exports and scorecards', () => {
  let t: TestApp;
  let staffUser: Awaited<ReturnType<typeof createUser>>;
  let staff: Client;
  let call: Awaited<ReturnType<typeof createCall>>;
  /** Applications of the test call (ELIGIBLE), shared by the rounds below. */
  let pool: string[];
  let jurorUsers: Array<Awaited<ReturnType<typeof createUser>>>;

  async function signIn(user: { email: string; password: string }): Promise<Client> {
    const agent = t.agent();
    await agent.post('/api/auth/login').set(browser).send({ email: user.email, password: user.password }).expect(200);
    return agent;
  }

  /** Writes a scorecard as the scorecard routes leave it (weighted score stored at submission). */
  async function scorecard(round: Round, jurorId: string, applicationId: string, values: number[], status: 'SUBMITTED' | 'DRAFT' = 'SUBMITTED', comment: string | null = null) {
    const assignment = await assign(t.prisma, round.id, jurorId, applicationId);
    const score = scoreOf(round, values);
    await t.prisma.scorecard.create({
      data: {
        assignmentId: assignment.id,
        status,
        overallComment: comment,
        weightedScore: status === 'SUBMITTED' ? score : null,
        submittedAt: status === 'SUBMITTED' ? new Date() : null,
        values: { createMany: { data: round.criteria.map((c, i) => ({ criterionId: c.id, value: values[i]! })) } },
      },
    });
    return assignment;
  }

  beforeAll(async () => {
    t = await createTestApp();
    staffUser = await createUser(t.prisma, { roles: ['STAFF'] });
    staff = await signIn(staffUser);
    call = await createCall(t.prisma, { createdById: staffUser.id });
    pool = [];
    for (let i = 0; i < 30; i += 1) {
      const owner = await createUser(t.prisma);
      pool.push((await createApplication(t.prisma, { callId: call.id, ownerId: owner.id, status: 'ELIGIBLE', title: `Projet ${i + 1}` })).id);
    }
    jurorUsers = [];
    for (let i = 0; i < 8; i += 1) jurorUsers.push(await createUser(t.prisma, { roles: ['JUROR'] }));
    // Round 1 takes every eligible application of the call; the cases below use rounds 2, 3... with their own selection.
    await createRound(t.prisma, { callId: call.id });
  });
  afterAll(async () => t.close());

  it('follows DESIGN.md on a round computed by hand: both methods, shared ranks, unranked last, flags, standard errors, alpha, severity', async () => {
    // One criterion on 0..10, so S = 10 * value.
    const round = await createRound(t.prisma, { callId: call.id, scorecardsRequired: 2, criteria: [{ key: 'overall', weight: 1, scaleMin: 0, scaleMax: 10 }] });
    await t.prisma.round.update({ where: { id: round.id }, data: { disagreementThreshold: 15 } });
    const [p, q, r, v, u] = pool as [string, string, string, string, string];
    await addApplicationsToRound(t.prisma, round.id, [p, q, r, v, u]);
    const [a, b, c] = await Promise.all(jurorUsers.slice(0, 3).map((user) => addJuror(t.prisma, round.id, user.id)));
    // A: P 80, Q 60, R 40 (mu 60, sigma 16.33); B: P 60, Q 60 (sigma 0: z = 0); C: R 90, V 60 (mu 75, sigma 15).
    await scorecard(round, a!.id, p, [8]);
    await scorecard(round, a!.id, q, [6]);
    await scorecard(round, a!.id, r, [4]);
    await scorecard(round, b!.id, p, [6]);
    await scorecard(round, b!.id, q, [6]);
    await scorecard(round, c!.id, r, [9]);
    await scorecard(round, c!.id, v, [6]);
    // A draft never counts, anywhere.
    await scorecard(round, a!.id, u, [10], 'DRAFT');

    const res = await staff.get(`/api/rounds/${round.id}/ranking?method=mean`).set({ ...browser, 'Accept-Encoding': 'gzip' }).expect(200);
    // Rankings are large: they travel compressed to browsers that accept it.
    expect(res.headers['content-encoding']).toBe('gzip');
    const ranking = res.body as TRanking;
    const row = (id: string) => ranking.items.find((item) => item.applicationId === id)!;
    expect(ranking.method).toBe('mean');
    expect(ranking.items.map((item) => item.applicationId)).toEqual([p, r, ...[q, v].sort((x, y) => row(x).reference!.localeCompare(row(y).reference!)), u]);

    const sigmaA = Math.sqrt(800 / 3);
    const zA = 20 / sigmaA;
    expect(row(p)).toMatchObject({ meanScore: 70, meanRank: 1, normalisedRank: 1, rank: 1, submitted: 2, required: 2, assigned: 2, flags: [] });
    expect(row(p).normalisedScore).toBeCloseTo(zA / 2, 12);
    expect(row(p).standardError).toBeCloseTo(10, 12);
    expect(row(r)).toMatchObject({ meanScore: 65, meanRank: 2, normalisedRank: 3, rankDifference: -1, flags: ['DISAGREEMENT'] });
    expect(row(r).normalisedScore).toBeCloseTo((-zA + 1) / 2, 12);
    expect(row(r).standardError).toBeCloseTo(25, 12);
    expect(row(r).spread).toBeCloseTo(25, 12);
    // Q and V tie on the mean (60): they share rank 3 and the next would be 5.
    expect(row(q)).toMatchObject({ meanScore: 60, meanRank: 3, normalisedScore: 0, normalisedRank: 2, rankDifference: 1, standardError: 0, flags: [] });
    expect(row(v)).toMatchObject({ meanScore: 60, meanRank: 3, normalisedScore: -1, normalisedRank: 4, standardError: null, flags: ['INCOMPLETE'] });
    expect(row(u)).toMatchObject({ meanScore: null, normalisedScore: null, meanRank: null, normalisedRank: null, rank: null, rankDifference: null, standardError: null, submitted: 0, assigned: 1, flags: ['INCOMPLETE'] });
    expect(row(p).criterionMeans).toEqual([7]);
    expect(row(u).criterionMeans).toEqual([null]);
    expect(ranking.totals).toEqual({ applications: 5, ranked: 4, submittedScorecards: 7, draftScorecards: 1 });

    // Alpha over units P (80, 60), Q (60, 60), R (40, 90): D_o = 5800 / 6, D_e = 18600 / 30.
    expect(ranking.reliability.overall.alpha).toBeCloseTo(1 - 5800 / 6 / 620, 12);
    expect(ranking.reliability.overall).toMatchObject({ reading: 'LOW', pairableUnits: 3, pairableValues: 6 });
    expect(ranking.reliability.criteria[0]!.alpha).toBeCloseTo(1 - 5800 / 6 / 620, 12);

    const juror = (id: string) => ranking.jurors.find((j) => j.jurorId === id)!;
    expect(juror(a!.id)).toMatchObject({ count: 3, meanScore: 60, minScore: 40, maxScore: 80, meanDeviationFromPeers: -10 });
    expect(juror(a!.id).spread).toBeCloseTo(sigmaA, 12);
    expect(juror(a!.id).meanZ).toBeCloseTo(0, 12);
    expect(juror(b!.id)).toMatchObject({ count: 2, meanScore: 60, spread: 0, meanZ: 0, meanDeviationFromPeers: -10 });
    expect(juror(c!.id)).toMatchObject({ count: 2, meanScore: 75, spread: 15, meanDeviationFromPeers: 50 });

    // The normalised order, and the round's own method by default.
    const normalised = (await staff.get(`/api/rounds/${round.id}/ranking`).set(browser).expect(200)).body as TRanking;
    expect(normalised.method).toBe('normalised');
    expect(normalised.items.map((item) => item.applicationId)).toEqual([p, q, r, v, u]);
    expect(normalised.items.map((item) => item.rank)).toEqual([1, 2, 3, 4, null]);
  });

  it('matches packages/scoring on many random rounds (ties, drafts, single scorecards, flat jurors, empty applications)', async () => {
    const criteriaShapes: RoundCriterionOptions[][] = [
      [{ key: 'only', weight: 1, scaleMin: 0, scaleMax: 5 }],
      [
        { key: 'impact', weight: 3, scaleMin: 0, scaleMax: 5 },
        { key: 'model', weight: 2, scaleMin: 1, scaleMax: 10 },
        { key: 'team', weight: 1.5, scaleMin: -2, scaleMax: 2 },
      ],
      [
        { key: 'a', weight: 1, scaleMin: 0, scaleMax: 3 },
        { key: 'b', weight: 1, scaleMin: 0, scaleMax: 3 },
      ],
    ];
    for (let seed = 1; seed <= 24; seed += 1) {
      const random = prng(seed * 7919);
      const shape = criteriaShapes[seed % criteriaShapes.length]!;
      const required = random.int(1, 4);
      const round = await createRound(t.prisma, { callId: call.id, scorecardsRequired: required, criteria: shape });
      const threshold = [5, 10, 15, 25][random.int(0, 3)]!;
      await t.prisma.round.update({ where: { id: round.id }, data: { disagreementThreshold: threshold } });
      const applications = pool.filter(() => random.next() < 0.6);
      await addApplicationsToRound(t.prisma, round.id, applications);
      const jurors = [];
      for (const user of jurorUsers.slice(0, random.int(1, jurorUsers.length))) jurors.push(await addJuror(t.prisma, round.id, user.id));
      // A flat juror (always the same values) in some rounds, and coarse values so that exact ties happen.
      const flatJuror = random.next() < 0.4 ? jurors[0]!.id : null;
      const cards: SubmittedScore[] = [];
      const coded: Array<{ unitId: string; coderId: string; criterion: string; value: number }> = [];
      for (const applicationId of applications) {
        for (const juror of jurors) {
          if (random.next() > 0.45) continue;
          const values = round.criteria.map((c) => (juror.id === flatJuror ? c.scaleMax : random.int(c.scaleMin, c.scaleMax)));
          const status = random.next() < 0.8 ? 'SUBMITTED' : 'DRAFT';
          await scorecard(round, juror.id, applicationId, values, status);
          if (status === 'SUBMITTED') {
            const score = scoreOf(round, values)!;
            cards.push({ applicationId, jurorId: juror.id, score });
            round.criteria.forEach((c, i) => coded.push({ unitId: applicationId, coderId: juror.id, criterion: c.id, value: values[i]! }));
          }
        }
      }

      for (const method of ['mean', 'normalised'] as const) {
        // Pages first (a computation made for a page reads the rows' details for the rows shown), with a filter.
        const flag = (['INCOMPLETE', 'DISAGREEMENT', 'none', undefined] as const)[random.int(0, 3)];
        const filter = flag ? `&flag=${flag}` : '';
        const paged: TRankingRow[] = [];
        let total = -1;
        for (let offset = 0; total < 0 || offset < total; offset += 7) {
          const page = (await staff.get(`/api/rounds/${round.id}/ranking?method=${method}${filter}&offset=${offset}&limit=7`).set(browser).expect(200)).body as TRanking;
          total = page.page!.total;
          expect(page.page).toEqual({ offset, limit: 7, total });
          paged.push(...page.items);
        }
        const top = random.int(1, 6);
        const selectTop = (await staff.get(`/api/rounds/${round.id}/ranking/selection?method=${method}${filter}&top=${top}`).set(browser).expect(200)).body as TRankingSelection;
        const scoreCut = method === 'mean' ? random.int(20, 80) : random.int(-10, 10) / 10;
        const selectThreshold = (await staff.get(`/api/rounds/${round.id}/ranking/selection?method=${method}${filter}&threshold=${scoreCut}`).set(browser).expect(200))
          .body as TRankingSelection;

        const ranking = (await staff.get(`/api/rounds/${round.id}/ranking?method=${method}`).set(browser).expect(200)).body as TRanking;
        const matching = ranking.items.filter((row) => flag === undefined || (flag === 'none' ? row.flags.length === 0 : row.flags.includes(flag)));
        expect({ seed, method, flag, paged }).toEqual({ seed, method, flag, paged: matching });
        expect(total).toBe(matching.length);
        const entries = matching.map((row) => ({ id: row.applicationId, rank: row.rank, score: method === 'mean' ? row.meanScore : row.normalisedScore }));
        expect(selectTop.applicationIds).toEqual(topWithTies(entries, top));
        expect(selectThreshold.applicationIds).toEqual(reachingThreshold(entries, scoreCut));
        const expected = rankRound({ applicationIds: applications, scorecards: cards, required, disagreementThreshold: threshold });
        const context = `seed ${seed}, method ${method}`;
        expect({ context, count: ranking.items.length }).toEqual({ context, count: applications.length });
        for (const want of expected) {
          const got = ranking.items.find((item) => item.applicationId === want.applicationId) as TRankingRow;
          expect({ context, id: want.applicationId, meanRank: got.meanRank, normalisedRank: got.normalisedRank, submitted: got.submitted, flags: got.flags }).toEqual({
            context,
            id: want.applicationId,
            meanRank: want.meanRank,
            normalisedRank: want.normalisedRank,
            submitted: want.submitted,
            flags: want.flags,
          });
          for (const key of ['meanScore', 'normalisedScore', 'standardError', 'spread'] as const) {
            if (want[key] === null) expect({ context, key, value: got[key] }).toEqual({ context, key, value: null });
            else expect(Math.abs((got[key] as number) - want[key])).toBeLessThan(1e-9);
          }
          const mine = coded.filter((value) => value.unitId === want.applicationId);
          round.criteria.forEach((c, i) => {
            const values = mine.filter((value) => value.criterion === c.id).map((value) => value.value);
            const mean = values.length === 0 ? null : values.reduce((s, x) => s + x, 0) / values.length;
            if (mean === null) expect(got.criterionMeans[i]).toBeNull();
            else expect(Math.abs(got.criterionMeans[i]! - mean)).toBeLessThan(1e-9);
          });
        }
        // Listed by rank under the method, unranked last.
        const ranks = ranking.items.map((item) => item.rank ?? Number.POSITIVE_INFINITY);
        expect(ranks).toEqual([...ranks].sort((x, y) => x - y));

        const severities = jurorSeverity(cards);
        expect(ranking.jurors.length).toBe(severities.length);
        for (const want of severities) {
          const got = ranking.jurors.find((j) => j.jurorId === want.jurorId)!;
          expect(got.count).toBe(want.count);
          for (const key of ['meanScore', 'spread', 'meanZ'] as const) expect(Math.abs(got[key] - want[key])).toBeLessThan(1e-9);
          if (want.meanDeviationFromPeers === null) expect(got.meanDeviationFromPeers).toBeNull();
          else expect(Math.abs(got.meanDeviationFromPeers! - want.meanDeviationFromPeers)).toBeLessThan(1e-9);
        }

        const overall = krippendorffAlphaInterval(cards.map((card) => ({ unitId: card.applicationId, coderId: card.jurorId, value: card.score })));
        expectAlpha(ranking.reliability.overall.alpha, overall, context);
        round.criteria.forEach((c, i) => {
          const alpha = krippendorffAlphaInterval(coded.filter((v) => v.criterion === c.id).map((v) => ({ unitId: v.unitId, coderId: v.coderId, value: v.value })));
          expectAlpha(ranking.reliability.criteria[i]!.alpha, alpha, `${context}, criterion ${c.key}`);
        });
      }
    }
  }, 180_000);

  function expectAlpha(got: number | null, want: number | null, context: string) {
    if (want === null) expect({ context, alpha: got }).toEqual({ context, alpha: null });
    else expect({ context, close: got !== null && Math.abs(got - want) < 1e-9 }).toEqual({ context, close: true });
  }

  it('pages the ranking with filters (flag, region, eligibility) and selects over the whole of it, whichever page is shown', async () => {
    const round = await createRound(t.prisma, { callId: call.id, scorecardsRequired: 2, criteria: [{ key: 'overall', weight: 1, scaleMin: 0, scaleMax: 10 }] });
    const regions = ['MA-01', 'MA-09', 'MA-01', 'MA-06', 'MA-01', 'MA-09'];
    const apps: string[] = [];
    for (const [i, region] of regions.entries()) {
      const owner = await createUser(t.prisma);
      const application = await createApplication(t.prisma, {
        callId: call.id,
        ownerId: owner.id,
        status: 'ELIGIBLE',
        title: `Page ${i}`,
        answers: { region },
        eligibilitySuggestion: i % 2 === 0 ? 'ELIGIBLE' : 'UNSURE',
      });
      apps.push(application.id);
    }
    await addApplicationsToRound(t.prisma, round.id, apps);
    const [a, b] = await Promise.all(jurorUsers.slice(0, 2).map((user) => addJuror(t.prisma, round.id, user.id)));
    // Means 90, 80, 70, 60, 50 (the first five, two scorecards each but the fourth); the sixth unscored.
    for (const [i, value] of [9, 8, 7, 6, 5].entries()) {
      await scorecard(round, a!.id, apps[i]!, [value]);
      if (i !== 3) await scorecard(round, b!.id, apps[i]!, [value]);
    }
    const get = async (query: string) => (await staff.get(`/api/rounds/${round.id}/ranking?method=mean&${query}`).set(browser).expect(200)).body as TRanking;

    const first = await get('limit=2');
    expect(first.items.map((row) => [row.applicationId, row.rank, row.title])).toEqual([
      [apps[0], 1, 'Page 0'],
      [apps[1], 2, 'Page 1'],
    ]);
    expect(first.page).toEqual({ offset: 0, limit: 2, total: 6 });
    expect(first.totals).toMatchObject({ applications: 6, ranked: 5, submittedScorecards: 9 });
    expect(first.distribution.map((bin) => bin.count)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect((await get('offset=4&limit=2')).items.map((row) => [row.applicationId, row.rank])).toEqual([
      [apps[4], 5],
      [apps[5], null],
    ]);
    expect((await get('offset=10&limit=2')).items).toEqual([]);

    const region = await get('region=MA-01');
    expect(region.items.map((row) => row.applicationId)).toEqual([apps[0], apps[2], apps[4]]);
    expect(region.items.map((row) => row.region)).toEqual(['MA-01', 'MA-01', 'MA-01']);
    expect(region.page).toEqual({ offset: 0, limit: null, total: 3 });
    expect((await get('eligibility=UNSURE&limit=1')).items.map((row) => row.applicationId)).toEqual([apps[1]]);
    expect((await get('flag=INCOMPLETE')).items.map((row) => row.applicationId)).toEqual([apps[3], apps[5]]);
    expect((await get('flag=none&region=MA-09')).items.map((row) => row.applicationId)).toEqual([apps[1]]);

    // The whole ranking, read afterwards, shows the same rows.
    const whole = (await staff.get(`/api/rounds/${round.id}/ranking?method=mean`).set(browser).expect(200)).body as TRanking;
    expect(whole.page).toBeUndefined();
    expect(whole.items.slice(0, 2)).toEqual(first.items);
    expect(whole.distribution).toEqual(first.distribution);

    const select = async (query: string) => ((await staff.get(`/api/rounds/${round.id}/ranking/selection?method=mean&${query}`).set(browser).expect(200)).body as TRankingSelection).applicationIds;
    expect(await select('top=2')).toEqual([apps[0], apps[1]]);
    expect(await select('top=2&region=MA-01')).toEqual([apps[0], apps[2]]);
    expect(await select('threshold=70')).toEqual([apps[0], apps[1], apps[2]]);
    expect(await select('threshold=70&eligibility=ELIGIBLE')).toEqual([apps[0], apps[2]]);

    for (const query of ['limit=0', 'limit=501', 'offset=-1', 'limit=two', 'flag=LATE', 'eligibility=MAYBE', 'page=2']) {
      const bad = await staff.get(`/api/rounds/${round.id}/ranking?${query}`).set({ ...browser, 'Accept-Language': 'fr' }).expect(400);
      expect(bad.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    }
    for (const query of ['', 'top=2&threshold=50', 'top=0', 'threshold=abc', 'limit=2&top=1']) {
      const bad = await staff.get(`/api/rounds/${round.id}/ranking/selection?${query}`).set({ ...browser, 'Accept-Language': 'ar' }).expect(400);
      expect(bad.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    }
  });

  it('serves the ranking and its exports from the cache until a change it shows: a reopened scorecard, a withdrawal, a criterion, a juror name', async () => {
    const round = await createRound(t.prisma, { callId: call.id, scorecardsRequired: 1 });
    const apps: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const owner = await createUser(t.prisma);
      apps.push((await createApplication(t.prisma, { callId: call.id, ownerId: owner.id, status: 'ELIGIBLE', title: `Cache ${i}` })).id);
    }
    const [first, second] = apps as [string, string];
    await addApplicationsToRound(t.prisma, round.id, apps);
    const juror = await addJuror(t.prisma, round.id, jurorUsers[0]!.id);
    const firstAssignment = await scorecard(round, juror.id, first, [5, 4, 9]);
    await scorecard(round, juror.id, second, [1, 1, 2]);

    const computations = jest.spyOn(t.app.get(ResultsService), 'computeRanking');
    const get = async (method = 'mean') => (await staff.get(`/api/rounds/${round.id}/ranking?method=${method}`).set(browser).expect(200)).body as TRanking;
    const before = await get();
    expect(before.items.map((item) => [item.applicationId, item.submitted])).toEqual([[first, 1], [second, 1]]);
    expect(await get()).toEqual(before);
    await get('normalised');
    await staff.get(`/api/rounds/${round.id}/ranking.csv?method=mean`).set(browser).expect(200);
    await staff.get(`/api/rounds/${round.id}/ranking.xlsx`).set(browser).expect(200);
    expect(computations).toHaveBeenCalledTimes(1);

    // Written to the database directly, as another API replica would: the stamp tells this one.
    await t.prisma.scorecard.update({ where: { assignmentId: firstAssignment.id }, data: { status: 'DRAFT', weightedScore: null, submittedAt: null } });
    const reopened = await get();
    expect(reopened.items.map((item) => [item.applicationId, item.submitted])).toEqual([[second, 1], [first, 0]]);
    expect(reopened.totals).toMatchObject({ submittedScorecards: 1, draftScorecards: 1 });
    expect(computations).toHaveBeenCalledTimes(2);

    await t.prisma.application.update({ where: { id: second }, data: { status: 'WITHDRAWN', withdrawnAt: new Date() } });
    expect((await get()).items.map((item) => item.applicationId)).toEqual([first]);

    const criterion = round.criteria[0]!;
    await t.prisma.criterion.update({ where: { id: criterion.id }, data: { label: { ar: 'م', fr: 'Nouveau nom', en: 'New name' } } });
    expect((await get()).criteria[0]!.label.fr).toBe('Nouveau nom');

    await t.prisma.scorecard.update({ where: { assignmentId: firstAssignment.id }, data: { status: 'SUBMITTED', weightedScore: 50, submittedAt: new Date() } });
    await t.prisma.user.update({ where: { id: jurorUsers[0]!.id }, data: { displayName: 'Nouveau nom de juré' } });
    expect((await get()).jurors.map((j) => j.displayName)).toEqual(['Nouveau nom de juré']);
    expect(computations).toHaveBeenCalledTimes(5);
    computations.mockRestore();
  });

  it('leaves the ranking aggregates equal to a full recomputation after every write of these tests', async () => {
    const sql = new SqlClient({ connectionString: process.env.DATABASE_URL });
    await sql.connect();
    try {
      expect((await checkRankingSums(sql)).differences).toEqual([]);
    } finally {
      await sql.end();
    }
  });

  it('exports every column as CSV and XLSX, in the caller language, Arabic intact', async () => {
    const round = await createRound(t.prisma, { callId: call.id, scorecardsRequired: 1 });
    const [first, second] = pool as [string, string];
    await t.prisma.application.update({ where: { id: first }, data: { title: 'مطبخ التضامن' } });
    const juror = await addJuror(t.prisma, round.id, jurorUsers[0]!.id);
    await scorecard(round, juror.id, first, [5, 4, 9]);
    await scorecard(round, juror.id, second, [1, 1, 2]);

    const csv = await staff.get(`/api/rounds/${round.id}/ranking.csv?method=mean`).set({ ...browser, 'Accept-Language': 'ar' }).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="ranking-round-${round.number}-mean.csv"`);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    // The rank names its method and is followed by that method's score.
    expect(lines[0]!.split(',').slice(0, 4)).toEqual(['الرتبة (حسب المتوسط)', 'النقطة التي يُرتَّب بها: المتوسط (0-100)', 'المرجع', 'المشروع']);
    expect(lines[0]).toContain('الأثر الاجتماعي (0-5)');
    expect(lines).toHaveLength(3);
    expect(lines[1]!.split(',')[0]).toBe('1');
    const meanColumn = lines[0]!.split(',').indexOf('متوسط النقطة (0-100)');
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual(lines.slice(1).map((line) => line.split(',')[meanColumn]));
    expect(Number(lines[1]!.split(',')[1])).toBeGreaterThan(Number(lines[2]!.split(',')[1]));
    expect(lines[1]).toContain('مطبخ التضامن');

    const xlsx = await staff.get(`/api/rounds/${round.id}/ranking.xlsx`).set({ ...browser, 'Accept-Language': 'fr' }).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body as Buffer as never);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Classement');
    expect(sheet.getRow(1).getCell(1).value).toBe('Rang (normalisé)');
    expect(sheet.getRow(1).getCell(2).value).toBe('Score qui classe : normalisé (z)');
    expect(sheet.getRow(1).getCell(8).value).toBe('Note moyenne (0-100)');
    expect(sheet.getRow(1).getCell(10).value).toBe('Score normalisé (z)');
    expect(sheet.getRow(2).getCell(2).value).toBe(sheet.getRow(2).getCell(10).value);
    expect(sheet.getRow(2).getCell(4).value).toBe('مطبخ التضامن');
    expect(sheet.rowCount).toBe(3);
  });

  it("shows staff every juror's scorecard of an application, drafts marked, and 404 for an application outside the round", async () => {
    const round = await createRound(t.prisma, { callId: call.id });
    const [application, outside] = pool as [string, string];
    const [a, b, c] = await Promise.all(jurorUsers.slice(0, 3).map((user) => addJuror(t.prisma, round.id, user.id)));
    await scorecard(round, a!.id, application, [4, 3, 7], 'SUBMITTED', 'Projet solide');
    await scorecard(round, b!.id, application, [2, 2, 2], 'DRAFT');
    await assign(t.prisma, round.id, c!.id, application);
    const res = await staff.get(`/api/rounds/${round.id}/applications/${application}/scorecards`).set(browser).expect(200);
    expect(res.body.items.map((item: { status: string }) => item.status)).toEqual(['SUBMITTED', 'DRAFT']);
    expect(res.body.items[0]).toMatchObject({ juror: { id: a!.id, email: jurorUsers[0]!.email }, overallComment: 'Projet solide', values: round.criteria.map((cr, i) => ({ criterionId: cr.id, value: [4, 3, 7][i] })) });
    expect(res.body.items[1].weightedScore).toBeNull();
    expect(res.body.notStarted).toEqual([{ jurorId: c!.id, displayName: jurorUsers[2]!.displayName }]);
    expect((await staff.get(`/api/rounds/${round.id}/applications/${outside}/scorecards`).set(browser).expect(404)).body).toEqual(NOT_FOUND);
  });

  it("gives each application its probability of being in the shortlist, as packages/scoring's bootstrap does, and computes it again after a change", async () => {
    const round = await createRound(t.prisma, { callId: call.id, scorecardsRequired: 2, criteria: [{ key: 'overall', weight: 1, scaleMin: 0, scaleMax: 10 }] });
    const apps = pool.slice(10, 16);
    await addApplicationsToRound(t.prisma, round.id, apps);
    const jurors = await Promise.all(jurorUsers.slice(0, 3).map((user) => addJuror(t.prisma, round.id, user.id)));
    const random = prng(77);
    const cards: SubmittedScore[] = [];
    // The last application has no scorecard: no probability.
    for (const [i, applicationId] of apps.slice(0, 5).entries()) {
      for (const juror of [jurors[i % 3]!, jurors[(i + 1) % 3]!]) {
        const value = random.int(2, 9);
        await scorecard(round, juror.id, applicationId, [value]);
        cards.push({ applicationId, jurorId: juror.id, score: 10 * value });
      }
    }
    const expected = (method: 'mean' | 'normalised', cut: { size: number } | { threshold: number }) => {
      const ids = [...apps].sort();
      // In the order the API reads them (by application, then juror).
      const key = (card: SubmittedScore) => `${card.applicationId}|${card.jurorId}`;
      const ordered = [...cards].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0));
      const p = shortlistConfidence({ applicationIds: ids, scorecards: ordered, method, cut });
      return ids.map((applicationId, i) => ({ applicationId, probability: p[i] }));
    };
    const bySize = (await staff.get(`/api/rounds/${round.id}/shortlist-confidence?size=2&method=mean`).set(browser).expect(200)).body as TShortlistConfidence;
    expect(bySize).toMatchObject({ roundId: round.id, method: 'mean', size: 2, threshold: null, resamples: 500 });
    expect(bySize.items).toEqual(expected('mean', { size: 2 }));
    expect(bySize.items.find((item) => item.applicationId === apps[5])!.probability).toBeNull();
    // Without a scorecard's doubt the probabilities of a shortlist of 2 add up to 2 at most.
    expect(bySize.items.reduce((sum, item) => sum + (item.probability ?? 0), 0)).toBeGreaterThanOrEqual(2 - 1e-9);
    const normalised = (await staff.get(`/api/rounds/${round.id}/shortlist-confidence?size=2`).set(browser).expect(200)).body as TShortlistConfidence;
    expect(normalised.method).toBe('normalised');
    expect(normalised.items).toEqual(expected('normalised', { size: 2 }));
    const byThreshold = (await staff.get(`/api/rounds/${round.id}/shortlist-confidence?threshold=55&method=mean`).set(browser).expect(200)).body as TShortlistConfidence;
    expect(byThreshold).toMatchObject({ size: null, threshold: 55 });
    expect(byThreshold.items).toEqual(expected('mean', { threshold: 55 }));

    // The exports carry it as a column when asked for a shortlist size.
    const csv = (await staff.get(`/api/rounds/${round.id}/ranking.csv?size=2&method=mean`).set(browser).expect(200)).text;
    const [header, ...lines] = csv.replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    const column = header!.split(',').indexOf('Chance of being in the top 2 (%)');
    expect(column).toBeGreaterThan(0);
    const percents = lines.map((line) => line.split(',')[column]).filter((cell) => cell !== '').map(Number);
    expect(percents.reduce((a, b) => a + b, 0)).toBeCloseTo(100 * bySize.items.reduce((sum, item) => sum + (item.probability ?? 0), 0), 0);
    expect((await staff.get(`/api/rounds/${round.id}/ranking.csv?method=mean`).set(browser).expect(200)).text).not.toContain('Chance of being');

    // A new scorecard changes the answer.
    await scorecard(round, jurors[2]!.id, apps[5]!, [10]);
    cards.push({ applicationId: apps[5]!, jurorId: jurors[2]!.id, score: 100 });
    const after = (await staff.get(`/api/rounds/${round.id}/shortlist-confidence?size=2&method=mean`).set(browser).expect(200)).body as TShortlistConfidence;
    expect(after.items).toEqual(expected('mean', { size: 2 }));
    expect(after.items.find((item) => item.applicationId === apps[5])!.probability).toBeGreaterThan(0);

    // One cut, no more and no less, with a localised error.
    for (const query of ['', '?size=2&threshold=50', '?size=0', '?size=two', '?threshold=abc']) {
      const bad = await staff.get(`/api/rounds/${round.id}/shortlist-confidence${query}`).set({ ...browser, 'Accept-Language': 'fr' }).expect(400);
      expect(bad.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    }
  });

  it('answers 404 to jurors (even of the round) and applicants on every results route, 401 without a session, and refuses a bad method', async () => {
    const round = await createRound(t.prisma, { callId: call.id });
    const application = pool[0]!;
    const jurorUser = await createUser(t.prisma, { roles: ['JUROR'] });
    const juror = await addJuror(t.prisma, round.id, jurorUser.id);
    await scorecard(round, juror.id, application, [3, 3, 3]);
    const applicantUser = await createUser(t.prisma);
    const admin = await signIn(await createUser(t.prisma, { roles: ['ADMIN'] }));
    const routes = [
      `/api/rounds/${round.id}/ranking`,
      `/api/rounds/${round.id}/ranking?method=mean`,
      `/api/rounds/${round.id}/ranking.csv`,
      `/api/rounds/${round.id}/ranking.xlsx`,
      `/api/rounds/${round.id}/applications/${application}/scorecards`,
      `/api/rounds/${round.id}/shortlist-confidence?size=1`,
      `/api/rounds/${round.id}/ranking?limit=10&flag=none`,
      `/api/rounds/${round.id}/ranking/selection?top=1`,
    ];
    const jurorClient = await signIn(jurorUser);
    const applicantClient = await signIn(applicantUser);
    for (const route of routes) {
      expect((await jurorClient.get(route).set(browser).expect(404)).body).toEqual(NOT_FOUND);
      expect((await applicantClient.get(route).set(browser).expect(404)).body).toEqual(NOT_FOUND);
      expect((await t.http().get(route).set(browser).expect(401)).body.code).toBe('UNAUTHENTICATED');
      await staff.get(route).set(browser).expect(200);
      await admin.get(route).set(browser).expect(200);
    }
    for (const route of ['ranking', 'ranking.csv', 'ranking.xlsx', `applications/${application}/scorecards`, 'shortlist-confidence?size=1', 'ranking?limit=5', 'ranking/selection?top=3']) {
      expect((await staff.get(`/api/rounds/${'0190f5d2-0000-7000-8000-000000000000'}/${route}`).set(browser).expect(404)).body).toEqual(NOT_FOUND);
      expect((await staff.get(`/api/rounds/not-a-uuid/${route}`).set(browser).expect(404)).body).toEqual(NOT_FOUND);
    }
    const bad = await staff.get(`/api/rounds/${round.id}/ranking?method=median`).set({ ...browser, 'Accept-Language': 'fr' }).expect(400);
    expect(bad.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(bad.body.message).toMatch(/[a-zé]/);
  });
});
