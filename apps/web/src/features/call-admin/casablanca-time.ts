import { CALL_TIMEZONE, type TLocale } from '@tahkim/contracts';

/**
 * Calls' dates are entered and read in Morocco's legal time, and stored as UTC instants. Morocco is on
 * UTC+1 most of the year and goes back to UTC+0 around Ramadan, so the offset is looked up from the
 * time-zone database (Intl) for each instant, never assumed.
 *
 * A local date-time is the value of an `<input type="datetime-local">`: "YYYY-MM-DDTHH:mm".
 */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DAY_MS = 86_400_000;

const partsFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: CALL_TIMEZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function wallClock(instant: number): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(partsFormat.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** Casablanca's offset from UTC at an instant, in milliseconds (local = UTC + offset). */
export function casablancaOffsetMs(instant: number): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const clock = wallClock(whole);
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second) - whole;
}

export function isLocalDateTime(value: string): boolean {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) return false;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && hour < 24 && minute < 60;
}

/**
 * "2026-06-30T23:59" in Casablanca → "2026-06-30T22:59:00.000Z". Around a change of offset:
 * a time that happens twice (clocks go back) is read as its first occurrence; a time that does not
 * exist (clocks go forward) is moved forward by the jump, as a wall clock would show it.
 */
export function casablancaLocalToUtc(local: string): string {
  const match = LOCAL_DATE_TIME.exec(local);
  if (!match || !isLocalDateTime(local)) throw new RangeError(`Not a local date-time: ${local}`);
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const before = casablancaOffsetMs(asUtc - DAY_MS);
  const after = casablancaOffsetMs(asUtc + DAY_MS);
  const candidates = [...new Set([before, after])]
    .map((offset) => asUtc - offset)
    .filter((instant) => asUtc - instant === casablancaOffsetMs(instant))
    .sort((a, b) => a - b);
  const instant = candidates[0] ?? asUtc - before;
  return new Date(instant).toISOString();
}

/** An instant → the "YYYY-MM-DDTHH:mm" a datetime-local input shows for it in Casablanca. */
export function utcToCasablancaLocal(iso: string): string {
  const clock = wallClock(Date.parse(iso));
  const pad = (value: number, size = 2) => String(value).padStart(size, '0');
  return `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}`;
}

/** "UTC+1" or "UTC" at that instant. */
export function casablancaOffsetLabel(iso: string): string {
  const minutes = Math.round(casablancaOffsetMs(Date.parse(iso)) / 60_000);
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '-';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

const INTL_LOCALES: Record<TLocale, string> = { ar: 'ar-MA', fr: 'fr-MA', en: 'en-GB' };

/** A date-time as people in Morocco read it, in the interface language (the zone is named by the caller). */
export function formatCasablanca(iso: string, locale: TLocale, style: 'long' | 'short' = 'long'): string {
  return new Intl.DateTimeFormat(INTL_LOCALES[locale], {
    dateStyle: style === 'long' ? 'long' : 'medium',
    timeStyle: 'short',
    timeZone: CALL_TIMEZONE,
  }).format(new Date(iso));
}
