// Roles without zod: the web's public pages use these and must not download zod for them.
export const ROLES = ['APPLICANT', 'JUROR', 'STAFF', 'ADMIN'] as const;
export type TRole = (typeof ROLES)[number];

/** Roles staff may invite someone into (applicants register themselves). */
export const INVITABLE_ROLES = ['JUROR', 'STAFF'] as const;
export type TInvitableRole = (typeof INVITABLE_ROLES)[number];

/** Staff rights include everything an admin delegates to programme officers. */
export function isStaff(roles: readonly TRole[]): boolean {
  return roles.includes('STAFF') || roles.includes('ADMIN');
}
