import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { TLocale, TLocalizedText } from '@tahkim/contracts';
import type { Prisma } from '@tahkim/db';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { casablancaTime } from '../../common/time/casablanca-time';
import { roundApplicationsSql } from '../rounds/round-applications';
import { OutboxService } from './outbox.service';

interface JurorWork {
  jurorId: string;
  userId: string;
  email: string;
  displayName: string;
  locale: TLocale;
  applicationIds: string[];
  waiting: number;
}

/**
 * Tells jurors that applications wait for them: one email per juror when a round with assignments
 * opens (a final ballot round: every juror of it, with the finalists they order), and when new
 * applications are assigned in an open round. Nothing is sent while the round is not OPEN (the email
 * goes when it opens). Each email's dedupe key names the round, the juror and the set of applications
 * waiting for them, so the same batch is never announced twice: re-running the automatic assignment
 * without a new pair, or opening the round again, sends nothing.
 */
@Injectable()
export class WorkNoticesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxService,
  ) {}

  /** The round has just become OPEN: every juror with an unsubmitted assignment is told what waits. */
  roundOpened(tx: Prisma.TransactionClient, roundId: string): Promise<number> {
    return this.notify(tx, roundId, null);
  }

  /**
   * Applications were just assigned in the round (`added`: how many per juror membership id). Only those
   * jurors are told, and only if the round is OPEN.
   */
  assigned(tx: Prisma.TransactionClient, roundId: string, added: ReadonlyMap<string, number>): Promise<number> {
    const counts = new Map([...added].filter(([, count]) => count > 0));
    if (counts.size === 0) return Promise.resolve(0);
    return this.notify(tx, roundId, counts);
  }

  private async notify(tx: Prisma.TransactionClient, roundId: string, added: ReadonlyMap<string, number> | null): Promise<number> {
    const round = await tx.round.findUnique({
      where: { id: roundId },
      select: { id: true, callId: true, number: true, type: true, status: true, name: true, closesAt: true, call: { select: { title: true } } },
    });
    if (round?.status !== 'OPEN') return 0;
    if (round.type === 'BALLOT') return added ? 0 : this.ballotOpened(tx, round);
    const jurorIds = added ? [...added.keys()] : null;
    // One query for the whole round: each juror's assigned applications and how many are not submitted.
    const rows = await tx.$queryRaw<JurorWork[]>`
      SELECT j."id" AS "jurorId", u."id" AS "userId", u."email", u."displayName", u."locale"::text AS "locale",
        array_agg(a."applicationId"::text ORDER BY a."applicationId") AS "applicationIds",
        (count(a."id") FILTER (WHERE s."status" IS DISTINCT FROM 'SUBMITTED'))::int AS "waiting"
      FROM "Juror" j
      JOIN "User" u ON u."id" = j."userId"
      JOIN "Assignment" a ON a."jurorId" = j."id" AND a."roundId" = j."roundId"
      LEFT JOIN "Scorecard" s ON s."assignmentId" = a."id"
      WHERE j."roundId" = ${roundId}::uuid
        AND (${jurorIds}::uuid[] IS NULL OR j."id" = ANY(${jurorIds}::uuid[]))
      GROUP BY j."id", u."id"
      ORDER BY j."id"`;
    const due = await this.notAnnounced(tx, roundId, rows.filter((juror) => juror.waiting > 0));
    for (const { juror, dedupeKey } of due) {
      const locale = juror.locale;
      await this.outbox.enqueue(tx, {
        to: juror.email, locale, template: 'jury-work-waiting', userId: juror.userId, dedupeKey,
        params: {
          name: juror.displayName,
          callTitle: (round.call.title as TLocalizedText)[locale],
          roundName: (round.name as TLocalizedText)[locale],
          added: added?.get(juror.jurorId) ?? null,
          waiting: juror.waiting,
          closesAt: round.closesAt ? casablancaTime.format(round.closesAt, locale) : null,
          link: `${this.config.appUrl}/jury`,
        },
      });
    }
    return due.length;
  }

  /** Every juror of a final ballot round that opened, unless their ballot is already submitted. */
  private async ballotOpened(
    tx: Prisma.TransactionClient,
    round: { id: string; callId: string; number: number; name: unknown; closesAt: Date | null; call: { title: unknown } },
  ): Promise<number> {
    // One query: each juror with the round's applications less those they declared a conflict on.
    const rows = await tx.$queryRaw<Omit<JurorWork, 'waiting'>[]>`
      SELECT j."id" AS "jurorId", u."id" AS "userId", u."email", u."displayName", u."locale"::text AS "locale",
        COALESCE(array_agg(q."id"::text ORDER BY q."id") FILTER (WHERE q."id" IS NOT NULL AND c."id" IS NULL), '{}') AS "applicationIds"
      FROM "Juror" j
      JOIN "User" u ON u."id" = j."userId"
      LEFT JOIN (${roundApplicationsSql(round)}) q ON true
      LEFT JOIN "ConflictOfInterest" c ON c."userId" = u."id" AND c."applicationId" = q."id" AND c."status" = 'CONFIRMED'
      WHERE j."roundId" = ${round.id}::uuid
        AND NOT EXISTS (SELECT 1 FROM "Ballot" b WHERE b."roundId" = j."roundId" AND b."jurorId" = j."id" AND b."status" = 'SUBMITTED')
      GROUP BY j."id", u."id"
      ORDER BY j."id"`;
    const due = await this.notAnnounced(tx, round.id, rows.filter((juror) => juror.applicationIds.length > 0));
    for (const { juror, dedupeKey } of due) {
      const locale = juror.locale;
      await this.outbox.enqueue(tx, {
        to: juror.email, locale, template: 'jury-ballot-waiting', userId: juror.userId, dedupeKey,
        params: {
          name: juror.displayName,
          callTitle: (round.call.title as TLocalizedText)[locale],
          roundName: (round.name as TLocalizedText)[locale],
          finalists: juror.applicationIds.length,
          closesAt: round.closesAt ? casablancaTime.format(round.closesAt, locale) : null,
          link: `${this.config.appUrl}/jury/ballots/${round.id}`,
        },
      });
    }
    return due.length;
  }

  /** The jurors whose current set of applications has not been announced yet, with its key (one query). */
  private async notAnnounced<T extends Pick<JurorWork, 'jurorId' | 'applicationIds'>>(
    tx: Prisma.TransactionClient,
    roundId: string,
    jurors: readonly T[],
  ): Promise<Array<{ juror: T; dedupeKey: string }>> {
    const keyed = jurors.map((juror) => ({ juror, dedupeKey: workNoticeKey(roundId, juror.jurorId, juror.applicationIds) }));
    if (keyed.length === 0) return [];
    const sent = await tx.emailMessage.findMany({ where: { dedupeKey: { in: keyed.map((k) => k.dedupeKey) } }, select: { dedupeKey: true } });
    const announced = new Set(sent.map((row) => row.dedupeKey));
    return keyed.filter((k) => !announced.has(k.dedupeKey));
  }
}

/** "jury-work:<round>:<juror>:<count>:<digest of the assigned applications>": one email per batch. */
export function workNoticeKey(roundId: string, jurorId: string, applicationIds: readonly string[]): string {
  const digest = createHash('sha256').update([...applicationIds].sort().join(',')).digest('hex').slice(0, 32);
  return `jury-work:${roundId}:${jurorId}:${applicationIds.length}:${digest}`;
}
