import { Inject, Injectable } from '@nestjs/common';
import type {
  TApplicationScorecard,
  TLocalizedText,
  TRanking,
  TRankingFlag,
  TRankingQuery,
  TRankingQueryMethod,
  TRankingRow,
  TRankingSelection,
  TRankingSelectionQuery,
  TReliability,
  TShortlistConfidence,
  TShortlistConfidenceQuery,
} from '@tahkim/contracts';
import { PREPARED, type Prisma, type PrismaClient, type Sql } from '@tahkim/db';
import {
  competitionRanks,
  DEFAULT_CONFIDENCE_SEED,
  DEFAULT_RESAMPLES,
  histogramBins,
  reachingThreshold,
  reliabilityReading,
  SCORE_EPSILON,
  shortlistConfidence,
  topWithTies,
  type SubmittedScore,
} from '@tahkim/scoring';
import { AppError } from '../../common/errors/app-error';
import { PRISMA, SQL } from '../../config/config.module';
import { regionFieldKey } from '../applications/application-rules';
import { CallFormCache } from '../calls/call-form-cache';
import { roundApplicationsSql, type RoundRef } from '../rounds/round-applications';
import { RankingCache, type RankingAnswer } from './ranking-cache';
import {
  alphaFromSums,
  applicationAggregatesSql,
  applicationRegionsSql,
  criterionMeansSql,
  criterionReliabilitySql,
  jurorListSql,
  jurorPassSql,
  roundSumsSql,
  roundScoresSql,
  rowDetailsSql,
  type ApplicationRow,
  type CriterionReliabilityRow,
  type JurorPassRow,
  type JurorRecord,
  type ReliabilityRecord,
  type RoundSumsRow,
  type RowDetailsRow,
  type CriterionMeansRow,
} from './ranking.queries';

type RankingCriterion = TRanking['criteria'][number];
type RankedRow = Omit<TRankingRow, 'rank'>;

/** A round's ranking without the choice of method: rows carry both ranks; `withMethod` orders them. */
export interface RankingBase extends Omit<TRanking, 'method' | 'items' | 'page'> {
  rows: RankedRow[];
}

/** What a row shows besides its order, scores and flags (read for the rows shown, not by the first computation). */
type RowDetails = Pick<RankedRow, 'title' | 'status' | 'region' | 'assigned' | 'advanced' | 'criterionMeans'> & { sampleStd: number | null };

/**
 * A round's ranking as computed for one RankingStamp: every row's order, scores, ranks and flags (what
 * a row only shows is left empty: see RowDetails), and what is made from it once, when first needed.
 */
export interface RankingCore {
  base: RankingBase;
  criterionIds: string[];
  /** Each application's region, for the region filter (read when first asked for). */
  regions?: Promise<Map<string, string | null>>;
  /** Every row with its details (the whole ranking: its JSON, the exports). */
  whole?: Promise<RankingBase>;
  /** The details of every row, once `whole` has read them. */
  details?: Map<string, RowDetails>;
  /** The rows in each method's order. */
  orders: Partial<Record<TRankingQueryMethod, RankedRow[]>>;
}

/** The round's ranking method and its call's RankingStamp; no row when there is no such round. */
const ROUND_STAMP = `${PREPARED}
  SELECT r."method"::text AS "method", COALESCE(s."version", 0)::text AS "stamp"
  FROM "Round" r LEFT JOIN "RankingStamp" s ON s."callId" = r."callId" WHERE r."id" = $1::uuid`;

interface RoundRecord {
  id: string;
  callId: string;
  number: number;
  name: TLocalizedText;
  type: TRanking['round']['type'];
  status: TRanking['round']['status'];
  method: TRanking['round']['method'];
  scorecardsRequired: number;
  disagreementThreshold: number;
  blind: boolean;
  formVersion: number;
  criteria: Array<{ id: string; key: string; label: TLocalizedText; weight: number; scaleMin: number; scaleMax: number }>;
}

/** The round and its criteria in their order. */
const ROUND_FOR_RANKING = `${PREPARED}
  SELECT r."id", r."callId", r."number", r."name", r."type"::text AS "type", r."status"::text AS "status", r."method"::text AS "method",
         r."scorecardsRequired", r."disagreementThreshold", r."blind", (SELECT c."formVersion" FROM "Call" c WHERE c."id" = r."callId") AS "formVersion",
         COALESCE((SELECT json_agg(json_build_object('id', c."id", 'key', c."key", 'label', c."label", 'weight', c."weight",
                                                     'scaleMin', c."scaleMin", 'scaleMax', c."scaleMax") ORDER BY c."position", c."id")
                   FROM "Criterion" c WHERE c."roundId" = r."id"), '[]') AS "criteria"
  FROM "Round" r WHERE r."id" = $1::uuid`;

/** The call's next round, with the scorecards submitted in it. */
const NEXT_ROUND = `${PREPARED}
  SELECT r."id", r."number", r."name", r."status"::text AS "status",
         (SELECT COALESCE(sum(p."submitted"), 0)::int FROM "RankingApplicationSums" p WHERE p."roundId" = r."id") AS "submittedScorecards"
  FROM "Round" r WHERE r."callId" = $1::uuid AND r."number" = $2`;


/** Shortlist confidences kept: per round, stamp, method and cut (a large round's takes about half a second). */
const CONFIDENCE_ENTRIES = 16;

/** A round's results for staff: the ranking under both methods, the jury's reliability and severity. */
@Injectable()
export class ResultsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(SQL) private readonly sql: Sql,
    private readonly cache: RankingCache<RankingCore>,
    private readonly forms: CallFormCache,
  ) {}

  private readonly confidences = new Map<string, Promise<TShortlistConfidence>>();

  /**
   * Each application's probability of being in the shortlist under the method (default the round's),
   * by packages/scoring's bootstrap (500 resamples, fixed seed) over the round's submitted scorecards,
   * kept per RankingStamp like the ranking.
   */
  async shortlistConfidence(roundId: string, query: TShortlistConfidenceQuery): Promise<TShortlistConfidence> {
    const [current] = await this.sql.rows<{ method: string; stamp: string }>(ROUND_STAMP, [roundId]);
    if (!current) throw new AppError('NOT_FOUND');
    const method: TRankingQueryMethod = query.method ?? (current.method === 'MEAN' ? 'mean' : 'normalised');
    const size = query.size ?? null;
    const threshold = size === null ? (query.threshold ?? null) : null;
    const key = [roundId, current.stamp, method, size, threshold].join('|');
    let answer = this.confidences.get(key);
    if (!answer) {
      answer = this.computeConfidence(roundId, method, size, threshold);
      this.confidences.set(key, answer);
      answer.catch(() => this.confidences.delete(key));
      while (this.confidences.size > CONFIDENCE_ENTRIES) this.confidences.delete(this.confidences.keys().next().value!);
    }
    return answer;
  }

  private async computeConfidence(roundId: string, method: TRankingQueryMethod, size: number | null, threshold: number | null): Promise<TShortlistConfidence> {
    const [round] = await this.sql.rows<RoundRecord>(ROUND_FOR_RANKING, [roundId]);
    if (!round) throw new AppError('NOT_FOUND');
    const applications = roundApplicationsSql(round);
    const scores = roundScoresSql(roundId);
    const [ids, cards] = await Promise.all([
      this.sql.arrays<[string]>(PREPARED + applications.text + ' ORDER BY a."id"', applications.values),
      this.sql.arrays<[string, string, number]>(PREPARED + scores.text, scores.values),
    ]);
    const applicationIds = ids.map(([id]) => id);
    const scorecards: SubmittedScore[] = cards.map(([applicationId, jurorId, score]) => ({ applicationId, jurorId, score }));
    const probabilities = shortlistConfidence({ applicationIds, scorecards, method, cut: size !== null ? { size } : { threshold: threshold! }, resamples: DEFAULT_RESAMPLES, seed: DEFAULT_CONFIDENCE_SEED });
    return {
      roundId,
      method,
      size,
      threshold,
      resamples: DEFAULT_RESAMPLES,
      seed: DEFAULT_CONFIDENCE_SEED,
      items: applicationIds.map((applicationId, i) => ({ applicationId, probability: probabilities[i] ?? null })),
    };
  }

  async ranking(roundId: string, method: TRankingQueryMethod | undefined): Promise<TRanking> {
    return (await this.rankingAnswer(roundId, method)).ranking;
  }

  /** The round's method (when none is asked for), its call's stamp and the ranking computed for that stamp. */
  private async current(roundId: string, method: TRankingQueryMethod | undefined, whole: boolean) {
    const [current] = await this.sql.rows<{ method: string; stamp: string }>(ROUND_STAMP, [roundId]);
    if (!current) throw new AppError('NOT_FOUND');
    const chosen: TRankingQueryMethod = method ?? (current.method === 'MEAN' ? 'mean' : 'normalised');
    const { entry, base } = this.cache.base(roundId, current.stamp, () => this.computeRanking(roundId, current.stamp, whole));
    return { chosen, entry, core: await base };
  }

  /**
   * The whole ranking as computed for the round's current RankingStamp (one prepared statement, which
   * also says whether the round exists), from the cache when this process has it, so the page and the
   * exports do not compute it again per request.
   */
  async rankingAnswer(roundId: string, method: TRankingQueryMethod | undefined): Promise<RankingAnswer> {
    const { chosen, entry, core } = await this.current(roundId, method, true);
    const whole = await this.whole(core);
    return this.cache.answer(entry, chosen, () => ({ ranking: () => withMethod(whole, chosen), json: rankingJson(whole, chosen) }));
  }

  /**
   * One page of the ranking: the rows the filters let through, in the method's order, from `offset`,
   * at most `limit` of them. The scores and ranks come from the computation cached per stamp; the
   * titles and criterion means of the rows shown are read for them (or taken from the whole ranking
   * when it has been read).
   */
  async rankingPage(roundId: string, query: TRankingQuery): Promise<TRanking> {
    const { chosen, core } = await this.current(roundId, query.method, false);
    const matching = await this.matchingRows(core, chosen, query);
    const offset = query.offset ?? 0;
    const limit = query.limit ?? null;
    const shown = matching.slice(offset, limit === null ? undefined : offset + limit);
    const details = core.details ?? (await this.readDetails(core, shown.map((row) => row.applicationId)));
    const { rows: _rows, ...rest } = core.base;
    const rankOf = rankOfMethod(chosen);
    return {
      ...rest,
      method: chosen,
      items: shown.map((row) => rankingItem(withDetails(row, details.get(row.applicationId)), rankOf(row))),
      page: { offset, limit, total: matching.length },
    };
  }

  /** The shortlist tools' selection over the whole ranking, among the rows the filters let through (best ranked first). */
  async selection(roundId: string, query: TRankingSelectionQuery): Promise<TRankingSelection> {
    const { chosen, core } = await this.current(roundId, query.method, false);
    const matching = await this.matchingRows(core, chosen, query);
    const rankOf = rankOfMethod(chosen);
    const entries = matching.map((row) => ({ id: row.applicationId, rank: rankOf(row), score: chosen === 'mean' ? row.meanScore : row.normalisedScore }));
    return { applicationIds: query.top !== undefined ? topWithTies(entries, query.top) : reachingThreshold(entries, query.threshold!) };
  }

  /** The rows the filters let through, in the method's order (the order made once per computation). */
  private async matchingRows(core: RankingCore, method: TRankingQueryMethod, query: Pick<TRankingQuery, 'flag' | 'region' | 'eligibility'>): Promise<RankedRow[]> {
    const ordered = (core.orders[method] ??= inMethodOrder(core.base.rows, method));
    const regions = query.region === undefined ? undefined : await this.regions(core);
    return ordered.filter((row) => {
      if (query.flag === 'none' && row.flags.length > 0) return false;
      if (query.flag && query.flag !== 'none' && !row.flags.includes(query.flag)) return false;
      if (regions && (regions.get(row.applicationId) ?? null) !== query.region) return false;
      if (query.eligibility !== undefined && row.eligibilitySuggestion !== query.eligibility) return false;
      return true;
    });
  }

  /** Every row with its details (read with the computation when it was made for the whole ranking, else once now). */
  private whole(core: RankingCore): Promise<RankingBase> {
    if (!core.whole) {
      const whole = this.readDetails(core, 'all').then((details) => {
        core.details = details;
        return wholeRanking(core.base, details);
      });
      core.whole = whole;
      // A failed read is not kept: the next request reads again.
      whole.catch(() => {
        if (core.whole === whole) core.whole = undefined;
      });
    }
    return core.whole;
  }

  /** Each application's region, read once per computation (from the details when every row's have been read). */
  private regions(core: RankingCore): Promise<Map<string, string | null>> {
    if (!core.regions) {
      const key = core.base.regionFieldKey;
      const statement = key === null ? null : applicationRegionsSql(core.base.round, key);
      const regions =
        core.details ? Promise.resolve(new Map([...core.details].map(([id, details]) => [id, details.region])))
        : statement ? this.sql.arrays<[string, string | null]>(PREPARED + statement.text, statement.values).then((rows) => new Map(rows))
        : Promise.resolve(new Map<string, string | null>());
      core.regions = regions;
      regions.catch(() => {
        if (core.regions === regions) core.regions = undefined;
      });
    }
    return core.regions;
  }

  /** The rows' details: what they show besides scores and ranks, and their criterion means, read side by side. */
  private async readDetails(
    core: { base: { round: RoundRef; regionFieldKey: string | null }; criterionIds: readonly string[] },
    applications: readonly string[] | 'all',
  ): Promise<Map<string, RowDetails>> {
    if (applications !== 'all' && applications.length === 0) return new Map();
    const run = <T extends unknown[]>(statement: Prisma.Sql) => this.sql.arrays<T>(PREPARED + statement.text, statement.values);
    const { round, regionFieldKey } = core.base;
    const [rows, means] = await Promise.all([
      run<RowDetailsRow>(rowDetailsSql(round, regionFieldKey, applications)),
      core.criterionIds.length === 0 ? [] : run<CriterionMeansRow>(criterionMeansSql(round.id, core.criterionIds, applications)),
    ]);
    const none = core.criterionIds.map(() => null);
    const details = new Map<string, RowDetails>();
    for (const [applicationId, title, status, region, assigned, sampleStd, advanced] of rows) {
      details.set(applicationId, { title, status: status as RowDetails['status'], region, assigned, sampleStd, advanced, criterionMeans: none });
    }
    for (const [applicationId, ...criterionMeans] of means) {
      const row = details.get(applicationId);
      if (row) row.criterionMeans = criterionMeans;
    }
    return details;
  }

  /**
   * Computes a round's ranking from the aggregates the database keeps (see ranking.queries.ts). The
   * statements run side by side on separate connections; when `stamp` is given and the call's stamp
   * moved while they ran (a change committed between them), they run once more, so the statements of
   * one answer read the same committed state. `whole`: the rows' details (titles, criterion means) are
   * read side by side with the rest, for the whole ranking; else they are left for the rows shown.
   */
  async computeRanking(roundId: string, stamp?: string, whole = true): Promise<RankingCore> {
    for (let attempt = 1; ; attempt++) {
      const core = await this.readRanking(roundId, whole);
      if (stamp === undefined || attempt === 2) return core;
      const [after] = await this.sql.rows<{ stamp: string }>(ROUND_STAMP, [roundId]);
      if (!after || after.stamp === stamp) return core;
      stamp = after.stamp;
    }
  }

  private async readRanking(roundId: string, whole: boolean): Promise<RankingCore> {
    const [round] = await this.sql.rows<RoundRecord>(ROUND_FOR_RANKING, [roundId]);
    if (!round) throw new AppError('NOT_FOUND');
    const criterionIds = round.criteria.map((c) => c.id);
    const run = <T extends unknown[]>(statement: Prisma.Sql) => this.sql.arrays<T>(PREPARED + statement.text, statement.values);
    const objects = <T>(statement: Prisma.Sql) => this.sql.rows<T>(PREPARED + statement.text, statement.values);

    // Only the rows' details need the form (which answer is the region); the others start at once.
    const regionKeyPromise = this.forms.get(round.callId, round.formVersion).then(({ form }) => regionFieldKey(form));
    const [regionKey, applications, jurorPassRows, criterionRows, jurorList, [roundSums], nextRounds, details] = await Promise.all([
      regionKeyPromise,
      run<ApplicationRow>(applicationAggregatesSql(round)),
      run<JurorPassRow>(jurorPassSql(round.id)),
      run<CriterionReliabilityRow>(criterionReliabilitySql(round.id)),
      objects<JurorRecord>(jurorListSql(round.id)),
      run<RoundSumsRow>(roundSumsSql(round.id)),
      this.sql.rows<NonNullable<TRanking['nextRound']>>(NEXT_ROUND, [round.callId, round.number + 1]),
      whole ? regionKeyPromise.then((key) => this.readDetails({ base: { round, regionFieldKey: key }, criterionIds }, 'all')) : undefined,
    ]);

    const byJuror = new Map<string, JurorPassRow>();
    for (const row of jurorPassRows) byJuror.set(row[0], row);
    const reliability = new Map<string, ReliabilityRecord>();
    for (const [criterionId, pairableUnits, pairableValues, within, total] of criterionRows) reliability.set(criterionId, { pairableUnits, pairableValues, within, total });
    if (roundSums) reliability.set('overall', { pairableUnits: roundSums[0], pairableValues: roundSums[1], within: roundSums[2], total: roundSums[3] });
    const jurors = jurorList.map((j) => {
      const pass = byJuror.get(j.jurorId);
      return { ...j, meanZ: pass?.[1] ?? 0, minScore: pass?.[2] ?? 0, maxScore: pass?.[3] ?? 0, meanDeviationFromPeers: pass?.[4] ?? null };
    });
    const noMeans: (number | null)[] = criterionIds.map(() => null);

    // Rule 4 exactly as packages/scoring ranks: competition ranks with the 1e-9 tolerance.
    const meanRanks = competitionRanks(applications.map((row) => row[4]));
    const normalisedRanks = competitionRanks(applications.map((row) => row[6]));
    const rows = applications.map((row, i) => toRow(row, noMeans, round, meanRanks[i] ?? null, normalisedRanks[i] ?? null));

    const criteria = round.criteria.map(toRankingCriterion);
    const byKey = reliability;
    const base: RankingBase = {
      round: {
        id: round.id,
        callId: round.callId,
        number: round.number,
        name: round.name,
        type: round.type,
        status: round.status,
        method: round.method,
        scorecardsRequired: round.scorecardsRequired,
        disagreementThreshold: round.disagreementThreshold,
        blind: round.blind,
      },
      criteria,
      rows,
      reliability: {
        overall: toReliability(byKey.get('overall')),
        criteria: criteria.map((criterion) => ({ criterionId: criterion.id, ...toReliability(byKey.get(criterion.id)) })),
      },
      jurors: jurors.map((j) => ({
        jurorId: j.jurorId,
        displayName: j.displayName,
        email: j.email,
        count: j.count,
        meanScore: j.meanScore,
        spread: j.spread ?? 0,
        minScore: j.minScore,
        maxScore: j.maxScore,
        meanZ: j.meanZ,
        meanDeviationFromPeers: j.meanDeviationFromPeers,
      })),
      totals: {
        applications: rows.length,
        ranked: rows.filter((row) => row.meanRank !== null).length,
        submittedScorecards: roundSums?.[4] ?? 0,
        draftScorecards: roundSums?.[5] ?? 0,
      },
      nextRound: nextRounds[0] ?? null,
      regionFieldKey: regionKey,
      distribution: histogramBins(rows.map((row) => row.meanScore)),
    };
    return details ? { base, criterionIds, orders: {}, details, whole: Promise.resolve(wholeRanking(base, details)) } : { base, criterionIds, orders: {} };
  }

  /** Every juror's scorecard of one application in the round (values, comments, drafts too). Staff only. */
  async scorecards(roundId: string, applicationId: string): Promise<{
    application: { id: string; reference: string | null; title: string | null };
    criteria: RankingCriterion[];
    notStarted: Array<{ jurorId: string; displayName: string }>;
    items: TApplicationScorecard[];
  }> {
    const round = await this.prisma.round.findUnique({
      where: { id: roundId },
      include: { criteria: { orderBy: [{ position: 'asc' }, { id: 'asc' }] } },
    });
    if (!round) throw new AppError('NOT_FOUND');
    const inRound = await this.prisma.roundApplication.findUnique({ where: { roundId_applicationId: { roundId, applicationId } } });
    const assignments = await this.prisma.assignment.findMany({
      where: { roundId, applicationId },
      include: {
        juror: { include: { user: { select: { id: true, displayName: true, email: true } } } },
        scorecard: { include: { values: true } },
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    if (!inRound && assignments.length === 0) throw new AppError('NOT_FOUND');
    const application = await this.prisma.application.findUnique({ where: { id: applicationId }, select: { id: true, reference: true, title: true } });
    if (!application) throw new AppError('NOT_FOUND');
    const position = new Map(round.criteria.map((c, index) => [c.id, index]));
    return {
      application,
      criteria: round.criteria.map(toRankingCriterion),
      notStarted: assignments.filter((a) => !a.scorecard).map((a) => ({ jurorId: a.jurorId, displayName: a.juror.user.displayName })),
      items: assignments
        .filter((a) => a.scorecard)
        .map((a) => {
          const card = a.scorecard!;
          return {
            scorecardId: card.id,
            juror: { id: a.jurorId, userId: a.juror.user.id, displayName: a.juror.user.displayName, email: a.juror.user.email },
            status: card.status,
            submittedAt: card.submittedAt?.toISOString() ?? null,
            weightedScore: card.status === 'SUBMITTED' ? card.weightedScore : null,
            overallComment: card.overallComment,
            commentShareable: card.commentShareable,
            values: [...card.values]
              .sort((x, y) => (position.get(x.criterionId) ?? 0) - (position.get(y.criterionId) ?? 0))
              .map((v) => ({ criterionId: v.criterionId, value: v.value, comment: v.comment, shareable: v.shareable })),
          };
        })
        .sort((x, y) => (x.status === y.status ? 0 : x.status === 'SUBMITTED' ? -1 : 1)),
    };
  }
}

function toRankingCriterion(c: { id: string; key: string; label: unknown; weight: number; scaleMin: number; scaleMax: number }): RankingCriterion {
  return { id: c.id, key: c.key, label: c.label as TLocalizedText, weight: c.weight, scaleMin: c.scaleMin, scaleMax: c.scaleMax };
}

function toRow(
  record: ApplicationRow,
  criterionMeans: (number | null)[],
  round: { scorecardsRequired: number; disagreementThreshold: number },
  meanRank: number | null,
  normalisedRank: number | null,
): RankedRow {
  const [applicationId, reference, eligibilitySuggestion, submitted, meanScore, spread, normalisedScore] = record;
  const flags: TRankingFlag[] = [];
  if (submitted < round.scorecardsRequired) flags.push('INCOMPLETE');
  if (spread !== null && spread >= round.disagreementThreshold - SCORE_EPSILON) flags.push('DISAGREEMENT');
  return {
    applicationId,
    reference,
    // Until the row's details are read (withDetails).
    title: null,
    status: 'SUBMITTED',
    region: null,
    eligibilitySuggestion: eligibilitySuggestion as TRankingRow['eligibilitySuggestion'],
    meanRank,
    normalisedRank,
    rankDifference: meanRank !== null && normalisedRank !== null ? meanRank - normalisedRank : null,
    meanScore,
    normalisedScore,
    standardError: null,
    spread,
    submitted,
    required: round.scorecardsRequired,
    assigned: 0,
    flags,
    criterionMeans,
    advanced: false,
  };
}

function rankOfMethod(method: TRankingQueryMethod): (row: RankedRow) => number | null {
  return method === 'mean' ? (row) => row.meanRank : (row) => row.normalisedRank;
}

/** The rows ordered as `byRankThenReference` orders the method's ranking (a copy). */
function inMethodOrder<Row extends RankedRow>(rows: readonly Row[], method: TRankingQueryMethod): Row[] {
  const rankOf = rankOfMethod(method);
  return rows.slice().sort((a, b) => compareRows(rankOf(a), rankOf(b), a, b));
}

/** The ranking ordered under one method: its rank first, unranked last. */
function withMethod(base: RankingBase, method: TRankingQueryMethod): TRanking {
  const { rows, ...rest } = base;
  const items: TRankingRow[] = rows.map((row) => ({ ...row, rank: method === 'mean' ? row.meanRank : row.normalisedRank }));
  items.sort(byRankThenReference);
  return { ...rest, method, items };
}

const collator = new Intl.Collator();

/** By rank (unranked last), equal ranks by reference, then id: a stable order for the page and exports. */
function byRankThenReference(a: TRankingRow, b: TRankingRow): number {
  return compareRows(a.rank, b.rank, a, b);
}

/** The order of `byRankThenReference` (the collator compares as String#localeCompare does, faster). */
function compareRows(ra: number | null, rb: number | null, a: RankedRow, b: RankedRow): number {
  const x = ra ?? Number.POSITIVE_INFINITY;
  const y = rb ?? Number.POSITIVE_INFINITY;
  if (x !== y) return x - y;
  const ref = collator.compare(a.reference ?? '', b.reference ?? '');
  return ref !== 0 ? ref : collator.compare(a.applicationId, b.applicationId);
}

/**
 * The JSON text of `withMethod(base, method)`, byte for byte, in `count` pieces (functions writing the
 * next part of the text, so that the previous one can be compressed meanwhile), made faster: the rows
 * are copied into object literals of one shape (JSON.stringify's fast path; spread copies are not) and
 * ordered with a collator rather than String#localeCompare.
 */
export function rankingJson(base: RankingBase, method: TRankingQueryMethod, count = 4): Array<() => string> {
  const { rows, ...rest } = base;
  const rankOf = rankOfMethod(method);
  const order = inMethodOrder(rows, method);
  const head = JSON.stringify({ ...rest, method, items: [] });
  const size = Math.ceil(order.length / count);
  return Array.from({ length: count }, (_, i) => () => {
    const part = JSON.stringify(order.slice(i * size, (i + 1) * size).map((row) => rankingItem(row, rankOf(row)))).slice(1, -1);
    const before = i === 0 ? head.slice(0, -2) : part.length > 0 && i * size > 0 ? ',' : '';
    return i === count - 1 ? `${before}${part}]}` : `${before}${part}`;
  });
}

/** A row as the answer lists it: one shape for every row (JSON.stringify's fast path; spread copies are not). */
function rankingItem(row: RankedRow, rank: number | null): TRankingRow {
  return {
    applicationId: row.applicationId,
    reference: row.reference,
    title: row.title,
    status: row.status,
    region: row.region,
    eligibilitySuggestion: row.eligibilitySuggestion,
    meanRank: row.meanRank,
    normalisedRank: row.normalisedRank,
    rankDifference: row.rankDifference,
    meanScore: row.meanScore,
    normalisedScore: row.normalisedScore,
    standardError: row.standardError,
    spread: row.spread,
    submitted: row.submitted,
    required: row.required,
    assigned: row.assigned,
    flags: row.flags,
    criterionMeans: row.criterionMeans,
    advanced: row.advanced,
    rank,
  };
}

function wholeRanking(base: RankingBase, details: ReadonlyMap<string, RowDetails>): RankingBase {
  return { ...base, rows: base.rows.map((row) => withDetails(row, details.get(row.applicationId))) };
}

/** A computed row with its title and criterion means (an application no longer found keeps none). */
function withDetails(row: RankedRow, details: RowDetails | undefined): RankedRow {
  if (!details) return row;
  const { sampleStd, ...shown } = details;
  // Rule 7: sample standard deviation / sqrt(n), none where n < 2.
  return { ...row, ...shown, standardError: row.submitted >= 2 && sampleStd !== null ? sampleStd / Math.sqrt(row.submitted) : null };
}

function toReliability(record: ReliabilityRecord | undefined): TReliability {
  if (!record) return { alpha: null, reading: null, pairableUnits: 0, pairableValues: 0 };
  const alpha = alphaFromSums(record);
  return { alpha, reading: alpha === null ? null : reliabilityReading(alpha), pairableUnits: record.pairableUnits, pairableValues: record.pairableValues };
}
