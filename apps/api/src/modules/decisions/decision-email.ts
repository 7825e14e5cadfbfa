import type { TApplicationFeedback, TCommentScript, TDecisionOutcome, TDecisionTemplatePlaceholder, TLocale, TLocalizedText } from '@tahkim/contracts';
import { asBlock, asLeftToRight, escapeHtml, markedToHtml, markedToText, quote, stripMarks } from '../notifications/templates/quoted-values';

/** A template's texts, as stored (a language left empty falls back to French). */
export interface DecisionTemplateTexts {
  subject: TLocalizedText;
  body: TLocalizedText;
}

export type PlaceholderValues = Record<TDecisionTemplatePlaceholder, string>;

export interface RenderedDecisionEmail {
  locale: TLocale;
  dir: 'ltr' | 'rtl';
  subject: string;
  text: string;
  html: string;
}

/** The back office's name of a decision email (EmailMessage.template). */
export const DECISION_EMAIL_TEMPLATE: Record<TDecisionOutcome, string> = { WINNER: 'decision-winner', NOT_SELECTED: 'decision-not-selected' };

/** The outbox key that makes "one decision email per application" hold, whatever is retried. */
export const decisionDedupeKey = (applicationId: string) => `decision:${applicationId}`;

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

const SIGNATURE: Record<TLocale, string> = {
  ar: 'منصة تحكيم — طلبات المشاريع ولجان التحكيم',
  fr: 'Tahkim — appels à projets et jurys',
  en: 'Tahkim — calls for projects and juries',
};

/**
 * How each value is quoted in the body: names, titles and the reference inline, staff's message as block
 * text; the feedback is the email's own language around values it has quoted itself (see feedbackText).
 */
const QUOTE_PLACEHOLDER: Record<TDecisionTemplatePlaceholder, (value: string) => string> = {
  displayName: (value) => quote(value),
  reference: (value) => quote(value),
  projectTitle: (value) => quote(value),
  callTitle: (value) => quote(value),
  message: (value) => asBlock(value).marked,
  feedback: (value) => value,
};

function fill(template: string, values: PlaceholderValues, quoteValues: boolean): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(name in values)) return whole;
    const key = name as TDecisionTemplatePlaceholder;
    return quoteValues ? QUOTE_PLACEHOLDER[key](values[key]) : values[key];
  });
}

/** A language's text, or the French one when that language was left empty. */
export function inLocale(text: TLocalizedText, locale: TLocale): string {
  return text[locale].trim() !== '' ? text[locale] : text.fr;
}

/**
 * Renders staff's plain-text template: placeholders are replaced by their values, each isolated in its own
 * direction in the body (Unicode isolates in the text part, `<bdi>` or `<span dir="auto">` in the HTML
 * part), then everything is escaped for the HTML part (a title with `<script>` stays text). Blank lines
 * separate paragraphs; a single newline is a line break. Paragraphs left empty (e.g. {{feedback}} when it
 * is off) disappear. The subject keeps plain values.
 */
export function renderDecisionEmail(texts: DecisionTemplateTexts, locale: TLocale, values: PlaceholderValues): RenderedDecisionEmail {
  const subject = stripMarks(fill(inLocale(texts.subject, locale), values, false)).replace(/\s*\n\s*/g, ' ').trim();
  const paragraphs = fill(inLocale(texts.body, locale), values, true)
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\n+$/g, '').trimEnd())
    .filter((p) => p.trim() !== '');
  const dir = locale === 'ar' ? 'rtl' : 'ltr';
  const text = [...paragraphs.map(markedToText), '--', SIGNATURE[locale]].join('\n\n');
  const body = paragraphs.map((p) => `<p>${p.split('\n').map(markedToHtml).join('<br>')}</p>`).join('\n');
  const html =
    `<!doctype html><html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="font-family:system-ui,'Noto Sans Arabic',sans-serif;line-height:1.6">${body}<hr><p style="color:#666">${escapeHtml(SIGNATURE[locale])}</p></body></html>`;
  return { locale, dir, subject, text, html };
}

const FEEDBACK_TEXTS: Record<TLocale, { title: string; criteria: string; comments: string; colon: string; numberLocale: string; quote: (s: string) => string }> = {
  ar: { title: 'ملاحظات لجنة التحكيم', criteria: 'متوسط التقييم حسب كل معيار:', comments: 'تعليقات أعضاء اللجنة:', colon: ': ', numberLocale: 'ar-MA', quote: (s) => `«${s}»` },
  fr: { title: 'Retour du jury', criteria: 'Note moyenne par critère :', comments: 'Commentaires du jury :', colon: ' : ', numberLocale: 'fr-FR', quote: (s) => `« ${s} »` },
  en: { title: "The jury's feedback", criteria: 'Average score per criterion:', comments: "Jury members' comments:", colon: ': ', numberLocale: 'en-GB', quote: (s) => `"${s}"` },
};

/**
 * {{feedback}} in the applicant's language: criterion means on their scales and shareable comments, no identity.
 * Its labels, scales and comments are quoted (see quoted-values): markedToText gives the plain text.
 */
export function feedbackText(feedback: TApplicationFeedback | null, locale: TLocale): string {
  if (!feedback || (feedback.criteria.length === 0 && feedback.comments.length === 0)) return '';
  const t = FEEDBACK_TEXTS[locale];
  const number = new Intl.NumberFormat(t.numberLocale, { maximumFractionDigits: 1, minimumFractionDigits: 1, numberingSystem: 'latn' });
  const parts = [t.title];
  if (feedback.criteria.length > 0) {
    // Labels are quoted (a French label stands in for an empty Arabic one); the scale reads "0–5" left to
    // right in every language (isolated, so Arabic text does not flip it to "5–0").
    const lines = feedback.criteria.map((c) => `- ${quote(inLocale(c.label, locale))}${t.colon}${number.format(c.mean)} (${asLeftToRight(`${c.scaleMin}–${c.scaleMax}`).marked})`);
    parts.push([t.criteria, ...lines].join('\n'));
  }
  if (feedback.comments.length > 0) parts.push([t.comments, ...feedback.comments.map((c) => `- ${t.quote(asBlock(c.replace(/\s+/g, ' ').trim()).marked)}`)].join('\n'));
  return parts.join('\n\n');
}

/** The values of the placeholders for one application, in `locale` (the applicant's language by default). */
export function placeholderValues(
  callTitle: TLocalizedText,
  recipient: { displayName: string; reference: string | null; title: string | null; message: string | null; locale: TLocale },
  feedback: TApplicationFeedback | null,
  locale = recipient.locale,
): PlaceholderValues {
  return {
    displayName: recipient.displayName,
    reference: recipient.reference ?? '',
    projectTitle: recipient.title ?? '',
    callTitle: inLocale(callTitle, locale),
    feedback: feedbackText(feedback, locale),
    message: recipient.message ?? '',
  };
}

const LETTER = /\p{L}/gu;
const ARABIC = /\p{Script=Arabic}/u;
const LATIN = /\p{Script=Latin}/u;

/** The script a comment's letters are mostly in (digits do not count); null when it has no letter of either. */
export function commentScript(text: string): TCommentScript | null {
  let arabic = 0;
  let latin = 0;
  for (const [letter] of text.matchAll(LETTER)) {
    if (ARABIC.test(letter)) arabic += 1;
    else if (LATIN.test(letter)) latin += 1;
  }
  if (arabic === 0 && latin === 0) return null;
  return arabic >= latin ? 'ARABIC' : 'LATIN';
}

/** The distinct scripts of a set of comments, ARABIC first. */
export function commentScripts(texts: readonly string[]): TCommentScript[] {
  const found = new Set(texts.map(commentScript));
  return (['ARABIC', 'LATIN'] as const).filter((script) => found.has(script));
}
