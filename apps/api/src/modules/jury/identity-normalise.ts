/**
 * The text identity matching works on: lower case, without diacritics (Latin accents, Arabic harakat),
 * Arabic letter variants folded (أ إ آ ٱ -> ا, ة -> ه, ى ی -> ي, ک -> ك), tatweel and invisible format
 * characters (zero-width joiners, direction marks, soft hyphens) removed, compatibility forms unfolded
 * (Arabic presentation forms, full-width letters and @, ligatures), Arabic-Indic digits made Western.
 *
 * Each character of the copy remembers the span of the original it came from, so a match found on the
 * copy replaces exactly the original characters it covers and leaves the rest of the text as written.
 */
export interface NormalisedText {
  text: string;
  /** For each UTF-16 unit of `text`, where its original character starts and ends in the source. */
  starts: number[];
  ends: number[];
}

const FOLD: Record<string, string> = {
  أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ٲ: 'ا', ٳ: 'ا', ٵ: 'ا',
  ة: 'ه', ۀ: 'ه', ە: 'ه', ۃ: 'ه',
  ى: 'ي', ی: 'ي', ې: 'ي', ئ: 'ي', ۍ: 'ي',
  ؤ: 'و',
  ک: 'ك', ڪ: 'ك', گ: 'ك', ڭ: 'ك', ڤ: 'ف',
  œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l', ı: 'i',
};
const TATWEEL = 'ـ';
const DROPPED = /^[\p{M}\p{Cf}]$/u;

const cache = new Map<string, string>();

/** One source character as it reads in the matching copy ('' when it disappears). */
export function foldCharacter(character: string): string {
  const known = cache.get(character);
  if (known !== undefined) return known;
  let folded = '';
  for (const part of character.normalize('NFKD')) {
    if (part === TATWEEL || DROPPED.test(part)) continue;
    const code = part.codePointAt(0)!;
    if (code >= 0x0660 && code <= 0x0669) folded += String(code - 0x0660);
    else if (code >= 0x06f0 && code <= 0x06f9) folded += String(code - 0x06f0);
    else {
      const lower = part.toLowerCase();
      folded += [...lower].map((c) => (DROPPED.test(c) ? '' : (FOLD[c] ?? c))).join('');
    }
  }
  if (cache.size < 20_000) cache.set(character, folded);
  return folded;
}

/** The matching copy of `source`, with the map back to it. */
export function normaliseForMatching(source: string): NormalisedText {
  let text = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const character of source) {
    const start = offset;
    offset += character.length;
    const folded = foldCharacter(character);
    if (folded === '') {
      // A vanished mark belongs to the character before it: masking that character takes it too.
      if (ends.length > 0) ends[ends.length - 1] = offset;
      continue;
    }
    text += folded;
    for (let i = 0; i < folded.length; i += 1) {
      starts.push(start);
      ends.push(offset);
    }
  }
  return { text, starts, ends };
}

/** The matching form of a short value (a name, a word, a stop word): no map kept. */
export function fold(value: string): string {
  let text = '';
  for (const character of value) text += foldCharacter(character);
  return text;
}
