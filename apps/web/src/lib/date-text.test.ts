import { describe, expect, it } from 'vitest';
import { dateTimeTexts, formatDayMonthYear, impossibleDateTimePart, joinDateTime, parseDayMonthYear, parseHourMinute } from './date-text';

describe('parseDayMonthYear', () => {
  it('reads day, month, year in that order, whatever the browser', () => {
    expect(parseDayMonthYear('01/03/2025')).toBe('2025-03-01');
    expect(parseDayMonthYear('01032025')).toBe('2025-03-01');
    expect(parseDayMonthYear('1.3.2025')).toBe('2025-03-01');
    expect(parseDayMonthYear(' 31-12-1999 ')).toBe('1999-12-31');
  });

  it('reads Arabic-Indic and Persian digits', () => {
    expect(parseDayMonthYear('٠١/٠٣/٢٠٢٥')).toBe('2025-03-01');
    expect(parseDayMonthYear('۰۱/۰۳/۲۰۲۵')).toBe('2025-03-01');
  });

  it('refuses dates that do not exist and other text', () => {
    expect(parseDayMonthYear('31/02/2025')).toBeNull();
    expect(parseDayMonthYear('29/02/2023')).toBeNull();
    expect(parseDayMonthYear('29/02/2024')).toBe('2024-02-29');
    expect(parseDayMonthYear('01/13/2025')).toBeNull();
    expect(parseDayMonthYear('00/01/2025')).toBeNull();
    expect(parseDayMonthYear('2025-03-01')).toBeNull();
    expect(parseDayMonthYear('01/03/25')).toBeNull();
    expect(parseDayMonthYear('')).toBeNull();
  });
});

describe('formatDayMonthYear', () => {
  it('writes a stored date back as it is typed', () => {
    expect(formatDayMonthYear('2025-03-01')).toBe('01/03/2025');
    expect(parseDayMonthYear(formatDayMonthYear('2024-02-29'))).toBe('2024-02-29');
  });
});

describe('parseHourMinute', () => {
  it('reads hours and minutes on 24 hours, with Arabic-Indic digits too', () => {
    expect(parseHourMinute('18:00')).toBe('18:00');
    expect(parseHourMinute('8:05')).toBe('08:05');
    expect(parseHourMinute('18h30')).toBe('18:30');
    expect(parseHourMinute(' 1800 ')).toBe('18:00');
    expect(parseHourMinute('١٨:٠٠')).toBe('18:00');
    expect(parseHourMinute('00:00')).toBe('00:00');
    expect(parseHourMinute('23:59')).toBe('23:59');
  });

  it('refuses times that do not exist and other text', () => {
    for (const text of ['24:00', '18:60', '6 PM', '18', '18:5', '', '18:00:00']) expect(parseHourMinute(text)).toBeNull();
  });
});

describe('date-time texts', () => {
  it('join into the wall-clock value the forms send once both parts are real', () => {
    expect(joinDateTime({ date: '01/03/2025', time: '18:00' })).toBe('2025-03-01T18:00');
    expect(joinDateTime({ date: '٠١/٠٣/٢٠٢٥', time: '١٨:٠٠' })).toBe('2025-03-01T18:00');
    expect(joinDateTime({ date: '', time: ' ' })).toBe('');
    // Otherwise the text as typed, which no date-time check accepts.
    expect(joinDateTime({ date: '31/02/2025', time: '18:00' })).toBe('31/02/2025 18:00');
    expect(joinDateTime({ date: '01/03/2025', time: '' })).toBe('01/03/2025');
  });

  it('split a stored value back as it is typed', () => {
    expect(dateTimeTexts('2025-03-01T18:00')).toEqual({ date: '01/03/2025', time: '18:00' });
    expect(dateTimeTexts('')).toEqual({ date: '', time: '' });
    expect(joinDateTime(dateTimeTexts('2024-02-29T00:05'))).toBe('2024-02-29T00:05');
  });

  it('tell which part cannot exist; a missing part is not impossible', () => {
    expect(impossibleDateTimePart({ date: '31/02/2025', time: '18:00' })).toBe('date');
    expect(impossibleDateTimePart({ date: '01/03/2025', time: '25:00' })).toBe('time');
    expect(impossibleDateTimePart({ date: '01/03/2025', time: '' })).toBeNull();
    expect(impossibleDateTimePart({ date: '01/03/2025', time: '18:00' })).toBeNull();
  });
});
