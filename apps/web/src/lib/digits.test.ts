import { describe, expect, it } from 'vitest';
import { needsNumberNormalising, normaliseNumberText, parseNumberText, toWesternDigits } from './digits';

describe('toWesternDigits', () => {
  it('turns Arabic-Indic digits into Western ones', () => {
    expect(toWesternDigits('١٨٠٠٠٠')).toBe('180000');
    expect(toWesternDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
  });

  it('turns Eastern Arabic (Persian) digits into Western ones', () => {
    expect(toWesternDigits('۱۸۰۰۰۰')).toBe('180000');
    expect(toWesternDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
  });

  it('keeps Western digits and other characters, and handles both sets mixed', () => {
    expect(toWesternDigits('12 ٣۴ abc')).toBe('12 34 abc');
    expect(toWesternDigits('')).toBe('');
  });
});

describe('normaliseNumberText', () => {
  it('turns the Arabic decimal separator into the input’s and drops the Arabic thousands separator', () => {
    expect(normaliseNumberText('١٨٠٬٠٠٠٫٥', ',')).toBe('180000,5');
    expect(normaliseNumberText('١٨٠٬٠٠٠٫٥', '.')).toBe('180000.5');
    expect(normaliseNumberText('۲٫۵')).toBe('2.5');
  });

  it('says when there is something to normalise', () => {
    expect(needsNumberNormalising('180000')).toBe(false);
    expect(needsNumberNormalising('١')).toBe(true);
    expect(needsNumberNormalising('۹')).toBe(true);
    expect(needsNumberNormalising('1٬000')).toBe(true);
    expect(needsNumberNormalising('1٫5')).toBe(true);
  });
});

describe('parseNumberText', () => {
  it('reads numbers as French and Arabic pages write them', () => {
    expect(parseNumberText('150\u202F000', ',')).toBe(150000);
    expect(parseNumberText('1 234,5', ',')).toBe(1234.5);
    expect(parseNumberText('1.234,5', ',')).toBe(1234.5);
    expect(parseNumberText('١٥٠٬٠٠٠', ',')).toBe(150000);
    expect(parseNumberText('۰٫۵', ',')).toBe(0.5);
  });

  it('reads numbers as English pages write them', () => {
    expect(parseNumberText('1,234.5', '.')).toBe(1234.5);
    expect(parseNumberText('-0.5', '.')).toBe(-0.5);
  });

  it('refuses what is not one number', () => {
    expect(parseNumberText('', ',')).toBeNull();
    expect(parseNumberText('12a', ',')).toBeNull();
    expect(parseNumberText('1,2,3', ',')).toBeNull();
  });
});
