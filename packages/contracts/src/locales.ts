import { z } from 'zod';
import { LOCALES, type TLocale } from './locale-codes';

export * from './locale-codes';
export const ZLocale = z.enum(LOCALES).describe('Interface language: ar (right-to-left), fr or en');

/** A text written in each language, e.g. a call's title. */
export const ZLocalizedText = z
  .object({ ar: z.string(), fr: z.string(), en: z.string() })
  .strict()
  .describe('The same text in Arabic, French and English');

/** A per-language text where each language is at most `max` characters (stored as given, bounded). */
export function zLocalizedText(max: number) {
  return z
    .object({ ar: z.string().max(max), fr: z.string().max(max), en: z.string().max(max) })
    .strict()
    .describe(`The same text in Arabic, French and English (each at most ${max} characters)`);
}

/**
 * A per-language text in `locale`, else in the first other language written (French, Arabic, English), else
 * ''. Takes what the database stores (JSON) as it is: a missing or partial object reads as empty.
 */
export function textIn(text: unknown, locale: TLocale): string {
  const texts = (text ?? {}) as Partial<Record<TLocale, string>>;
  const own = texts[locale];
  if (own?.trim()) return own;
  for (const other of ['fr', 'ar', 'en'] as const) if (texts[other]?.trim()) return texts[other];
  return '';
}
