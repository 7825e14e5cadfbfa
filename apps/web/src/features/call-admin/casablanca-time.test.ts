import { describe, expect, it } from 'vitest';
import {
  casablancaLocalToUtc,
  casablancaOffsetLabel,
  casablancaOffsetMs,
  isLocalDateTime,
  utcToCasablancaLocal,
} from './casablanca-time';

// 2026: Morocco leaves UTC+1 for UTC+0 on 15 February at 03:00 (Ramadan), goes back on 22 March at
// 02:00, and moves to permanent UTC+0 on 20 September (02:00 becomes 01:00), per the server's
// time-zone data (loaded in test/setup.ts as the app loads it from GET /api/time-zone).
describe('Casablanca time', () => {
  it('reads the usual UTC+1 offset outside Ramadan', () => {
    expect(casablancaLocalToUtc('2026-06-30T23:59')).toBe('2026-06-30T22:59:00.000Z');
    expect(utcToCasablancaLocal('2026-06-30T22:59:00.000Z')).toBe('2026-06-30T23:59');
    expect(casablancaOffsetLabel('2026-06-30T22:59:00.000Z')).toBe('UTC+01:00');
  });

  it('reads UTC+0 during Ramadan', () => {
    expect(casablancaLocalToUtc('2026-03-01T12:00')).toBe('2026-03-01T12:00:00.000Z');
    expect(utcToCasablancaLocal('2026-03-01T12:00:00.000Z')).toBe('2026-03-01T12:00');
    expect(casablancaOffsetLabel('2026-03-01T12:00:00.000Z')).toBe('UTC+00:00');
  });

  it('reads permanent UTC+0 from 20 September 2026 on, whatever the browser’s own data says', () => {
    expect(casablancaOffsetMs(Date.parse('2026-09-20T00:59:59Z'))).toBe(3_600_000);
    expect(casablancaOffsetMs(Date.parse('2026-09-20T01:00:00Z'))).toBe(0);
    expect(casablancaOffsetMs(Date.parse('2026-09-20T02:00:00Z'))).toBe(0);
    expect(casablancaLocalToUtc('2026-12-05T18:00')).toBe('2026-12-05T18:00:00.000Z');
    expect(utcToCasablancaLocal('2027-07-01T18:00:00.000Z')).toBe('2027-07-01T18:00');
    expect(casablancaOffsetLabel('2026-12-05T18:00:00.000Z')).toBe('UTC+00:00');
  });

  it('crosses the change of offset on each side of it', () => {
    expect(casablancaOffsetMs(Date.parse('2026-02-15T01:59:00Z'))).toBe(3_600_000);
    expect(casablancaOffsetMs(Date.parse('2026-02-15T02:00:00Z'))).toBe(0);
    expect(casablancaLocalToUtc('2026-02-15T01:30')).toBe('2026-02-15T00:30:00.000Z');
    expect(casablancaLocalToUtc('2026-02-15T04:00')).toBe('2026-02-15T04:00:00.000Z');
  });

  it('reads a time that happens twice (clocks go back) as its first occurrence', () => {
    // 02:30 happens at 01:30Z (UTC+1) and again at 02:30Z (UTC+0).
    expect(casablancaLocalToUtc('2026-02-15T02:30')).toBe('2026-02-15T01:30:00.000Z');
    expect(utcToCasablancaLocal('2026-02-15T01:30:00.000Z')).toBe('2026-02-15T02:30');
    expect(utcToCasablancaLocal('2026-02-15T02:30:00.000Z')).toBe('2026-02-15T02:30');
  });

  it('moves a time that does not exist (clocks go forward) by the jump', () => {
    // On 22 March 2026 the clock goes from 01:59 to 03:00: 02:30 is read as 03:30 (UTC+1).
    expect(casablancaLocalToUtc('2026-03-22T02:30')).toBe('2026-03-22T02:30:00.000Z');
    expect(utcToCasablancaLocal('2026-03-22T02:30:00.000Z')).toBe('2026-03-22T03:30');
    expect(casablancaLocalToUtc('2026-03-22T03:00')).toBe('2026-03-22T02:00:00.000Z');
    expect(casablancaLocalToUtc('2026-03-22T01:59')).toBe('2026-03-22T01:59:00.000Z');
  });

  it('round-trips every hour of a year', () => {
    for (let instant = Date.parse('2026-01-01T00:00:00Z'); instant < Date.parse('2027-01-01T00:00:00Z'); instant += 3 * 3_600_000) {
      const iso = new Date(instant).toISOString();
      const local = utcToCasablancaLocal(iso);
      const back = casablancaLocalToUtc(local);
      // Only a repeated hour (Ramadan, 20 September) maps back to its first occurrence.
      if (back !== iso) expect(Date.parse(iso) - Date.parse(back)).toBe(3_600_000);
    }
  });

  it('refuses what is not a date-time', () => {
    expect(isLocalDateTime('2026-02-30T10:00')).toBe(false);
    expect(isLocalDateTime('2026-02-10 10:00')).toBe(false);
    expect(isLocalDateTime('2026-02-10T10:00')).toBe(true);
    expect(() => casablancaLocalToUtc('tomorrow')).toThrow(RangeError);
  });
});
