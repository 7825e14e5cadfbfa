import type { TRole } from '@tahkim/contracts';
import { AREA_PATHS, areasFor, type Area } from '../../features/auth/access';

const AREA_LABEL_KEYS = {
  portal: 'nav.portal',
  jury: 'nav.jury',
  admin: 'nav.admin',
} as const satisfies Record<Area, string>;

export interface NavItem {
  to: string;
  labelKey: (typeof AREA_LABEL_KEYS)[Area];
}

/** The header's links for a person's roles (nothing for anonymous visitors but the home page link). */
export function navItemsFor(roles: readonly TRole[] | undefined): NavItem[] {
  return areasFor(roles ?? []).map((area) => ({ to: AREA_PATHS[area], labelKey: AREA_LABEL_KEYS[area] }));
}
