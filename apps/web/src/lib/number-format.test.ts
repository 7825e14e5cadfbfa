import { describe, expect, it } from 'vitest';
import { parseNumberText } from './digits';
import { currencyUnit, formatMoney, formatNumber, formatPercent, numberSeparators } from './number-format';

const THIN = '\u202F';
const NBSP = '\u00A0';

describe('formatNumber', () => {
  it('writes thousands with a thin space and decimals with a comma in French and Arabic, Western digits', () => {
    expect(formatNumber(150000, 'fr')).toBe(`150${THIN}000`);
    expect(formatNumber(150000, 'ar')).toBe(`150${THIN}000`);
    expect(formatNumber(1234.5, 'fr')).toBe(`1${THIN}234,5`);
    expect(formatNumber(1.47, 'ar', { digits: 2 })).toBe('1,47');
    expect(formatNumber(0.5, 'ar', { digits: 1 })).toBe('0,5');
    expect(formatNumber(1234.5, 'ar')).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/);
  });

  it('writes English numbers with commas and a decimal point', () => {
    expect(formatNumber(150000, 'en')).toBe('150,000');
    expect(formatNumber(1.47, 'en', { digits: 2 })).toBe('1.47');
  });

  it('shows exactly `digits` decimals and never "-0"', () => {
    expect(formatNumber(2, 'fr', { digits: 2 })).toBe('2,00');
    expect(formatNumber(-0.0004, 'fr', { digits: 2 })).toBe('0,00');
  });

  it('reads back what it writes, in every language', () => {
    for (const locale of ['ar', 'fr', 'en'] as const) {
      const { decimal } = numberSeparators(locale);
      for (const value of [0, 7, 1234.56, 150000, 987654321.25]) {
        expect(parseNumberText(formatNumber(value, locale), decimal as ',' | '.')).toBe(value);
      }
    }
  });
});

describe('formatMoney', () => {
  it('puts the amount then the dirham in each language', () => {
    expect(formatMoney(150000, 'fr')).toBe(`150${THIN}000${NBSP}MAD`);
    expect(formatMoney(150000, 'ar')).toBe(`150${THIN}000${NBSP}درهم`);
    expect(formatMoney(150000, 'en')).toBe(`150,000${NBSP}MAD`);
    expect(formatMoney(99.5, 'fr')).toBe(`99,5${NBSP}MAD`);
    expect(currencyUnit('ar')).toBe('درهم');
  });
});

describe('formatPercent', () => {
  it('writes percentages as each language does', () => {
    expect(formatPercent(33.3, 'fr', 1)).toBe(`33,3${NBSP}%`);
    expect(formatPercent(33.3, 'en', 1)).toBe('33.3%');
    expect(formatPercent(25, 'ar')).toMatch(/^25\u200E?%\u200E?$/);
    expect(formatPercent(12.5, 'ar', 1)).toMatch(/^12,5/);
  });
});
