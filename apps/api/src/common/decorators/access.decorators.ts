import { SetMetadata } from '@nestjs/common';
import type { TRole } from '@tahkim/contracts';

export const PUBLIC_KEY = 'access:public';
export const ROLES_KEY = 'access:roles';

/** Anyone may call this route, signed in or not. Every other route needs a session. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/**
 * Only people holding one of these roles may call this route. ADMIN holds every staff right,
 * so `@Roles('STAFF')` admits admins too.
 */
export const Roles = (...roles: TRole[]) => SetMetadata(ROLES_KEY, roles);
