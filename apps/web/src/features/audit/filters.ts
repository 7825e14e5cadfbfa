import type { ApiQuery } from '../../lib/api';
import { casablancaLocalToUtc } from '../call-admin/casablanca-time';

/**
 * What staff filter the audit trail by; it lives in the page's URL so a view can be reloaded or shared.
 * `from` and `to` are calendar days ("YYYY-MM-DD") in Casablanca, both included.
 */
export interface AuditFilters {
  page: number;
  /** An action ("scorecard.submitted") or a family of actions ("scorecard."). */
  action?: string;
  entityType?: string;
  entityId?: string;
  /** Part of the actor's name or email. */
  actor?: string;
  from?: string;
  to?: string;
}

export const DEFAULT_AUDIT_FILTERS: AuditFilters = { page: 1 };

const ACTION = /^[a-z][a-z_]*(\.[a-z_]*)*$/u;
const ENTITY_TYPE = /^[A-Za-z][A-Za-z0-9_]*$/u;
const ENTITY_ID = /^[A-Za-z0-9_:-]{1,100}$/u;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/u;

export function isDay(value: string): boolean {
  const match = DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function text(value: string | null, pattern: RegExp, max: number): string | undefined {
  const trimmed = value?.trim();
  return trimmed && trimmed.length <= max && pattern.test(trimmed) ? trimmed : undefined;
}

/** The URL's query → filters; anything malformed is ignored rather than sent to the API. */
export function parseAuditFilters(params: URLSearchParams): AuditFilters {
  const page = Number.parseInt(params.get('page') ?? '', 10);
  const actor = params.get('actor')?.trim().slice(0, 200);
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    page: Number.isFinite(page) && page >= 1 ? page : 1,
    action: text(params.get('action'), ACTION, 100),
    entityType: text(params.get('entityType'), ENTITY_TYPE, 50),
    entityId: text(params.get('entityId'), ENTITY_ID, 100),
    actor: actor || undefined,
    from: isDay(from) ? from : undefined,
    to: isDay(to) ? to : undefined,
  };
}

/** Filters → the URL's query, leaving out what is unset so links stay short. */
export function auditFiltersToSearchParams(filters: AuditFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.action) params.set('action', filters.action);
  if (filters.entityType) params.set('entityType', filters.entityType);
  if (filters.entityId) params.set('entityId', filters.entityId);
  if (filters.actor) params.set('actor', filters.actor);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

/** Changes some filters and goes back to the first page, since the old page may no longer exist. */
export function withAuditFilter(filters: AuditFilters, change: Partial<Omit<AuditFilters, 'page'>>): AuditFilters {
  return { ...filters, ...change, page: 1 };
}

export function hasActiveAuditFilters(filters: AuditFilters): boolean {
  return Boolean(filters.action || filters.entityType || filters.entityId || filters.actor || filters.from || filters.to);
}

function nextDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/** The first instant of a Casablanca day, as an ISO date-time. */
export function startOfCasablancaDay(day: string): string {
  return casablancaLocalToUtc(`${day}T00:00`);
}

/** The last millisecond of a Casablanca day (the API's `to` is inclusive). */
export function endOfCasablancaDay(day: string): string {
  return new Date(Date.parse(casablancaLocalToUtc(`${nextDay(day)}T00:00`)) - 1).toISOString();
}

export type AuditApiQuery = ApiQuery<'/api/audit', 'get'>;

/** Filters → the API's query (ZAuditQuery); the CSV export takes the same without paging. */
export function auditFiltersToApiQuery(filters: AuditFilters, pageSize?: number): AuditApiQuery {
  return {
    ...(pageSize ? { page: filters.page, pageSize } : {}),
    action: filters.action,
    entityType: filters.entityType,
    entityId: filters.entityId,
    actor: filters.actor,
    from: filters.from ? startOfCasablancaDay(filters.from) : undefined,
    to: filters.to ? endOfCasablancaDay(filters.to) : undefined,
  };
}
