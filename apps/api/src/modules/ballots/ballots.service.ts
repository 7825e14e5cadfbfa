import { Inject, Injectable } from '@nestjs/common';
import type { TBallotCandidate, TBallotConflict, TJuryBallot, TJuryBallotRoundList, TLocalizedText, ZDeclareBallotConflictRequest, ZPutBallotRequest, ZSubmitBallotRequest } from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';
import { ZodError, type core, type z } from 'zod';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { PRISMA } from '../../config/config.module';
import { titleField } from '../applications/application-rules';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/auth.types';
import { loadCallForm } from '../calls/call-form';
import { applicationIdentityMatcher } from '../jury/identity-model';
import { assertRoundAcceptsWork } from '../jury/jury.access';
import { applyConflict } from '../jury-admin/conflicts.effects';
import { assertPermutation, currentOrder, isPermutation } from './ballot-order';
import { BallotsRepository, type BallotSeat, type CandidateRow } from './ballots.repository';

type Db = PrismaClient | Prisma.TransactionClient;
type PutBallot = z.infer<typeof ZPutBallotRequest>;
type SubmitBallot = z.infer<typeof ZSubmitBallotRequest>;
type DeclareBallotConflict = z.infer<typeof ZDeclareBallotConflictRequest>;

/**
 * A juror's final ballot: they order every application of an OPEN ballot round they sit on, except
 * those they are conflicted on; drafts autosave with versions; submission is audited and locks it.
 * Any other caller (another round's juror, an applicant, staff off the jury) is told the round does not exist.
 */
@Injectable()
export class BallotsService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly repo: BallotsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthenticatedUser): Promise<TJuryBallotRoundList> {
    const seats = await this.repo.seats(this.prisma, user.id);
    return {
      items: seats.map((seat) => ({
        roundId: seat.round.id,
        name: seat.round.name as TLocalizedText,
        call: { id: seat.round.call.id, title: seat.round.call.title as TLocalizedText },
        closesAt: seat.round.closesAt?.toISOString() ?? null,
        status: seat.ballot?.status ?? 'TO_DO',
        submittedAt: seat.ballot?.submittedAt?.toISOString() ?? null,
      })),
    };
  }

  async get(roundId: string, user: AuthenticatedUser): Promise<TJuryBallot> {
    const seat = await this.seat(this.prisma, roundId, user);
    return this.read(this.prisma, seat, user);
  }

  /**
   * Draft autosave. The version the page started from is checked by the UPDATE itself, so of two saves
   * from one version only the first lands; the other gets VERSION_CONFLICT with what is saved.
   */
  async save(roundId: string, input: PutBallot, user: AuthenticatedUser): Promise<TJuryBallot> {
    return this.prisma.$transaction(async (tx) => {
      const seat = await this.seat(tx, roundId, user);
      assertRoundAcceptsWork(seat.round);
      const allowed = (await this.candidates(tx, seat, user)).map((c) => c.id);
      assertPermutation(input.order, allowed);
      const saved = await this.repo.saveDraft(tx, roundId, seat.jurorId, input.version, input.order, input.comment || null);
      if (!saved) {
        const current = await this.read(tx, seat, user);
        if (current.ballot.status === 'SUBMITTED') throw new AppError('CONFLICT', { reason: 'SUBMITTED' });
        throw new AppError('VERSION_CONFLICT', { current });
      }
      return this.read(tx, seat, user);
    });
  }

  /**
   * Submits the saved order, which must still order exactly the applications the juror may order.
   * Submitting again what is already submitted (a double click) returns it unchanged; a submitted ballot
   * is otherwise locked (409 CONFLICT, reason SUBMITTED) until staff reopen it.
   */
  async submit(roundId: string, input: SubmitBallot, user: AuthenticatedUser, ctx: RequestContext): Promise<TJuryBallot> {
    return this.prisma.$transaction(async (tx) => {
      const seat = await this.seat(tx, roundId, user);
      assertRoundAcceptsWork(seat.round);
      const locked = await this.repo.lock(tx, roundId, seat.jurorId);
      if (locked?.status === 'SUBMITTED') {
        if (locked.version === input.version) return this.read(tx, seat, user);
        throw new AppError('CONFLICT', { reason: 'SUBMITTED' });
      }
      if ((locked?.version ?? 1) !== input.version) throw new AppError('VERSION_CONFLICT', { current: await this.read(tx, seat, user) });
      const allowed = (await this.candidates(tx, seat, user)).map((c) => c.id);
      const ballot = await this.repo.ballot(tx, roundId, seat.jurorId);
      const order = (ballot?.entries ?? []).map((e) => e.applicationId);
      if (!ballot || !isPermutation(order, allowed)) {
        // Nothing saved yet, or the round's applications (or the juror's conflicts) changed since the last save.
        throw new ZodError([{ code: 'too_small', origin: 'array', minimum: allowed.length, inclusive: true, path: ['order'], message: 'Save a complete order first', input: undefined } as core.$ZodIssue]);
      }
      await this.repo.markSubmitted(tx, ballot.id, new Date());
      await this.audit.record(tx, ctx, {
        action: 'ballot.submitted',
        entityType: 'Ballot',
        entityId: ballot.id,
        after: { roundId, jurorId: seat.jurorId, order, version: input.version },
      });
      return this.read(tx, seat, user);
    });
  }

  /**
   * The juror declares a conflict of interest with a finalist of this ballot. It is in force at once
   * (CONFIRMED, like any juror's declaration): the finalist leaves their ballot, draft or submitted (the
   * others keep their order, so a submitted ballot stays submitted and counts without that preference,
   * as the result already reads conflicted ballots), and any assignment of theirs to that application in
   * another round goes, as for a declaration from the scoring workspace. Allowed whatever the ballot's
   * state and after the deadline: a conflict discovered late must still be said. Audited in the same
   * transaction, with the ballot's order before and after.
   */
  async declareConflict(roundId: string, input: DeclareBallotConflict, user: AuthenticatedUser, ctx: RequestContext): Promise<TJuryBallot> {
    return this.prisma.$transaction(async (tx) => {
      const seat = await this.seat(tx, roundId, user);
      const finalist = (await this.repo.candidates(tx, seat.round)).find((c) => c.id === input.applicationId);
      if (!finalist) throw new AppError('NOT_FOUND');
      const locked = await this.repo.lock(tx, roundId, seat.jurorId);
      const ballot = locked ? await this.repo.ballot(tx, roundId, seat.jurorId) : null;
      const orderBefore = (ballot?.entries ?? []).map((e) => e.applicationId);
      if (ballot && locked && orderBefore.includes(finalist.id)) await this.repo.removeEntry(tx, ballot.id, finalist.id, locked.status);
      const conflict = await this.repo.declareConflict(tx, user.id, finalist.id, input.reason);
      await this.audit.record(tx, ctx, {
        action: 'conflict.declared',
        entityType: 'ConflictOfInterest',
        entityId: conflict.id,
        ...(conflict.before ? { before: conflict.before } : {}),
        after: {
          userId: user.id, applicationId: finalist.id, roundId, reason: input.reason, source: 'DECLARED', status: 'CONFIRMED',
          ballot: ballot ? { id: ballot.id, status: ballot.status, orderBefore, orderAfter: orderBefore.filter((id) => id !== finalist.id) } : null,
        },
      });
      await applyConflict(tx, { userId: user.id, applicationId: finalist.id, conflictId: conflict.id }, this.audit, ctx);
      return this.read(tx, seat, user);
    });
  }

  /** The caller's seat on this OPEN ballot round, else 404 like an id that does not exist. */
  private async seat(db: Db, roundId: string, user: AuthenticatedUser): Promise<BallotSeat> {
    const [seat] = await this.repo.seats(db, user.id, roundId);
    if (!seat) throw new AppError('NOT_FOUND');
    return seat;
  }

  /** The round's applications less those the juror is conflicted on. */
  private async candidates(db: Db, seat: BallotSeat, user: AuthenticatedUser): Promise<CandidateRow[]> {
    return (await this.split(db, seat, user)).candidates;
  }

  /** The round's applications, split into those the juror orders and those they are conflicted on. */
  private async split(db: Db, seat: BallotSeat, user: AuthenticatedUser): Promise<{ candidates: CandidateRow[]; conflicts: TBallotConflict[] }> {
    const all = await this.repo.candidates(db, seat.round);
    const reasons = new Map((await this.repo.conflicts(db, [user.id], all.map((c) => c.id))).map((c) => [c.applicationId, c.reason]));
    return {
      candidates: all.filter((c) => !reasons.has(c.id)),
      conflicts: all.filter((c) => reasons.has(c.id)).map((c) => ({ applicationId: c.id, applicationLabel: label(c), reason: reasons.get(c.id) ?? null })),
    };
  }

  private async read(db: Db, seat: BallotSeat, user: AuthenticatedUser): Promise<TJuryBallot> {
    const [{ candidates, conflicts }, ballot] = await Promise.all([this.split(db, seat, user), this.repo.ballot(db, seat.round.id, seat.jurorId)]);
    const presented = await this.present(db, seat, candidates);
    const allowed = candidates.map((c) => c.id);
    const round = seat.round;
    return {
      round: {
        id: round.id,
        name: round.name as TLocalizedText,
        instructions: (round.instructions as TLocalizedText | null) ?? null,
        closesAt: round.closesAt?.toISOString() ?? null,
        blind: round.blind,
      },
      call: { id: round.call.id, title: round.call.title as TLocalizedText },
      candidates: presented,
      ballot: {
        status: ballot?.status ?? 'DRAFT',
        version: ballot?.version ?? 1,
        // A submitted ballot is shown as it was submitted; a draft is brought up to date with the round.
        order: ballot?.status === 'SUBMITTED' ? ballot.entries.map((e) => e.applicationId) : currentOrder(ballot?.entries.map((e) => e.applicationId) ?? [], allowed),
        comment: ballot?.comment ?? null,
        submittedAt: ballot?.submittedAt?.toISOString() ?? null,
        saved: ballot !== null,
      },
      conflicts,
    };
  }

  /** Reference and project title; in a blind round the title only if its question is not identifying, masked. */
  private async present(db: Db, seat: BallotSeat, candidates: readonly CandidateRow[]): Promise<TBallotCandidate[]> {
    if (!seat.round.blind) return candidates.map((c) => ({ applicationId: c.id, applicationLabel: label(c), title: c.title }));
    const { form } = await loadCallForm(db, seat.round.callId);
    const field = titleField(form);
    return candidates.map((c) => {
      const answers = c.answers && typeof c.answers === 'object' && !Array.isArray(c.answers) ? (c.answers as Record<string, unknown>) : {};
      const title =
        !c.title || !field || field.identifying
          ? null
          : applicationIdentityMatcher({ form, answers, owner: { displayName: c.ownerName, email: c.ownerEmail, organisation: c.ownerOrganisation } }).mask(c.title);
      return { applicationId: c.id, applicationLabel: label(c), title };
    });
  }
}

/** The reference says nothing of who applied; an application is always submitted (so referenced) by a final round. */
function label(candidate: Pick<CandidateRow, 'id' | 'reference'>): string {
  return candidate.reference ?? candidate.id.slice(-8).toUpperCase();
}
