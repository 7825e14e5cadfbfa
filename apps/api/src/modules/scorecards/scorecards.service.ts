import { Inject, Injectable } from '@nestjs/common';
import { isStaff, textIn, type TScorecard, type ZPutScorecardRequest, type ZReopenScorecardRequest, type ZSubmitScorecardRequest } from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';
import { weightedScore } from '@tahkim/scoring';
import { ZodError, type core, type z } from 'zod';
import { APP_CONFIG, PRISMA } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/auth.types';
import { OutboxService } from '../notifications/outbox.service';
import { assertRoundAcceptsWork, refuseAssignment } from '../jury/jury.access';
import { JuryRepository, type CriterionRow, type VisibleAssignment } from '../jury/jury.repository';
import { applicationLabel } from '../jury/jury.service';
import { lockRankingStamp } from '../results/ranking-stamp-lock';

type Tx = Prisma.TransactionClient;
type Db = PrismaClient | Tx;
type PutScorecard = z.infer<typeof ZPutScorecardRequest>;
type SubmitScorecard = z.infer<typeof ZSubmitScorecardRequest>;
type ReopenScorecard = z.infer<typeof ZReopenScorecardRequest>;

const SCORECARD_FIELDS = {
  id: true,
  status: true,
  version: true,
  overallComment: true,
  commentShareable: true,
  weightedScore: true,
  submittedAt: true,
  reopenedAt: true,
  reopenReason: true,
  values: { select: { criterionId: true, value: true, comment: true } },
} as const satisfies Prisma.ScorecardSelect;
type ScorecardRow = Prisma.ScorecardGetPayload<{ select: typeof SCORECARD_FIELDS }>;

/** A juror's scorecard for one assignment: draft autosave with versions, submission, staff reopening. */
@Injectable()
export class ScorecardsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jury: JuryRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  /** The assigned juror reads their scorecard (an empty draft before the first save); staff read any. */
  async get(assignmentId: string, user: AuthenticatedUser): Promise<TScorecard> {
    const assignment = await this.jury.find(this.prisma, user.id, assignmentId);
    if (!assignment) {
      if (!isStaff(user.roles) || !(await this.prisma.assignment.findUnique({ where: { id: assignmentId }, select: { id: true } }))) throw new AppError('NOT_FOUND');
    }
    return this.read(this.prisma, assignmentId);
  }

  /**
   * Autosave of a draft. The version the juror's page started from is checked by the UPDATE itself, so
   * of two saves from one version only the first lands; the other gets VERSION_CONFLICT with what is
   * saved. The values replace the draft's (a criterion left out or null is unscored).
   */
  async save(assignmentId: string, input: PutScorecard, user: AuthenticatedUser): Promise<TScorecard> {
    return this.prisma.$transaction(async (tx) => {
      const assignment = await this.writable(tx, assignmentId, user);
      const criteria = await this.jury.criteria(tx, [assignment.roundId]);
      assertValuesInScale(criteria, input.values);
      await tx.scorecard.createMany({ data: [{ assignmentId }], skipDuplicates: true });
      const updated = await tx.scorecard.updateMany({
        where: { assignmentId, version: input.version, status: 'DRAFT' },
        data: { overallComment: input.overallComment || null, commentShareable: input.commentShareable, version: { increment: 1 } },
      });
      if (updated.count !== 1) await this.refuseStale(tx, assignmentId);
      const card = await tx.scorecard.findUniqueOrThrow({ where: { assignmentId }, select: { id: true } });
      await tx.scoreValue.deleteMany({ where: { scorecardId: card.id } });
      const scored = input.values.filter((v): v is typeof v & { value: number } => v.value !== null);
      if (scored.length > 0) {
        await tx.scoreValue.createMany({ data: scored.map((v) => ({ scorecardId: card.id, criterionId: v.criterionId, value: v.value, comment: v.comment || null })) });
      }
      return this.read(tx, assignmentId, criteria);
    });
  }

  /**
   * Submits the draft: every criterion scored (rule 10) within its scale, then SUBMITTED with its
   * weighted score (rule 1) stored. Submitting again what is already submitted (a double click) returns
   * it unchanged; a submitted scorecard is otherwise locked (409 CONFLICT, reason SUBMITTED).
   */
  async submit(assignmentId: string, input: SubmitScorecard, user: AuthenticatedUser, ctx: RequestContext): Promise<TScorecard> {
    return this.prisma.$transaction(async (tx) => {
      const assignment = await this.writable(tx, assignmentId, user);
      const criteria = await this.jury.criteria(tx, [assignment.roundId]);
      // The call's ranking stamp before the scorecard: the order a criteria reset takes them in.
      await lockRankingStamp(tx, assignment.roundId);
      const locked = await lockScorecard(tx, assignmentId);
      if (locked?.status === 'SUBMITTED') {
        if (locked.version === input.version) return this.read(tx, assignmentId, criteria);
        throw new AppError('CONFLICT', { reason: 'SUBMITTED' });
      }
      if ((locked?.version ?? 1) !== input.version) throw new AppError('VERSION_CONFLICT', { current: await this.read(tx, assignmentId, criteria) });
      const card = locked ? await tx.scorecard.findUniqueOrThrow({ where: { id: locked.id }, select: SCORECARD_FIELDS }) : null;
      const values = new Map((card?.values ?? []).map((v) => [v.criterionId, v.value]));
      const missing = criteria.filter((c) => !values.has(c.id));
      if (missing.length > 0 || criteria.length === 0) {
        throw new ZodError(missing.map((c) => ({ code: 'invalid_type', expected: 'number', path: ['values', c.id, 'value'], message: 'Required' }) as core.$ZodIssue));
      }
      assertValuesInScale(criteria, criteria.map((c) => ({ criterionId: c.id, value: values.get(c.id)! })));
      const score = weightedScore(criteria, values)!;
      const submittedAt = new Date();
      await tx.scorecard.update({ where: { id: card!.id }, data: { status: 'SUBMITTED', submittedAt, weightedScore: score } });
      await this.audit.record(tx, ctx, {
        action: 'scorecard.submitted',
        entityType: 'Scorecard',
        entityId: card!.id,
        after: { assignmentId, roundId: assignment.roundId, applicationId: assignment.applicationId, weightedScore: score, values: Object.fromEntries(values), version: input.version },
      });
      return this.read(tx, assignmentId, criteria);
    });
  }

  /** Staff send a submitted scorecard back to its juror as a draft, with a reason the juror is emailed. */
  async reopen(assignmentId: string, input: ReopenScorecard, ctx: RequestContext): Promise<TScorecard> {
    return this.prisma.$transaction(async (tx) => {
      const assignment = await tx.assignment.findUnique({
        where: { id: assignmentId },
        select: {
          id: true,
          roundId: true,
          applicationId: true,
          application: { select: { reference: true } },
          round: { select: { name: true, call: { select: { title: true } } } },
          juror: { select: { user: { select: { id: true, email: true, displayName: true, locale: true } } } },
        },
      });
      if (!assignment) throw new AppError('NOT_FOUND');
      // The call's ranking stamp before the scorecard: the order a criteria reset takes them in.
      await lockRankingStamp(tx, assignment.roundId);
      const locked = await lockScorecard(tx, assignmentId);
      if (!locked) throw new AppError('NOT_FOUND');
      if (locked.status !== 'SUBMITTED') throw new AppError('CONFLICT', { reason: 'NOT_SUBMITTED' });
      const before = await tx.scorecard.findUniqueOrThrow({ where: { id: locked.id }, select: { weightedScore: true, submittedAt: true, version: true } });
      const reopenedAt = new Date();
      await tx.scorecard.update({
        where: { id: locked.id },
        // The version moves on, so a page still showing the submitted card cannot overwrite the reopened draft.
        data: { status: 'DRAFT', submittedAt: null, weightedScore: null, reopenedAt, reopenReason: input.reason, reopenedById: ctx.user?.id ?? null, version: { increment: 1 } },
      });
      await this.audit.record(tx, ctx, {
        action: 'scorecard.reopened',
        entityType: 'Scorecard',
        entityId: locked.id,
        before: { status: 'SUBMITTED', weightedScore: before.weightedScore, submittedAt: before.submittedAt?.toISOString() ?? null, version: before.version },
        after: { status: 'DRAFT', reason: input.reason, assignmentId, roundId: assignment.roundId, applicationId: assignment.applicationId },
      });
      const juror = assignment.juror.user;
      const locale = juror.locale;
      await this.outbox.enqueue(tx, {
        to: juror.email,
        locale,
        template: 'scorecard-reopened',
        userId: juror.id,
        params: {
          name: juror.displayName,
          callTitle: textIn(assignment.round.call.title, locale),
          roundName: textIn(assignment.round.name, locale),
          applicationLabel: applicationLabel(assignment),
          reason: input.reason,
          link: `${this.config.appUrl}/jury/assignments/${assignment.id}`,
        },
      });
      return this.read(tx, assignmentId);
    });
  }

  /** The caller's visible assignment in a round that accepts work now (dates), else the usual refusal. */
  private async writable(tx: Tx, assignmentId: string, user: AuthenticatedUser): Promise<VisibleAssignment> {
    const assignment = (await this.jury.find(tx, user.id, assignmentId)) ?? (await refuseAssignment(tx, user, assignmentId));
    assertRoundAcceptsWork(assignment.round);
    return assignment;
  }

  private async refuseStale(tx: Tx, assignmentId: string): Promise<never> {
    const current = await this.read(tx, assignmentId);
    if (current.status === 'SUBMITTED') throw new AppError('CONFLICT', { reason: 'SUBMITTED' });
    throw new AppError('VERSION_CONFLICT', { current });
  }

  /** The scorecard with one line per criterion of the round (value null where not scored yet). */
  private async read(db: Db, assignmentId: string, known?: CriterionRow[]): Promise<TScorecard> {
    const card = await db.scorecard.findUnique({ where: { assignmentId }, select: SCORECARD_FIELDS });
    const criteria = known ?? (await this.jury.criteria(db, [(await db.assignment.findUniqueOrThrow({ where: { id: assignmentId }, select: { roundId: true } })).roundId]));
    return toScorecard(assignmentId, card, criteria);
  }
}

function toScorecard(assignmentId: string, card: ScorecardRow | null, criteria: readonly CriterionRow[]): TScorecard {
  const values = new Map((card?.values ?? []).map((v) => [v.criterionId, v]));
  return {
    assignmentId,
    status: card?.status ?? 'DRAFT',
    version: card?.version ?? 1,
    values: criteria.map((c) => ({ criterionId: c.id, value: values.get(c.id)?.value ?? null, comment: values.get(c.id)?.comment ?? null })),
    overallComment: card?.overallComment ?? null,
    commentShareable: card?.commentShareable ?? false,
    weightedScore: card?.status === 'SUBMITTED' ? card.weightedScore : weightedScore(criteria, new Map([...values].map(([id, v]) => [id, v.value]))),
    submittedAt: card?.submittedAt?.toISOString() ?? null,
    reopenedAt: card?.reopenedAt?.toISOString() ?? null,
    reopenReason: card?.reopenReason ?? null,
  };
}

/** Takes the scorecard's row lock for the rest of the transaction (null when none was saved yet). */
async function lockScorecard(tx: Tx, assignmentId: string): Promise<{ id: string; status: 'DRAFT' | 'SUBMITTED'; version: number } | null> {
  const rows = await tx.$queryRaw<Array<{ id: string; status: 'DRAFT' | 'SUBMITTED'; version: number }>>`
    SELECT id::text AS id, status::text AS status, version FROM "Scorecard" WHERE "assignmentId" = ${assignmentId}::uuid FOR UPDATE`;
  return rows[0] ?? null;
}

/** Values must name criteria of the round, once each, within each criterion's scale: 400 pointing at the value. */
function assertValuesInScale(criteria: readonly CriterionRow[], values: ReadonlyArray<{ criterionId: string; value: number | null }>): void {
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const issues: core.$ZodIssue[] = [];
  values.forEach((v, i) => {
    const criterion = byId.get(v.criterionId);
    if (!criterion || seen.has(v.criterionId)) {
      issues.push({ code: 'invalid_value', values: criteria.map((c) => c.id), path: ['values', i, 'criterionId'], message: 'Unknown criterion' } as core.$ZodIssue);
      return;
    }
    seen.add(v.criterionId);
    if (v.value === null) return;
    if (v.value < criterion.scaleMin) issues.push({ code: 'too_small', origin: 'number', minimum: criterion.scaleMin, inclusive: true, path: ['values', i, 'value'], message: 'Too small' } as core.$ZodIssue);
    else if (v.value > criterion.scaleMax) issues.push({ code: 'too_big', origin: 'number', maximum: criterion.scaleMax, inclusive: true, path: ['values', i, 'value'], message: 'Too big' } as core.$ZodIssue);
  });
  if (issues.length > 0) throw new ZodError(issues);
}

