import { Injectable } from '@nestjs/common';
import type { Prisma, PrismaClient } from '@tahkim/db';
import { visibleAssignmentsWhere } from './jury.access';

type Db = PrismaClient | Prisma.TransactionClient;

const ROUND_FIELDS = {
  id: true,
  callId: true,
  name: true,
  status: true,
  blind: true,
  opensAt: true,
  closesAt: true,
  call: { select: { id: true, title: true } },
} as const satisfies Prisma.RoundSelect;

const ASSIGNMENT_FIELDS = {
  id: true,
  roundId: true,
  jurorId: true,
  applicationId: true,
  createdAt: true,
  secondLookId: true,
  round: { select: ROUND_FIELDS },
  application: {
    select: {
      id: true,
      callId: true,
      status: true,
      reference: true,
      title: true,
      answers: true,
      owner: { select: { displayName: true, email: true, organisation: true } },
    },
  },
  scorecard: { select: { id: true, status: true, weightedScore: true, values: { select: { criterionId: true, value: true } } } },
} as const satisfies Prisma.AssignmentSelect;

export type VisibleAssignment = Prisma.AssignmentGetPayload<{ select: typeof ASSIGNMENT_FIELDS }>;

const CRITERION_FIELDS = { id: true, roundId: true, key: true, label: true, guidance: true, weight: true, scaleMin: true, scaleMax: true, position: true } as const satisfies Prisma.CriterionSelect;
export type CriterionRow = Prisma.CriterionGetPayload<{ select: typeof CRITERION_FIELDS }>;

/** The juror's side reads assignments only through `visibleAssignmentsWhere`. */
@Injectable()
export class JuryRepository {
  /** The caller's visible assignments (optionally one, or one round's), in assignment order. */
  list(db: Db, userId: string, filter: { id?: string; roundId?: string } = {}): Promise<VisibleAssignment[]> {
    return db.assignment.findMany({
      where: { ...visibleAssignmentsWhere(userId), ...(filter.id ? { id: filter.id } : {}), ...(filter.roundId ? { roundId: filter.roundId } : {}) },
      select: ASSIGNMENT_FIELDS,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  async find(db: Db, userId: string, id: string): Promise<VisibleAssignment | null> {
    return (await this.list(db, userId, { id }))[0] ?? null;
  }

  /** Criteria of several rounds at once, in their order. */
  criteria(db: Db, roundIds: readonly string[]): Promise<CriterionRow[]> {
    return db.criterion.findMany({ where: { roundId: { in: [...roundIds] } }, select: CRITERION_FIELDS, orderBy: [{ roundId: 'asc' }, { position: 'asc' }, { key: 'asc' }] });
  }

  /** The application form's files (never a progress report's: those are between the project and staff). */
  attachments(db: Db, applicationId: string) {
    return db.attachment.findMany({
      where: { applicationId, progressReportId: null },
      select: { id: true, fieldKey: true, fileName: true, mediaType: true, size: true, uploadedAt: true, storageKey: true },
      orderBy: [{ uploadedAt: 'asc' }, { id: 'asc' }],
    });
  }

  /** What an application's identity is made of (see identity-model.ts), for staff checks. */
  identitySources(db: Db, applicationId: string) {
    return db.application.findUnique({
      where: { id: applicationId },
      select: { id: true, callId: true, answers: true, owner: { select: { displayName: true, email: true, organisation: true } } },
    });
  }

  /** Whether the user sits on any jury, or on this round's. */
  async isJuror(db: Db, userId: string, roundId?: string): Promise<boolean> {
    return (await db.juror.count({ where: { userId, ...(roundId ? { roundId } : {}) } })) > 0;
  }
}
