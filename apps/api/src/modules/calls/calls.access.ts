import { isStaff, type TCallStatus, type TRole } from '@tahkim/contracts';

/** A draft call exists only for staff: anyone else is told it does not exist (404, never 403). */
export function canSeeCall(call: { status: TCallStatus }, user: { roles: readonly TRole[] } | undefined): boolean {
  return call.status !== 'DRAFT' || (user !== undefined && isStaff(user.roles));
}

/** The outline of a call's form is public while the call is published; drafts and ended calls have none. */
export function canReadFormOutline(call: { status: TCallStatus }): boolean {
  return call.status === 'PUBLISHED';
}
