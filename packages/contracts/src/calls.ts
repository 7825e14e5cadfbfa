import { z } from 'zod';
import { ZEligibilityRules } from './eligibility';
import { ZFieldType, ZFormDefinition, ZUploadMediaType } from './forms';
import { ZLocalizedText, zLocalizedText } from './locales';
import { compareDateTimeInputs, ZDateTimeInput, ZWallClock } from './time-zone';

export const CALL_STATUSES = ['DRAFT', 'PUBLISHED', 'CLOSED', 'DECIDED', 'ARCHIVED'] as const;
export const ZCallStatus = z.enum(CALL_STATUSES);
export type TCallStatus = z.infer<typeof ZCallStatus>;

/**
 * Dates are stored as UTC instants. Staff send the wall-clock time they typed in Africa/Casablanca
 * (or an absolute instant); responses carry the instants and, beside them, the wall-clock time and
 * offset the server computed with its packaged time-zone data.
 */
export const CALL_TIMEZONE = 'Africa/Casablanca';

const ZSlug = z.string().min(3).max(80).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'lower-case words joined by -' });
const ZReferencePrefix = z.string().regex(/^[A-Z0-9]{2,10}$/, { error: '2 to 10 capital letters or digits' });

/** What anyone may read about a published call (staff read drafts too). */
export const ZCallPublic = z.object({
  id: z.string(),
  slug: z.string(),
  title: ZLocalizedText,
  summary: ZLocalizedText,
  description: ZLocalizedText.describe('Markdown, sanitised when shown'),
  eligibility: ZLocalizedText.describe('Markdown'),
  opensAt: z.iso.datetime(),
  closesAt: z.iso.datetime(),
  opensAtLocal: ZWallClock,
  closesAtLocal: ZWallClock,
  timezone: z.string(),
  /** The lifecycle status as of now: a published call past its deadline reads CLOSED. */
  status: ZCallStatus,
  /** True while applications can be submitted (published, opened, not yet closed). */
  acceptingApplications: z.boolean(),
  maxApplicationsPerApplicant: z.number().int(),
  /** Whether staff published the call's results page (/calls/{slug}/results). */
  resultsPublished: z.boolean(),
});
export type TCallPublic = z.infer<typeof ZCallPublic>;

export const ZCallStaff = ZCallPublic.extend({
  referencePrefix: z.string(),
  formVersion: z.number().int(),
  feedbackEnabled: z.boolean(),
  eligibilityRules: ZEligibilityRules,
  applicationCounts: z.object({ draft: z.number().int(), submitted: z.number().int() }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().nullable(),
  closedAt: z.iso.datetime().nullable(),
});
export type TCallStaff = z.infer<typeof ZCallStaff>;

export const ZCallList = z.object({ items: z.array(ZCallPublic) });
export const ZCallStaffList = z.object({ items: z.array(ZCallStaff) });

/** Lengths a call's texts may not exceed, per language (Markdown is stored as given, sanitised when shown). */
export const CALL_TEXT_LIMITS = { title: 200, summary: 1000, description: 20_000, eligibility: 10_000 } as const;

const callFields = {
  slug: ZSlug,
  title: zLocalizedText(CALL_TEXT_LIMITS.title),
  summary: zLocalizedText(CALL_TEXT_LIMITS.summary),
  description: zLocalizedText(CALL_TEXT_LIMITS.description).describe('Markdown, sanitised when shown'),
  eligibility: zLocalizedText(CALL_TEXT_LIMITS.eligibility).describe('Markdown'),
  opensAt: ZDateTimeInput,
  closesAt: ZDateTimeInput,
  referencePrefix: ZReferencePrefix,
  maxApplicationsPerApplicant: z.number().int().min(1).max(20),
  feedbackEnabled: z.boolean(),
  eligibilityRules: ZEligibilityRules,
};

export const ZCreateCallRequest = z
  .strictObject({
    ...callFields,
    maxApplicationsPerApplicant: callFields.maxApplicationsPerApplicant.default(1),
    feedbackEnabled: callFields.feedbackEnabled.default(false),
    eligibilityRules: callFields.eligibilityRules.default([]),
  })
  // Two wall-clock times or two instants compare here; a mix is compared by the API once converted.
  .refine((call) => (compareDateTimeInputs(call.closesAt, call.opensAt) ?? 1) > 0, { path: ['closesAt'], message: 'closesAt must be after opensAt' });
export type TCreateCallRequest = z.input<typeof ZCreateCallRequest>;

/** Every field optional; the dates are checked together against the stored ones by the API. */
export const ZUpdateCallRequest = z.strictObject(callFields).partial();
export type TUpdateCallRequest = z.input<typeof ZUpdateCallRequest>;

export const ZCloseCallRequest = z.strictObject({ reason: z.string().trim().max(1000).optional() });

/** The call's form as staff edit it and applicants fill it. */
export const ZFormResponse = z.object({
  callId: z.string(),
  version: z.number().int(),
  /** Once an application exists, fields can be hidden or added, never deleted. */
  locked: z.boolean(),
  definition: ZFormDefinition,
});
export type TFormResponse = z.infer<typeof ZFormResponse>;

/**
 * What a visitor may read of a published call's form before signing up: the steps, their questions and
 * the documents to prepare. Hidden sections and fields, identifying marks and choice lists are left out;
 * file limits are the ones the server enforces (defaults applied).
 */
export const ZCallFormOutline = z.object({
  callId: z.string(),
  sections: z.array(
    z.object({
      key: z.string(),
      title: ZLocalizedText,
      description: ZLocalizedText.optional(),
      fields: z.array(
        z.object({
          key: z.string(),
          type: ZFieldType,
          label: ZLocalizedText,
          help: ZLocalizedText.optional(),
          required: z.boolean(),
          /** Only for FILE fields. */
          files: z
            .object({
              maxFiles: z.number().int(),
              maxFileSizeBytes: z.number().int(),
              acceptedMediaTypes: z.array(ZUploadMediaType),
            })
            .optional(),
        }),
      ),
    }),
  ),
});
export type TCallFormOutline = z.infer<typeof ZCallFormOutline>;

export const ZPutFormRequest = z.strictObject({
  /** The version the editor started from: a stale one gets 409 VERSION_CONFLICT. */
  version: z.number().int().min(1),
  definition: ZFormDefinition,
});
export type TPutFormRequest = z.input<typeof ZPutFormRequest>;

/** details of 409 VERSION_CONFLICT on PUT /calls/{id}/form: the form as it now is. */
export const ZFormConflictDetails = z.object({ current: ZFormResponse });
export type TFormConflictDetails = z.infer<typeof ZFormConflictDetails>;

/**
 * details of 409 CONFLICT on PUT /calls/{id}/form once applications exist: sections and fields that
 * would disappear (hide them instead) and fields whose type would change.
 */
export const ZFormLockedDetails = z.object({
  reason: z.literal('FORM_LOCKED'),
  removedSections: z.array(z.string()),
  removedFields: z.array(z.string()),
  retypedFields: z.array(z.object({ key: z.string(), from: z.string(), to: z.string() })),
});
export type TFormLockedDetails = z.infer<typeof ZFormLockedDetails>;
