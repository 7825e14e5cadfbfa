import { uuidV7 } from '../../common/db/uuid-v7';
import { Inject, Injectable } from '@nestjs/common';
import type { TAssignmentPlan, TRoundAssignments, ZPutAssignmentsRequest } from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { PRISMA } from '../../config/config.module';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { AuditService } from '../audit/audit.service';
import { WorkNoticesService } from '../notifications/work-notices.service';
import { materialiseRoundApplications } from '../rounds/round-applications';
import { expertiseConflict } from '../expertise/expertise-conflict';
import { RoundAffinity } from '../expertise/round-affinity';
import { planWithAffinity } from './affinity-planner';
import { suggestConflicts } from './conflict-suggestions';
import { JuryAdminRepository } from './jury-admin.repository';
import { lockRankingStamp } from '../results/ranking-stamp-lock';

const INSERT_CHUNK = 5_000;
const pairKey = (jurorId: string, applicationId: string) => `${jurorId}:${applicationId}`;

/** How many of the pairs go to each juror membership. */
function countByJuror(jurorIds: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const jurorId of jurorIds) counts.set(jurorId, (counts.get(jurorId) ?? 0) + 1);
  return counts;
}

/** Who scores what in a round: the matrix, manual edits and the automatic assignment. */
@Injectable()
export class AssignmentsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly repo: JuryAdminRepository,
    private readonly audit: AuditService,
    private readonly workNotices: WorkNoticesService,
    private readonly affinity: RoundAffinity,
  ) {}

  async get(roundId: string): Promise<TRoundAssignments> {
    const round = await this.repo.round(this.prisma, roundId);
    const [jurors, applications, assignments, conflicts] = await Promise.all([
      this.repo.jurorsWithProgress(this.prisma, roundId),
      this.repo.applicationsWithProgress(this.prisma, round),
      this.repo.assignments(this.prisma, roundId),
      this.repo.conflictPairs(this.prisma, round),
    ]);
    return {
      jurors: jurors.map((j) => ({ id: j.jurorId, displayName: j.displayName })),
      applications: applications.map((a) => ({ id: a.applicationId, reference: a.reference, title: a.title })),
      assignments,
      conflicts: conflicts.filter((c) => c.status === 'CONFIRMED').map((c) => ({ jurorId: c.jurorId, applicationId: c.applicationId })),
      suggestions: conflicts.filter((c) => c.status === 'PENDING').map((c) => ({ jurorId: c.jurorId, applicationId: c.applicationId, conflictId: c.conflictId, reason: c.reason })),
    };
  }

  /**
   * Replaces the round's assignments with the given pairs. A pair must name a juror and an application
   * of the round without a confirmed conflict (400 with the pairs at fault); a new pair against a pending
   * suggested conflict needs staff's confirmation (409 SUGGESTED_CONFLICT listing them, unless listed in
   * `confirmSuggestedConflicts`: the suggestion is then dismissed, audited); a pair whose scorecard is
   * submitted cannot be removed (409).
   */
  async put(roundId: string, input: z.output<typeof ZPutAssignmentsRequest>, ctx: RequestContext): Promise<TRoundAssignments> {
    await this.prisma.$transaction(async (tx) => {
      // The call's ranking stamp first: the lock every change of scorecards, assignments or rounds takes first.
      await lockRankingStamp(tx, roundId);
      const round = await this.repo.round(tx, roundId);
      await materialiseRoundApplications(tx, round, ctx.user?.id ?? null);
      await suggestConflicts(tx, { roundId }, this.audit, ctx);
      // One after the other: a transaction's statements share one connection.
      const jurorRows = await tx.juror.findMany({ where: { roundId }, select: { id: true } });
      const applicationIds = await this.repo.applicationIds(tx, round);
      const conflicts = await this.repo.conflictPairs(tx, round);
      const existing = await this.repo.assignments(tx, roundId);
      const jurors = new Set(jurorRows.map((j) => j.id));
      const applications = new Set(applicationIds);
      const conflicted = new Set(conflicts.filter((c) => c.status === 'CONFIRMED').map((c) => pairKey(c.jurorId, c.applicationId)));
      const suggested = new Map(conflicts.filter((c) => c.status === 'PENDING').map((c) => [pairKey(c.jurorId, c.applicationId), c]));
      const wanted = new Map(input.assignments.map((p) => [pairKey(p.jurorId, p.applicationId), p]));

      const issues = [...wanted.values()].flatMap((pair, index) => {
        if (!jurors.has(pair.jurorId)) return [{ path: ['assignments', index, 'jurorId'], code: 'NOT_IN_ROUND', ...pair }];
        if (!applications.has(pair.applicationId)) return [{ path: ['assignments', index, 'applicationId'], code: 'NOT_IN_ROUND', ...pair }];
        if (conflicted.has(pairKey(pair.jurorId, pair.applicationId))) return [{ path: ['assignments', index], code: 'CONFLICT_OF_INTEREST', ...pair }];
        return [];
      });
      if (issues.length > 0) throw new AppError('VALIDATION_FAILED', issues);

      const current = new Set(existing.map((a) => pairKey(a.jurorId, a.applicationId)));
      const toRemove = existing.filter((a) => !wanted.has(pairKey(a.jurorId, a.applicationId)));
      const locked = toRemove.filter((a) => a.scorecardStatus === 'SUBMITTED');
      if (locked.length > 0) {
        throw new AppError('CONFLICT', { reason: 'SUBMITTED_SCORECARD', pairs: locked.map((a) => ({ jurorId: a.jurorId, applicationId: a.applicationId })) });
      }
      const toAdd = [...wanted.values()].filter((p) => !current.has(pairKey(p.jurorId, p.applicationId)));
      const confirmed = new Set(input.confirmSuggestedConflicts.map((p) => pairKey(p.jurorId, p.applicationId)));
      const against = toAdd.flatMap((p) => suggested.get(pairKey(p.jurorId, p.applicationId)) ?? []);
      const unconfirmed = against.filter((c) => !confirmed.has(pairKey(c.jurorId, c.applicationId)));
      if (unconfirmed.length > 0) {
        throw new AppError('SUGGESTED_CONFLICT', { pairs: unconfirmed.map((c) => ({ jurorId: c.jurorId, applicationId: c.applicationId, conflictId: c.conflictId, reason: c.reason })) });
      }
      // Staff saw the suggestion and assigned anyway: it is settled as not a conflict.
      if (against.length > 0) {
        await tx.conflictOfInterest.updateMany({ where: { id: { in: against.map((c) => c.conflictId) }, status: 'PENDING' }, data: { status: 'DISMISSED', reviewedById: ctx.user?.id ?? null, reviewedAt: new Date() } });
        for (const c of against) {
          await this.audit.record(tx, ctx, {
            action: 'conflict.overridden', entityType: 'ConflictOfInterest', entityId: c.conflictId,
            before: { status: 'PENDING' }, after: { status: 'DISMISSED', roundId, jurorId: c.jurorId, applicationId: c.applicationId, reason: c.reason },
          });
        }
      }
      for (let i = 0; i < toRemove.length; i += INSERT_CHUNK) {
        await tx.assignment.deleteMany({ where: { id: { in: toRemove.slice(i, i + INSERT_CHUNK).map((a) => a.id) } } });
      }
      for (let i = 0; i < toAdd.length; i += INSERT_CHUNK) {
        await tx.assignment.createMany({ data: toAdd.slice(i, i + INSERT_CHUNK).map((p) => ({ roundId, ...p, assignedById: ctx.user?.id ?? null })) });
      }
      await this.audit.record(tx, ctx, { action: 'assignments.replaced', entityType: 'Round', entityId: roundId, after: { added: toAdd.length, removed: toRemove.length, total: wanted.size } });
      // In an open round, the jurors who got new applications are told now, in this transaction.
      await this.workNotices.assigned(tx, roundId, countByJuror(toAdd.map((p) => p.jurorId)));
    });
    return this.get(roundId);
  }

  /** What the automatic assignment would add now, with each pair's reasons: nothing is written but pending conflict suggestions. */
  async preview(roundId: string, ctx: RequestContext): Promise<TAssignmentPlan> {
    return this.prisma.$transaction((tx) => this.plan(tx, roundId, ctx, { commit: false }), { timeout: 120_000, maxWait: 10_000 });
  }

  /**
   * Gives every application of the round its required number of unconflicted jurors with even loads (or up
   * to the round's cap), keeping existing assignments, and within that matches projects with the jurors who
   * know their field and asked to read them (see planWithAffinity). Confirmed conflicts and pending
   * suggestions are both avoided. With `fingerprint` (a preview's), only that exact plan is committed
   * (409 PLAN_CHANGED otherwise). Reads are set-based and inserts are chunked, so 10,000 applications x
   * 200 jurors stay within seconds.
   */
  async auto(roundId: string, fingerprint: string | undefined, ctx: RequestContext): Promise<TAssignmentPlan> {
    return this.prisma.$transaction((tx) => this.plan(tx, roundId, ctx, { commit: true, ...(fingerprint !== undefined && { fingerprint }) }), { timeout: 120_000, maxWait: 10_000 });
  }

  private async plan(tx: Prisma.TransactionClient, roundId: string, ctx: RequestContext, options: { commit: boolean; fingerprint?: string }): Promise<TAssignmentPlan> {
    // The call's ranking stamp first: the lock every change of scorecards, assignments or rounds takes first.
    await lockRankingStamp(tx, roundId);
    const round = await this.repo.round(tx, roundId);
    await tx.$queryRaw`SELECT "id" FROM "Round" WHERE "id" = ${roundId}::uuid FOR UPDATE`;
    if (options.commit) await materialiseRoundApplications(tx, round, ctx.user?.id ?? null);
    await suggestConflicts(tx, { roundId }, this.audit, ctx);
    // Pending suggestions count as conflicts here: only a person decides to assign one.
    const jurorRows = await this.repo.jurorsWithProgress(tx, roundId);
    const applications = await this.repo.applicationsWithProgress(tx, round);
    const conflicts = await this.repo.conflictPairs(tx, round);
    const existing = await tx.assignment.findMany({ where: { roundId }, select: { jurorId: true, applicationId: true } });
    const inputs = await this.affinity.read(tx, round, jurorRows.map((j) => ({ id: j.jurorId, expertise: j.expertise })));
    const jurors = jurorRows.map((j) => j.jurorId);
    const plan = planWithAffinity({
      applications: applications.map((a) => a.applicationId),
      jurors,
      required: round.scorecardsRequired,
      existing: existing.map((a) => [a.jurorId, a.applicationId]),
      conflicts: conflicts.map((c) => [c.jurorId, c.applicationId]),
      affinity: inputs.affinity,
      knows: inputs.knows,
      avoid: inputs.avoid,
      ...(round.assignmentCap !== null && { cap: round.assignmentCap }),
    });
    const fingerprint = createHash('sha256').update(plan.add.map(([j, a]) => `${j}:${a}`).sort().join('\n')).digest('base64url');
    if (options.commit && options.fingerprint !== undefined && options.fingerprint !== fingerprint) throw expertiseConflict('PLAN_CHANGED');

    if (options.commit) {
      // One statement per chunk with three array parameters: tens of thousands of rows in well under a second.
      for (let i = 0; i < plan.add.length; i += INSERT_CHUNK) {
        const chunk = plan.add.slice(i, i + INSERT_CHUNK);
        const ids = chunk.map(() => uuidV7());
        const jurorIds = chunk.map(([jurorId]) => jurorId);
        const applicationIds = chunk.map(([, applicationId]) => applicationId);
        await tx.$executeRaw`
          INSERT INTO "Assignment" ("id", "roundId", "jurorId", "applicationId", "assignedById", "createdAt")
          SELECT pair."id", ${roundId}::uuid, pair."jurorId", pair."applicationId", ${ctx.user?.id ?? null}::uuid, now()
          FROM unnest(${ids}::uuid[], ${jurorIds}::uuid[], ${applicationIds}::uuid[]) AS pair("id", "jurorId", "applicationId")
          ON CONFLICT DO NOTHING`;
      }
      await this.workNotices.assigned(tx, roundId, countByJuror(plan.add.map(([jurorId]) => jurorId)));
    }
    const added = countByJuror(plan.add.map(([jurorId]) => jurorId));
    const loads = jurors.map((id) => plan.loads[id] ?? 0);
    const referenceOf = new Map(applications.map((a) => [a.applicationId, a.reference]));
    const withoutTopic = applications.filter((a) => (inputs.topicsOf.get(a.applicationId) ?? []).length === 0).map((a) => a.applicationId);
    const result: TAssignmentPlan = {
      fingerprint,
      created: plan.add.length,
      kept: existing.length,
      minLoad: loads.length > 0 ? Math.min(...loads) : 0,
      maxLoad: loads.length > 0 ? Math.max(...loads) : 0,
      cap: round.assignmentCap,
      weights: { expertise: round.expertiseWeight, bid: round.bidWeight },
      pairs: plan.add.map(([jurorId, applicationId], index) => ({ jurorId, applicationId, affinity: plan.affinityByPair[index] ?? 0, ...inputs.explain(jurorId, applicationId) })),
      jurors: jurorRows.map((j) => ({ id: j.jurorId, displayName: j.displayName, expertise: inputs.expertiseOf.get(j.jurorId) ?? [], kept: j.assigned, added: added.get(j.jurorId) ?? 0 })),
      applications: applications.map((a) => ({ id: a.applicationId, reference: a.reference, title: a.title, topics: inputs.topicsOf.get(a.applicationId) ?? [] })),
      // Applications with topics no unconflicted juror knows (the planner's "unmatched" also counts those without
      // topics); none when staff set the expertise weight to 0 (expertise is then ignored).
      unmatched: round.expertiseWeight > 0 ? plan.unmatched.filter((id) => (inputs.topicsOf.get(id) ?? []).length > 0) : [],
      notReadByKnower: round.expertiseWeight > 0 ? plan.notReadByKnower : [],
      withoutTopic,
      totalAffinity: plan.totalAffinity,
      upperBound: plan.upperBound,
      avoidedUsed: plan.avoidedUsed,
      optimal: plan.optimal,
      shortfalls: plan.shortfalls.map((s) => ({ ...s, reference: referenceOf.get(s.applicationId) ?? null })),
    };
    if (options.commit) {
      await this.audit.record(tx, ctx, {
        action: 'assignments.auto', entityType: 'Round', entityId: roundId,
        after: {
          created: result.created, kept: result.kept, applications: applications.length, jurors: jurors.length, minLoad: result.minLoad, maxLoad: result.maxLoad,
          shortfalls: result.shortfalls.length, totalAffinity: result.totalAffinity, upperBound: result.upperBound, unmatched: result.unmatched.length, avoidedUsed: result.avoidedUsed,
        },
      });
    }
    return result;
  }
}
