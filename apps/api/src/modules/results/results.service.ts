import { Inject, Injectable } from '@nestjs/common';
import type { TApplicationScorecard, TLocalizedText, TRanking, TRankingFlag, TRankingQueryMethod, TRankingRow, TReliability } from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';
import { competitionRanks, reliabilityReading, SCORE_EPSILON } from '@tahkim/scoring';
import { AppError } from '../../common/errors/app-error';
import { PRISMA } from '../../config/config.module';
import { regionFieldKey } from '../applications/application-rules';
import { loadCallForm } from '../calls/call-form';
import { RankingCache, type RankingAnswer } from './ranking-cache';
import {
  alphaFromSums,
  applicationAggregatesSql,
  applicationRecords,
  jurorAggregatesSql,
  reliabilitySql,
  roundTotalsSql,
  type ApplicationAggregateRecord,
  type JurorAggregateRecord,
  type ReliabilityRecord,
  type RoundTotalsRecord,
} from './ranking.queries';

type RankingCriterion = TRanking['criteria'][number];
type RankedRow = Omit<TRankingRow, 'rank'>;

/** A round's ranking without the choice of method: rows carry both ranks; `withMethod` orders them. */
export interface RankingBase extends Omit<TRanking, 'method' | 'items'> {
  rows: RankedRow[];
}

/** A round's results for staff: the ranking under both methods, the jury's reliability and severity. */
@Injectable()
export class ResultsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly cache: RankingCache<RankingBase>,
  ) {}

  async ranking(roundId: string, method: TRankingQueryMethod | undefined): Promise<TRanking> {
    return (await this.rankingAnswer(roundId, method)).ranking;
  }

  /**
   * The ranking as computed for the round's current RankingStamp (one cheap statement), from the cache
   * when this process has it, so the page and the exports do not compute it again per request.
   */
  async rankingAnswer(roundId: string, method: TRankingQueryMethod | undefined): Promise<RankingAnswer> {
    const [current] = await this.prisma.$queryRaw<Array<{ method: string; stamp: string }>>`
      SELECT r."method"::text AS "method", COALESCE(s."version", 0)::text AS "stamp"
      FROM "Round" r LEFT JOIN "RankingStamp" s ON s."callId" = r."callId" WHERE r."id" = ${roundId}::uuid`;
    if (!current) throw new AppError('NOT_FOUND');
    const chosen: TRankingQueryMethod = method ?? (current.method === 'MEAN' ? 'mean' : 'normalised');
    const { entry, base } = this.cache.base(roundId, current.stamp, () => this.computeRanking(roundId));
    const computed = await base;
    return this.cache.answer(entry, chosen, () => withMethod(computed, chosen));
  }

  /** Computes a round's ranking from the aggregates the database keeps (see ranking.queries.ts). */
  async computeRanking(roundId: string): Promise<RankingBase> {
    const round = await this.prisma.round.findUnique({
      where: { id: roundId },
      include: { criteria: { orderBy: [{ position: 'asc' }, { id: 'asc' }] } },
    });
    if (!round) throw new AppError('NOT_FOUND');
    const { form } = await loadCallForm(this.prisma, round.callId);
    const regionKey = regionFieldKey(form);

    // The statements run side by side on separate connections, each set-based and consistent in itself.
    const [applications, jurors, reliability, counts, nextRounds] = await Promise.all([
      this.prisma.$queryRaw<Array<{ rows: string }>>(applicationAggregatesSql(round, regionKey, round.criteria.map((c) => c.id))).then((result) => applicationRecords(result[0]!.rows)),
      this.prisma.$queryRaw<JurorAggregateRecord[]>(jurorAggregatesSql(round)),
      this.prisma.$queryRaw<ReliabilityRecord[]>(reliabilitySql(round)),
      this.prisma.$queryRaw<RoundTotalsRecord[]>(roundTotalsSql(round.id)),
      this.prisma.$queryRaw<Array<{ id: string; number: number; name: TLocalizedText; status: 'DRAFT' | 'OPEN' | 'CLOSED'; submittedScorecards: number }>>`
        SELECT r."id", r."number", r."name", r."status"::text AS "status",
               (SELECT COALESCE(sum(p."submitted"), 0)::int FROM "RankingApplicationSums" p WHERE p."roundId" = r."id") AS "submittedScorecards"
        FROM "Round" r WHERE r."callId" = ${round.callId}::uuid AND r."number" = ${round.number + 1}`,
    ]);

    // Rule 4 exactly as packages/scoring ranks: competition ranks with the 1e-9 tolerance.
    const meanRanks = competitionRanks(applications.map((record) => record.meanScore));
    const normalisedRanks = competitionRanks(applications.map((record) => record.normalisedScore));
    const rows = applications.map((record, i) => toRow(record, round, meanRanks[i] ?? null, normalisedRanks[i] ?? null));

    const criteria = round.criteria.map(toRankingCriterion);
    const byKey = new Map(reliability.map((record) => [record.key, record]));
    return {
      round: {
        id: round.id,
        callId: round.callId,
        number: round.number,
        name: round.name as TLocalizedText,
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
        submittedScorecards: counts[0]?.submitted ?? 0,
        draftScorecards: counts[0]?.drafts ?? 0,
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
  record: ApplicationAggregateRecord,
  round: { scorecardsRequired: number; disagreementThreshold: number },
  meanRank: number | null,
  normalisedRank: number | null,
): RankedRow {
  const flags: TRankingFlag[] = [];
  if (record.submitted < round.scorecardsRequired) flags.push('INCOMPLETE');
  if (record.spread !== null && record.spread >= round.disagreementThreshold - SCORE_EPSILON) flags.push('DISAGREEMENT');
  return {
    applicationId: record.applicationId,
    reference: record.reference,
    title: record.title,
    status: record.status as TRankingRow['status'],
    region: record.region,
    eligibilitySuggestion: record.eligibilitySuggestion as TRankingRow['eligibilitySuggestion'],
    meanRank,
    normalisedRank,
    rankDifference: meanRank !== null && normalisedRank !== null ? meanRank - normalisedRank : null,
    meanScore: record.meanScore,
    normalisedScore: record.normalisedScore,
    // Rule 7: sample standard deviation / sqrt(n), none where n < 2.
    standardError: record.submitted >= 2 && record.sampleStd !== null ? record.sampleStd / Math.sqrt(record.submitted) : null,
    spread: record.spread,
    submitted: record.submitted,
    required: round.scorecardsRequired,
    assigned: record.assigned,
    flags,
    criterionMeans: record.criterionMeans.map((value) => (value === null ? null : Number(value))),
    advanced: record.advanced,
  };
}

/** The ranking ordered under one method: its rank first, unranked last. */
function withMethod(base: RankingBase, method: TRankingQueryMethod): TRanking {
  const { rows, ...rest } = base;
  const items: TRankingRow[] = rows.map((row) => ({ ...row, rank: method === 'mean' ? row.meanRank : row.normalisedRank }));
  items.sort(byRankThenReference);
  return { ...rest, method, items };
}

/** By rank (unranked last), equal ranks by reference, then id: a stable order for the page and exports. */
function byRankThenReference(a: TRankingRow, b: TRankingRow): number {
  const ra = a.rank ?? Number.POSITIVE_INFINITY;
  const rb = b.rank ?? Number.POSITIVE_INFINITY;
  if (ra !== rb) return ra - rb;
  const ref = (a.reference ?? '').localeCompare(b.reference ?? '');
  return ref !== 0 ? ref : a.applicationId.localeCompare(b.applicationId);
}

function toReliability(record: ReliabilityRecord | undefined): TReliability {
  if (!record) return { alpha: null, reading: null, pairableUnits: 0, pairableValues: 0 };
  const alpha = alphaFromSums(record);
  return { alpha, reading: alpha === null ? null : reliabilityReading(alpha), pairableUnits: record.pairableUnits, pairableValues: record.pairableValues };
}
