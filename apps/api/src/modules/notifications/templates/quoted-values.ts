/**
 * Values quoted inside a translated email (a person's or an organisation's name, a project or call title,
 * a reference, a date, a juror's comment, staff's message) keep their own direction: a French title in an
 * Arabic email and an Arabic name in a French one read in order, with their punctuation where it belongs.
 *
 * While an email is composed, each value sits between private-use marks (which no person or template
 * writes: they are removed from the values). The plain-text part turns them into Unicode isolates
 * (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, or LEFT-TO-RIGHT ISOLATE for scales and the like); the
 * HTML part, once escaped, into `<bdi>` for inline values and `<span dir="auto">` isolated for block text.
 */

const OPEN = { inline: '\uE010', block: '\uE011', ltr: '\uE012' } as const;
const CLOSE = '\uE013';
const MARKS = /[\uE010-\uE013]/gu;

export type QuoteKind = keyof typeof OPEN;

/** A piece of email text already marked (or translated text that must not be isolated). */
export interface Marked {
  readonly marked: string;
}

const FSI = '\u2068';
const LRI = '\u2066';
const PDI = '\u2069';

const TEXT_OPEN: Record<string, string> = { [OPEN.inline]: FSI, [OPEN.block]: FSI, [OPEN.ltr]: LRI };
const HTML_OPEN: Record<string, { open: string; close: string }> = {
  [OPEN.inline]: { open: '<bdi>', close: '</bdi>' },
  [OPEN.block]: { open: '<span dir="auto" style="unicode-bidi:isolate">', close: '</span>' },
  [OPEN.ltr]: { open: '<bdi dir="ltr">', close: '</bdi>' },
};

/**
 * A value marked as quoted. Each line apart: in plain text an isolate ends with its line, and emails are
 * cut into paragraphs on blank lines, which stay blank.
 */
export function quote(value: string | number, kind: QuoteKind = 'inline'): string {
  return String(value)
    .replace(MARKS, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (line.trim() === '' ? line : `${OPEN[kind]}${line}${CLOSE}`))
    .join('\n');
}

/** Block text (a comment, a reason, a message): isolated, its direction from its first strong letter. */
export const asBlock = (value: string): Marked => ({ marked: quote(value, 'block') });

/** A value that always reads left to right (a scale "0–5"), whatever the letters around it. */
export const asLeftToRight = (value: string | number): Marked => ({ marked: quote(value, 'ltr') });

/** Text of the email's own language (a role's name), not isolated. */
export const translated = (value: string): Marked => ({ marked: value.replace(MARKS, '') });

/** A sentence of a translated email in which every interpolated value is quoted: quoted`Bonjour ${p.name},`. */
export function quoted(strings: TemplateStringsArray, ...values: Array<string | number | Marked>): string {
  return strings.reduce((out, literal, index) => {
    if (index === 0) return literal;
    const value = values[index - 1]!;
    return out + (typeof value === 'object' ? value.marked : quote(value)) + literal;
  }, '');
}

/** Marked text as the plain-text part writes it: values between Unicode isolates. */
export function markedToText(marked: string): string {
  return marked.replace(MARKS, (mark) => TEXT_OPEN[mark] ?? PDI);
}

/** Marked text without its marks (a subject, a search). */
export function stripMarks(marked: string): string {
  return marked.replace(MARKS, '');
}

/**
 * Marked text as the HTML part writes it: everything escaped, then each value in its element. An element
 * left open is closed at the end, a stray close dropped, so the markup is balanced whatever the text.
 */
export function markedToHtml(marked: string): string {
  const open: string[] = [];
  const body = escapeHtml(marked).replace(MARKS, (mark) => {
    const element = HTML_OPEN[mark];
    if (element) {
      open.push(element.close);
      return element.open;
    }
    return open.pop() ?? '';
  });
  return body + open.reverse().join('');
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
