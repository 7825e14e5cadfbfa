import { isStaff, type TRole } from '@tahkim/contracts';

/**
 * Which areas of the web app a person may open. This only decides what the interface shows:
 * the API checks every request on its own. Staff may see everything.
 */
export type Area = 'portal' | 'jury' | 'admin';

export const AREA_ACCESS: Record<Area, (roles: readonly TRole[]) => boolean> = {
  portal: (roles) => roles.includes('APPLICANT') || isStaff(roles),
  jury: (roles) => roles.includes('JUROR') || isStaff(roles),
  admin: (roles) => isStaff(roles),
};

export const AREA_PATHS: Record<Area, string> = {
  portal: '/portal',
  jury: '/jury',
  admin: '/admin',
};

/** Where a person lands after signing in, by their most powerful role. */
export function homePathFor(roles: readonly TRole[]): string {
  if (isStaff(roles)) return AREA_PATHS.admin;
  if (roles.includes('JUROR')) return AREA_PATHS.jury;
  if (roles.includes('APPLICANT')) return AREA_PATHS.portal;
  return '/';
}

/** The areas to show in the navigation, in a stable order. */
export function areasFor(roles: readonly TRole[]): Area[] {
  const areas: Area[] = [];
  if (roles.includes('APPLICANT')) areas.push('portal');
  if (roles.includes('JUROR')) areas.push('jury');
  if (isStaff(roles)) areas.push('admin');
  return areas;
}

/** `next` must stay on this site: a path starting with one slash, never a scheme or another host. */
export function safeNextPath(next: string | null | undefined): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  return next;
}

export function loginPathFor(location: { pathname: string; search: string; hash?: string }): string {
  const next = `${location.pathname}${location.search}${location.hash ?? ''}`;
  return `/login?${new URLSearchParams({ next }).toString()}`;
}
