import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  isAnnounceable,
  textIn,
  allFields,
  isStaff,
  ZPublicProfileTexts,
  type TCallAnnouncement,
  type TGiveConsentRequest,
  type TLocale,
  type TLocalizedText,
  type TPublicProfile,
  type TPublicProfileConsent,
  type TPublicProfileAnswer,
  type TPublicProfileDraft,
  type TPublicResults,
  type TResultsPublication,
  type TSavePublicProfileRequest,
  type TWithdrawConsentRequest,
} from '@tahkim/contracts';
import type { Prisma, PrismaClient } from '@tahkim/db';
import type { Readable } from 'node:stream';
import { AppError } from '../../common/errors/app-error';
import type { RequestContext } from '../../common/http/request-context';
import { APP_CONFIG, PRISMA } from '../../config/config.module';
import type { AppConfig } from '../../config/env';
import { AuditService } from '../audit/audit.service';
import type { AuthenticatedUser } from '../auth/auth.types';
import { loadCallForm } from '../calls/call-form';
import { CallsRepository } from '../calls/calls.repository';
import { OutboxService } from '../notifications/outbox.service';
import { FILE_STORAGE, StoredFileNotFoundError, type FileStorage } from '../storage/file-storage';
import { AnnouncementRepository, type ProfileRow, type WinnerRow } from './announcement.repository';
import { draftFromAnswers } from './profile-draft';

type Texts = ReturnType<typeof ZPublicProfileTexts.parse>;

/**
 * The public announcement of a call's winners. Staff write each winner's presentation from the application's
 * answers; the winner agrees to it (as it is or rewritten) or refuses from their portal; staff publish the
 * call's results page, which lists the winners who agreed. A change by staff after the winner's answer asks
 * them again (an email in their language). Every write is audited in its transaction.
 */
@Injectable()
export class AnnouncementService {
  private readonly logger = new Logger('Announcement');

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly repo: AnnouncementRepository,
    private readonly calls: CallsRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
  ) {}

  // ---- staff ---------------------------------------------------------------------------------------

  async callAnnouncement(callId: string): Promise<TCallAnnouncement> {
    const call = await this.repo.call(this.prisma, callId);
    if (!call) throw new AppError('NOT_FOUND');
    const [winners, { form }] = await Promise.all([this.repo.winners(this.prisma, callId), loadCallForm(this.prisma, callId)]);
    const fields = allFields(form);
    return {
      call: {
        id: call.id,
        slug: call.slug,
        title: call.title as TLocalizedText,
        status: call.status,
        locales: call.locales,
        resultsPublishedAt: call.resultsPublishedAt?.toISOString() ?? null,
      },
      winners: winners.map((winner) => ({
        applicationId: winner.id,
        reference: winner.reference,
        title: winner.title,
        applicant: { displayName: winner.owner.displayName, locale: winner.owner.locale },
        profile: winner.publicProfile ? toProfile(winner, winner.publicProfile) : null,
        draft: draftOf(winner, fields),
      })),
      shownCount: winners.filter((winner) => winner.publicProfile?.consent === 'GIVEN').length,
    };
  }

  /**
   * Writes (or rewrites) a winner's presentation. Saving texts that differ from what the winner answered
   * to asks them again: consent goes back to PENDING and they get an email. 409 CONFLICT NOT_A_WINNER,
   * VERSION_CONFLICT with the current presentation when `version` is stale (or missing once it exists).
   */
  async save(applicationId: string, input: TSavePublicProfileRequest, ctx: RequestContext): Promise<TPublicProfile> {
    const { version, ...rawTexts } = input;
    const texts = ZPublicProfileTexts.parse(rawTexts);
    return this.prisma.$transaction(async (tx) => {
      const winner = await this.repo.lockedApplication(tx, applicationId);
      if (!winner) throw new AppError('NOT_FOUND');
      assertWinner(winner);
      assertPhotoOf(winner, texts.photoAttachmentId, ctx.locale);
      const current = winner.publicProfile;
      if (current && current.version !== version) throw new AppError('VERSION_CONFLICT', { current: toProfile(winner, current) });
      if (current && sameTexts(current, texts)) return toProfile(winner, current);

      const consent: TPublicProfileConsent = 'PENDING';
      const saved = current
        ? await tx.publicProfile.update({ where: { id: current.id }, data: { ...texts, consent, consentAt: null, version: { increment: 1 } } })
        : await tx.publicProfile.create({ data: { applicationId: winner.id, callId: winner.callId, ...texts, consent } });
      await this.audit.record(tx, ctx, {
        action: current ? 'public_profile.updated' : 'public_profile.created',
        entityType: 'Application',
        entityId: winner.id,
        before: current ? { ...auditTexts(current), consent: current.consent } : undefined,
        after: { ...auditTexts(saved), consent: saved.consent },
      });
      if (!current || current.consent !== 'PENDING') await this.askConsent(tx, winner);
      return toProfile(winner, saved);
    });
  }

  /** Publishes the call's results page (409 CONFLICT RESULTS_NOT_DECIDED before its decisions are published). Publishing twice keeps the first date. */
  async publishResults(callId: string, ctx: RequestContext): Promise<TResultsPublication> {
    return this.prisma.$transaction(async (tx) => {
      const call = await this.repo.call(tx, callId);
      if (!call) throw new AppError('NOT_FOUND');
      if (!isAnnounceable(call.status)) throw conflict('RESULTS_NOT_DECIDED');
      let publishedAt = call.resultsPublishedAt;
      if (!publishedAt) {
        publishedAt = (await tx.call.update({ where: { id: callId }, data: { resultsPublishedAt: new Date() }, select: { resultsPublishedAt: true } })).resultsPublishedAt;
        await this.audit.record(tx, ctx, { action: 'call.results_published', entityType: 'Call', entityId: callId, after: { resultsPublishedAt: publishedAt?.toISOString() ?? null } });
      }
      return { resultsPublishedAt: publishedAt?.toISOString() ?? null, shownCount: await this.repo.shownCount(tx, callId) };
    });
  }

  async unpublishResults(callId: string, ctx: RequestContext): Promise<TResultsPublication> {
    return this.prisma.$transaction(async (tx) => {
      const call = await this.repo.call(tx, callId);
      if (!call) throw new AppError('NOT_FOUND');
      if (call.resultsPublishedAt) {
        await tx.call.update({ where: { id: callId }, data: { resultsPublishedAt: null } });
        await this.audit.record(tx, ctx, {
          action: 'call.results_unpublished',
          entityType: 'Call',
          entityId: callId,
          before: { resultsPublishedAt: call.resultsPublishedAt.toISOString() },
        });
      }
      return { resultsPublishedAt: null, shownCount: await this.repo.shownCount(tx, callId) };
    });
  }

  // ---- the winner (and staff reading) ---------------------------------------------------------------

  /** The presentation as its winner (or staff) reads it, null while there is none; 404 for anyone else and for a non-winner. */
  async read(applicationId: string, user: AuthenticatedUser): Promise<TPublicProfileAnswer> {
    const winner = await this.repo.application(this.prisma, applicationId);
    if (!winner || !(winner.ownerId === user.id || isStaff(user.roles))) throw new AppError('NOT_FOUND');
    if (winner.status !== 'WINNER') throw new AppError('NOT_FOUND');
    return { profile: winner.publicProfile ? toProfile(winner, winner.publicProfile) : null };
  }

  /** The winner agrees to the presentation, as it is or with their own texts. */
  async giveConsent(applicationId: string, input: TGiveConsentRequest, ctx: RequestContext): Promise<TPublicProfile> {
    const texts = input.texts ? ZPublicProfileTexts.parse(input.texts) : undefined;
    return this.ownerWrite(applicationId, input.version, ctx, async (tx, winner, current) => {
      if (texts) assertPhotoOf(winner, texts.photoAttachmentId, ctx.locale);
      const rewritten = texts !== undefined && !sameTexts(current, texts);
      if (current.consent === 'GIVEN' && !rewritten) return current;
      const saved = await tx.publicProfile.update({
        where: { id: current.id },
        data: { ...(rewritten ? texts : {}), consent: 'GIVEN', consentAt: new Date(), version: { increment: 1 } },
      });
      await this.audit.record(tx, ctx, {
        action: 'public_profile.consent_given',
        entityType: 'Application',
        entityId: winner.id,
        before: { consent: current.consent, ...(rewritten ? auditTexts(current) : {}) },
        after: { consent: 'GIVEN', ...(rewritten ? auditTexts(saved) : {}) },
      });
      return saved;
    });
  }

  async withdrawConsent(applicationId: string, input: TWithdrawConsentRequest, ctx: RequestContext): Promise<TPublicProfile> {
    return this.ownerWrite(applicationId, input.version, ctx, async (tx, winner, current) => {
      if (current.consent === 'WITHDRAWN') return current;
      const saved = await tx.publicProfile.update({ where: { id: current.id }, data: { consent: 'WITHDRAWN', consentAt: new Date(), version: { increment: 1 } } });
      await this.audit.record(tx, ctx, {
        action: 'public_profile.consent_withdrawn',
        entityType: 'Application',
        entityId: winner.id,
        before: { consent: current.consent },
        after: { consent: 'WITHDRAWN' },
      });
      return saved;
    });
  }

  /** Only the owner answers for their presentation: staff are told 403, anyone else 404; a stale version 409. */
  private async ownerWrite(
    applicationId: string,
    version: number,
    ctx: RequestContext,
    write: (tx: Prisma.TransactionClient, winner: WinnerRow, current: ProfileRow) => Promise<ProfileRow>,
  ): Promise<TPublicProfile> {
    const user = ctx.user;
    if (!user) throw new AppError('NOT_FOUND');
    return this.prisma.$transaction(async (tx) => {
      const winner = await this.repo.lockedApplication(tx, applicationId);
      if (!winner || (winner.ownerId !== user.id && !isStaff(user.roles))) throw new AppError('NOT_FOUND');
      if (winner.status !== 'WINNER' || !winner.publicProfile) throw new AppError('NOT_FOUND');
      if (winner.ownerId !== user.id) throw new AppError('FORBIDDEN');
      const current = winner.publicProfile;
      if (current.version !== version) throw new AppError('VERSION_CONFLICT', { current: toProfile(winner, current) });
      return toProfile(winner, await write(tx, winner, current));
    });
  }

  // ---- the public page ---------------------------------------------------------------------------

  /** The published results page: 404 until staff publish it (and for a call that does not exist). */
  async publicResults(idOrSlug: string): Promise<TPublicResults> {
    const call = await this.calls.findByIdOrSlug(this.prisma, idOrSlug);
    if (!call?.resultsPublishedAt || !isAnnounceable(call.status)) throw new AppError('NOT_FOUND');
    const profiles = await this.repo.shownProfiles(this.prisma, call.id);
    return {
      call: {
        id: call.id,
        slug: call.slug,
        title: call.title as TLocalizedText,
        summary: call.summary as TLocalizedText,
        locales: call.locales,
        decidedAt: call.decidedAt?.toISOString() ?? null,
        resultsPublishedAt: call.resultsPublishedAt.toISOString(),
      },
      winners: profiles.map((profile) => ({
        id: profile.id,
        title: profile.title as TLocalizedText,
        organisation: profile.organisation as TLocalizedText,
        summary: profile.summary as TLocalizedText,
        region: profile.region,
        photoUrl: profile.photoAttachmentId ? `/api/calls/${call.slug}/results/photos/${profile.id}` : null,
      })),
    };
  }

  /** A shown winner's photo; 404 when the page is not published, the winner not shown or without a photo. */
  async publicPhoto(idOrSlug: string, profileId: string): Promise<{ mediaType: string; size: number; stream: Readable }> {
    const call = await this.calls.findByIdOrSlug(this.prisma, idOrSlug);
    if (!call?.resultsPublishedAt || !isAnnounceable(call.status)) throw new AppError('NOT_FOUND');
    const photo = await this.repo.shownPhoto(this.prisma, call.id, profileId);
    if (!photo) throw new AppError('NOT_FOUND');
    try {
      return { mediaType: photo.mediaType, size: photo.size, stream: await this.storage.get(photo.storageKey) };
    } catch (error) {
      if (!(error instanceof StoredFileNotFoundError)) throw error;
      this.logger.error({ attachmentId: photo.id }, "A presentation's photo has no stored file");
      throw new AppError('NOT_FOUND', undefined, { cause: error });
    }
  }

  /** Tells the winner a presentation awaits their answer, in their language (once per version asked). */
  private async askConsent(tx: Prisma.TransactionClient, winner: WinnerRow): Promise<void> {
    const locale = winner.owner.locale;
    await this.outbox.enqueue(tx, {
      to: winner.owner.email,
      locale,
      template: 'public-profile-consent',
      userId: winner.ownerId,
      params: {
        name: winner.owner.displayName,
        callTitle: textIn(winner.call.title as TLocalizedText, locale),
        projectTitle: winner.title ?? winner.reference ?? '',
        link: `${this.config.appUrl}/portal/applications/${winner.id}`,
      },
    });
  }
}

function toProfile(winner: WinnerRow, profile: ProfileRow): TPublicProfile {
  return {
    id: profile.id,
    applicationId: winner.id,
    title: profile.title as TLocalizedText,
    organisation: profile.organisation as TLocalizedText,
    summary: profile.summary as TLocalizedText,
    region: profile.region,
    photoAttachmentId: profile.photoAttachmentId,
    consent: profile.consent,
    consentAt: profile.consentAt?.toISOString() ?? null,
    version: profile.version,
    updatedAt: profile.updatedAt.toISOString(),
    photoChoices: winner.attachments.map((file) => ({ attachmentId: file.id, fileName: file.fileName })),
    resultsPublished: winner.call.resultsPublishedAt !== null,
    callSlug: winner.call.slug,
  };
}

function draftOf(winner: WinnerRow, fields: Parameters<typeof draftFromAnswers>[1]): TPublicProfileDraft {
  const draft = draftFromAnswers((winner.answers ?? {}) as Record<string, unknown>, fields, { title: winner.title, organisation: winner.owner.organisation });
  return {
    ...draft,
    photoAttachmentId: winner.attachments[0]?.id ?? null,
    photoChoices: winner.attachments.map((file) => ({ attachmentId: file.id, fileName: file.fileName })),
  };
}

function assertWinner(winner: WinnerRow): void {
  if (winner.status !== 'WINNER') throw conflict('NOT_A_WINNER');
}

/** The photo must be one of the application's own images. */
function assertPhotoOf(winner: WinnerRow, attachmentId: string | null, locale: TLocale): void {
  if (attachmentId === null || winner.attachments.some((file) => file.id === attachmentId.toLowerCase())) return;
  const messages: Record<TLocale, string> = {
    ar: 'الصورة المختارة ليست من صور هذا الملف.',
    fr: "La photo choisie n'est pas une image de ce dossier.",
    en: 'The chosen photo is not an image of this application.',
  };
  throw new AppError('VALIDATION_FAILED', [{ path: ['photoAttachmentId'], code: 'invalid_value', message: messages[locale] }]);
}

function sameTexts(profile: ProfileRow, texts: Texts): boolean {
  const same = (a: unknown, b: TLocalizedText) => {
    const stored = a as TLocalizedText;
    return stored.ar === b.ar && stored.fr === b.fr && stored.en === b.en;
  };
  return (
    same(profile.title, texts.title) &&
    same(profile.organisation, texts.organisation) &&
    same(profile.summary, texts.summary) &&
    profile.region === texts.region &&
    profile.photoAttachmentId === (texts.photoAttachmentId?.toLowerCase() ?? null)
  );
}

function auditTexts(profile: ProfileRow): Prisma.InputJsonObject {
  return {
    title: profile.title as Prisma.InputJsonValue,
    organisation: profile.organisation as Prisma.InputJsonValue,
    summary: profile.summary as Prisma.InputJsonValue,
    region: profile.region,
    photoAttachmentId: profile.photoAttachmentId,
  };
}

function conflict(reason: 'NOT_A_WINNER' | 'RESULTS_NOT_DECIDED'): AppError {
  const messages: Record<typeof reason, Record<TLocale, string>> = {
    NOT_A_WINNER: {
      ar: 'لا يمكن كتابة تقديم عمومي إلا لملف فائز أُعلن قراره.',
      fr: "Une présentation publique ne peut être écrite que pour un dossier lauréat dont la décision a été publiée.",
      en: 'A public presentation can only be written for a winning application whose decision was published.',
    },
    RESULTS_NOT_DECIDED: {
      ar: 'لا يمكن نشر صفحة النتائج قبل نشر قرارات هذا الطلب.',
      fr: 'La page des résultats ne peut être publiée avant la publication des décisions de cet appel.',
      en: "The results page cannot be published before the call's decisions are published.",
    },
  };
  return new AppError('CONFLICT', { reason }, { messages: messages[reason] });
}
