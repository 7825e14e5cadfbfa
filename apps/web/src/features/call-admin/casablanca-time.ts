import { compareDateTimeInputs, formatWallClock, isWallClock, type TLocale, type TWallClock } from '@tahkim/contracts';
import {
  casablancaOffsetLabel as offsetLabelAt,
  casablancaOffsetMinutes,
  casablancaWallClockToIso,
  formatInCasablanca,
  instantToCasablancaWallClock,
  wallClockOffsetLabel,
} from '../../lib/time-zone';

/**
 * Calls' dates are typed and read in Morocco's legal time, "YYYY-MM-DDTHH:mm" (the value of the
 * DateTimeField, typed day/month/year and hours:minutes). The editors send that wall-clock time as
 * typed: the API converts it with its own time-zone data. Everything here reads the server's table
 * (lib/time-zone.ts), never the browser's data.
 */

/** Casablanca's offset from UTC at an instant, in milliseconds (local = UTC + offset). */
export function casablancaOffsetMs(instant: number): number {
  return casablancaOffsetMinutes(instant) * 60_000;
}

export function isLocalDateTime(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) && isWallClock(value);
}

/** True when `closes` is after `opens` (both typed in Casablanca). */
export function closesAfterOpens(opens: string, closes: string): boolean {
  return (compareDateTimeInputs(closes, opens) ?? 1) > 0;
}

/**
 * "2026-06-30T23:59" in Casablanca → "2026-06-30T22:59:00.000Z" (a repeated time is read as its first
 * occurrence, a skipped one moved forward by the jump, as the API does).
 */
export function casablancaLocalToUtc(local: string): string {
  if (!isLocalDateTime(local)) throw new RangeError(`Not a local date-time: ${local}`);
  return casablancaWallClockToIso(local);
}

/** An instant → the "YYYY-MM-DDTHH:mm" wall-clock time it is in Casablanca. */
export function utcToCasablancaLocal(iso: string): string {
  return instantToCasablancaWallClock(iso);
}

/** "UTC+01:00" or "UTC+00:00" at that instant. */
export function casablancaOffsetLabel(iso: string): string {
  return offsetLabelAt(iso);
}

/** The offset of a typed wall-clock time, as the server's table has it ("UTC+00:00"). */
export function localOffsetLabel(local: string): string {
  return casablancaOffsetLabel(casablancaLocalToUtc(local));
}

const INTL_LOCALES: Record<TLocale, string> = { ar: 'ar-MA', fr: 'fr-MA', en: 'en-GB' };
const styleOptions = (style: 'long' | 'short') => ({ dateStyle: style === 'long' ? 'long' : 'medium', timeStyle: 'short' }) as const;

/** A date-time as people in Morocco read it, in the interface language (the zone is named by the caller). */
export function formatCasablanca(iso: string, locale: TLocale, style: 'long' | 'short' = 'long'): string {
  return formatInCasablanca(iso, INTL_LOCALES[locale], styleOptions(style));
}

/** The same, from a wall-clock time and offset the server computed. */
export function formatCasablancaWallClock(local: TWallClock, locale: TLocale, style: 'long' | 'short' = 'long'): { date: string; offset: string } {
  return { date: formatWallClock(local.dateTime, INTL_LOCALES[locale], styleOptions(style)), offset: wallClockOffsetLabel(local) };
}
