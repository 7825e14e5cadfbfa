import { Anchor } from '@mantine/core';
import { Fragment } from 'react';

/** Direction marks and isolates end a link: emails isolate the values they quote, a link among them too. */
const URL_PATTERN = /https?:\/\/[^\s<>"'\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu;
const TRAILING_PUNCTUATION = /[.,;:!?)\]»]+$/u;

export type TextPart = { kind: 'text'; value: string } | { kind: 'link'; value: string };

/** Splits plain text into text and http(s) links; punctuation ending a sentence stays out of the link. */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    const url = match[0].replace(TRAILING_PUNCTUATION, '');
    if (start > last) parts.push({ kind: 'text', value: text.slice(last, start) });
    parts.push({ kind: 'link', value: url });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ kind: 'text', value: text.slice(last) });
  return parts;
}

/** An email's plain text with its links clickable (only http and https: nothing else is turned into a link). */
export function LinkifiedText({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((part, index) =>
        part.kind === 'link' ? (
          <Anchor key={index} href={part.value} dir="ltr" className="break-anywhere">
            {part.value}
          </Anchor>
        ) : (
          <Fragment key={index}>{part.value}</Fragment>
        ),
      )}
    </>
  );
}
