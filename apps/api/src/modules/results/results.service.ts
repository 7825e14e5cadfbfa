import { Inject, Injectable } from '@nestjs/common';
import type { TApplicationScorecard, TLocalizedText, TRanking, TRankingFlag, TRankingQueryMethod, TRankingRow, TReliability, TShortlistConfidence, TShortlistConfidenceQuery } from '@tahkim/contracts';
import { PREPARED, type Prisma, type PrismaClient, type Sql } from '@tahkim/db';
import { competitionRanks, DEFAULT_CONFIDENCE_SEED, DEFAULT_RESAMPLES, reliabilityReading, SCORE_EPSILON, shortlistConfidence, type SubmittedScore } from '@tahkim/scoring';
import { AppError } from '../../common/errors/app-error';
import { PRISMA, SQL } from '../../config/config.module';
import { regionFieldKey } from '../applications/application-rules';
import { loadCallForm } from '../calls/call-form';
import { roundApplicationsSql } from '../rounds/round-applications';
import { RankingCache, type RankingAnswer } from './ranking-cache';
import {
  alphaFromSums,
  applicationAggregatesSql,
  criterionPassSql,
  jurorListSql,
  roundSumsSql,
  scorecardPassSql,
  type ApplicationRow,
  type CriterionPassRow,
  type JurorRecord,
  type ReliabilityRecord,
  type RoundSumsRow,
  type ScorecardPassRow,
} from './ranking.queries';

type RankingCriterion = TRanking['criteria'][number];
type RankedRow = Omit<TRankingRow, 'rank'>;

/** A round's ranking without the choice of method: rows carry both ranks; `withMethod` orders them. */
export interface RankingBase extends Omit<TRanking, 'method' | 'items'> {
  rows: RankedRow[];
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
  criteria: Array<{ id: string; key: string; label: TLocalizedText; weight: number; scaleMin: number; scaleMax: number }>;
}

/** The round and its criteria in their order. */
const ROUND_FOR_RANKING = `${PREPARED}
  SELECT r."id", r."callId", r."number", r."name", r."type"::text AS "type", r."status"::text AS "status", r."method"::text AS "method",
         r."scorecardsRequired", r."disagreementThreshold", r."blind",
         COALESCE((SELECT json_agg(json_build_object('id', c."id", 'key', c."key", 'label', c."label", 'weight', c."weight",
                                                     'scaleMin', c."scaleMin", 'scaleMax', c."scaleMax") ORDER BY c."position", c."id")
                   FROM "Criterion" c WHERE c."roundId" = r."id"), '[]') AS "criteria"
  FROM "Round" r WHERE r."id" = $1::uuid`;

/** The call's next round, with the scorecards submitted in it. */
const NEXT_ROUND = `${PREPARED}
  SELECT r."id", r."number", r."name", r."status"::text AS "status",
         (SELECT COALESCE(sum(p."submitted"), 0)::int FROM "RankingApplicationSums" p WHERE p."roundId" = r."id") AS "submittedScorecards"
  FROM "Round" r WHERE r."callId" = $1::uuid AND r."number" = $2`;

/** The round's submitted scorecards as the ranking counts them (one row each, kept by the ranking triggers). */
const ROUND_SCORES = `${PREPARED}
  SELECT "applicationId"::text, "jurorId"::text, "score" FROM "RankingScorecard" WHERE "roundId" = $1::uuid`;

/** Shortlist confidences kept: per round, stamp, method and cut (a large round's takes about half a second). */
const CONFIDENCE_ENTRIES = 16;

/** A round's results for staff: the ranking under both methods, the jury's reliability and severity. */
@Injectable()
export class ResultsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(SQL) private readonly sql: Sql,
    private readonly cache: RankingCache<RankingBase>,
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
    const [ids, cards] = await Promise.all([
      this.sql.arrays<[string]>(PREPARED + applications.text + ' ORDER BY a."id"', applications.values),
      this.sql.arrays<[string, string, number]>(ROUND_SCORES, [roundId]),
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

  /**
   * The ranking as computed for the round's current RankingStamp (one prepared statement, which also
   * says whether the round exists), from the cache when this process has it, so the page and the
   * exports do not compute it again per request.
   */
  async rankingAnswer(roundId: string, method: TRankingQueryMethod | undefined): Promise<RankingAnswer> {
    const [current] = await this.sql.rows<{ method: string; stamp: string }>(ROUND_STAMP, [roundId]);
    if (!current) throw new AppError('NOT_FOUND');
    const chosen: TRankingQueryMethod = method ?? (current.method === 'MEAN' ? 'mean' : 'normalised');
    const { entry, base } = this.cache.base(roundId, current.stamp, () => this.computeRanking(roundId, current.stamp));
    const computed = await base;
    return this.cache.answer(entry, chosen, () => ({ ranking: () => withMethod(computed, chosen), json: rankingJson(computed, chosen) }));
  }

  /**
   * Computes a round's ranking from the aggregates the database keeps (see ranking.queries.ts). The
   * statements run side by side on separate connections; when `stamp` is given and the call's stamp
   * moved while they ran (a change committed between them), they run once more, so the statements of
   * one answer read the same committed state.
   */
  async computeRanking(roundId: string, stamp?: string): Promise<RankingBase> {
    for (let attempt = 1; ; attempt++) {
      const base = await this.readRanking(roundId);
      if (stamp === undefined || attempt === 2) return base;
      const [after] = await this.sql.rows<{ stamp: string }>(ROUND_STAMP, [roundId]);
      if (!after || after.stamp === stamp) return base;
      stamp = after.stamp;
    }
  }

  private async readRanking(roundId: string): Promise<RankingBase> {
    const [round] = await this.sql.rows<RoundRecord>(ROUND_FOR_RANKING, [roundId]);
    if (!round) throw new AppError('NOT_FOUND');
    const criterionIds = round.criteria.map((c) => c.id);
    const run = <T extends unknown[]>(statement: Prisma.Sql) => this.sql.arrays<T>(PREPARED + statement.text, statement.values);
    const objects = <T>(statement: Prisma.Sql) => this.sql.rows<T>(PREPARED + statement.text, statement.values);

    // Only the application statement needs the form (which answer is the region); the others start at once.
    const regionKeyPromise = loadCallForm(this.prisma, round.callId).then(({ form }) => regionFieldKey(form));
    const [regionKey, applications, scorecardRows, criterionRows, jurorList, [roundSums], nextRounds] = await Promise.all([
      regionKeyPromise,
      regionKeyPromise.then((key) => run<ApplicationRow>(applicationAggregatesSql(round, key))),
      run<ScorecardPassRow>(scorecardPassSql(round.id)),
      run<CriterionPassRow>(criterionPassSql(round.id, criterionIds)),
      objects<JurorRecord>(jurorListSql(round.id)),
      run<RoundSumsRow>(roundSumsSql(round.id)),
      this.sql.rows<NonNullable<TRanking['nextRound']>>(NEXT_ROUND, [round.callId, round.number + 1]),
    ]);

    const zByApplication = new Map<string, number>();
    const byJuror = new Map<string, ScorecardPassRow>();
    for (const row of scorecardRows) {
      if (row[0] !== null) zByApplication.set(row[0], row[2]);
      else if (row[1] !== null) byJuror.set(row[1], row);
    }
    const meansByApplication = new Map<string, (number | null)[]>();
    const reliability = new Map<string, ReliabilityRecord>();
    for (const row of criterionRows) {
      if (row[0] !== null) meansByApplication.set(row[0], row.slice(6) as (number | null)[]);
      else if (row[1] !== null) reliability.set(row[1], { pairableUnits: row[2], pairableValues: row[3], within: row[4], total: row[5] });
    }
    if (roundSums) reliability.set('overall', { pairableUnits: roundSums[0], pairableValues: roundSums[1], within: roundSums[2], total: roundSums[3] });
    const jurors = jurorList.map((j) => {
      const pass = byJuror.get(j.jurorId);
      return { ...j, meanZ: pass?.[2] ?? 0, minScore: pass?.[3] ?? 0, maxScore: pass?.[4] ?? 0, meanDeviationFromPeers: pass?.[5] ?? null };
    });
    const noMeans: (number | null)[] = criterionIds.map(() => null);
    const records = applications.map((row) => ({
      row,
      normalisedScore: zByApplication.get(row[0]) ?? null,
      criterionMeans: meansByApplication.get(row[0]) ?? noMeans,
    }));

    // Rule 4 exactly as packages/scoring ranks: competition ranks with the 1e-9 tolerance.
    const meanRanks = competitionRanks(records.map((record) => record.row[8]));
    const normalisedRanks = competitionRanks(records.map((record) => record.normalisedScore));
    const rows = records.map((record, i) => toRow(record.row, record.normalisedScore, record.criterionMeans, round, meanRanks[i] ?? null, normalisedRanks[i] ?? null));

    const criteria = round.criteria.map(toRankingCriterion);
    const byKey = reliability;
    return {
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
    };
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
  normalisedScore: number | null,
  criterionMeans: (number | null)[],
  round: { scorecardsRequired: number; disagreementThreshold: number },
  meanRank: number | null,
  normalisedRank: number | null,
): RankedRow {
  const [applicationId, reference, title, status, region, eligibilitySuggestion, submitted, assigned, meanScore, spread, sampleStd, advanced] = record;
  const flags: TRankingFlag[] = [];
  if (submitted < round.scorecardsRequired) flags.push('INCOMPLETE');
  if (spread !== null && spread >= round.disagreementThreshold - SCORE_EPSILON) flags.push('DISAGREEMENT');
  return {
    applicationId,
    reference,
    title,
    status: status as TRankingRow['status'],
    region,
    eligibilitySuggestion: eligibilitySuggestion as TRankingRow['eligibilitySuggestion'],
    meanRank,
    normalisedRank,
    rankDifference: meanRank !== null && normalisedRank !== null ? meanRank - normalisedRank : null,
    meanScore,
    normalisedScore,
    // Rule 7: sample standard deviation / sqrt(n), none where n < 2.
    standardError: submitted >= 2 && sampleStd !== null ? sampleStd / Math.sqrt(submitted) : null,
    spread,
    submitted,
    required: round.scorecardsRequired,
    assigned,
    flags,
    criterionMeans,
    advanced,
  };
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
  const rankOf = method === 'mean' ? (row: RankedRow) => row.meanRank : (row: RankedRow) => row.normalisedRank;
  const order = rows.slice().sort((a, b) => compareRows(rankOf(a), rankOf(b), a, b));
  const item = (row: RankedRow): TRankingRow => ({
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
    rank: rankOf(row),
  });
  const head = JSON.stringify({ ...rest, method, items: [] });
  const size = Math.ceil(order.length / count);
  return Array.from({ length: count }, (_, i) => () => {
    const part = JSON.stringify(order.slice(i * size, (i + 1) * size).map(item)).slice(1, -1);
    const before = i === 0 ? head.slice(0, -2) : part.length > 0 && i * size > 0 ? ',' : '';
    return i === count - 1 ? `${before}${part}]}` : `${before}${part}`;
  });
}

function toReliability(record: ReliabilityRecord | undefined): TReliability {
  if (!record) return { alpha: null, reading: null, pairableUnits: 0, pairableValues: 0 };
  const alpha = alphaFromSums(record);
  return { alpha, reading: alpha === null ? null : reliabilityReading(alpha), pairableUnits: record.pairableUnits, pairableValues: record.pairableValues };
}
