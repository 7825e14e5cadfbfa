import { z } from 'zod';
import { ZLocale } from './locales';
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
  })
  .meta({ id: 'User' });
export type TUser = z.infer<typeof ZUser>;

export const ZRegisterRequest = z
  .strictObject({
    email: ZEmail,
    password: ZPassword,
    displayName: ZDisplayName,
    locale: ZLocale.optional(),
  })
  .meta({ id: 'RegisterRequest' });
export type TRegisterRequest = z.input<typeof ZRegisterRequest>;

export const ZLoginRequest = z
  .strictObject({
    email: ZEmail,
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  })
  .meta({ id: 'LoginRequest' });
export type TLoginRequest = z.input<typeof ZLoginRequest>;

export const ZUpdateMeRequest = z
  .strictObject({
    displayName: ZDisplayName.optional(),
    locale: ZLocale.optional(),
  })
  .meta({ id: 'UpdateMeRequest' });
export type TUpdateMeRequest = z.input<typeof ZUpdateMeRequest>;

export const ZPasswordResetRequest = z.strictObject({ email: ZEmail }).meta({ id: 'PasswordResetRequest' });
export type TPasswordResetRequest = z.input<typeof ZPasswordResetRequest>;

export const ZPasswordResetConfirmRequest = z
  .strictObject({
    token: z.string().min(10).max(200),
    password: ZPassword,
  })
  .meta({ id: 'PasswordResetConfirmRequest' });
export type TPasswordResetConfirmRequest = z.input<typeof ZPasswordResetConfirmRequest>;

export const ZCreateInvitationRequest = z
  .strictObject({
    email: ZEmail,
    role: ZInvitableRole,
    locale: ZLocale.optional().describe('Language of the invitation email; defaults to the inviter\'s'),
  })
  .meta({ id: 'CreateInvitationRequest' });
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
  })
  .meta({ id: 'Invitation' });
export type TInvitation = z.infer<typeof ZInvitation>;

/** What the invitation page shows before the person accepts. */
export const ZInvitationPreview = z
  .object({
    email: z.string(),
    role: ZInvitableRole,
    invitedBy: z.string(),
    hasAccount: z.boolean(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'InvitationPreview' });
export type TInvitationPreview = z.infer<typeof ZInvitationPreview>;

/** New people choose a name and password; people who already have an account accept with their password. */
export const ZAcceptInvitationRequest = z
  .strictObject({
    displayName: ZDisplayName.optional(),
    password: ZPassword,
    locale: ZLocale.optional(),
  })
  .meta({ id: 'AcceptInvitationRequest' });
export type TAcceptInvitationRequest = z.input<typeof ZAcceptInvitationRequest>;

export const ZOkResponse = z.object({ ok: z.literal(true) }).meta({ id: 'OkResponse' });
export type TOkResponse = z.infer<typeof ZOkResponse>;
