import { Inject, Injectable } from '@nestjs/common';
import { errorMessage, type TAdvance, type TAdvanceList, type TAdvanceRequest, type TAdvanceResult, type ZAdvanceRequest } from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';
import type { z } from 'zod';
import { PRISMA } from '../../config/config.module';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { AuditService } from '../audit/audit.service';
import { WorkNoticesService } from '../notifications/work-notices.service';
import { materialiseRoundApplications } from '../rounds/round-applications';
import { suggestConflicts } from '../jury-admin/conflict-suggestions';
import { NOT_ADVANCEABLE, ShortlistsRepository, type AdvanceRow, type RoundRow } from './shortlists.repository';
import { defaultRoundName } from '../rounds/first-round';
import { lockRankingStamp } from '../results/ranking-stamp-lock';

type AdvanceRequest = z.output<typeof ZAdvanceRequest>;

/** Big shortlists (10,000 applications) stay one transaction. */
const TRANSACTION = { timeout: 120_000, maxWait: 10_000 } as const;

/**
 * Shortlisting: applications of a round are advanced into a later round of the call, where they get
 * that round's own criteria, jurors and assignments, and become SHORTLISTED. Every advance is audited
 * and can be undone while nothing in the target round rests on it.
 */
@Injectable()
export class ShortlistsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly repo: ShortlistsRepository,
    private readonly audit: AuditService,
    private readonly workNotices: WorkNoticesService,
  ) {}

  async advance(roundId: string, input: TAdvanceRequest, ctx: RequestContext): Promise<TAdvanceResult> {
    const body = input as AdvanceRequest;
    const actorId = ctx.user?.id ?? null;
    const ids = [...new Set(body.applicationIds.map((id) => id.toLowerCase()))];
    const outcome = await this.prisma.$transaction(async (tx) => {
      const source = await this.repo.findRound(tx, roundId);
      if (!source) throw new AppError('NOT_FOUND');
      // The call's ranking stamp first: the lock every change of scorecards, assignments or rounds takes first.
      await lockRankingStamp(tx, source.id);
      await this.repo.lockRound(tx, source.id, 'share');
      // Round 1's membership is written before any status changes, so the shortlisted stay in round 1.
      await materialiseRoundApplications(tx, source, actorId);

      const { target, created } = body.newRound ? await this.newTarget(tx, source, body.newRound, ctx) : await this.target(tx, source, body.targetRoundId, ctx);
      await this.repo.lockRound(tx, target.id, 'update');

      const selected = await this.repo.selectApplications(tx, source, ids);
      const found = new Map(selected.map((a) => [a.id, a]));
      const notInRound = ids.filter((id) => {
        const application = found.get(id);
        return !application || (!application.inRound && !NOT_ADVANCEABLE.includes(application.status));
      });
      if (notInRound.length > 0) {
        const message = errorMessage('VALIDATION_FAILED', ctx.locale);
        const position = new Map<string, number>();
        body.applicationIds.forEach((given, index) => position.set(given.toLowerCase(), position.get(given.toLowerCase()) ?? index));
        throw new AppError('VALIDATION_FAILED', notInRound.map((id) => ({ path: ['applicationIds', position.get(id)!], code: 'NOT_IN_ROUND', message, applicationId: id })));
      }
      const refused = selected.filter((a) => NOT_ADVANCEABLE.includes(a.status));
      if (refused.length > 0) throw new AppError('CONFLICT', { reason: 'APPLICATION_NOT_ADVANCEABLE', applications: refused.map((a) => ({ applicationId: a.id, status: a.status })) });

      const alreadyIn = await this.repo.alreadyIn(tx, target.id, ids);
      const toAdd = ids.filter((id) => !alreadyIn.has(id));
      const advance = await this.repo.createAdvance(tx, { fromRoundId: source.id, toRoundId: target.id, createdById: actorId, applicationIds: toAdd });
      const added = await this.repo.addToRound(tx, target.id, advance.id, toAdd, actorId);
      // The target round is locked, so nothing else can have taken these in meanwhile.
      if (added.length !== toAdd.length) throw new Error(`advance ${advance.id}: ${added.length} of ${toAdd.length} rows written`);
      await this.repo.shortlist(tx, added);
      // The target round's jurors may work for one of the newcomers' organisations.
      if (added.length > 0) await suggestConflicts(tx, { roundId: target.id }, this.audit, ctx);
      // Newcomers in a round already OPEN wait for its jurors now, as if it had just opened: a final
      // ballot's jurors are told the new number of finalists (each batch once). The notice reads the
      // round's status under this transaction's lock and sends nothing while it is not OPEN.
      if (added.length > 0) await this.workNotices.roundOpened(tx, target.id);
      await this.audit.record(tx, ctx, {
        action: 'round.advanced',
        entityType: 'Round',
        entityId: source.id,
        after: { advanceId: advance.id, fromRoundId: source.id, toRoundId: target.id, toRoundNumber: target.number, roundCreated: created, added: added.length, alreadyIn: alreadyIn.size, applicationIds: added },
      });
      return { advanceId: advance.id, added: added.length, alreadyIn: alreadyIn.size, roundCreated: created };
    }, TRANSACTION);
    return { advance: await this.one(this.prisma, roundId, outcome.advanceId), added: outcome.added, alreadyIn: outcome.alreadyIn, roundCreated: outcome.roundCreated };
  }

  async list(roundId: string): Promise<TAdvanceList> {
    if (!(await this.repo.findRound(this.prisma, roundId))) throw new AppError('NOT_FOUND');
    return { items: (await this.repo.advances(this.prisma, roundId)).map(toAdvance) };
  }

  /**
   * Undoes an advance while nothing rests on it: its applications leave the target round (with their
   * draft scorecards and assignments there) and get back the status they had before it.
   */
  async undo(roundId: string, advanceId: string, ctx: RequestContext): Promise<TAdvance> {
    await this.prisma.$transaction(async (tx) => {
      const found = (await this.repo.advances(tx, roundId, advanceId))[0];
      if (!found) throw new AppError('NOT_FOUND');
      // The call's ranking stamp first: the lock every change of scorecards, assignments or rounds takes first.
      await lockRankingStamp(tx, found.toRoundId);
      await this.repo.lockRound(tx, found.toRoundId, 'update');
      // Checked again under the lock (and with the target's scorecards locked), not trusted from the read above.
      const submitted = await this.repo.lockedSubmittedCount(tx, found.toRoundId);
      const current = (await this.repo.advances(tx, roundId, advanceId))[0]!;
      const block = current.block ?? (submitted > 0 ? 'TARGET_HAS_SUBMITTED_SCORECARDS' : null);
      if (block) throw new AppError('CONFLICT', { reason: block, advanceId, toRoundId: current.toRoundId });

      const rows = await this.repo.addedRows(tx, current.toRoundId, advanceId);
      const removed = await this.repo.removeFromRound(tx, current.toRoundId, advanceId);
      const restored = await this.repo.restoreStatuses(tx, rows);
      await this.repo.markUndone(tx, advanceId, ctx.user?.id ?? null);
      await this.audit.record(tx, ctx, {
        action: 'round.advance_undone',
        entityType: 'Round',
        entityId: roundId,
        before: { advanceId, fromRoundId: roundId, toRoundId: current.toRoundId, applicationIds: rows.map((r) => r.applicationId) },
        after: { removedApplications: removed.applications, removedAssignments: removed.assignments, restoredStatuses: restored },
      });
    }, TRANSACTION);
    return this.one(this.prisma, roundId, advanceId);
  }

  /**
   * The round to advance into: the one asked for (a later round of the same call, not closed), or the
   * round numbered one more, created as a DRAFT copy of the source (settings and criteria) when missing.
   */
  private async target(tx: Prisma.TransactionClient, source: RoundRow, targetRoundId: string | undefined, ctx: RequestContext): Promise<{ target: RoundRow; created: boolean }> {
    const invalid = (code: string) => new AppError('VALIDATION_FAILED', [{ path: ['targetRoundId'], code, message: errorMessage('VALIDATION_FAILED', ctx.locale) }]);
    let target: RoundRow | null;
    let created = false;
    if (targetRoundId !== undefined) {
      target = await this.repo.findRound(tx, targetRoundId.toLowerCase());
      if (!target || target.callId !== source.callId) throw invalid('NOT_A_ROUND_OF_THE_CALL');
      if (target.number <= source.number) throw invalid('NOT_A_LATER_ROUND');
    } else {
      const number = source.number + 1;
      target = await this.repo.findRoundByNumber(tx, source.callId, number);
      if (!target) {
        // As when staff create a round: numbers of a call are given under its lock.
        await this.repo.lockCall(tx, source.callId);
        target = await this.repo.createRoundFrom(tx, source, number, defaultRoundName(number));
        if (target) {
          created = true;
          await this.audit.record(tx, ctx, {
            action: 'round.created', entityType: 'Round', entityId: target.id,
            after: { callId: source.callId, number, status: target.status, copiedFrom: source.id, automatic: true },
          });
        } else {
          target = (await this.repo.findRoundByNumber(tx, source.callId, number))!;
        }
      }
    }
    if (target.status === 'CLOSED') throw new AppError('CONFLICT', { reason: 'TARGET_ROUND_CLOSED', toRoundId: target.id });
    return { target, created };
  }

  /** A new DRAFT round of the asked kind, numbered after the call's last round, to advance into. */
  private async newTarget(tx: Prisma.TransactionClient, source: RoundRow, wanted: NonNullable<AdvanceRequest['newRound']>, ctx: RequestContext): Promise<{ target: RoundRow; created: boolean }> {
    // As when staff create a round: numbers of a call are given under its lock.
    await this.repo.lockCall(tx, source.callId);
    const number = await this.repo.nextNumber(tx, source.callId);
    const name = wanted.name && Object.values(wanted.name).some((text) => text.trim() !== '') ? wanted.name : defaultRoundName(number);
    const target = (await this.repo.createRoundFrom(tx, source, number, name, wanted.kind))!;
    await this.audit.record(tx, ctx, {
      action: 'round.created', entityType: 'Round', entityId: target.id,
      after: { callId: source.callId, number, type: target.type, status: target.status, copiedFrom: source.id },
    });
    return { target, created: true };
  }

  private async one(db: PrismaClient, roundId: string, advanceId: string): Promise<TAdvance> {
    const row = (await this.repo.advances(db, roundId, advanceId))[0];
    if (!row) throw new AppError('NOT_FOUND');
    return toAdvance(row);
  }
}

function toAdvance(row: AdvanceRow): TAdvance {
  return {
    id: row.id,
    fromRoundId: row.fromRoundId,
    toRoundId: row.toRoundId,
    toRoundNumber: row.toRoundNumber,
    applicationIds: row.applicationIds,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdById ? { id: row.createdById, displayName: row.createdByName ?? '' } : null,
    undoneAt: row.undoneAt?.toISOString() ?? null,
    undoable: row.block === null,
    undoBlockedBy: row.block,
  };
}
