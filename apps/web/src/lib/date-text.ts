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

const HOUR_MINUTE = /^(\d{1,2})\s*[:hH.]\s*(\d{2})$/;
const COMPACT_HOUR_MINUTE = /^(\d{2})(\d{2})$/;

/** "18:00", "8:05", "18h00", "1800", "١٨:٠٠" -> "18:00" (24 h); null when not a time of day. */
export function parseHourMinute(text: string): string | null {
  const plain = toWesternDigits(text).trim();
  const match = HOUR_MINUTE.exec(plain) ?? COMPACT_HOUR_MINUTE.exec(plain);
  if (!match) return null;
  const [hour, minute] = [Number(match[1]), Number(match[2])];
  if (hour > 23 || minute > 59) return null;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

/** A date-time's two typed parts, as a date-time field shows them. */
export interface DateTimeTexts {
  date: string;
  time: string;
}

/**
 * "2025-03-01T18:00" -> { date: "01/03/2025", time: "18:00" }; '' -> both empty. Any other text (typed,
 * not yet a date-time) is kept as the date part, so nothing typed is lost.
 */
export function dateTimeTexts(value: string): DateTimeTexts {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})$/.exec(value);
  if (match) return { date: formatDayMonthYear(match[1]!), time: match[2]! };
  return { date: value, time: '' };
}

/**
 * The value of a date-time typed as day/month/year and hours:minutes: "YYYY-MM-DDTHH:mm" once both are
 * real, '' when both are empty, else the text as typed (which no date-time check accepts).
 */
export function joinDateTime({ date, time }: DateTimeTexts): string {
  const day = parseDayMonthYear(date);
  const clock = parseHourMinute(time);
  if (day && clock) return `${day}T${clock}`;
  return `${date.trim()} ${time.trim()}`.trim();
}

/** Which typed part is impossible ("31/02/2025", "25:00"), if any; an empty part is not, it is missing. */
export function impossibleDateTimePart({ date, time }: DateTimeTexts): 'date' | 'time' | null {
  if (date.trim() !== '' && !parseDayMonthYear(date)) return 'date';
  if (time.trim() !== '' && !parseHourMinute(time)) return 'time';
  return null;
}
