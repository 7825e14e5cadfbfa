import type { TLocalizedText } from './locales';

/** Morocco's 12 regions (2015 division), stored by their ISO 3166-2:MA code. */
export const MOROCCO_REGIONS: ReadonlyArray<{ value: string; label: TLocalizedText }> = [
  { value: 'MA-01', label: { ar: 'جهة طنجة تطوان الحسيمة', fr: 'Tanger-Tétouan-Al Hoceïma', en: 'Tangier-Tetouan-Al Hoceima' } },
  { value: 'MA-02', label: { ar: 'جهة الشرق', fr: "L'Oriental", en: 'Oriental' } },
  { value: 'MA-03', label: { ar: 'جهة فاس مكناس', fr: 'Fès-Meknès', en: 'Fez-Meknes' } },
  { value: 'MA-04', label: { ar: 'جهة الرباط سلا القنيطرة', fr: 'Rabat-Salé-Kénitra', en: 'Rabat-Sale-Kenitra' } },
  { value: 'MA-05', label: { ar: 'جهة بني ملال خنيفرة', fr: 'Béni Mellal-Khénifra', en: 'Beni Mellal-Khenifra' } },
  { value: 'MA-06', label: { ar: 'جهة الدار البيضاء سطات', fr: 'Casablanca-Settat', en: 'Casablanca-Settat' } },
  { value: 'MA-07', label: { ar: 'جهة مراكش آسفي', fr: 'Marrakech-Safi', en: 'Marrakesh-Safi' } },
  { value: 'MA-08', label: { ar: 'جهة درعة تافيلالت', fr: 'Drâa-Tafilalet', en: 'Draa-Tafilalet' } },
  { value: 'MA-09', label: { ar: 'جهة سوس ماسة', fr: 'Souss-Massa', en: 'Souss-Massa' } },
  { value: 'MA-10', label: { ar: 'جهة كلميم واد نون', fr: 'Guelmim-Oued Noun', en: 'Guelmim-Oued Noun' } },
  { value: 'MA-11', label: { ar: 'جهة العيون الساقية الحمراء', fr: 'Laâyoune-Sakia El Hamra', en: 'Laayoune-Sakia El Hamra' } },
  { value: 'MA-12', label: { ar: 'جهة الداخلة وادي الذهب', fr: 'Dakhla-Oued Ed-Dahab', en: 'Dakhla-Oued Ed-Dahab' } },
];

/** The name of a region code in a language; null for an unknown code. */
export function regionName(code: string, locale: keyof TLocalizedText): string | null {
  return MOROCCO_REGIONS.find((region) => region.value === code)?.label[locale] ?? null;
}
