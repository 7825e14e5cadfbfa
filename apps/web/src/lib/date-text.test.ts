import { describe, expect, it } from 'vitest';
import { formatDayMonthYear, parseDayMonthYear } from './date-text';

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
