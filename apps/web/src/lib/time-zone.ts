import { queryOptions } from '@tanstack/react-query';
import {
  formatInZone,
  formatUtcOffset,
  offsetMinutesAt,
  toWallClock,
  toZoneTable,
  wallClockToInstant,
  type TTimeZoneData,
  type TWallClock,
  type ZoneTable,
} from '@tahkim/contracts';
import { api, unwrap } from './api';

/**
 * Morocco's time as the server's packaged time-zone data has it. Browsers' own data varies (an older
 * phone still puts Morocco on UTC+1 after 2026-09-20), so the web never converts with it: the API
 * sends Africa/Casablanca's offsets once (`GET /api/time-zone`), and every date the web formats itself
 * reads them. Deadlines come with their wall-clock time and offset computed by the server.
 */
export const CALL_ZONE = 'Africa/Casablanca';

/**
 * Until the server's table is known (first visit, API unreachable): Morocco's legal time since
 * 2026-09-20, UTC+0 with no more changes. Only older instants may then read an hour off.
 */
const FALLBACK: ZoneTable = { zone: CALL_ZONE, dataVersion: 'fallback', initialOffsetMinutes: 0, changes: [], offsets: [] };
const STORAGE_KEY = 'tahkim.time-zone';

let table: ZoneTable | null = null;
let loadedFrom: TTimeZoneData | null = null;

/** Uses the server's table from now on (and keeps it for the next visit). */
export function setTimeZoneData(data: TTimeZoneData): void {
  if (loadedFrom === data) return;
  loadedFrom = data;
  table = toZoneTable(data);
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(data));
  } catch {
    // Private mode or a full storage: the table is loaded again next visit, nothing else changes.
  }
}

/** The table kept from an earlier visit, if it is still well-formed. */
export function cachedTimeZoneData(): TTimeZoneData | undefined {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (!raw) return undefined;
    const parsed: unknown = JSON.parse(raw);
    return isTimeZoneData(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The shape of the server's table (checked by hand: zod is not part of the public pages' code). */
function isTimeZoneData(value: unknown): value is TTimeZoneData {
  if (typeof value !== 'object' || value === null) return false;
  const data = value as Record<string, unknown>;
  return (
    typeof data.zone === 'string' &&
    typeof data.dataVersion === 'string' &&
    typeof data.from === 'string' &&
    typeof data.until === 'string' &&
    Number.isInteger(data.initialOffsetMinutes) &&
    Array.isArray(data.transitions) &&
    data.transitions.every((t: unknown) => typeof t === 'object' && t !== null && typeof (t as { at?: unknown }).at === 'string' && Number.isInteger((t as { offsetMinutes?: unknown }).offsetMinutes))
  );
}

export function zoneTable(): ZoneTable {
  return table ?? FALLBACK;
}

export const timeZoneQuery = () =>
  queryOptions({
    queryKey: ['time-zone'] as const,
    queryFn: async (): Promise<TTimeZoneData> => {
      const data: unknown = await unwrap(api.GET('/api/time-zone'));
      if (!isTimeZoneData(data)) throw new Error('The time-zone data received is not well-formed');
      return data;
    },
    // The data changes when the server's package is bumped: once a day is plenty.
    staleTime: 24 * 60 * 60 * 1000,
    gcTime: Infinity,
    retry: 2,
  });

/** Casablanca's offset from UTC at an instant, in minutes east. */
export function casablancaOffsetMinutes(instant: number): number {
  return offsetMinutesAt(zoneTable(), instant);
}

/** "UTC+01:00", "UTC+00:00" at that instant. */
export function casablancaOffsetLabel(iso: string): string {
  return formatUtcOffset(casablancaOffsetMinutes(Date.parse(iso)));
}

/** "UTC+00:00" from a server-computed wall clock ("+00:00"). */
export function wallClockOffsetLabel(local: TWallClock): string {
  return `UTC${local.offset}`;
}

/** An instant -> "YYYY-MM-DDTHH:mm" in Casablanca. */
export function instantToCasablancaWallClock(iso: string): string {
  return toWallClock(zoneTable(), iso).dateTime;
}

/** "YYYY-MM-DDTHH:mm" in Casablanca -> an ISO instant (for filters; deadlines are converted by the API). */
export function casablancaWallClockToIso(wallClock: string): string {
  return new Date(wallClockToInstant(zoneTable(), wallClock)).toISOString();
}

/** Intl over the instant shifted to Casablanca's clock, in UTC: the browser's zone data never takes part. */
export function formatInCasablanca(iso: string | Date, locale: string, options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>): string {
  return formatInZone(zoneTable(), typeof iso === 'string' ? iso : iso.getTime(), locale, options);
}
