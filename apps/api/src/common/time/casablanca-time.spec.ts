import { casablancaTime } from './casablanca-time';
import { compareWithSupersededRule, RULE_CHANGED_AT } from './superseded-rule';

describe('casablancaTime (packaged data, never Node’s)', () => {
  it('names the data in use and the offset now, for the start-up log', () => {
    expect(casablancaTime.describe(new Date('2026-12-02T10:00:00Z'))).toBe(`time-zone data ${casablancaTime.dataVersion}, Africa/Casablanca now UTC+00:00`);
    expect(casablancaTime.describe(new Date('2026-07-02T10:00:00Z'))).toMatch(/Africa\/Casablanca now UTC\+01:00$/);
  });

  it('pins the offset on both sides of the 2026-09-20 change', () => {
    expect(casablancaTime.offsetMinutes(new Date('2026-09-20T00:59:59Z'))).toBe(60);
    expect(casablancaTime.offsetMinutes(new Date('2026-09-20T01:00:00Z'))).toBe(0);
    expect(casablancaTime.offsetMinutes(new Date('2026-09-20T02:00:00Z'))).toBe(0);
    expect(RULE_CHANGED_AT.toISOString()).toBe('2026-09-20T01:00:00.000Z');
  });

  it('writes dates for emails and exports in the three languages', () => {
    const at = new Date('2026-12-05T18:00:00Z');
    expect(casablancaTime.format(at, 'fr')).toBe('5 décembre 2026 à 18:00');
    expect(casablancaTime.format(at, 'en')).toBe('5 December 2026 at 18:00');
    expect(casablancaTime.format(at, 'ar')).toContain('18:00');
    expect(casablancaTime.format(at, 'ar')).toContain('2026');
    expect(casablancaTime.formatSortable(new Date('2026-06-05T05:39:00Z'))).toBe('2026-06-05 06:39');
    expect(casablancaTime.formatSortable(new Date('2026-12-01T05:39:00Z'))).toBe('2026-12-01 05:39');
  });

  it('reads wall-clock input in Casablanca and absolute input as given', () => {
    expect(casablancaTime.toInstant('2026-12-05T18:00').toISOString()).toBe('2026-12-05T18:00:00.000Z');
    expect(casablancaTime.toInstant('2026-06-05T18:00').toISOString()).toBe('2026-06-05T17:00:00.000Z');
    expect(casablancaTime.toInstant('2026-12-05T18:00:00+01:00').toISOString()).toBe('2026-12-05T17:00:00.000Z');
  });

  it('gives the year of a reference in Casablanca (New Year at UTC+1 in 2025, UTC+0 in 2026)', () => {
    expect(casablancaTime.year(new Date('2025-12-31T23:30:00Z'))).toBe(2026);
    expect(casablancaTime.year(new Date('2026-12-31T23:30:00Z'))).toBe(2026);
    expect(casablancaTime.year(new Date('2027-01-01T00:00:00Z'))).toBe(2027);
  });

  it('tells how a stored instant read under the superseded UTC+1 rule', () => {
    expect(compareWithSupersededRule(new Date('2026-12-05T17:00:00Z'))).toEqual({
      now: { dateTime: '2026-12-05T17:00', offset: '+00:00' },
      underOldRule: { dateTime: '2026-12-05T18:00', offset: '+01:00' },
      shiftMinutes: 60,
    });
    // Ramadan 2027 was predicted at UTC+0: no difference then.
    expect(compareWithSupersededRule(new Date('2027-02-20T17:00:00Z')).shiftMinutes).toBe(0);
    // Before the change both agree.
    expect(compareWithSupersededRule(new Date('2026-07-01T17:00:00Z')).shiftMinutes).toBe(0);
  });
});
