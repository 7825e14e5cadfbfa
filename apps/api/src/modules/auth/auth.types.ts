import type { TLocale, TRole } from '@tahkim/contracts';

/** The signed-in person, as the auth guard attaches it to a request. */
export interface AuthenticatedUser {
  id: string;
  email: string;
  displayName: string;
  locale: TLocale;
  roles: TRole[];
}
