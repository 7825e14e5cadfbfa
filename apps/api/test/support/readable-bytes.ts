import { inflateSync, inflateRawSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';

function utf16be(bytes: Buffer): string {
  const even = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return even.swap16().toString('utf16le');
}

function inflated(bytes: Buffer): string[] {
  for (const inflate of [inflateSync, inflateRawSync]) {
    try {
      return [inflate(bytes).toString('latin1')];
    } catch {
      // Not this kind of stream.
    }
  }
  return [];
}

/**
 * Everything a determined reader could read in a file: its bytes as Latin-1, UTF-8 and UTF-16 (both byte
 * orders, both alignments), its PDF hex strings decoded, its compressed PDF streams inflated, and the
 * entries of a ZIP (Office) archive unpacked.
 */
export function readableText(input: Buffer | Uint8Array): string {
  const bytes = Buffer.from(input);
  const views = [bytes.toString('latin1'), bytes.toString('utf8'), bytes.toString('utf16le'), bytes.subarray(1).toString('utf16le'), utf16be(bytes), utf16be(bytes.subarray(1))];
  const latin = views[0]!;
  for (const match of latin.matchAll(/<([0-9A-Fa-f\s]{4,})>/g)) {
    const hex = Buffer.from(match[1]!.replace(/\s+/g, ''), 'hex');
    views.push(hex.toString('latin1'), utf16be(hex), hex.toString('utf8'));
  }
  for (const match of latin.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = latin.indexOf('endstream', start);
    if (end > start) views.push(...inflated(bytes.subarray(start, end)).flatMap((text) => [text, ...[...text.matchAll(/<([0-9A-Fa-f\s]{4,})>/g)].map((m) => utf16be(Buffer.from(m[1]!.replace(/\s+/g, ''), 'hex')))]));
  }
  if (latin.startsWith('PK')) {
    try {
      for (const part of Object.values(unzipSync(new Uint8Array(bytes)))) views.push(strFromU8(part));
    } catch {
      // Not a readable archive: its raw bytes above are all there is.
    }
  }
  return views.join('\n');
}
