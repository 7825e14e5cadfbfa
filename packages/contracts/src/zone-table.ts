// Morocco's time without zod: the web's public pages format dates with these and must not download zod.

/**
 * Morocco's legal time, from the time-zone data the app carries (never the runtime's or the
 * browser's, which lag behind: Morocco moved to permanent UTC+0 on 2026-09-20, and older data still
 * says UTC+1). The server builds a zone table from its packaged data; the functions here read any
 * table, so the API and the web convert and format the same way.
 *
 * A wall-clock time is "YYYY-MM-DDTHH:mm" (what an `<input type="datetime-local">` holds), read in
 * Africa/Casablanca.
 */

export const WALL_CLOCK_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** True for a real calendar date and time of day ("2026-02-30T10:00" is not). */
export function isWallClock(value: string): boolean {
  const parts = wallClockParts(value);
  return parts !== null;
}

interface WallClockParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockParts(value: string): WallClockParts | null {
  const match = WALL_CLOCK_PATTERN.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60 && second < 60;
  return valid ? { year, month, day, hour, minute, second } : null;
}

/** True when the value names its own offset (an absolute instant), false for a wall-clock time. */
export function isAbsoluteDateTime(value: string): boolean {
  return !WALL_CLOCK_PATTERN.test(value);
}

/**
 * Compares two date-time inputs when that needs no time-zone data (both instants, or both wall-clock
 * times of the same zone); null otherwise (the server compares after converting).
 */
export function compareDateTimeInputs(a: string, b: string): number | null {
  const absoluteA = isAbsoluteDateTime(a);
  if (absoluteA !== isAbsoluteDateTime(b)) return null;
  if (absoluteA) return Date.parse(a) - Date.parse(b);
  const pa = wallClockParts(a);
  const pb = wallClockParts(b);
  if (!pa || !pb) return null;
  return Date.UTC(pa.year, pa.month - 1, pa.day, pa.hour, pa.minute, pa.second) - Date.UTC(pb.year, pb.month - 1, pb.day, pb.hour, pb.minute, pb.second);
}

/** A zone table ready for look-ups (instants in milliseconds). */
export interface ZoneTable {
  zone: string;
  dataVersion: string;
  initialOffsetMinutes: number;
  /** Sorted instants of change, and the offset from each one on. */
  changes: number[];
  offsets: number[];
}

export function toZoneTable(data: TTimeZoneData): ZoneTable {
  const transitions = [...data.transitions].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return {
    zone: data.zone,
    dataVersion: data.dataVersion,
    initialOffsetMinutes: data.initialOffsetMinutes,
    changes: transitions.map((t) => Date.parse(t.at)),
    offsets: transitions.map((t) => t.offsetMinutes),
  };
}

/** The zone's offset from UTC, in minutes east, at an instant (milliseconds). */
export function offsetMinutesAt(table: ZoneTable, instant: number): number {
  // The last change at or before the instant.
  let low = 0;
  let high = table.changes.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (table.changes[mid]! <= instant) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found === -1 ? table.initialOffsetMinutes : table.offsets[found]!;
}

/** "+01:00", "+00:00", "-03:30". */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** "UTC+01:00", "UTC+00:00": the offset as people read it beside a date. */
export function formatUtcOffset(minutes: number): string {
  return `UTC${formatOffset(minutes)}`;
}

const pad = (value: number, size = 2) => String(value).padStart(size, '0');

/**
 * The instant shifted by the zone's offset: its UTC fields are the wall-clock fields. Format it with
 * `timeZone: 'UTC'` so that no other time-zone data takes part.
 */
export function shiftedToWallClock(table: ZoneTable, instant: number): Date {
  return new Date(instant + offsetMinutesAt(table, instant) * 60_000);
}

/** An instant -> what the zone's clocks read then, to the minute, with the offset. */
export function toWallClock(table: ZoneTable, instant: number | Date | string): TWallClock {
  const ms = typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  const offset = offsetMinutesAt(table, ms);
  const shifted = new Date(ms + offset * 60_000);
  const dateTime = `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}T${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`;
  return { dateTime, offset: formatOffset(offset) };
}

const DAY_MS = 86_400_000;

/**
 * A wall-clock time -> the instant (milliseconds). Around a change of offset: a time that happens
 * twice (clocks go back, as on 2026-09-20 when 02:00 became 01:00) is read as its first occurrence;
 * a time that never happens (clocks go forward) is moved forward by the jump, as a clock would show it.
 */
export function wallClockToInstant(table: ZoneTable, wallClock: string): number {
  const parts = wallClockParts(wallClock);
  if (!parts) throw new RangeError(`Not a wall-clock time: ${wallClock}`);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const before = offsetMinutesAt(table, asUtc - DAY_MS) * 60_000;
  const after = offsetMinutesAt(table, asUtc + DAY_MS) * 60_000;
  const candidates = [...new Set([before, after])]
    .map((offset) => asUtc - offset)
    .filter((instant) => asUtc - instant === offsetMinutesAt(table, instant) * 60_000)
    .sort((a, b) => a - b);
  return candidates[0] ?? asUtc - before;
}

/** A date-time input (wall-clock time or absolute instant) -> the instant it names. */
export function dateTimeInputToInstant(table: ZoneTable, value: string): Date {
  return new Date(isAbsoluteDateTime(value) ? Date.parse(value) : wallClockToInstant(table, value));
}

/** Intl locales for dates (Western digits in Arabic, as Moroccan forms and deadlines write them). */
export const DATE_LOCALES = { ar: 'ar-MA-u-nu-latn', fr: 'fr-FR', en: 'en-GB' } as const;

/**
 * Formats an instant as the zone's clocks read it, with Intl over the shifted instant in UTC: the
 * runtime's own zone data is never consulted. Options must not set `timeZone`.
 */
export function formatInZone(table: ZoneTable, instant: number | Date | string, locale: string, options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>): string {
  const ms = typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return utcFormatter(locale, options).format(shiftedToWallClock(table, ms));
}

const utcFormatters = new Map<string, Intl.DateTimeFormat>();

/** A UTC formatter per locale and options: building one loads the language's data, slow on a phone. */
function utcFormatter(locale: string, options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let formatter = utcFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    if (utcFormatters.size > 200) utcFormatters.clear();
    utcFormatters.set(key, formatter);
  }
  return formatter;
}

/** Formats a wall-clock time given by the server ("2026-12-05T18:00"), again without other zone data. */
export function formatWallClock(wallClock: string, locale: string, options: Omit<Intl.DateTimeFormatOptions, 'timeZone'>): string {
  const parts = wallClockParts(wallClock);
  if (!parts) return wallClock;
  const asUtc = new Date(Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second));
  return utcFormatter(locale, options).format(asUtc);
}

/** What Casablanca's clocks read at an instant, computed by the server: "2026-12-05T18:00", "+00:00". */
export interface TWallClock {
  dateTime: string;
  offset: string;
}

/** Africa/Casablanca's offsets over a range of years, from the server's packaged time-zone data. */
export interface TTimeZoneData {
  zone: string;
  /** The IANA release the data comes from ("2026f"). */
  dataVersion: string;
  /** The table covers [from, until): before, the first offset holds; after, the last one. */
  from: string;
  until: string;
  /** Minutes east of UTC in force at `from`. */
  initialOffsetMinutes: number;
  /** Each change of offset in the range, oldest first: from `at` on, `offsetMinutes` holds. */
  transitions: Array<{ at: string; offsetMinutes: number }>;
}

/** A date-time as staff send it: a Casablanca wall-clock time or an absolute ISO 8601 instant. */
export type TDateTimeInput = string;
