import { toWesternDigits } from './digits';

/**
 * Dates typed in the application form: day, month, year in that order in every interface language
 * (as Morocco, France and the British English the app uses write them), stored as ISO "YYYY-MM-DD".
 * A native date input would follow the browser's language instead (mm/dd/yyyy on an English browser).
 */
const PATTERN = /^(\d{1,2})[/.\-\s](\d{1,2})[/.\-\s](\d{4})$/;
const COMPACT = /^(\d{2})(\d{2})(\d{4})$/;

/** "01/03/2025", "1.3.2025", "01032025", "٠١/٠٣/٢٠٢٥" -> "2025-03-01"; null when not a real date. */
export function parseDayMonthYear(text: string): string | null {
  const plain = toWesternDigits(text).trim();
  const match = PATTERN.exec(plain) ?? COMPACT.exec(plain);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** "2025-03-01" -> "01/03/2025"; anything else is returned as it is. */
export function formatDayMonthYear(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}
