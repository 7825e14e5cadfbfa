/**
 * Generated Moroccan applicants for the planted-identity test: people (Latin or Arabic script, with
 * particles), organisations, emails, phones and sites, and the many ways a text can write them.
 * Everything comes from a seeded generator, so a failing run can be replayed with its seed.
 */

/** Picks test data reproducibly (mulberry32). */
export { seededRandom } from '@tahkim/scoring';

export class Picker {
  constructor(readonly random: () => number) {}
  int(max: number): number {
    return Math.floor(this.random() * max);
  }
  one<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  digits(n: number): string {
    return Array.from({ length: n }, () => String(this.int(10))).join('');
  }
}

const LATIN_FIRST = ['Fatima', 'Khadija', 'Zineb', 'Meryem', 'Salma', 'Hajar', 'Imane', 'Soukaina', 'Nawal', 'Loubna', 'Youssef', 'Mehdi', 'Hamza', 'Anas', 'Ayoub', 'Rachid', 'Khalid', 'Mustapha', 'Brahim', 'Abdelilah', 'Ghizlane', 'Siham'];
const LATIN_SECOND = ['Zahra', 'Amine', 'Ezzahra', 'Yassine', 'Réda'];
const LATIN_LAST = ['Bennani', 'Ouahi', 'Alaoui', 'Idrissi', 'Tazi', 'Berrada', 'Chraïbi', 'Amrani', 'Lahlou', 'Benjelloun', 'Oumerzouk', 'Bouzid', 'Ziani', 'Haddouchi', 'Skalli', 'Kettani', 'Filali', 'Naciri', 'Ouazzani', 'Tahiri', 'Lazrak', 'Guessous'];
const LATIN_PARTICLES = ['Ben', 'El', 'Aït', 'Ould', 'Abou', 'Bent'];
const ARABIC_FIRST = ['فاطمة', 'خديجة', 'زينب', 'مريم', 'سلمى', 'هاجر', 'إيمان', 'نوال', 'يوسف', 'مهدي', 'حمزة', 'أيوب', 'رشيد', 'خالد', 'مصطفى', 'إبراهيم', 'عائشة', 'ليلى', 'يحيى', 'سعاد'];
const ARABIC_LAST = ['بناني', 'العلوي', 'الإدريسي', 'التازي', 'برادة', 'الشرايبي', 'العمراني', 'لحلو', 'بنجلون', 'أومرزوق', 'بوزيد', 'الزياني', 'الفيلالي', 'الناصري', 'الوزاني', 'القباج', 'الطاهري'];
const ARABIC_PARTICLES = ['بن', 'أيت', 'ولد', 'أبو'];
/** Transliterations used for Arabic-script people's email addresses. */
const TRANSLIT_LAST = ['bennani', 'alaoui', 'idrissi', 'tazi', 'berrada', 'chraibi', 'amrani', 'lahlou', 'benjelloun', 'oumerzouk', 'bouzid', 'ziani', 'filali', 'naciri', 'ouazzani', 'kabbaj', 'tahiri'];

const LATIN_ORG_KINDS = ['Association', 'Coopérative', 'Fondation', 'Société'];
const LATIN_ORG_NAMES = ['Tighmert', 'Tifawin', 'Amoudou', 'Tafoukt', 'Azetta', 'Tamount', 'Ighrem', 'Asdaf', 'Tidirt', 'Aguerd', 'Tizgui', 'Ouarga', 'Tilelli', 'Anzar'];
const LATIN_ORG_QUALIFIERS = ['Solidaire', 'pour le Développement', 'des Femmes Rurales', ''];
const ARABIC_ORG_KINDS = ['جمعية', 'تعاونية', 'مؤسسة'];
const ARABIC_ORG_NAMES: Array<[string, string]> = [
  ['الأمل', 'alamal'], ['النخيل', 'nakhil'], ['الواحة', 'alwaha'], ['تيفاوين', 'tifawin'], ['أمودو', 'amoudou'], ['الياسمين', 'yasmine'],
  ['الزيتونة', 'zitouna'], ['السنابل', 'sanabil'], ['أنزار', 'anzar'],
];
const ARABIC_ORG_QUALIFIERS = ['للتنمية', 'النسائية', 'للتنمية المستدامة', ''];
const MAIL_SERVICES = ['gmail.com', 'hotmail.fr', 'yahoo.fr'];

export interface PlantedIdentity {
  index: number;
  script: 'latin' | 'arabic';
  person: string;
  first: string;
  last: string;
  particle: string | null;
  organisation: string;
  organisationWord: string;
  email: string;
  phone: string;
  site: string;
  /** Distinctive words that must never be readable by a juror of a blind round (written as planted). */
  secretWords: string[];
  /** National phone number digits (9), which must never be readable either. */
  phoneDigits: string;
}

export function generateIdentity(pick: Picker, index: number): PlantedIdentity {
  const script = pick.chance(0.5) ? 'latin' : 'arabic';
  const particle = pick.chance(0.45) ? pick.one(script === 'latin' ? LATIN_PARTICLES : ARABIC_PARTICLES) : null;
  let first: string;
  let last: string;
  let person: string;
  let mailLocalLast: string;
  let orgWord: string;
  let orgSlug: string;
  let organisation: string;
  if (script === 'latin') {
    first = pick.one(LATIN_FIRST) + (pick.chance(0.3) ? ` ${pick.one(LATIN_SECOND)}` : '');
    last = pick.one(LATIN_LAST);
    person = [first, particle, last].filter(Boolean).join(' ');
    mailLocalLast = last.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    orgWord = pick.one(LATIN_ORG_NAMES);
    orgSlug = orgWord.toLowerCase();
    organisation = [pick.one(LATIN_ORG_KINDS), orgWord, pick.one(LATIN_ORG_QUALIFIERS)].filter(Boolean).join(' ');
  } else {
    first = pick.one(ARABIC_FIRST);
    last = pick.one(ARABIC_LAST);
    person = [first, particle, last].filter(Boolean).join(' ');
    mailLocalLast = pick.one(TRANSLIT_LAST);
    const [word, slug] = pick.one(ARABIC_ORG_NAMES);
    orgWord = word;
    orgSlug = slug;
    organisation = [pick.one(ARABIC_ORG_KINDS), word, pick.one(ARABIC_ORG_QUALIFIERS)].filter(Boolean).join(' ');
  }
  const domain = `${orgSlug}${pick.chance(0.5) ? '' : `-${pick.one(['coop', 'asso', 'maroc'])}`}.${pick.one(['ma', 'org', 'com'])}`;
  const firstLatin = script === 'latin' ? first.split(' ')[0]!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() : pick.one(['k', 'y', 'f', 'm', 's']);
  const local = pick.one([`${firstLatin[0]}.${mailLocalLast}`, `${firstLatin}.${mailLocalLast}`, `${mailLocalLast}.${firstLatin}`, `${mailLocalLast}${pick.digits(2)}`]);
  const email = `${local}@${pick.chance(0.6) ? domain : pick.one(MAIL_SERVICES)}`;
  const phoneDigits = `${pick.one(['6', '7'])}${pick.digits(8)}`;
  const phone = pick.one([`0${phoneDigits}`, `+212 ${phoneDigits.slice(0, 3)} ${phoneDigits.slice(3, 6)} ${phoneDigits.slice(6)}`, `+212${phoneDigits}`]);
  const site = pick.chance(0.75) ? `https://www.${domain}` : `https://www.facebook.com/${orgSlug}.${pick.one(['officiel', 'ma', 'page'])}`;
  const secretWords = [
    ...first.split(' '),
    last,
    ...(particle ? [`${particle}${last}`] : []),
    orgWord,
    orgSlug,
    mailLocalLast,
  ];
  return { index, script, person, first, last, particle, organisation, organisationWord: orgWord, email, phone, site, secretWords: [...new Set(secretWords)], phoneDigits };
}

// ---- the forms a text can give them -----------------------------------------------------------

const HARAKAT = ['\u064e', '\u064f', '\u0650', '\u0651', '\u0652'];
const ARABIC_PREFIXES = ['و', 'ب', 'ل', 'ف', 'ك', 'وب', 'ول', 'فب', 'ال', 'وال', 'بال', 'لل'];

function withoutAccents(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '');
}

/** Another way to write the same Arabic word: a letter variant, harakat, a tatweel. */
function arabicVariant(pick: Picker, word: string): string {
  const variants: Array<(w: string) => string> = [
    (w) => w.replace(/ة/g, 'ه'),
    (w) => w.replace(/[أإآ]/g, 'ا'),
    (w) => w.replace(/ى/g, 'ي'),
    (w) => w.replace(/ي(?=$)/, 'ى'),
    (w) => [...w].map((c, i) => (i > 0 && i < w.length - 1 && pick.chance(0.5) ? c + pick.one(HARAKAT) : c)).join(''),
    (w) => (w.length > 2 ? `${w.slice(0, 2)}ـــ${w.slice(2)}` : w),
  ];
  return pick.one(variants)(word);
}

/** An Arabic word with an attached prefix; an article of the word itself merges as Arabic writes it. */
function arabicPrefixed(pick: Picker, word: string): string {
  const prefix = pick.one(ARABIC_PREFIXES);
  if (word.startsWith('ال')) {
    if (prefix.endsWith('ال')) return `${prefix.slice(0, -2)}${word}`;
    if (prefix === 'لل' || prefix.endsWith('ل')) return `${prefix.replace(/ل$/, '')}ل${word.slice(1)}`;
  }
  if (prefix === 'لل') return `ل${word}`;
  return `${prefix}${word}`;
}

function obfuscatedEmail(pick: Picker, email: string): string {
  const [local, domain] = email.split('@') as [string, string];
  const at = pick.one(['@', ' [at] ', ' (at) ', ' at ', '{at}', ' [@] ', ' arobase ']);
  const dot = pick.one(['.', ' [dot] ', '(.)', ' dot ', '[.]']);
  const cased = pick.chance(0.2) ? email.toUpperCase() : email;
  return pick.chance(0.3) ? cased : `${local}${at}${domain.split('.').join(dot)}`;
}

const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

function phoneForm(pick: Picker, digits: string): string {
  const national = `0${digits}`;
  const forms = [
    () => national,
    () => national.match(/^(..)(..)(..)(..)(..)$/)!.slice(1).join(' '),
    () => national.match(/^(..)(..)(..)(..)(..)$/)!.slice(1).join('.'),
    () => national.match(/^(....)(..)(..)(..)$/)!.slice(1).join('-'),
    () => [...national].join(' '),
    () => `+212 ${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`,
    () => `+212 (0)${digits[0]} ${digits.slice(1, 3)} ${digits.slice(3, 5)} ${digits.slice(5, 7)} ${digits.slice(7)}`,
    () => `00212${digits}`,
    () => `212-${digits}`,
    () => [...national].map((d) => ARABIC_DIGITS[Number(d)]).join(''),
  ];
  return pick.one(forms)();
}

function siteForm(pick: Picker, site: string): string {
  const url = new URL(site);
  const host = url.hostname.replace(/^www\./, '');
  if (host === 'facebook.com') {
    const handle = url.pathname.slice(1);
    return pick.one([`@${handle}`, `facebook.com/${handle}`, `fb.com/${handle}`, `https://web.facebook.com/${handle}/`]);
  }
  return pick.one([`www.${host}`, host, `https://${host}/projet`, `${host.split('.').join(' [dot] ')}`, `HTTP://WWW.${host.toUpperCase()}`, `www.${host}/fr/accueil`]);
}

/** One way of writing one piece of the identity, as an applicant or a document might. */
export function plantedForm(pick: Picker, id: PlantedIdentity): { kind: string; text: string } {
  const kinds = ['whole', 'surname', 'first', 'upper', 'plain', 'particle', 'titled', 'organisation', 'organisation-word', 'email', 'phone', 'site'];
  const kind = pick.one(kinds);
  const arabic = id.script === 'arabic';
  const arabicWord = (w: string) => {
    let out = w;
    if (pick.chance(0.5)) out = arabicVariant(pick, out);
    if (pick.chance(0.4)) out = arabicPrefixed(pick, out);
    return out;
  };
  switch (kind) {
    case 'whole':
      return { kind, text: arabic ? id.person.split(' ').map((w, i) => (i === 0 ? arabicWord(w) : pick.chance(0.3) ? arabicVariant(pick, w) : w)).join(' ') : id.person };
    case 'surname':
      return { kind, text: arabic ? arabicWord(id.last) : pick.one([id.last, id.last.toUpperCase(), withoutAccents(id.last)]) };
    case 'first':
      return { kind, text: arabic ? arabicWord(id.first) : pick.one([id.first, id.first.split(' ')[0]!]) };
    case 'upper':
      return { kind, text: arabic ? arabicWord(id.person.split(' ').slice(-2).join(' ')) : id.person.toUpperCase() };
    case 'plain':
      return { kind, text: arabic ? id.person.replace(/[أإآ]/g, 'ا').replace(/ة/g, 'ه').replace(/ى/g, 'ي') : withoutAccents(id.person) };
    case 'particle':
      if (!id.particle) return { kind, text: arabic ? arabicWord(id.last) : id.last };
      return { kind, text: arabic ? pick.one([`${id.particle} ${id.last}`, `${id.particle}${id.last}`, arabicPrefixed(pick, `${id.particle} ${id.last}`)]) : pick.one([`${id.particle} ${id.last}`, `${withoutAccents(id.particle)}-${id.last}`, `${withoutAccents(id.particle)}${id.last.toLowerCase()}`, `${id.particle.toUpperCase()} ${id.last.toUpperCase()}`]) };
    case 'titled':
      return { kind, text: arabic ? `${pick.one(['السيد', 'السيدة', 'الأستاذة'])} ${id.person}` : `${pick.one(['M.', 'Mme', 'Dr', 'Mlle'])} ${id.last}` };
    case 'organisation':
      return { kind, text: arabic ? arabicPrefixed(pick, id.organisation) : pick.one([id.organisation, id.organisation.toUpperCase(), withoutAccents(id.organisation)]) };
    case 'organisation-word':
      return { kind, text: arabic ? arabicWord(id.organisationWord) : pick.one([id.organisationWord, id.organisationWord.toUpperCase()]) };
    case 'email':
      return { kind, text: obfuscatedEmail(pick, id.email) };
    case 'phone':
      return { kind, text: phoneForm(pick, id.phoneDigits) };
    default:
      return { kind: 'site', text: siteForm(pick, id.site) };
  }
}

const FILLER_FR = [
  'Le projet forme des femmes aux métiers de la restauration collective.',
  'Les revenus sont réinvestis dans la formation et les salaires.',
  'Nous servons 300 repas par jour à des entreprises de la région.',
  "L'équipe accompagne chaque stagiaire pendant six mois.",
  'Le modèle repose sur la vente de plateaux-repas et de traiteur.',
  'En 2025, le chiffre d’affaires a atteint 850 000 MAD.',
];
const FILLER_AR = [
  'يكوّن المشروع النساء في مهن المطبخ الجماعي.',
  'تُستثمر المداخيل في التكوين والأجور.',
  'نقدم ثلاثمائة وجبة يومياً للمقاولات في الجهة.',
  'يرافق الفريق كل متدربة مدة ستة أشهر.',
  'يعتمد النموذج على بيع الوجبات وخدمات الضيافة.',
];

/** A paragraph with the planted forms at random places (between sentences, or inside one). */
export function paragraphWith(pick: Picker, forms: string[], arabic: boolean): string {
  const sentences = Array.from({ length: 3 + pick.int(3) }, () => pick.one(arabic ? FILLER_AR : FILLER_FR));
  for (const form of forms) {
    const at = pick.int(sentences.length + 1);
    const glue = arabic ? pick.one([`تواصلوا مع ${form}.`, `(${form})`, `${form} -`, form]) : pick.one([`Contact : ${form}.`, `(${form})`, `porté par ${form},`, form]);
    sentences.splice(at, 0, glue);
  }
  return sentences.join(' ');
}
