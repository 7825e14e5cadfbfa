/**
 * A safety net for one-time secrets written inside URLs: an invitation's path segment and token-like
 * query parameters. Emails mark their secrets where they are written (see the email templates); this
 * catches what nobody marked: request lines in logs, a Referer header, an email stored before secrets
 * were marked.
 */
export const REDACTED = '[redacted]';

/** `/invitations/<token>` (web page and API alike) and `?token=...`-like parameters. */
const SECRET_IN_URL = [
  /(\/invitations\/)([^/?#\s"'<>\u200e\u200f\u202a-\u202e\u2066-\u2069]+)/g,
  /([?&](?:token|access_token|refresh_token|code|key|secret|password|signature)=)([^&#\s"'<>\u200e\u200f\u202a-\u202e\u2066-\u2069]+)/gi,
];

/**
 * Every http(s) URL of a text, without the punctuation that ends a sentence. Direction marks and isolates
 * end a URL: emails isolate quoted values (…https://x.example/a⁩), and the isolate is no part of the address.
 */
const URL_IN_TEXT = /https?:\/\/[^\s<>"'\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu;
const TRAILING_PUNCTUATION = /[.,;:!?)\]»]+$/u;

/** The text with the secret part of every URL replaced by [redacted]. */
export function redactSecretUrls(text: string): string {
  return SECRET_IN_URL.reduce((current, pattern) => current.replace(pattern, (_match, prefix: string) => `${prefix}${REDACTED}`), text);
}

/** True when a URL carries a secret by the patterns above. */
export function urlCarriesSecret(url: string): boolean {
  return redactSecretUrls(url) !== url;
}

/** Where the URLs that carry a secret sit in a text (whole URLs, so a reader sees neither the token nor a link). */
export function secretUrlSpans(text: string): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, '');
    if (urlCarriesSecret(url)) spans.push({ start: match.index, end: match.index + url.length });
  }
  return spans;
}
