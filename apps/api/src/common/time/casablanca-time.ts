import {
  DATE_LOCALES,
  dateTimeInputToInstant,
  formatInZone,
  formatUtcOffset,
  offsetMinutesAt,
  toWallClock,
  type TLocale,
  type TWallClock,
} from '@tahkim/contracts';
import { CASABLANCA, CASABLANCA_ZONE, TIME_ZONE_DATA_VERSION } from '@tahkim/contracts/time-zone-data';

/**
 * Every conversion between Casablanca wall-clock time and UTC, and every date the server writes for
 * people (emails, exports, reminders), goes through here: the time-zone data is the one the app carries
 * (`moment-timezone`, pinned), never Node's own (whose ICU may lag behind Morocco's rules).
 */
export const casablancaTime = {
  zone: CASABLANCA_ZONE,
  dataVersion: TIME_ZONE_DATA_VERSION,

  /** A wall-clock time typed in Casablanca ("2026-12-05T18:00"), or an absolute instant, -> the instant. */
  toInstant(input: string): Date {
    return dateTimeInputToInstant(CASABLANCA, input);
  },

  /** What Casablanca's clocks read at an instant, and the offset then. */
  toWallClock(instant: Date): TWallClock {
    return toWallClock(CASABLANCA, instant);
  },

  offsetMinutes(instant: Date): number {
    return offsetMinutesAt(CASABLANCA, instant.getTime());
  },

  /** "5 décembre 2026 à 18:00": a date and time as people in Morocco read it, in their language. */
  format(instant: Date, locale: TLocale): string {
    return formatInZone(CASABLANCA, instant, DATE_LOCALES[locale], { dateStyle: 'long', timeStyle: 'short' });
  },

  /** "2026-12-05 18:00": sortable, for exports. */
  formatSortable(instant: Date): string {
    return toWallClock(CASABLANCA, instant).dateTime.replace('T', ' ');
  },

  /** The calendar year in Casablanca at an instant (the year of an application's reference). */
  year(instant: Date): number {
    return Number(toWallClock(CASABLANCA, instant).dateTime.slice(0, 4));
  },

  /** "time-zone data 2026f, Africa/Casablanca now UTC+00:00": the start-up line. */
  describe(now = new Date()): string {
    return `time-zone data ${TIME_ZONE_DATA_VERSION}, ${CASABLANCA_ZONE} now ${formatUtcOffset(offsetMinutesAt(CASABLANCA, now.getTime()))}`;
  },
};
