// Languages without zod: the web's public pages use these helpers and must not download zod for them.
/** Languages of the interface, the emails and each call's content. */
export const LOCALES = ['ar', 'fr', 'en'] as const;
export type TLocale = (typeof LOCALES)[number];

/** French is the default language of the foundations we serve. */
export const DEFAULT_LOCALE: TLocale = 'fr';

export const RTL_LOCALES: readonly TLocale[] = ['ar'];

export function isRtl(locale: TLocale): boolean {
  return RTL_LOCALES.includes(locale);
}

export function isLocale(value: unknown): value is TLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Picks the best supported locale from an Accept-Language header value
 * ("ar-MA,ar;q=0.9,fr;q=0.8"), honouring quality weights; undefined when none matches.
 */
export function pickLocale(acceptLanguage: string | undefined | null): TLocale | undefined {
  if (!acceptLanguage) return undefined;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { base: tag.toLowerCase().split('-')[0] ?? '', weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return ranked.map((entry) => entry.base).find(isLocale);
}

/** A text written in each language, e.g. a call's title. */
export type TLocalizedText = Record<TLocale, string>;

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
