import { Inject, Injectable } from '@nestjs/common';
import type { TApplicationStatus, TEligibilitySuggestion, TStaffApplicationQuery } from '@tahkim/contracts';
import { Prisma, type PrismaClient } from '@tahkim/db';
import { PRISMA } from '../../config/config.module';

/** A staff query resolved against the call's form: which answer holds the region, which choices to match. */
export interface StaffApplicationFilter {
  callId: string;
  status?: TApplicationStatus;
  /** Only these statuses (on top of `status`). */
  statuses?: readonly TApplicationStatus[];
  eligibility?: TEligibilitySuggestion;
  /** Key of the form's REGION field (null when the form has none), and the region asked for. */
  regionKey: string | null;
  region?: string;
  /** Each must hold: a single answer equal to the value, or a multiple answer containing it. */
  choices: Array<{ fieldKey: string; value: string; multiple: boolean }>;
  q?: string;
  sort: TStaffApplicationQuery['sort'];
  order: TStaffApplicationQuery['order'];
}

export interface StaffApplicationRowRecord {
  id: string;
  reference: string | null;
  title: string | null;
  status: TApplicationStatus;
  ownerId: string;
  displayName: string;
  email: string;
  region: string | null;
  eligibilitySuggestion: TEligibilitySuggestion | null;
  submittedAt: Date | null;
  createdAt: Date;
  answers: unknown;
}

const SORT_COLUMNS: Record<TStaffApplicationQuery['sort'], string> = {
  submittedAt: 'a."submittedAt"',
  createdAt: 'a."createdAt"',
  reference: 'a."reference"',
  title: 'lower(a."title")',
  status: 'a."status"',
};

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Staff's table of a call's applications: filtering, search, sorting and paging done by PostgreSQL. */
@Injectable()
export class StaffApplicationsRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  private where(filter: StaffApplicationFilter): Prisma.Sql {
    const conditions: Prisma.Sql[] = [Prisma.sql`a."callId" = ${filter.callId}::uuid`];
    // Drafts belong to their authors: staff see them only when they ask for them.
    conditions.push(
      filter.status
        ? Prisma.sql`a."status" = ${filter.status}::"ApplicationStatus"`
        : Prisma.sql`a."status" <> 'DRAFT' AND a."submittedAt" IS NOT NULL`,
    );
    if (filter.statuses) conditions.push(Prisma.sql`a."status"::text IN (${Prisma.join([...filter.statuses])})`);
    if (filter.eligibility) conditions.push(Prisma.sql`a."eligibilitySuggestion" = ${filter.eligibility}::"EligibilitySuggestion"`);
    if (filter.region !== undefined) {
      conditions.push(filter.regionKey ? Prisma.sql`a."answers" ->> ${filter.regionKey} = ${filter.region}` : Prisma.sql`FALSE`);
    }
    for (const choice of filter.choices) {
      const wanted = choice.multiple ? { [choice.fieldKey]: [choice.value] } : { [choice.fieldKey]: choice.value };
      conditions.push(Prisma.sql`a."answers" @> ${JSON.stringify(wanted)}::jsonb`);
    }
    if (filter.q) {
      const pattern = likePattern(filter.q);
      conditions.push(Prisma.sql`(
        a."title" ILIKE ${pattern} OR a."reference" ILIKE ${pattern} OR u."displayName" ILIKE ${pattern} OR u."email" ILIKE ${pattern}
        OR EXISTS (SELECT 1 FROM jsonb_each_text(a."answers") AS answer WHERE answer."value" ILIKE ${pattern}))`);
    }
    return Prisma.join(conditions, ' AND ');
  }

  private orderBy(filter: StaffApplicationFilter): Prisma.Sql {
    const direction = filter.order === 'asc' ? 'ASC' : 'DESC';
    return Prisma.raw(`${SORT_COLUMNS[filter.sort]} ${direction} NULLS LAST, a."id" ${direction}`);
  }

  async count(filter: StaffApplicationFilter): Promise<number> {
    const rows = await this.prisma.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS "total" FROM "Application" a JOIN "User" u ON u."id" = a."ownerId" WHERE ${this.where(filter)}`;
    return rows[0]?.total ?? 0;
  }

  /** One page (or, for exports, everything up to `limit`) in the requested order; ties by id so pages never overlap. */
  async rows(filter: StaffApplicationFilter, page: { offset: number; limit: number }): Promise<StaffApplicationRowRecord[]> {
    const orderBy = this.orderBy(filter);
    const region = filter.regionKey ? Prisma.sql`a."answers" ->> ${filter.regionKey}` : Prisma.sql`NULL::text`;
    return this.prisma.$queryRaw<StaffApplicationRowRecord[]>`
      SELECT a."id", a."reference", a."title", a."status"::text AS "status", a."ownerId", u."displayName", u."email",
             ${region} AS "region", a."eligibilitySuggestion"::text AS "eligibilitySuggestion",
             a."submittedAt", a."createdAt", a."answers"
        FROM "Application" a JOIN "User" u ON u."id" = a."ownerId"
       WHERE ${this.where(filter)}
       ORDER BY ${orderBy}
       LIMIT ${page.limit} OFFSET ${page.offset}`;
  }

  /** Every id matching the filter, in the table's order (up to `limit`). */
  async ids(filter: StaffApplicationFilter, limit: number): Promise<string[]> {
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT a."id" FROM "Application" a JOIN "User" u ON u."id" = a."ownerId"
       WHERE ${this.where(filter)}
       ORDER BY ${this.orderBy(filter)}
       LIMIT ${limit}`;
    return rows.map((row) => row.id);
  }

  /**
   * The application's neighbours in the filtered, sorted list, in one query. The application itself is
   * kept in the ordering even when it no longer matches (just screened out of a "to screen" filter), so
   * "next" still means the one after it.
   */
  async neighbours(filter: StaffApplicationFilter, id: string): Promise<{ position: number | null; total: number; previousId: string | null; nextId: string | null; nextPendingId: string | null; pending: number }> {
    const rows = await this.prisma.$queryRaw<Array<{ id: string; status: string; matches: boolean; place: number }>>`
      SELECT a."id", a."status"::text AS "status", (${this.where(filter)}) AS "matches",
             row_number() OVER (ORDER BY ${this.orderBy(filter)})::int AS "place"
        FROM "Application" a JOIN "User" u ON u."id" = a."ownerId"
       WHERE a."callId" = ${filter.callId}::uuid AND ((${this.where(filter)}) OR a."id" = ${id}::uuid)
       ORDER BY "place"`;
    const index = rows.findIndex((row) => row.id === id);
    const listed = rows.filter((row) => row.matches);
    const pending = listed.filter((row) => row.status === 'SUBMITTED' && row.id !== id);
    if (index < 0) return { position: null, total: listed.length, previousId: null, nextId: null, nextPendingId: pending[0]?.id ?? null, pending: pending.length };
    const before = rows.slice(0, index).filter((row) => row.matches);
    const after = rows.slice(index + 1).filter((row) => row.matches);
    const current = rows[index]!;
    return {
      position: current.matches ? before.length + 1 : null,
      total: listed.length,
      previousId: before.at(-1)?.id ?? null,
      nextId: after[0]?.id ?? null,
      nextPendingId: (after.find((row) => row.status === 'SUBMITTED') ?? pending[0])?.id ?? null,
      pending: pending.length,
    };
  }

  /** Locks the given applications of the call for a screening; answers the ones found, with their state. */
  async lockForScreening(tx: Prisma.TransactionClient, callId: string, ids: readonly string[]): Promise<Array<{ id: string; reference: string | null; status: TApplicationStatus; screeningNote: string | null; screenedById: string | null }>> {
    return tx.$queryRaw`
      SELECT "id", "reference", "status"::text AS "status", "screeningNote", "screenedById"
        FROM "Application"
       WHERE "callId" = ${callId}::uuid AND "id" = ANY(${[...ids]}::uuid[])
       ORDER BY "id"
         FOR UPDATE`;
  }

  /** One statement for the whole batch: the same decision, note, screener and instant for each. */
  async screenMany(tx: Prisma.TransactionClient, data: { ids: readonly string[]; decision: 'ELIGIBLE' | 'INELIGIBLE'; note: string | null; screenedById: string }): Promise<number> {
    return tx.$executeRaw`
      UPDATE "Application"
         SET "status" = ${data.decision}::"ApplicationStatus", "screeningNote" = ${data.note}, "screenedById" = ${data.screenedById}::uuid,
             "screenedAt" = now(), "version" = "version" + 1, "updatedAt" = now()
       WHERE "id" = ANY(${[...data.ids]}::uuid[]) AND "status" IN ('SUBMITTED', 'ELIGIBLE', 'INELIGIBLE')`;
  }

  /** Whether applications may still arrive, by the database's clock. */
  async deadlineWindow(tx: Prisma.TransactionClient, callId: string): Promise<{ closesAt: Date; open: boolean } | undefined> {
    const rows = await tx.$queryRaw<Array<{ closesAt: Date; open: boolean }>>`
      SELECT "closesAt", ("status" = 'PUBLISHED' AND now() < "closesAt") AS "open" FROM "Call" WHERE "id" = ${callId}::uuid`;
    return rows[0];
  }

  /** File names per application and field, for exports (one query for the whole list). */
  async attachmentNames(applicationIds: readonly string[]): Promise<Map<string, Map<string, string[]>>> {
    const result = new Map<string, Map<string, string[]>>();
    if (applicationIds.length === 0) return result;
    const rows = await this.prisma.attachment.findMany({
      where: { applicationId: { in: [...applicationIds] }, progressReportId: null },
      select: { applicationId: true, fieldKey: true, fileName: true },
      orderBy: [{ uploadedAt: 'asc' }, { id: 'asc' }],
    });
    for (const row of rows) {
      const fields = result.get(row.applicationId) ?? new Map<string, string[]>();
      fields.set(row.fieldKey, [...(fields.get(row.fieldKey) ?? []), row.fileName]);
      result.set(row.applicationId, fields);
    }
    return result;
  }
}
