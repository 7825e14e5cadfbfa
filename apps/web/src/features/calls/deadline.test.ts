import { describe, expect, it } from 'vitest';
import { i18n } from '../../app/i18n';
import { callPhase, countdownParts, formatCallDateTime, formatCallWallClock, padCountdown } from './deadline';

describe('countdown', () => {
  const deadline = '2027-01-30T22:59:00.000Z';

  it('splits the time left into days, hours, minutes and seconds', () => {
    const now = Date.parse(deadline) - ((3 * 24 + 4) * 3600 + 5 * 60 + 6) * 1000 - 400;
    expect(countdownParts(deadline, now)).toEqual({ days: 3, hours: 4, minutes: 5, seconds: 6, over: false });
    expect(padCountdown(4)).toBe('04');
    expect(padCountdown(12)).toBe('12');
  });

  it('stops at zero once the deadline passes', () => {
    expect(countdownParts(deadline, Date.parse(deadline) + 5000)).toEqual({ days: 0, hours: 0, minutes: 0, seconds: 0, over: true });
    expect(countdownParts(deadline, Date.parse(deadline) - 999)).toMatchObject({ seconds: 0, over: false });
  });

  it('shows a deadline in Morocco time with the zone named', () => {
    // Since 20 September 2026 Morocco is on UTC+0: 22:59 UTC reads 22:59 (browsers with older data say 23:59).
    const fr = i18n.getFixedT('fr', 'calls')('dateInMorocco', { date: formatCallDateTime(deadline, 'fr'), offset: 'UTC+00:00' });
    expect(fr).toMatch(/^30 janv?\.? 2027.*22:59 \(heure du Maroc, UTC\+00:00\)$/u);
    const ar = i18n.getFixedT('ar', 'calls')('dateInMorocco', { date: formatCallDateTime(deadline, 'ar'), offset: 'UTC+00:00' });
    expect(ar).toContain('22:59');
    expect(ar).toContain('بتوقيت المغرب');
    expect(formatCallDateTime(deadline, 'en')).toMatch(/30 Jan 2027.*22:59/u);
    // In summer 2026 (UTC+1) the same clock time is an hour earlier in UTC.
    expect(formatCallDateTime('2026-07-30T22:59:00.000Z', 'en')).toMatch(/30 Jul 2026.*23:59/u);
  });

  it('writes the wall-clock time the server computed as it is', () => {
    expect(formatCallWallClock({ dateTime: '2026-12-05T18:00', offset: '+00:00' }, 'fr')).toMatch(/^5 déc\.? 2026.*18:00$/u);
  });

  it('tells open, upcoming and closed calls apart', () => {
    const now = Date.parse('2026-06-01T00:00:00Z');
    expect(callPhase({ acceptingApplications: true, status: 'PUBLISHED', opensAt: '2026-01-01T00:00:00Z' }, now)).toBe('open');
    expect(callPhase({ acceptingApplications: false, status: 'PUBLISHED', opensAt: '2026-07-01T00:00:00Z' }, now)).toBe('upcoming');
    expect(callPhase({ acceptingApplications: false, status: 'CLOSED', opensAt: '2026-01-01T00:00:00Z' }, now)).toBe('closed');
  });
});
