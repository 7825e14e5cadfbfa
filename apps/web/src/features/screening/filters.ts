import {
  APPLICATION_SORTS,
  APPLICATION_STATUSES,
  ELIGIBILITY_SUGGESTIONS,
  MOROCCO_REGIONS,
  type TApplicationStatus,
  type TEligibilitySuggestion,
} from '@tahkim/contracts';
import type { QueryValue } from '../call-admin/staff-api';

export type ApplicationSort = (typeof APPLICATION_SORTS)[number];

/** What staff filter a call's applications by; it lives in the page's URL so a view can be shared. */
export interface ApplicationFilters {
  page: number;
  sort: ApplicationSort;
  order: 'asc' | 'desc';
  status?: TApplicationStatus;
  region?: string;
  eligibility?: TEligibilitySuggestion;
  /** One chosen option per choice field, as "fieldKey:value". */
  choice: string[];
  q?: string;
}

export const DEFAULT_FILTERS: ApplicationFilters = { page: 1, sort: 'submittedAt', order: 'desc', choice: [] };

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

const CHOICE = /^[a-z][a-z0-9_]{0,62}:[A-Za-z0-9_-]{1,64}$/;

/** The URL's query → filters; anything unknown or malformed is ignored rather than sent. */
export function parseFilters(params: URLSearchParams): ApplicationFilters {
  const page = Number.parseInt(params.get('page') ?? '', 10);
  const q = params.get('q')?.trim().slice(0, 200);
  const seen = new Set<string>();
  const choice = params.getAll('choice').filter((value) => {
    if (!CHOICE.test(value)) return false;
    const key = value.slice(0, value.indexOf(':'));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return {
    page: Number.isFinite(page) && page >= 1 ? page : 1,
    sort: oneOf(APPLICATION_SORTS, params.get('sort')) ?? DEFAULT_FILTERS.sort,
    order: oneOf(['asc', 'desc'] as const, params.get('order')) ?? DEFAULT_FILTERS.order,
    status: oneOf(APPLICATION_STATUSES, params.get('status')),
    region: oneOf(
      MOROCCO_REGIONS.map((region) => region.value),
      params.get('region'),
    ),
    eligibility: oneOf(ELIGIBILITY_SUGGESTIONS, params.get('eligibility')),
    choice,
    q: q || undefined,
  };
}

/** Filters → the URL's query, leaving out defaults so links stay short. */
export function filtersToSearchParams(filters: ApplicationFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.status) params.set('status', filters.status);
  if (filters.region) params.set('region', filters.region);
  if (filters.eligibility) params.set('eligibility', filters.eligibility);
  for (const choice of filters.choice) params.append('choice', choice);
  if (filters.sort !== DEFAULT_FILTERS.sort) params.set('sort', filters.sort);
  if (filters.order !== DEFAULT_FILTERS.order) params.set('order', filters.order);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** Filters → the API's query (ZStaffApplicationQuery); exports take the same without paging. */
export function filtersToApiQuery(filters: ApplicationFilters, pageSize?: number): Record<string, QueryValue> {
  return {
    ...(pageSize ? { page: filters.page, pageSize } : {}),
    sort: filters.sort,
    order: filters.order,
    status: filters.status,
    region: filters.region,
    eligibility: filters.eligibility,
    choice: filters.choice,
    q: filters.q,
  };
}

/** Changing a filter starts again from the first page. */
export function withFilter(filters: ApplicationFilters, change: Partial<Omit<ApplicationFilters, 'page'>>): ApplicationFilters {
  return { ...filters, ...change, page: 1 };
}

/** Sets (or clears, with undefined) the chosen option of one choice field. */
export function withChoice(filters: ApplicationFilters, fieldKey: string, value: string | undefined): ApplicationFilters {
  const others = filters.choice.filter((choice) => !choice.startsWith(`${fieldKey}:`));
  return withFilter(filters, { choice: value ? [...others, `${fieldKey}:${value}`] : others });
}

export function choiceValue(filters: ApplicationFilters, fieldKey: string): string | undefined {
  return filters.choice.find((choice) => choice.startsWith(`${fieldKey}:`))?.slice(fieldKey.length + 1);
}

export function hasActiveFilters(filters: ApplicationFilters): boolean {
  return Boolean(filters.status || filters.region || filters.eligibility || filters.q || filters.choice.length);
}

/** A dossier's page, carrying the list's filters and order so that "previous" and "next" follow the same list. */
export function dossierLink(id: string, filters: ApplicationFilters): string {
  const params = filtersToSearchParams({ ...filters, page: 1 }).toString();
  return `/admin/applications/${id}${params ? `?${params}` : ''}`;
}
