import { allFields, type TFormDefinition, type TFormField } from '@tahkim/contracts';
import { fold, normaliseForMatching } from './identity-normalise';
import {
  ARABIC_PREPOSITIONS,
  COMMON_WORDS,
  GENERIC_WORDS,
  NAME_PARTICLES,
  ROLE_MAILBOXES,
  SHARED_MAIL_DOMAINS,
  SOCIAL_HOSTS,
  SOCIAL_PATH_WORDS,
  WEAK_PARTICLES,
} from './identity-vocabulary';

/** What replaces a masked email, phone number or identifying word in text a juror reads. */
export const MASKED_EMAIL = '•••@•••';
export const MASKED_PHONE = '••• •• •• ••';
export const MASKED_TERM = '•••';

/** Who applies, as far as the application tells: its answers (under its form) and the account that filed it. */
export interface IdentitySources {
  form: TFormDefinition;
  answers: Record<string, unknown>;
  owner: { displayName: string; email: string; organisation: string | null };
}

/**
 * An application's identity: the account's name, organisation and email, and every identifying answer
 * (fields marked identifying, and every email, phone and URL answer, identifying by nature), sorted by
 * what they are, with the contacts written inside text answers pulled out.
 */
export interface IdentityModel {
  /** People's and organisations' names, and short identifying answers: masked whole and word by word. */
  names: string[];
  /** Long identifying answers (a team's description): masked whole, and the names they contain. */
  texts: string[];
  emails: string[];
  phones: string[];
  sites: string[];
  handles: string[];
}

/** Field types whose answers identify the applicant whether or not the form says so. */
export const CONTACT_FIELD_TYPES: ReadonlySet<TFormField['type']> = new Set(['EMAIL', 'PHONE', 'URL']);
const FREE_TEXT_TYPES: ReadonlySet<TFormField['type']> = new Set(['SHORT_TEXT', 'LONG_TEXT', 'NUMBER']);
/** Past this many words an identifying answer is prose, not a name: only the names in it are taken word by word. */
const NAME_MAX_WORDS = 8;

// Patterns on the folded copy (lower case, Western digits). Obfuscated forms people use to get past filters:
// "[at]", "(at)", "{at}", " at ", "arobase"; "[dot]", "(.)", " dot ", " point ".
const AT = String.raw`(?:@|\s+@\s+|\s*[\[({<]\s*(?:at|@|arobase)\s*[\])}>]\s*|\s+(?:at|arobase)\s+)`;
const DOT = String.raw`(?:\.|\s*[\[({<]\s*(?:dot|point|\.)\s*[\])}>]\s*|\s+(?:dot|point)\s+)`;
const DIGIT_GAP = String.raw`[\s.\-\/()_\u2010-\u2015]`;
/** Between the words of a name: nothing ("Benali"), a space, a hyphen, an apostrophe, a dot... */
const WORD_GAP = String.raw`[^\p{L}\p{N}]{0,3}`;
const ARABIC = /^[\u0600-\u06ff]/u;
/** Attached Arabic prefixes: و ف (and), ب ك ل (with, like, for), then the article ال or its ل after ل (لل). */
const ARABIC_PREFIX = '(?:[وف]?[بكل]?(?:ال|ل)?)';

const GENERIC_EMAIL = new RegExp(String.raw`(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}][\p{L}\p{N}._%+-]*${AT}[\p{L}\p{N}][\p{L}\p{N}-]*(?:${DOT}[\p{L}\p{N}-]+)*${DOT}\p{L}{2,}(?![\p{L}\p{N}])`, 'gu');
// Any phone number as people write it: Moroccan (06 12 34 56 78, 0522-12-34-56, +212 6 12 34 56 78, 00212 (0)6...,
// digits spread out "0 6 6 1 ...") or international (+33 6 12 34 56 78). Amounts ("150 000 000 MAD") and years
// do not start with 0 or +, so they are left alone.
const GENERIC_PHONE = new RegExp(
  String.raw`(?<!\p{N})(?:(?:(?:\+|00)${DIGIT_GAP}*212|212)${DIGIT_GAP}*(?:\(${DIGIT_GAP}*0${DIGIT_GAP}*\)${DIGIT_GAP}*|0${DIGIT_GAP}*)?|0${DIGIT_GAP}*)[5-8](?:${DIGIT_GAP}{0,3}\d){8}(?!\p{N})` +
    String.raw`|(?<![\p{N}+])(?:\+|00)${DIGIT_GAP}*[1-9](?:${DIGIT_GAP}{0,2}\d){7,13}(?!\p{N})`,
  'gu',
);
const RAW_URL = /(?:https?:\/\/|www\.)[^\s<>"'()]+|(?<![\p{L}\p{N}@.-])(?:[\p{L}\p{N}-]+\.)+(?:ma|com|org|net|fr|info|io|co|africa|me|biz|tv|eu)(?:\/[^\s<>"'()]*)?(?![\p{L}\p{N}-])/giu;
const RAW_HANDLE = /(?<![\p{L}\p{N}._%+-])@([\p{L}\p{N}_.]{3,})/gu;

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function letters(word: string): number {
  return (word.match(/\p{L}/gu) ?? []).length;
}

/** The Arabic word without attached prefixes and article, the forms a generic word may take. */
function arabicCores(word: string): string[] {
  const cores = [word];
  const stripped = word.replace(/^[وف]?[بكل]?(?:ال|ل(?=ل))?/u, '');
  if (stripped !== word && stripped.length >= 2) cores.push(stripped, `ال${stripped}`);
  if (word.startsWith('ال') && word.length >= 4) cores.push(word.slice(2));
  if (word.startsWith('لل') && word.length >= 4) cores.push(word.slice(2), `ال${word.slice(2)}`);
  return cores;
}

function isGeneric(word: string): boolean {
  return ARABIC.test(word) ? arabicCores(word).some((core) => GENERIC_WORDS.has(core)) : GENERIC_WORDS.has(word);
}

function isParticle(word: string): boolean {
  return NAME_PARTICLES.has(word);
}

/** Words of a value (letters, digits and the marks that belong to them), as written and folded. */
function tokens(value: string): Array<{ raw: string; word: string }> {
  return [...value.matchAll(/[\p{L}\p{M}\p{N}\p{Cf}ـ]+/gu)].map((m) => ({ raw: m[0], word: fold(m[0]) })).filter((t) => t.word.length > 0);
}

/** "m.bennani [at] tifawin [dot] ma" written plainly. */
function plainEmail(value: string): string {
  return value.replace(new RegExp(AT, 'gu'), '@').replace(new RegExp(DOT, 'gu'), '.');
}

function phoneDigits(value: string): string {
  return fold(value).replace(/\D/g, '');
}

/** The national number behind "+212 6 61...", "00212661...", "0661..." (and a foreign number's last 9 digits). */
function phoneCores(value: string): string[] {
  let digits = phoneDigits(value);
  const international = /^\s*(?:\+|00)/.test(fold(value));
  if (digits.startsWith('00')) digits = digits.slice(2);
  if (digits.startsWith('212') && digits.length >= 11) return [digits.slice(3).replace(/^0/, '')];
  if (digits.startsWith('0')) return [digits.slice(1)];
  if (international && digits.length >= 11) return [digits, digits.slice(-9)];
  return digits.length >= 6 ? [digits] : [];
}

interface Site {
  host: string;
  path: string[];
}

function parseSite(value: string): Site | null {
  const match = /^\s*(?:[a-z][a-z0-9+.-]*:\/\/)?([^\s/?#:@]+(?:@[^\s/?#:]+)?)(?::\d+)?([^\s?#]*)/iu.exec(value.trim());
  if (!match) return null;
  const host = fold(match[1]!.replace(/^.*@/, '')).replace(/^www\d?\./, '').replace(/\.$/, '');
  if (!host.includes('.')) return null;
  return { host, path: match[2]!.split('/').map((part) => fold(decodeURIComponentSafe(part))).filter(Boolean) };
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The identity model of an application (see IdentityModel). */
export function identityModel({ form, answers, owner }: IdentitySources): IdentityModel {
  const model: IdentityModel = { names: [], texts: [], emails: [], phones: [], sites: [], handles: [] };
  const addText = (value: string) => {
    // Contacts written inside a text answer ("Tifawin (www.tifawin.ma, 06 61 ...)") count as contacts.
    for (const m of fold(value).matchAll(GENERIC_EMAIL)) model.emails.push(plainEmail(m[0]));
    for (const m of fold(value).matchAll(GENERIC_PHONE)) model.phones.push(m[0]);
    for (const m of value.matchAll(RAW_URL)) model.sites.push(m[0]);
    for (const m of value.matchAll(RAW_HANDLE)) model.handles.push(m[1]!);
    if (/^\s*@[\p{L}\p{N}_.]+\s*$/u.test(value)) return;
    (tokens(value).length > NAME_MAX_WORDS ? model.texts : model.names).push(value);
  };
  model.names.push(owner.displayName);
  if (owner.organisation) model.names.push(owner.organisation);
  model.emails.push(owner.email);
  for (const field of allFields(form)) {
    if (!field.identifying && !CONTACT_FIELD_TYPES.has(field.type)) continue;
    const value = answers[field.key];
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item !== 'string' && typeof item !== 'number') continue;
      const text = String(item).trim();
      if (!text) continue;
      if (field.type === 'EMAIL') model.emails.push(text);
      else if (field.type === 'PHONE') model.phones.push(text);
      else if (field.type === 'URL') model.sites.push(text);
      else if (FREE_TEXT_TYPES.has(field.type)) addText(text);
    }
  }
  return model;
}

/** A masked span of a text: where it is in the text as written, and what it was taken for. */
export interface IdentityHit {
  start: number;
  end: number;
  kind: 'email' | 'phone' | 'term';
}

/** Masks (or finds) an application's identity in any text; built once per application, used on all its texts. */
export interface IdentityMatcher {
  mask(text: string): string;
  find(text: string): IdentityHit[];
}

class PhraseSet {
  private readonly patterns = new Map<string, number>();

  /** A name or phrase of folded words; an Arabic first word may carry attached prefixes. */
  add(words: readonly string[]): void {
    const clean = words.filter(Boolean);
    // A phrase of generic words ("Atlas Solidaire") names someone as a whole; one generic word does not.
    if (clean.length === 0 || (clean.length === 1 && (isGeneric(clean[0]!) || isParticle(clean[0]!)))) return;
    if (clean.join('').replace(/[^\p{L}\p{N}]/gu, '').length < 3) return;
    const pattern = clean.map((word, index) => wordPattern(word, index === 0)).join(WORD_GAP);
    this.patterns.set(pattern, Math.max(this.patterns.get(pattern) ?? 0, clean.join(' ').length));
  }

  /** A raw pattern (domains, emails, phones), with its weight for ordering (longer first). */
  addPattern(pattern: string, weight: number): void {
    this.patterns.set(pattern, Math.max(this.patterns.get(pattern) ?? 0, weight));
  }

  get size(): number {
    return this.patterns.size;
  }

  /** One alternation, longest first, so a whole name wins over its parts at the same place. */
  source(): string {
    return [...this.patterns.entries()]
      .sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)
      .map(([pattern]) => pattern)
      .join('|');
  }
}

/** Spellings of one particle: "Ben Ali" is also "Ibn Ali" and "Bin Ali", "بن علي" also "ابن علي". */
const PARTICLE_SPELLINGS: ReadonlyArray<ReadonlySet<string>> = [
  ['ben', 'bin', 'ibn'],
  ['bent', 'bint'],
  ['abou', 'abu', 'bou'],
  ['ait', 'ayt'],
  ['ould', 'wld'],
  ['abd', 'abdel', 'abdul'],
  ['بن', 'ابن'],
  ['بنت', 'ابنه'],
  ['ابو', 'بو'],
].map((spellings) => new Set(spellings.map(fold)));

function wordPattern(word: string, first: boolean): string {
  const spellings = PARTICLE_SPELLINGS.find((set) => set.has(word));
  const written = spellings ? `(?:${[...spellings].map(escape).join('|')})` : null;
  if (!first || !ARABIC.test(word)) return written ?? escape(word);
  // A first Arabic word may carry attached prefixes; its own article may be there or not ("العلوي", "علوي", "للعلوي").
  const core = word.startsWith('ال') && letters(word) - 2 >= 3 ? word.slice(2) : word;
  return `${ARABIC_PREFIX}${written ?? escape(core)}`;
}

/**
 * The words of a name to mask: the whole name, every distinctive word of 3 letters or more, and
 * particles with the word that follows ("Ben Ali", then "Ali" alone).
 */
function addName(phrases: PhraseSet, value: string, prose: boolean): void {
  const all = tokens(value);
  if (!prose || value.length <= 400) phrases.add(all.map((t) => t.word));
  // In prose only some words are names: capitalised Latin words, Arabic words after a title ("السيدة
  // فاطمة") and around a particle ("محمد بن علي").
  const named = all.map((token, i) => !prose || looksLikeName(token.raw, token.word) || afterTitle(all, i));
  for (let i = 0; i < all.length; i += 1) {
    const token = all[i]!;
    if (!isParticle(token.word)) continue;
    let j = i;
    while (j < all.length && isParticle(all[j]!.word)) j += 1;
    const next = all[j];
    if (!next || (isGeneric(next.word) && all.slice(i, j).some((t) => WEAK_PARTICLES.has(t.word))) || !(named[j] || ARABIC.test(next.word))) continue;
    phrases.add(all.slice(i, j + 1).map((t) => t.word));
    named[j] = true;
    const before = all[i - 1];
    if (prose && before && ARABIC.test(before.word) && ARABIC.test(token.word)) named[i - 1] = true;
  }
  all.forEach((token, i) => {
    if (named[i] && !isParticle(token.word) && letters(token.word) >= 3 && !isGeneric(token.word)) phrases.add([token.word]);
  });
}

/** In prose: a capitalised Latin word that is not a common word. */
function looksLikeName(raw: string, word: string): boolean {
  return /^\p{Lu}/u.test(raw) && !COMMON_WORDS.has(word) && !GENERIC_WORDS.has(word);
}

const TITLES = new Set(['السيد', 'السيده', 'الاستاذ', 'الاستاذه', 'الدكتور', 'الدكتوره', 'المهندس', 'المهندسه', 'الحاج', 'الحاجه', 'الرئيس', 'الرئيسه', 'المدير', 'المديره', 'المنسق', 'المنسقه', 'المؤسس', 'المؤسسه'].map(fold));

/** In Arabic prose, the one or two words after a title ("السيدة فاطمة الزهراء") are a name. */
function afterTitle(all: ReadonlyArray<{ word: string }>, index: number): boolean {
  const word = all[index]!.word;
  if (!ARABIC.test(word)) return false;
  return [1, 2].some((back) => {
    const before = all[index - back];
    return before !== undefined && arabicCores(before.word).some((core) => TITLES.has(core));
  });
}

function addEmail(phrases: PhraseSet, emails: PhraseSet, value: string, sites: string[]): void {
  const folded = fold(value).trim();
  const at = folded.lastIndexOf('@');
  if (at <= 0) return;
  const local = folded.slice(0, at);
  const domain = folded.slice(at + 1);
  const localParts = local.split(/[._+-]+/).filter(Boolean);
  const labels = domain.split('.').filter(Boolean);
  if (localParts.length === 0 || labels.length < 2) return;
  const localPattern = localParts.map(escape).join(String.raw`(?:[._+-]|${DOT})`);
  const domainPattern = labels.map(escape).join(DOT);
  emails.addPattern(String.raw`(?<![\p{L}\p{N}._%+-])${localPattern}${AT}${domainPattern}(?![\p{L}\p{N}])`, folded.length);
  // "m.bennani" is also "M. Bennani" in a sentence, and "bennani" alone.
  if (!ROLE_MAILBOXES.has(localParts.join(''))) {
    phrases.add(localParts.flatMap((part) => part.split(/(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u)).filter((part) => /\p{L}/u.test(part)));
    for (const part of localParts) {
      const word = part.replace(/\d+/g, '');
      if (letters(word) >= 3 && !isGeneric(word) && !ROLE_MAILBOXES.has(word)) phrases.add([word]);
    }
  }
  if (!SHARED_MAIL_DOMAINS.has(domain)) sites.push(domain);
}

function addSite(phrases: PhraseSet, value: string, phones: string[]): void {
  const site = parseSite(value);
  if (!site) {
    addHandle(phrases, value);
    return;
  }
  if ([...SOCIAL_HOSTS].some((host) => site.host === host || site.host.endsWith(`.${host}`))) {
    const handle = site.path.find((part) => !SOCIAL_PATH_WORDS.has(part));
    if (!handle) return;
    if (site.host === 'wa.me' || /^\+?\d{8,}$/.test(handle)) phones.push(handle);
    else addHandle(phrases, handle);
    return;
  }
  const labels = site.host.split('.');
  phrases.addPattern(
    String.raw`(?<![\p{L}\p{N}_-])(?:(?:https?|ftp)\s*:\s*\/{1,2}\s*)?(?:www\d?${DOT})?${labels.map(escape).join(DOT)}(?:[\/?#][^\s<>"']*)?(?![\p{L}\p{N}_-])`,
    site.host.length + 8,
  );
  // The site's own name ("tifawin" of tifawin.ma, "asso-atlas" of asso-atlas.org), not its suffixes.
  const suffixes = new Set(['www', 'com', 'org', 'net', 'co', 'gov', 'ac', 'edu', 'ma', 'fr']);
  for (const label of labels.slice(0, -1)) {
    if (suffixes.has(label)) continue;
    const words = label.split(/[-_]+/).filter(Boolean);
    phrases.add(words);
    for (const word of words) if (letters(word) >= 3 && !isGeneric(word)) phrases.add([word]);
  }
}

function addHandle(phrases: PhraseSet, value: string): void {
  const words = fold(value.replace(/^\s*@/, '')).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  phrases.add(words);
  for (const word of words) if (letters(word) >= 3 && !isGeneric(word)) phrases.add([word]);
}

function addPhone(phones: PhraseSet, value: string): void {
  // A phone answer may hold two numbers ("0661... / 0522..."): each is a phone of its own.
  const numbers = [...fold(value).matchAll(GENERIC_PHONE)].map((m) => m[0]);
  for (const core of (numbers.length > 1 ? numbers : [value]).flatMap(phoneCores)) {
    const digits = [...core].join(`${DIGIT_GAP}{0,3}`);
    phones.addPattern(
      String.raw`(?<!\p{N})(?:(?:\+|00)${DIGIT_GAP}*)?(?:212${DIGIT_GAP}*)?(?:\(${DIGIT_GAP}*0${DIGIT_GAP}*\)${DIGIT_GAP}*|0${DIGIT_GAP}*)?${digits}(?!\p{N})`,
      core.length,
    );
  }
}

interface CompiledMatcher {
  terms: RegExp | null;
  emails: RegExp;
  phones: RegExp;
}

function compile(set: PhraseSet, prefix: string, suffix: string): RegExp | null {
  return set.size === 0 ? null : new RegExp(`${prefix}(?:${set.source()})${suffix}`, 'gu');
}

function compileModel(model: IdentityModel): CompiledMatcher {
  const phrases = new PhraseSet();
  const emails = new PhraseSet();
  const phones = new PhraseSet();
  const sites = [...model.sites];
  const phoneValues = [...model.phones];
  for (const email of model.emails) addEmail(phrases, emails, email, sites);
  for (const name of model.names) addName(phrases, name, false);
  for (const text of model.texts) addName(phrases, text, true);
  for (const handle of model.handles) addHandle(phrases, handle);
  for (const site of sites) addSite(phrases, site, phoneValues);
  for (const phone of phoneValues) addPhone(phones, phone);
  emails.addPattern(GENERIC_EMAIL.source, 0);
  phones.addPattern(GENERIC_PHONE.source, 0);
  return {
    // Whole words only: a name is not masked inside another word ("Ali" in "qualité").
    terms: compile(phrases, String.raw`(?<![\p{L}\p{N}])`, String.raw`(?![\p{L}\p{N}])`),
    emails: compile(emails, '', '')!,
    phones: compile(phones, '', '')!,
  };
}

const MAYBE_EMAIL = /@|(?<!\p{L})(?:at|arobase)(?!\p{L})/u;

const PRIORITY: Record<IdentityHit['kind'], number> = { email: 3, phone: 2, term: 1 };

function findWith(compiled: CompiledMatcher, text: string): IdentityHit[] {
  if (!text) return [];
  const copy = normaliseForMatching(text);
  const found: IdentityHit[] = [];
  const collect = (pattern: RegExp | null, kind: IdentityHit['kind']) => {
    if (!pattern) return;
    pattern.lastIndex = 0;
    for (const match of copy.text.matchAll(pattern)) {
      if (match[0].length === 0) continue;
      const start = copy.starts[match.index]!;
      const end = copy.ends[match.index + match[0].length - 1]!;
      if (kind === 'term' && isArabicPreposition(text.slice(start, end))) continue;
      found.push({ start, end, kind });
    }
  };
  // Most texts have no email or number: their patterns are not even tried there.
  if (MAYBE_EMAIL.test(copy.text)) collect(compiled.emails, 'email');
  if (/\d/.test(copy.text)) collect(compiled.phones, 'phone');
  collect(compiled.terms, 'term');
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping spans become one, shown as the most specific kind; names next to each other
  // ("Mohamed Ali Bennani") become one mark, so the mask does not even tell how many words there were.
  const merged: IdentityHit[] = [];
  for (const hit of found) {
    const last = merged[merged.length - 1];
    if (last && (hit.start < last.end || (last.kind === 'term' && hit.kind === 'term' && /^[\s\-–]{1,3}$/u.test(text.slice(last.end, hit.start))))) {
      last.end = Math.max(last.end, hit.end);
      if (PRIORITY[hit.kind] > PRIORITY[last.kind]) last.kind = hit.kind;
    } else merged.push({ ...hit });
  }
  return merged;
}

function isArabicPreposition(written: string): boolean {
  const bare = written.replace(/[\p{M}\p{Cf}ـ]/gu, '');
  return ARABIC_PREPOSITIONS.has(bare) || ARABIC_PREPOSITIONS.has(bare.replace(/^[وف]/u, ''));
}

const MARKS: Record<IdentityHit['kind'], string> = { email: MASKED_EMAIL, phone: MASKED_PHONE, term: MASKED_TERM };

function matcherOf(compiled: CompiledMatcher): IdentityMatcher {
  return {
    find: (text) => findWith(compiled, text),
    mask: (text) => {
      let result = '';
      let last = 0;
      for (const hit of findWith(compiled, text)) {
        result += text.slice(last, hit.start) + MARKS[hit.kind];
        last = hit.end;
      }
      return result + text.slice(last);
    },
  };
}

/** The matcher of an identity model: whole values and their parts, in every form listed in IdentityModel. */
export function identityMatcher(model: IdentityModel): IdentityMatcher {
  return matcherOf(compileModel(model));
}

/** The matcher of an application's identity (see identityModel). */
export function applicationIdentityMatcher(sources: IdentitySources): IdentityMatcher {
  return identityMatcher(identityModel(sources));
}

const CONTACTS_ONLY = matcherOf(compileModel({ names: [], texts: [], emails: [], phones: [], sites: [], handles: [] }));

/** Any email or phone number inside free text, replaced by neutral marks, whoever's it is. */
export function maskContactDetails(text: string): string {
  return CONTACTS_ONLY.mask(text);
}
