import type { TCallStatus, TRole } from '@tahkim/contracts';
import { hasAnyRole } from '../../common/guards/auth.guard';

/** Staff (and admins) see and edit every call. */
export function isStaff(user: { roles: readonly TRole[] } | undefined): boolean {
  return user !== undefined && hasAnyRole(user.roles, ['STAFF']);
}

/** A draft call exists only for staff: anyone else is told it does not exist (404, never 403). */
export function canSeeCall(call: { status: TCallStatus }, user: { roles: readonly TRole[] } | undefined): boolean {
  return call.status !== 'DRAFT' || isStaff(user);
}
