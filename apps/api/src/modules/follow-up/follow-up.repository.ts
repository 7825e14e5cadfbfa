import { Inject, Injectable } from '@nestjs/common';
import type { TReportStatus } from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';
import { PRISMA } from '../../config/config.module';
import { loadCallForm, type CallForm } from '../calls/call-form';

const PROGRAMME_ROWS = {
  milestones: { orderBy: [{ position: 'asc' }, { key: 'asc' }] },
  indicators: { orderBy: [{ position: 'asc' }, { key: 'asc' }] },
} as const satisfies Prisma.ProgrammeInclude;

export type FollowUpProgrammeRow = Prisma.ProgrammeGetPayload<{ include: typeof PROGRAMME_ROWS }>;

/** A winner as the dashboard lists it; `profileRegion` from its public presentation, `answerRegion` from its answers. */
export interface FollowUpWinnerRow {
  id: string;
  reference: string | null;
  title: string | null;
  profileRegion: string | null;
  answerRegion: string | null;
}

export interface FollowUpReportRow {
  milestoneId: string;
  applicationId: string;
  status: TReportStatus;
  submittedAt: Date | null;
  indicatorValues: unknown;
}

/** The follow-up dashboard's reads: a fixed few statements whatever the number of winners and reports. */
@Injectable()
export class FollowUpRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** The call and its form (for the region question); NOT_FOUND when there is no such call. */
  async callForm(callId: string): Promise<CallForm> {
    return loadCallForm(this.prisma, callId);
  }

  /** The database's clock: reports are late or due by it, never by this server's. */
  async now(): Promise<Date> {
    const [row] = await this.prisma.$queryRaw<Array<{ now: Date }>>`SELECT now() AS "now"`;
    return row!.now;
  }

  async programme(callId: string): Promise<FollowUpProgrammeRow | null> {
    return this.prisma.programme.findUnique({ where: { callId }, include: PROGRAMME_ROWS });
  }

  /** The call's winners by reference, with the answer to the form's region question (`regionKey`, null: none). */
  async winners(callId: string, regionKey: string | null): Promise<FollowUpWinnerRow[]> {
    return this.prisma.$queryRaw<FollowUpWinnerRow[]>`
      SELECT a."id", a."reference", a."title", p."region" AS "profileRegion",
             CASE WHEN ${regionKey}::text IS NULL THEN NULL ELSE a."answers" ->> ${regionKey}::text END AS "answerRegion"
      FROM "Application" a
      LEFT JOIN "PublicProfile" p ON p."applicationId" = a."id"
      WHERE a."callId" = ${callId}::uuid AND a."status" = 'WINNER'
      ORDER BY a."reference" ASC NULLS LAST, a."id" ASC`;
  }

  /** Every report of the call's winners for the programme's milestones, whatever its status. */
  async reports(programmeId: string): Promise<FollowUpReportRow[]> {
    return this.prisma.$queryRaw<FollowUpReportRow[]>`
      SELECT r."milestoneId", r."applicationId", r."status"::text AS "status", r."submittedAt", r."indicatorValues"
      FROM "ProgressReport" r
      JOIN "ProgrammeMilestone" m ON m."id" = r."milestoneId"
      JOIN "Application" a ON a."id" = r."applicationId"
      WHERE m."programmeId" = ${programmeId}::uuid AND a."status" = 'WINNER'`;
  }
}
