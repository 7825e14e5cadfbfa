import { formatWallClock, type TLocale, type TWallClock } from '@tahkim/contracts';
import { formatInCasablanca } from '../../lib/time-zone';

const INTL_LOCALES: Record<TLocale, string> = { ar: 'ar-MA', fr: 'fr-FR', en: 'en-GB' };

const CALL_DATE_TIME = {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  numberingSystem: 'latn',
} as const satisfies Intl.DateTimeFormatOptions;

/** "30 janv. 2027, 23:59": an instant in Morocco's time (the zone is named by the caller, translated). */
export function formatCallDateTime(iso: string, locale: TLocale): string {
  return formatInCasablanca(iso, INTL_LOCALES[locale], CALL_DATE_TIME);
}

/** The same, from the wall-clock time the server computed for a deadline. */
export function formatCallWallClock(local: TWallClock, locale: TLocale): string {
  return formatWallClock(local.dateTime, INTL_LOCALES[locale], CALL_DATE_TIME);
}

/** "14:02" in Morocco's time (autosave status). */
export function formatClockTime(date: Date, locale: TLocale): string {
  return formatInCasablanca(date, INTL_LOCALES[locale], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', numberingSystem: 'latn' });
}

export interface CountdownParts {
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
  /** True once the deadline is reached. */
  over: boolean;
}

/** Whole days, hours, minutes and seconds left until `deadline`, never negative. */
export function countdownParts(deadline: Date | string, now: Date | number): CountdownParts {
  const end = typeof deadline === 'string' ? Date.parse(deadline) : deadline.getTime();
  const start = typeof now === 'number' ? now : now.getTime();
  const totalSeconds = Math.max(0, Math.floor((end - start) / 1000));
  return {
    days: Math.floor(totalSeconds / 86_400),
    hours: Math.floor((totalSeconds % 86_400) / 3600),
    minutes: Math.floor((totalSeconds % 3600) / 60),
    seconds: totalSeconds % 60,
    over: end - start <= 0,
  };
}

/** Two digits for the clock-like parts ("04"), days as they are. */
export function padCountdown(value: number): string {
  return String(value).padStart(2, '0');
}

export type CallPhase = 'open' | 'upcoming' | 'closed';

/** Open (accepting applications, as the API says), upcoming (published, not yet opened) or closed. */
export function callPhase(call: { acceptingApplications: boolean; status: string; opensAt: string }, now: number): CallPhase {
  if (call.acceptingApplications) return 'open';
  if (call.status === 'PUBLISHED' && Date.parse(call.opensAt) > now) return 'upcoming';
  return 'closed';
}
