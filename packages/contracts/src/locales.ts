import { z } from 'zod';
import { LOCALES } from './locale-codes';

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

