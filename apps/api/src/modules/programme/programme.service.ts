import { Inject, Injectable } from '@nestjs/common';
import { ZProgrammeRequest, type TLocalizedText, type TProgramme, type TProgrammeIndicator, type TProgrammeMilestone, type TProgrammeRequest } from '@tahkim/contracts';
import { Prisma, type PrismaClient } from '@tahkim/db';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { casablancaTime } from '../../common/time/casablanca-time';
import { PRISMA } from '../../config/config.module';
import { AuditService } from '../audit/audit.service';
import { reportConflict } from '../reports/report-rules';

type Db = PrismaClient | Prisma.TransactionClient;

const PROGRAMME_ROWS = {
  milestones: { orderBy: [{ position: 'asc' }, { key: 'asc' }] },
  indicators: { orderBy: [{ position: 'asc' }, { key: 'asc' }] },
} as const satisfies Prisma.ProgrammeInclude;

type ProgrammeRow = Prisma.ProgrammeGetPayload<{ include: typeof PROGRAMME_ROWS }>;

/**
 * A call's support programme: the milestones its winners are followed by (due dates, whether a progress
 * report is due) and the impact indicators the foundation follows. Staff write it whole; keys stay stable
 * so that reports and reminders keep pointing at the same milestone. Audited in the same transaction.
 */
@Injectable()
export class ProgrammeService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly audit: AuditService,
  ) {}

  async read(callId: string): Promise<TProgramme> {
    await assertCall(this.prisma, callId);
    const row = await this.prisma.programme.findUnique({ where: { callId }, include: PROGRAMME_ROWS });
    return toProgramme(callId, row);
  }

  /** Replaces the programme; 409 VERSION_CONFLICT { current } when `version` is not the one stored (0 before any). */
  async write(callId: string, input: TProgrammeRequest, ctx: RequestContext): Promise<TProgramme> {
    const programme = ZProgrammeRequest.parse(input);
    const milestones = programme.milestones.map((milestone, index) => ({
      key: milestone.key,
      title: milestone.title,
      description: milestone.description ?? null,
      dueAt: casablancaTime.toInstant(milestone.dueAt),
      reportDue: milestone.reportDue,
      position: index + 1,
    }));
    const indicators = programme.indicators.map((indicator, index) => ({ ...indicator, position: index + 1 }));
    return this.prisma.$transaction(async (tx) => {
      await assertCall(tx, callId, true);
      const before = await tx.programme.findUnique({ where: { callId }, include: PROGRAMME_ROWS });
      if ((before?.version ?? 0) !== programme.version) throw new AppError('VERSION_CONFLICT', { current: toProgramme(callId, before) });
      const saved = before
        ? await tx.programme.update({ where: { id: before.id }, data: { version: { increment: 1 } } })
        : await tx.programme.create({ data: { callId } });
      const keep = (keys: string[]) => ({ programmeId: saved.id, key: { notIn: keys } });
      await assertNoReportsOn(tx, keep(milestones.map((milestone) => milestone.key)));
      await tx.programmeMilestone.deleteMany({ where: keep(milestones.map((milestone) => milestone.key)) });
      await tx.programmeIndicator.deleteMany({ where: keep(indicators.map((indicator) => indicator.key)) });
      for (const milestone of milestones) {
        // A milestone without a description stores none (SQL NULL), whether it had one or not.
        const data = { ...milestone, description: milestone.description ?? Prisma.DbNull };
        await tx.programmeMilestone.upsert({
          where: { programmeId_key: { programmeId: saved.id, key: milestone.key } },
          create: { programmeId: saved.id, ...data },
          update: data,
        });
      }
      for (const indicator of indicators) {
        await tx.programmeIndicator.upsert({
          where: { programmeId_key: { programmeId: saved.id, key: indicator.key } },
          create: { programmeId: saved.id, ...indicator },
          update: indicator,
        });
      }
      const after = await tx.programme.findUniqueOrThrow({ where: { id: saved.id }, include: PROGRAMME_ROWS });
      await this.audit.record(tx, ctx, {
        action: 'programme.updated',
        entityType: 'Call',
        entityId: callId,
        before: before ? summary(before) : undefined,
        after: summary(after),
      });
      return toProgramme(callId, after);
    });
  }
}

/**
 * Projects' progress reports point at their milestone: one that has reports stays (409 CONFLICT
 * MILESTONE_HAS_REPORTS with the keys), where the database would otherwise refuse the deletion.
 */
async function assertNoReportsOn(db: Db, removed: Prisma.ProgrammeMilestoneWhereInput): Promise<void> {
  const rows = await db.programmeMilestone.findMany({ where: { ...removed, reports: { some: {} } }, select: { key: true }, orderBy: { position: 'asc' } });
  if (rows.length > 0) throw reportConflict('MILESTONE_HAS_REPORTS', { keys: rows.map((row) => row.key) });
}

/** 404 for a call that does not exist; `lock` holds the call row so that two saves queue. */
async function assertCall(db: Db, callId: string, lock = false): Promise<void> {
  const rows = lock
    ? await db.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Call" WHERE "id" = ${callId}::uuid FOR UPDATE`
    : await db.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Call" WHERE "id" = ${callId}::uuid`;
  if (rows.length === 0) throw new AppError('NOT_FOUND');
}

function toProgramme(callId: string, row: ProgrammeRow | null): TProgramme {
  if (!row) return { callId, version: 0, updatedAt: null, milestones: [], indicators: [] };
  return {
    callId,
    version: row.version,
    // A row the report form created (version 0) holds no programme yet.
    updatedAt: row.version === 0 ? null : row.updatedAt.toISOString(),
    milestones: row.milestones.map(toMilestone),
    indicators: row.indicators.map(toIndicator),
  };
}

/** A milestone as the API shows it (the programme, and each project's reports). */
export function toMilestone(milestone: Pick<ProgrammeRow['milestones'][number], 'key' | 'title' | 'description' | 'dueAt' | 'reportDue'>): TProgrammeMilestone {
  return {
    key: milestone.key,
    title: milestone.title as TLocalizedText,
    description: (milestone.description as TLocalizedText | null) ?? null,
    dueAt: milestone.dueAt.toISOString(),
    dueAtLocal: casablancaTime.toWallClock(milestone.dueAt),
    reportDue: milestone.reportDue,
  };
}

export function toIndicator(indicator: Pick<ProgrammeRow['indicators'][number], 'key' | 'label' | 'unit' | 'target' | 'direction' | 'aggregation'>): TProgrammeIndicator {
  return {
    key: indicator.key,
    label: indicator.label as TLocalizedText,
    unit: indicator.unit as TLocalizedText,
    target: indicator.target,
    direction: indicator.direction,
    aggregation: indicator.aggregation,
  };
}

/** What the audit trail keeps of a programme: its milestones' keys and due dates, its indicators' keys and targets. */
function summary(row: ProgrammeRow): Prisma.InputJsonObject {
  return {
    version: row.version,
    milestones: row.milestones.map((milestone) => ({ key: milestone.key, dueAt: milestone.dueAt.toISOString(), reportDue: milestone.reportDue })),
    indicators: row.indicators.map((indicator) => ({ key: indicator.key, target: indicator.target, direction: indicator.direction, aggregation: indicator.aggregation })),
  };
}
