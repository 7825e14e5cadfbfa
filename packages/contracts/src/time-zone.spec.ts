import { describe, expect, it } from 'vitest';
import { CASABLANCA, TIME_ZONE_DATA_VERSION, zoneData } from './time-zone-data';
import {
  compareDateTimeInputs,
  dateTimeInputToInstant,
  formatInZone,
  formatWallClock,
  isWallClock,
  offsetMinutesAt,
  toWallClock,
  toZoneTable,
  wallClockToInstant,
  ZDateTimeInput,
} from './time-zone';

const offset = (iso: string) => offsetMinutesAt(CASABLANCA, Date.parse(iso));
const instant = (wallClock: string) => new Date(wallClockToInstant(CASABLANCA, wallClock)).toISOString();

describe('Casablanca from the packaged time-zone data', () => {
  it('carries a release that knows Morocco’s return to UTC+0 (2026c or later)', () => {
    expect(TIME_ZONE_DATA_VERSION).toMatch(/^\d{4}[a-z]$/);
    expect(TIME_ZONE_DATA_VERSION >= '2026c').toBe(true);
  });

  it('moves to permanent UTC+0 on 2026-09-20, when 02:00 (UTC+1) became 01:00', () => {
    expect(offset('2026-09-20T00:59:59Z')).toBe(60);
    expect(offset('2026-09-20T01:00:00Z')).toBe(0);
    // The whole hour before 02:00 UTC already reads UTC+0, and so does everything after it.
    expect(offset('2026-09-20T01:59:59Z')).toBe(0);
    expect(offset('2026-09-20T02:00:00Z')).toBe(0);
    expect(offset('2026-12-02T12:00:00Z')).toBe(0);
    expect(offset('2027-07-01T12:00:00Z')).toBe(0);
    // Older data predicted UTC+0 only for Ramadan 2027 and UTC+1 around it.
    expect(offset('2027-02-10T12:00:00Z')).toBe(0);
    expect(offset('2040-06-01T12:00:00Z')).toBe(0);
  });

  it('keeps the earlier years: UTC+1 with UTC+0 during Ramadan, changes at 02:00 UTC', () => {
    expect(offset('2025-07-01T12:00:00Z')).toBe(60);
    expect(offset('2025-02-23T01:59:59Z')).toBe(60);
    expect(offset('2025-02-23T02:00:00Z')).toBe(0);
    expect(offset('2025-04-06T01:59:59Z')).toBe(0);
    expect(offset('2025-04-06T02:00:00Z')).toBe(60);
    expect(offset('2026-02-15T01:59:59Z')).toBe(60);
    expect(offset('2026-02-15T02:00:00Z')).toBe(0);
    expect(offset('2026-03-22T01:59:59Z')).toBe(0);
    expect(offset('2026-03-22T02:00:00Z')).toBe(60);
    // Before October 2018: UTC+0 with summer time.
    expect(offset('2017-01-15T12:00:00Z')).toBe(0);
    expect(offset('2017-08-15T12:00:00Z')).toBe(60);
  });

  it('reads a wall-clock time in Casablanca', () => {
    expect(instant('2026-12-05T18:00')).toBe('2026-12-05T18:00:00.000Z');
    expect(instant('2026-06-30T23:59')).toBe('2026-06-30T22:59:00.000Z');
    expect(instant('2026-03-01T12:00')).toBe('2026-03-01T12:00:00.000Z');
    expect(instant('2026-12-05T17:59:30')).toBe('2026-12-05T17:59:30.000Z');
  });

  it('reads a repeated time as its first occurrence and moves a skipped time forward by the jump', () => {
    // 2026-09-20: 01:00–01:59 happened twice (first at UTC+1, then at UTC+0).
    expect(instant('2026-09-20T01:30')).toBe('2026-09-20T00:30:00.000Z');
    expect(instant('2026-09-20T02:00')).toBe('2026-09-20T02:00:00.000Z');
    // 2026-03-22: 02:00 became 03:00, so 02:30 never happened; it is read as 03:30.
    expect(instant('2026-03-22T02:30')).toBe('2026-03-22T02:30:00.000Z');
    expect(toWallClock(CASABLANCA, '2026-03-22T02:30:00.000Z')).toEqual({ dateTime: '2026-03-22T03:30', offset: '+01:00' });
  });

  it('gives an instant’s wall-clock time and offset', () => {
    expect(toWallClock(CASABLANCA, '2026-09-20T00:59:00Z')).toEqual({ dateTime: '2026-09-20T01:59', offset: '+01:00' });
    expect(toWallClock(CASABLANCA, '2026-09-20T01:00:00Z')).toEqual({ dateTime: '2026-09-20T01:00', offset: '+00:00' });
    expect(toWallClock(CASABLANCA, '2026-12-05T18:00:00Z')).toEqual({ dateTime: '2026-12-05T18:00', offset: '+00:00' });
    expect(toWallClock(CASABLANCA, new Date('2025-12-31T23:30:00Z'))).toEqual({ dateTime: '2026-01-01T00:30', offset: '+01:00' });
  });

  it('formats with Intl in UTC over the shifted instant, in the three languages', () => {
    const options = { dateStyle: 'long', timeStyle: 'short' } as const;
    expect(formatInZone(CASABLANCA, '2026-12-05T18:00:00Z', 'fr-FR', options)).toBe('5 décembre 2026 à 18:00');
    expect(formatInZone(CASABLANCA, '2026-06-05T18:00:00Z', 'en-GB', options)).toBe('5 June 2026 at 19:00');
    expect(formatInZone(CASABLANCA, '2026-12-05T18:00:00Z', 'ar-MA-u-nu-latn', options)).toContain('18:00');
    expect(formatWallClock('2026-12-05T18:00', 'en-GB', { timeStyle: 'short' })).toBe('18:00');
  });

  it('accepts wall-clock times and absolute instants, and nothing else', () => {
    expect(ZDateTimeInput.safeParse('2026-12-05T18:00').success).toBe(true);
    expect(ZDateTimeInput.safeParse('2026-12-05T18:00:00Z').success).toBe(true);
    expect(ZDateTimeInput.safeParse('2026-12-05T18:00:00+01:00').success).toBe(true);
    expect(ZDateTimeInput.safeParse('2026-02-30T18:00').success).toBe(false);
    expect(ZDateTimeInput.safeParse('5/12/2026 18:00').success).toBe(false);
    expect(isWallClock('2026-12-05T24:00')).toBe(false);
    expect(dateTimeInputToInstant(CASABLANCA, '2026-12-05T18:00:00+01:00').toISOString()).toBe('2026-12-05T17:00:00.000Z');
    expect(compareDateTimeInputs('2026-12-05T18:00', '2026-12-05T17:00')).toBeGreaterThan(0);
    expect(compareDateTimeInputs('2026-12-05T18:00', '2026-12-05T17:00:00Z')).toBeNull();
  });

  it('serves a range of the table that reads the same as the whole', () => {
    const data = zoneData('Africa/Casablanca', new Date('2000-01-01T00:00:00Z'), new Date('2041-01-01T00:00:00Z'));
    const table = toZoneTable(data);
    expect(data.transitions.length).toBeGreaterThan(40);
    for (const iso of ['2000-01-01T00:00:00Z', '2008-06-15T00:00:00Z', '2025-03-01T00:00:00Z', '2026-09-20T00:59:59Z', '2026-09-20T01:00:00Z', '2030-01-01T00:00:00Z']) {
      expect(offsetMinutesAt(table, Date.parse(iso))).toBe(offset(iso));
    }
  });
});
