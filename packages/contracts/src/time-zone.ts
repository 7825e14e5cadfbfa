import { z } from 'zod';
import { isWallClock } from './zone-table';

export * from './zone-table';

/** A wall-clock time in Africa/Casablanca, without offset: the server converts it with its data. */
export const ZWallClockInput = z
  .string()
  .refine(isWallClock, { error: 'a Casablanca wall-clock time "YYYY-MM-DDTHH:mm"' })
  .describe('Wall-clock time in Africa/Casablanca ("2026-12-05T18:00"), converted by the server with its time-zone data');

/**
 * A date-time as staff send it: the wall-clock time they typed (read in Africa/Casablanca by the
 * server), or an absolute ISO 8601 instant with Z or an offset (API clients).
 */
export const ZDateTimeInput = z.union([z.iso.datetime({ offset: true }), ZWallClockInput]);

/** What Casablanca's clocks read at an instant, computed by the server: "2026-12-05T18:00", "+00:00". */
export const ZWallClock = z.object({
  dateTime: z.string().describe('YYYY-MM-DDTHH:mm in Africa/Casablanca'),
  offset: z.string().describe('Offset from UTC at that instant, "+01:00" or "+00:00"'),
});

/** Africa/Casablanca's offsets over a range of years, from the server's packaged time-zone data. */
export const ZTimeZoneData = z.object({
  zone: z.string(),
  /** The IANA release the data comes from ("2026f"). */
  dataVersion: z.string(),
  /** The table covers [from, until): before, the first offset holds; after, the last one. */
  from: z.iso.datetime(),
  until: z.iso.datetime(),
  /** Minutes east of UTC in force at `from`. */
  initialOffsetMinutes: z.number().int(),
  /** Each change of offset in the range, oldest first: from `at` on, `offsetMinutes` holds. */
  transitions: z.array(z.object({ at: z.iso.datetime(), offsetMinutes: z.number().int() })),
});
