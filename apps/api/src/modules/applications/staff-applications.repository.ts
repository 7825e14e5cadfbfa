import { Inject, Injectable } from '@nestjs/common';
import type { TApplicationStatus, TEligibilitySuggestion, TStaffApplicationQuery } from '@tahkim/contracts';
import { Prisma, type PrismaClient } from '@tahkim/db';
import { PRISMA } from '../../config/config.module';

/** A staff query resolved against the call's form: which answer holds the region, which choices to match. */
export interface StaffApplicationFilter {
  callId: string;
  status?: TApplicationStatus;
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

  async count(filter: StaffApplicationFilter): Promise<number> {
    const rows = await this.prisma.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS "total" FROM "Application" a JOIN "User" u ON u."id" = a."ownerId" WHERE ${this.where(filter)}`;
    return rows[0]?.total ?? 0;
  }

  /** One page (or, for exports, everything up to `limit`) in the requested order; ties by id so pages never overlap. */
  async rows(filter: StaffApplicationFilter, page: { offset: number; limit: number }): Promise<StaffApplicationRowRecord[]> {
    const direction = filter.order === 'asc' ? 'ASC' : 'DESC';
    const orderBy = Prisma.raw(`${SORT_COLUMNS[filter.sort]} ${direction} NULLS LAST, a."id" ${direction}`);
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

  /** File names per application and field, for exports (one query for the whole list). */
  async attachmentNames(applicationIds: readonly string[]): Promise<Map<string, Map<string, string[]>>> {
    const result = new Map<string, Map<string, string[]>>();
    if (applicationIds.length === 0) return result;
    const rows = await this.prisma.attachment.findMany({
      where: { applicationId: { in: [...applicationIds] } },
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
