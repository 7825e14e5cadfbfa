import { offsetMinutesAt, toZoneTable, type TWallClock, toWallClock, type ZoneTable } from '@tahkim/contracts';
import { CASABLANCA } from '@tahkim/contracts/time-zone-data';

/**
 * Morocco's rule as time-zone data before IANA 2026c had it (and as Node 20's ICU, many phones and
 * office browsers still have it): UTC+1, except UTC+0 during the Ramadan periods it predicted.
 * Dates stored after the real change may have been converted with it by a browser, so they read an
 * hour earlier now than the person typed. From tzdb 2025b's "Rule Morocco" lines, 2027 to 2041; the
 * changes fall at 02:00 UTC. Before 2026-03-22 the old and the current data agree.
 */
const PREDICTED_RAMADAN_UTC0: ReadonlyArray<readonly [string, string]> = [
  ['2027-02-07', '2027-03-14'], ['2028-01-23', '2028-03-05'], ['2029-01-14', '2029-02-18'],
  ['2029-12-30', '2030-02-10'], ['2030-12-22', '2031-01-26'], ['2031-12-14', '2032-01-18'],
  ['2032-11-28', '2033-01-09'], ['2033-11-20', '2033-12-25'], ['2034-11-05', '2034-12-17'],
  ['2035-10-28', '2035-12-09'], ['2036-10-19', '2036-11-23'], ['2037-10-04', '2037-11-15'],
  ['2038-09-26', '2038-10-31'], ['2039-09-18', '2039-10-23'], ['2040-09-02', '2040-10-14'],
  ['2041-08-25', '2041-09-29'],
];

/** From here on, the old data may differ from the current one (its last change that both share). */
const DIVERGES_FROM = Date.parse('2026-03-22T02:00:00Z');

export const SUPERSEDED_MOROCCO_RULE: ZoneTable = toZoneTable({
  zone: 'Africa/Casablanca',
  dataVersion: '2025b',
  from: new Date(DIVERGES_FROM).toISOString(),
  until: '2042-01-01T00:00:00.000Z',
  initialOffsetMinutes: 60,
  transitions: PREDICTED_RAMADAN_UTC0.flatMap(([start, end]) => [
    { at: `${start}T02:00:00.000Z`, offsetMinutes: 0 },
    { at: `${end}T02:00:00.000Z`, offsetMinutes: 60 },
  ]),
});

function oldOffsetAt(instant: number): number {
  return instant < DIVERGES_FROM ? offsetMinutesAt(CASABLANCA, instant) : offsetMinutesAt(SUPERSEDED_MOROCCO_RULE, instant);
}

/** The first instant at which the packaged data and the superseded rule disagree (2026-09-20T01:00Z). */
export const RULE_CHANGED_AT: Date = new Date(
  CASABLANCA.changes.find((change) => change >= DIVERGES_FROM && offsetMinutesAt(CASABLANCA, change) !== oldOffsetAt(change)) ?? DIVERGES_FROM,
);

/** How a stored instant reads now and read under the superseded rule; `shiftMinutes` > 0 when it reads earlier now. */
export function compareWithSupersededRule(instant: Date): { now: TWallClock; underOldRule: TWallClock; shiftMinutes: number } {
  const ms = instant.getTime();
  const oldOffset = oldOffsetAt(ms);
  const shifted = new Date(ms + (oldOffset - offsetMinutesAt(CASABLANCA, ms)) * 60_000);
  const underOldRule = toWallClock({ ...CASABLANCA, initialOffsetMinutes: oldOffset, changes: [], offsets: [] }, ms);
  return { now: toWallClock(CASABLANCA, ms), underOldRule, shiftMinutes: (shifted.getTime() - ms) / 60_000 };
}
