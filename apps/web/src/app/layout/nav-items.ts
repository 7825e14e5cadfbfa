import type { TRole } from '@tahkim/contracts';
import { AREA_PATHS, areasFor, type Area } from '../../features/auth/access';

const AREA_LABEL_KEYS = {
  portal: 'nav.portal',
  jury: 'nav.jury',
  admin: 'nav.admin',
} as const satisfies Record<Area, string>;

export interface NavItem {
  to: string;
  labelKey: (typeof AREA_LABEL_KEYS)[Area] | 'calls:nav.link';
}

/** The header's links: the calls for everyone, then the areas of a person's roles. */
export function navItemsFor(roles: readonly TRole[] | undefined): NavItem[] {
  return [
    { to: '/calls', labelKey: 'calls:nav.link' },
    ...areasFor(roles ?? []).map((area) => ({ to: AREA_PATHS[area], labelKey: AREA_LABEL_KEYS[area] })),
  ];
}
