import type { TLocale } from '@tahkim/contracts';
import { formatNumber } from '../../lib/number-format';

const LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/webp': 'WebP',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
};

/** "PDF", "Word"...: the names people know file types by. */
export function mediaTypeLabel(mediaType: string): string {
  return LABELS[mediaType] ?? mediaType;
}

const UNITS: Record<TLocale, [string, string, string]> = {
  fr: ['o', 'Ko', 'Mo'],
  ar: ['بايت', 'ك.ب', 'م.ب'],
  en: ['B', 'KB', 'MB'],
};

/** "2,4 Mo", "512 Ko" in the person's language. */
export function fileSize(bytes: number, locale: TLocale): string {
  const [b, kb, mb] = UNITS[locale];
  const format = (value: number) => formatNumber(value, locale, { maxDigits: 1 });
  if (bytes < 1024) return `${format(bytes)} ${b}`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} ${kb}`;
  return `${format(bytes / (1024 * 1024))} ${mb}`;
}
