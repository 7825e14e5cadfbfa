import { z } from 'zod';

export const ROLES = ['APPLICANT', 'JUROR', 'STAFF', 'ADMIN'] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

/** Roles staff may invite someone into (applicants register themselves). */
export const INVITABLE_ROLES = ['JUROR', 'STAFF'] as const;
export const ZInvitableRole = z.enum(INVITABLE_ROLES);
export type TInvitableRole = z.infer<typeof ZInvitableRole>;

/** Staff rights include everything an admin delegates to programme officers. */
export function isStaff(roles: readonly TRole[]): boolean {
  return roles.includes('STAFF') || roles.includes('ADMIN');
}
