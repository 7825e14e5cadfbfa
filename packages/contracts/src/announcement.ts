import { z } from 'zod';
import { LOCALES } from './locale-codes';
import { ZLocalizedText } from './locales';
import { MOROCCO_REGIONS } from './regions';

// ---- A winner's public presentation ----------------------------------------------------------------

/**
 * PENDING: written by staff, not yet confirmed by the winner (not shown). GIVEN: the winner confirmed or
 * wrote the texts as they are (shown while the results page is published). WITHDRAWN: the winner said no.
 */
export const PUBLIC_PROFILE_CONSENTS = ['PENDING', 'GIVEN', 'WITHDRAWN'] as const;
export const ZPublicProfileConsent = z.enum(PUBLIC_PROFILE_CONSENTS);
export type TPublicProfileConsent = z.infer<typeof ZPublicProfileConsent>;

/** Whether a call's decisions were published, so that its winners may be announced and followed. */
export function isAnnounceable(callStatus: string): boolean {
  return callStatus === 'DECIDED' || callStatus === 'ARCHIVED';
}

export const PROFILE_TITLE_MAX = 200;
export const PROFILE_ORGANISATION_MAX = 200;
export const PROFILE_SUMMARY_MAX = 1200;

/** Media types a presentation's photo may have (an image the applicant attached to the application). */
export const PROFILE_PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

function someLanguage(text: { ar: string; fr: string; en: string }): boolean {
  return LOCALES.some((locale) => text[locale].trim() !== '');
}

/** Per language, trimmed, each at most `max` characters. */
const trimmedLocalized = (max: number) =>
  z
    .strictObject({ ar: z.string().trim().max(max), fr: z.string().trim().max(max), en: z.string().trim().max(max) })
    .describe(`The same text in Arabic, French and English (each at most ${max} characters; one may be empty)`);

/** The texts of a presentation, as staff or the winner write them. A title and a summary in at least one language. */
export const ZPublicProfileTexts = z.strictObject({
  title: trimmedLocalized(PROFILE_TITLE_MAX).refine(someLanguage, { message: 'A title in at least one language' }),
  organisation: trimmedLocalized(PROFILE_ORGANISATION_MAX),
  summary: trimmedLocalized(PROFILE_SUMMARY_MAX).refine(someLanguage, { message: 'A summary in at least one language' }),
  /** A region code (MOROCCO_REGIONS), or null. */
  region: z
    .string()
    .refine((code) => MOROCCO_REGIONS.some((region) => region.value === code), { message: 'Not a region of the list' })
    .nullable(),
  /** One of the application's image attachments (`photoChoices`), or null for none. */
  photoAttachmentId: z.uuid().nullable(),
});
export type TPublicProfileTexts = z.input<typeof ZPublicProfileTexts>;

/** `PUT /api/applications/{id}/public-profile` (staff). `version` is required once the presentation exists. */
export const ZSavePublicProfileRequest = ZPublicProfileTexts.extend({
  version: z.number().int().positive().optional(),
});
export type TSavePublicProfileRequest = z.input<typeof ZSavePublicProfileRequest>;

/**
 * `POST /api/applications/{id}/public-profile/consent` (the winner): agrees to the presentation as it is
 * (`texts` left out) or as they rewrote it. `version` is the one they read (409 VERSION_CONFLICT otherwise).
 */
export const ZGiveConsentRequest = z.strictObject({
  version: z.number().int().positive(),
  texts: ZPublicProfileTexts.optional(),
});
export type TGiveConsentRequest = z.input<typeof ZGiveConsentRequest>;

/** `POST /api/applications/{id}/public-profile/withdraw` (the winner). */
export const ZWithdrawConsentRequest = z.strictObject({
  version: z.number().int().positive(),
});
export type TWithdrawConsentRequest = z.input<typeof ZWithdrawConsentRequest>;

export const ZProfilePhotoChoice = z.object({ attachmentId: z.string(), fileName: z.string() });
export type TProfilePhotoChoice = z.infer<typeof ZProfilePhotoChoice>;

/** A presentation as staff and the winner read it. */
export const ZPublicProfile = z.object({
  id: z.string(),
  applicationId: z.string(),
  title: ZLocalizedText,
  organisation: ZLocalizedText,
  summary: ZLocalizedText,
  region: z.string().nullable(),
  photoAttachmentId: z.string().nullable(),
  consent: ZPublicProfileConsent,
  /** When the winner last gave or withdrew consent. */
  consentAt: z.iso.datetime().nullable(),
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
  /** The application's images that can serve as the photo. */
  photoChoices: z.array(ZProfilePhotoChoice),
  /** Whether the call's results page is published (the presentation is on it when consent is GIVEN). */
  resultsPublished: z.boolean(),
  /** The call's slug: the results page is /calls/{slug}/results. */
  callSlug: z.string(),
});
export type TPublicProfile = z.infer<typeof ZPublicProfile>;

/** `GET /api/applications/{id}/public-profile` (the winner, staff): `profile` null while staff have not written one. */
export const ZPublicProfileAnswer = z.object({ profile: ZPublicProfile.nullable() });
export type TPublicProfileAnswer = z.infer<typeof ZPublicProfileAnswer>;

/** What staff start a presentation from: taken from the application's answers (one language, placed by its script). */
export const ZPublicProfileDraft = z.object({
  title: ZLocalizedText,
  organisation: ZLocalizedText,
  summary: ZLocalizedText,
  region: z.string().nullable(),
  photoAttachmentId: z.string().nullable(),
  photoChoices: z.array(ZProfilePhotoChoice),
});
export type TPublicProfileDraft = z.infer<typeof ZPublicProfileDraft>;

/** `GET /api/calls/{id}/public-profiles` (staff): the call's winners and their presentations. */
export const ZCallAnnouncement = z.object({
  call: z.object({
    id: z.string(),
    slug: z.string(),
    title: ZLocalizedText,
    status: z.string(),
    locales: z.array(z.enum(LOCALES)),
    resultsPublishedAt: z.iso.datetime().nullable(),
  }),
  winners: z.array(
    z.object({
      applicationId: z.string(),
      reference: z.string().nullable(),
      title: z.string().nullable(),
      applicant: z.object({ displayName: z.string(), locale: z.enum(LOCALES) }),
      /** null until staff write one; `draft` is what the editor starts from. */
      profile: ZPublicProfile.nullable(),
      draft: ZPublicProfileDraft,
    }),
  ),
  /** Winners whose presentation is shown when the page is published (consent GIVEN). */
  shownCount: z.number().int(),
});
export type TCallAnnouncement = z.infer<typeof ZCallAnnouncement>;

/** `POST /api/calls/{id}/results/publish` and `/unpublish` (staff). */
export const ZResultsPublication = z.object({
  resultsPublishedAt: z.iso.datetime().nullable(),
  shownCount: z.number().int(),
});
export type TResultsPublication = z.infer<typeof ZResultsPublication>;

// ---- The public results page -----------------------------------------------------------------------

export const ZPublicWinner = z.object({
  id: z.string(),
  title: ZLocalizedText,
  organisation: ZLocalizedText,
  summary: ZLocalizedText,
  region: z.string().nullable(),
  /** Relative URL of the photo, or null. */
  photoUrl: z.string().nullable(),
});
export type TPublicWinner = z.infer<typeof ZPublicWinner>;

/** `GET /api/calls/{idOrSlug}/results` (anyone): 404 until staff publish the page. */
export const ZPublicResults = z.object({
  call: z.object({
    id: z.string(),
    slug: z.string(),
    title: ZLocalizedText,
    summary: ZLocalizedText,
    locales: z.array(z.enum(LOCALES)),
    decidedAt: z.iso.datetime().nullable(),
    resultsPublishedAt: z.iso.datetime(),
  }),
  /** Winners who consented, in reference order. */
  winners: z.array(ZPublicWinner),
});
export type TPublicResults = z.infer<typeof ZPublicResults>;
