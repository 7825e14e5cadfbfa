import { SetMetadata } from '@nestjs/common';
import type { TRole } from '@tahkim/contracts';

export const PUBLIC_KEY = 'access:public';
export const ROLES_KEY = 'access:roles';
export const HIDDEN_KEY = 'access:hidden';

/** Anyone may call this route, signed in or not. Every other route needs a session. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Only people holding one of these roles may call this route. ADMIN holds every staff right,
 * so `@Roles('STAFF')` admits admins too.
 */
export const Roles = (...roles: TRole[]) => SetMetadata(ROLES_KEY, roles);

/**
 * With `@Roles(...)`: a signed-in caller without the role gets 404 NOT_FOUND instead of 403, so the
 * route's objects (rankings, other jurors' scorecards...) are not even known to exist for them.
 */
export const HiddenFromOtherRoles = () => SetMetadata(HIDDEN_KEY, true);
