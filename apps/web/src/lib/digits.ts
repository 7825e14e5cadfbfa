/**
 * Digits people type on Arabic keyboards: Arabic-Indic (٠-٩, U+0660-0669, Arabic layouts) and Eastern
 * Arabic/Persian (۰-۹, U+06F0-06F9, Persian and Urdu layouts and some phones), with the Arabic decimal
 * separator (٫) and thousands separator (٬). Number inputs keep only Western digits, so these are turned
 * into Western ones before the input reads them, instead of being dropped.
 */
const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;
const ARABIC_DECIMAL_SEPARATOR = '\u066B';
const ARABIC_THOUSANDS_SEPARATOR = '\u066C';
const EASTERN_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** "١٨٠٠٠٠" and "۱۸۰۰۰۰" -> "180000"; other characters are kept. */
export function toWesternDigits(text: string): string {
  return text.replace(EASTERN_DIGIT, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code - (code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO));
  });
}

/**
 * What a number input should read from typed or pasted text: Western digits, the Arabic decimal
 * separator as the input's own (`decimal`), the Arabic thousands separator removed.
 */
export function normaliseNumberText(text: string, decimal = '.'): string {
  return toWesternDigits(text).split(ARABIC_DECIMAL_SEPARATOR).join(decimal).split(ARABIC_THOUSANDS_SEPARATOR).join('');
}

/** True when the text holds anything `normaliseNumberText` would change. */
export function needsNumberNormalising(text: string): boolean {
  return /[\u0660-\u066C\u06F0-\u06F9]/.test(text);
}

/**
 * A number written as people write it in this app's languages ("180 000", "1 234,5", "1,234.5",
 * "١٨٠٬٠٠٠٫٥"), or null when the text is not one number. `decimal` is the language's decimal separator;
 * the other of "," and "." and any space are thousands separators.
 */
export function parseNumberText(text: string, decimal: ',' | '.'): number | null {
  const normalised = normaliseNumberText(text, decimal).replace(/[\s\u00A0\u202F]/g, '');
  const group = decimal === ',' ? '.' : ',';
  const plain = normalised.split(group).join('').replace(decimal, '.').replace(/^[\u2212\u2013]/, '-');
  if (!/^-?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return null;
  const value = Number(plain);
  return Number.isFinite(value) ? value : null;
}
