import { z } from 'zod';
import { ZLocale, ZLocalizedText } from './locales';
import { ZInvitableRole, ZRole } from './roles';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** Emails are compared case-insensitively and stored trimmed and lower-cased. */
export const ZEmail = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((value) => value.toLowerCase())
  .describe('Email address');

export const ZPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH)
  .max(PASSWORD_MAX_LENGTH)
  .describe(`Password, ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`);

export const ZDisplayName = z.string().trim().min(1).max(120).describe('Name shown to staff and in emails');

export const ZUser = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    locale: ZLocale,
    roles: z.array(ZRole),
    /** The organisation a juror declares: likely conflicts are flagged where an application names it. */
    organisation: z.string().nullable(),
  });
export type TUser = z.infer<typeof ZUser>;

/** Who is signed in on this browser, if anyone: the web app's first question, answered without an error status. */
export const ZSession = z.object({ user: ZUser.nullable().describe('The signed-in person, or null when nobody is signed in') });
export type TSession = z.infer<typeof ZSession>;

export const ZRegisterRequest = z
  .strictObject({
    email: ZEmail,
    password: ZPassword,
    displayName: ZDisplayName,
    locale: ZLocale.optional(),
  });
export type TRegisterRequest = z.input<typeof ZRegisterRequest>;

export const ZLoginRequest = z
  .strictObject({
    email: ZEmail,
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  });
export type TLoginRequest = z.input<typeof ZLoginRequest>;

export const ZUpdateMeRequest = z
  .strictObject({
    displayName: ZDisplayName.optional(),
    locale: ZLocale.optional(),
    organisation: z.string().trim().max(200).nullable().optional().describe('Empty or null clears it'),
  });
export type TUpdateMeRequest = z.input<typeof ZUpdateMeRequest>;

export const ZPasswordResetRequest = z.strictObject({ email: ZEmail });
export type TPasswordResetRequest = z.input<typeof ZPasswordResetRequest>;

export const ZPasswordResetConfirmRequest = z
  .strictObject({
    token: z.string().min(10).max(200),
    password: ZPassword,
  });
export type TPasswordResetConfirmRequest = z.input<typeof ZPasswordResetConfirmRequest>;

export const ZCreateInvitationRequest = z
  .strictObject({
    email: ZEmail,
    role: ZInvitableRole,
    locale: ZLocale.optional().describe('Language of the invitation email; defaults to the inviter\'s'),
  });
export type TCreateInvitationRequest = z.input<typeof ZCreateInvitationRequest>;

export const ZInvitation = z
  .object({
    id: z.string(),
    email: z.string(),
    role: ZInvitableRole,
    expiresAt: z.iso.datetime(),
    acceptedAt: z.iso.datetime().nullable(),
    /** True when the address already had an account: the role was granted at once. */
    addedToExistingAccount: z.boolean(),
  });
export type TInvitation = z.infer<typeof ZInvitation>;

/** What the invitation page shows before the person accepts. */
export const ZInvitationPreview = z
  .object({
    email: z.string(),
    role: ZInvitableRole,
    invitedBy: z.string(),
    hasAccount: z.boolean(),
    expiresAt: z.iso.datetime(),
    /** The jury the invitation joins on acceptance (a juror invited into a round), else null. */
    jury: z
      .object({ callTitle: ZLocalizedText, roundName: ZLocalizedText, closesAt: z.iso.datetime().nullable() })
      .nullable()
      .optional(),
  });
export type TInvitationPreview = z.infer<typeof ZInvitationPreview>;

/** New people choose a name and password; people who already have an account accept with their password. */
export const ZAcceptInvitationRequest = z
  .strictObject({
    displayName: ZDisplayName.optional(),
    password: ZPassword,
    locale: ZLocale.optional(),
  });
export type TAcceptInvitationRequest = z.input<typeof ZAcceptInvitationRequest>;

export const ZOkResponse = z.object({ ok: z.literal(true) });
export type TOkResponse = z.infer<typeof ZOkResponse>;

export const ZUserListQuery = z
  .strictObject({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
    search: z.string().trim().max(200).optional(),
    role: ZRole.optional(),
  })
  ;
export type TUserListQuery = z.infer<typeof ZUserListQuery>;

export const ZUserList = z
  .object({ items: z.array(ZUser), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  ;
export type TUserList = z.infer<typeof ZUserList>;

export const ZUpdateRolesRequest = z
  .strictObject({ roles: z.array(ZRole).min(1).max(4) });
export type TUpdateRolesRequest = z.input<typeof ZUpdateRolesRequest>;
