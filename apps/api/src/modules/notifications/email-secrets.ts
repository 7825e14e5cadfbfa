import { REDACTED_SECRET, type TEmailSegment } from '@tahkim/contracts';
import { secretUrlSpans } from '../../common/security/redact';
import { escapeHtml } from './templates/quoted-values';

/**
 * Stands where a secret was once the email was handed to the SMTP server: the stored copy no longer
 * holds a usable link. Private-use characters, which no template or person writes.
 */
export const SCRUBBED_SECRET = '\uE000secret\uE001';

interface Span {
  start: number;
  end: number;
}

/** Every occurrence of the marked secrets, of scrubbed ones, and of URLs the safety net recognises. */
function secretSpans(text: string, secrets: readonly string[]): Span[] {
  const spans: Span[] = [...secretUrlSpans(text)];
  for (const secret of [...secrets, SCRUBBED_SECRET]) {
    if (!secret) continue;
    for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + secret.length)) {
      spans.push({ start: at, end: at + secret.length });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * An email's text in pieces, secrets apart. A secret keeps its value only when `reveal` (and when the
 * stored copy still has it): everyone else reads that a link was there, never the link.
 */
export function emailSegments(text: string, secrets: readonly string[], reveal: boolean): TEmailSegment[] {
  const segments: TEmailSegment[] = [];
  let last = 0;
  for (const { start, end } of secretSpans(text, secrets)) {
    if (start > last) segments.push({ kind: 'text', value: text.slice(last, start) });
    const value = text.slice(start, end);
    segments.push({ kind: 'secret', value: reveal && !value.includes(SCRUBBED_SECRET) ? value : null });
    last = end;
  }
  if (last < text.length) segments.push({ kind: 'text', value: text.slice(last) });
  return segments;
}

/** The pieces back into one text, each hidden secret written as [redacted]. */
export function segmentsText(segments: readonly TEmailSegment[]): string {
  return segments.map((segment) => (segment.kind === 'secret' ? (segment.value ?? REDACTED_SECRET) : segment.value)).join('');
}

/** The text as logs and anyone without the right to the links may read it. */
export function redactedEmailText(text: string, secrets: readonly string[]): string {
  return segmentsText(emailSegments(text, secrets, false));
}

/**
 * The stored copy of an email once delivered: every marked secret (and its HTML-escaped form) and every
 * URL the safety net recognises replaced by the marker.
 */
export function scrubEmail(email: { text: string; html: string; secrets: readonly string[] }): { text: string; html: string } {
  const scrub = (content: string, forms: readonly string[]) => {
    const marked = forms.filter(Boolean).reduce((current, form) => current.split(form).join(SCRUBBED_SECRET), content);
    return emailSegments(marked, [], false)
      .map((segment) => (segment.kind === 'secret' ? SCRUBBED_SECRET : segment.value))
      .join('');
  };
  return {
    text: scrub(email.text, email.secrets),
    html: scrub(email.html, email.secrets.flatMap((secret) => [secret, escapeHtml(secret)])),
  };
}
