import { PROFILE_PHOTO_MEDIA_TYPES } from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';
import { Injectable } from '@nestjs/common';

type Db = PrismaClient | Prisma.TransactionClient;

/** What a presentation is written from and checked against: the application, its owner, call, images and presentation. */
const WINNER_SELECT = {
  id: true,
  callId: true,
  ownerId: true,
  status: true,
  title: true,
  reference: true,
  answers: true,
  owner: { select: { displayName: true, email: true, locale: true, organisation: true } },
  call: { select: { id: true, slug: true, title: true, status: true, locales: true, resultsPublishedAt: true, decidedAt: true } },
  attachments: {
    where: { mediaType: { in: [...PROFILE_PHOTO_MEDIA_TYPES] }, progressReportId: null },
    select: { id: true, fileName: true },
    orderBy: [{ uploadedAt: 'asc' }, { id: 'asc' }],
  },
  publicProfile: true,
} as const satisfies Prisma.ApplicationSelect;

export type WinnerRow = Prisma.ApplicationGetPayload<{ select: typeof WINNER_SELECT }>;
export type ProfileRow = NonNullable<WinnerRow['publicProfile']>;

@Injectable()
export class AnnouncementRepository {
  /** The application with everything its presentation needs; undefined when there is no such application. */
  async application(db: Db, applicationId: string): Promise<WinnerRow | undefined> {
    return (await db.application.findUnique({ where: { id: applicationId }, select: WINNER_SELECT })) ?? undefined;
  }

  /** The same, locked: staff and the winner writing at once are applied one after the other. */
  async lockedApplication(tx: Prisma.TransactionClient, applicationId: string): Promise<WinnerRow | undefined> {
    const locked = await tx.$queryRaw<Array<{ id: string }>>`SELECT "id" FROM "Application" WHERE "id" = ${applicationId}::uuid FOR UPDATE`;
    return locked.length === 0 ? undefined : this.application(tx, applicationId);
  }

  /** The call's winners (decision published), by reference. */
  async winners(db: Db, callId: string): Promise<WinnerRow[]> {
    return db.application.findMany({ where: { callId, status: 'WINNER' }, select: WINNER_SELECT, orderBy: [{ reference: 'asc' }, { id: 'asc' }] });
  }

  async call(db: Db, callId: string) {
    return (
      (await db.call.findUnique({
        where: { id: callId },
        select: { id: true, slug: true, title: true, summary: true, status: true, locales: true, resultsPublishedAt: true, decidedAt: true },
      })) ?? undefined
    );
  }

  /** Winners shown on a published page: consent GIVEN, the application still a winner. */
  async shownProfiles(db: Db, callId: string) {
    return db.publicProfile.findMany({
      where: { callId, consent: 'GIVEN', application: { status: 'WINNER' } },
      select: { id: true, title: true, organisation: true, summary: true, region: true, photoAttachmentId: true },
      orderBy: [{ application: { reference: 'asc' } }, { id: 'asc' }],
    });
  }

  async shownCount(db: Db, callId: string): Promise<number> {
    return db.publicProfile.count({ where: { callId, consent: 'GIVEN', application: { status: 'WINNER' } } });
  }

  /** A shown presentation's photo (its stored file), for the public page. */
  async shownPhoto(db: Db, callId: string, profileId: string) {
    const profile = await db.publicProfile.findFirst({
      where: { id: profileId, callId, consent: 'GIVEN', application: { status: 'WINNER' } },
      select: { photo: { select: { id: true, storageKey: true, mediaType: true, size: true } } },
    });
    return profile?.photo ?? undefined;
  }
}
