import { Inject, Injectable } from '@nestjs/common';
import { allFields, type TConflict, type TBid, type TBidPreference, type TExpertise, type TFormDefinition, type TJuryBidding, type TLocalizedText, type TRoundStatus } from '@tahkim/contracts';
import type { PrismaClient } from '@tahkim/db';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { PRISMA } from '../../config/config.module';
import type { AuthenticatedUser } from '../auth/auth.types';
import { AuditService } from '../audit/audit.service';
import { loadCallForm } from '../calls/call-form';
import { juryForm, juryTitle } from '../jury/blind-view';
import { suggestConflicts } from '../jury-admin/conflict-suggestions';
import { applyConflict } from '../jury-admin/conflicts.effects';
import { applicationIdentityMatcher, type IdentityMatcher } from '../jury/identity-model';
import { applicationTopics, SUMMARY_KEYS } from './application-topics';
import { biddableSql } from './expertise.access';
import { expertiseConflict } from './expertise-conflict';
import { ExpertiseRepository } from './expertise.repository';
import { writeExpertise } from './topics.service';

interface BiddingRow {
  id: string;
  reference: string | null;
  title: string | null;
  answers: Record<string, unknown> | null;
  topicTags: string[] | null;
  tagged: boolean;
  displayName: string;
  email: string;
  organisation: string | null;
  preference: 'WANT' | 'RATHER_NOT' | null;
}

/** The question that summarises the project among those the juror may read; else their first long text. */
function summaryField(form: TFormDefinition) {
  const longTexts = allFields(form).filter((field) => field.type === 'LONG_TEXT' && !field.hidden);
  return SUMMARY_KEYS.map((key) => longTexts.find((field) => field.key === key)).find(Boolean) ?? longTexts[0];
}

/**
 * The juror's side of preparing a round: their expertise among the call's topics and, while bidding is
 * open, which applications they would like to read. Whoever is not a juror of the round gets 404; in a
 * blind round an application is its reference, its (non-identifying) title and its summary, masked.
 */
@Injectable()
export class BiddingService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly repo: ExpertiseRepository,
    private readonly audit: AuditService,
  ) {}

  async get(roundId: string, user: AuthenticatedUser, ctx: RequestContext): Promise<TJuryBidding> {
    const juror = await this.membership(this.prisma, roundId, user);
    const { round } = juror;
    const [topics, { form }] = await Promise.all([this.repo.callTopics(this.prisma, round.callId), loadCallForm(this.prisma, round.callId)]);
    const open = round.biddingOpen && round.status !== 'CLOSED';
    // Projects of the juror's own organisation (submitted since the last check) become suggested conflicts
    // before the list is read: they are never shown.
    if (open) await this.prisma.$transaction((tx) => suggestConflicts(tx, { roundId, userIds: [user.id] }, this.audit, ctx));
    const rows = open ? await this.rows(juror.id, user.id, round) : [];
    const known = new Set(topics.map((t) => t.key));
    const visible = juryForm(form, round.blind);
    const summary = summaryField(visible);
    const fieldKey = round.call.topicFieldKey;
    return {
      round: {
        id: round.id, name: round.name as TLocalizedText, blind: round.blind, biddingOpen: round.biddingOpen, status: round.status as TRoundStatus,
        call: { id: round.call.id, title: round.call.title as TLocalizedText },
      },
      topics,
      // Keys of topics removed since are not the juror's expertise any more.
      expertise: juror.expertise.filter((key) => known.has(key)),
      items: rows.map((row) => {
        const answers = row.answers ?? {};
        // Built only in a blind round, once per application.
        let identity: IdentityMatcher | undefined;
        const identityOf = () => (identity ??= applicationIdentityMatcher({ form, answers, owner: row }));
        const mask = (text: string) => (round.blind ? identityOf().mask(text) : text);
        const summaryText = summary ? answers[summary.key] : undefined;
        return {
          applicationId: row.id,
          applicationLabel: row.reference ?? row.id.slice(-8).toUpperCase(),
          title: juryTitle(row.title, form, round.blind, identityOf),
          summary: typeof summaryText === 'string' && summaryText.trim() !== '' ? mask(summaryText) : null,
          topics: applicationTopics(topics, { answer: fieldKey === null ? undefined : answers[fieldKey], topicTags: row.topicTags ?? [], tagged: row.tagged }).topics,
          preference: row.preference ?? 'NEUTRAL',
        };
      }),
    };
  }

  /** The juror declares their expertise (until the round closes). */
  async setExpertise(roundId: string, topics: string[], user: AuthenticatedUser, ctx: RequestContext): Promise<TExpertise> {
    return this.prisma.$transaction(async (tx) => {
      const juror = await this.membership(tx, roundId, user);
      if (juror.round.status === 'CLOSED') throw expertiseConflict('ROUND_CLOSED');
      return writeExpertise(tx, this.repo, this.audit, ctx, { jurorId: juror.id, callId: juror.round.callId, before: juror.expertise, topics, by: 'JUROR' });
    });
  }

  /** One bid; NEUTRAL removes it. Only while bidding is open, on an application of the round the juror has no conflict with. */
  async bid(roundId: string, applicationId: string, preference: TBidPreference, user: AuthenticatedUser, ctx: RequestContext): Promise<TBid> {
    return this.prisma.$transaction(async (tx) => {
      const juror = await this.membership(tx, roundId, user);
      const { round } = juror;
      // A juror's bids are written one at a time (a quick series of clicks on one project, say).
      await tx.$queryRaw`SELECT "id" FROM "Juror" WHERE "id" = ${juror.id}::uuid FOR UPDATE`;
      if (round.biddingOpen && round.status !== 'CLOSED') await suggestConflicts(tx, { roundId, userIds: [user.id] }, this.audit, ctx);
      const [visible] = await tx.$queryRaw<Array<{ id: string }>>`
        SELECT a."id" FROM "Application" a
        WHERE a."id" = ${applicationId}::uuid AND ${biddableSql(round, user.id)}`;
      if (!round.biddingOpen || round.status === 'CLOSED') throw expertiseConflict('BIDDING_CLOSED');
      if (!visible) throw new AppError('NOT_FOUND');
      const before = await tx.bid.findUnique({ where: { jurorId_applicationId: { jurorId: juror.id, applicationId } }, select: { preference: true } });
      if (preference === 'NEUTRAL') await tx.bid.deleteMany({ where: { jurorId: juror.id, applicationId } });
      else {
        await tx.bid.upsert({
          where: { jurorId_applicationId: { jurorId: juror.id, applicationId } },
          create: { roundId, jurorId: juror.id, applicationId, preference },
          update: { preference },
        });
      }
      if ((before?.preference ?? 'NEUTRAL') !== preference) {
        await this.audit.record(tx, ctx, { action: 'bid.updated', entityType: 'Juror', entityId: juror.id, before: { applicationId, preference: before?.preference ?? 'NEUTRAL' }, after: { applicationId, preference } });
      }
      return { applicationId, preference };
    });
  }

  /**
   * The juror declares a conflict with a project they may bid on: CONFIRMED at once for every round of the
   * call, as a declaration from an assignment is (any assignment of theirs to it goes), and their bid on it
   * with it. 404 for a project they cannot see (not in the round, already in conflict).
   */
  async declareConflict(roundId: string, applicationId: string, reason: string, user: AuthenticatedUser, ctx: RequestContext): Promise<TConflict> {
    return this.prisma.$transaction(async (tx) => {
      const juror = await this.membership(tx, roundId, user);
      const { round } = juror;
      const [application] = await tx.$queryRaw<Array<{ id: string; reference: string | null }>>`
        SELECT a."id", a."reference" FROM "Application" a
        WHERE a."id" = ${applicationId}::uuid AND ${biddableSql(round, user.id)}`;
      if (!application || round.status === 'CLOSED') throw new AppError('NOT_FOUND');
      const before = await tx.conflictOfInterest.findUnique({ where: { userId_applicationId: { userId: user.id, applicationId } }, select: { status: true, source: true, reason: true } });
      const data = { reason, source: 'DECLARED' as const, status: 'CONFIRMED' as const, declaredById: user.id, reviewedById: null, reviewedAt: null };
      const conflict = await tx.conflictOfInterest.upsert({
        where: { userId_applicationId: { userId: user.id, applicationId } },
        create: { userId: user.id, applicationId, ...data },
        update: data,
        select: { id: true, userId: true, applicationId: true, reason: true, source: true, status: true, createdAt: true },
      });
      await this.audit.record(tx, ctx, {
        action: 'conflict.declared', entityType: 'ConflictOfInterest', entityId: conflict.id,
        ...(before ? { before } : {}),
        after: { userId: user.id, applicationId, roundId, reason, source: 'DECLARED', status: 'CONFIRMED' },
      });
      await applyConflict(tx, { userId: user.id, applicationId, conflictId: conflict.id }, this.audit, ctx);
      await tx.bid.deleteMany({ where: { jurorId: juror.id, applicationId } });
      return {
        id: conflict.id, jurorUserId: conflict.userId, jurorName: user.displayName, applicationId, applicationReference: application.reference,
        reason: conflict.reason, source: conflict.source, status: conflict.status, createdAt: conflict.createdAt.toISOString(),
      };
    });
  }

  /** The caller's membership of the round, or 404 for anyone else (staff included: they use the staff screens). */
  private async membership(db: Pick<PrismaClient, 'juror'>, roundId: string, user: AuthenticatedUser) {
    const juror = await db.juror.findUnique({
      where: { roundId_userId: { roundId, userId: user.id } },
      select: {
        id: true, expertise: true,
        round: { select: { id: true, number: true, callId: true, name: true, blind: true, status: true, biddingOpen: true, call: { select: { id: true, title: true, topicFieldKey: true } } } },
      },
    });
    if (!juror) throw new AppError('NOT_FOUND');
    return juror;
  }

  /** The round's applications the juror has no conflict with (confirmed or suggested), with the juror's bids. */
  private rows(jurorId: string, userId: string, round: { id: string; number: number; callId: string }): Promise<BiddingRow[]> {
    return this.prisma.$queryRaw<BiddingRow[]>`
      SELECT a."id", a."reference", a."title", a."answers", a."topicTags", a."topicsTaggedAt" IS NOT NULL AS "tagged",
        u."displayName", u."email", u."organisation", b."preference"::text AS "preference"
      FROM "Application" a
      JOIN "User" u ON u."id" = a."ownerId"
      LEFT JOIN "Bid" b ON b."applicationId" = a."id" AND b."jurorId" = ${jurorId}::uuid
      WHERE ${biddableSql(round, userId)}
      ORDER BY a."reference" NULLS LAST, a."id"`;
  }
}
