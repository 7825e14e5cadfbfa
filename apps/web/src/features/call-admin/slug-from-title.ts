/**
 * A call's web address from its title: "Appel à projets – Économie sociale 2026" →
 * "appel-a-projets-economie-sociale-2026". Latin titles lose their accents; an Arabic title is
 * transliterated letter by letter (short vowels are not written, so the result is a readable
 * approximation, which staff can still edit). The result always matches the address rule
 * (lower-case words joined by "-", 3 to 80 characters) or is empty.
 */
const ARABIC_LETTERS: Record<string, string> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ٱ: 'a', ء: '', ؤ: 'o', ئ: 'i', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh',
  د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'ch', ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: 'a', غ: 'gh', ف: 'f',
  ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', ة: 'a', و: 'ou', ي: 'i', ى: 'a', ڤ: 'v', ڭ: 'g', گ: 'g', پ: 'p',
  '٠': '0', '١': '1', '٢': '2', '٣': '3', '٤': '4', '٥': '5', '٦': '6', '٧': '7', '٨': '8', '٩': '9',
};

const MAX_LENGTH = 80;

/** Text in lower-case Latin letters: accents dropped, Arabic letters and digits transliterated. */
export function latinise(text: string): string {
  return [...text.normalize('NFKD')]
    .map((character) => ARABIC_LETTERS[character] ?? character)
    .join('')
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/['’]/g, '');
}

export function slugFromTitle(title: string): string {
  const latin = latinise(title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  let slug = latin;
  if (slug.length > MAX_LENGTH) {
    const cut = slug.slice(0, MAX_LENGTH + 1);
    const lastDash = cut.lastIndexOf('-');
    slug = (lastDash >= 3 ? cut.slice(0, lastDash) : slug.slice(0, MAX_LENGTH)).replace(/-+$/, '');
  }
  return slug.length >= 3 ? slug : '';
}

/** The title an address is derived from: French first, then English, then Arabic. */
export function slugSourceTitle(title: { ar: string; fr: string; en: string }): string {
  return title.fr.trim() || title.en.trim() || title.ar.trim();
}
