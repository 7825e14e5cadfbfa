import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';

/**
 * The copy of a file a juror of a blind round receives: the same document without the data its software
 * wrote about who made it. PDF: no Info dictionary (Author, Creator, Producer, Title, Subject, Keywords),
 * no XMP metadata streams, no annotation author, nothing left of earlier revisions. Word, Excel and
 * PowerPoint files: empty core, app (Company, Manager) and custom properties, no author of comments,
 * tracked changes or threaded comments, no local path of a template. Images: no EXIF, XMP, IPTC or
 * comments (JPEG APP1/APP13/COM, PNG tEXt/zTXt/iTXt/eXIf/tIME, WebP EXIF/XMP), keeping a photo's rotation.
 * The document's own content (its pages, text, pictures) is left as is: staff are warned when that text
 * names the applicant (see file-identity.service.ts).
 */
export class MetadataNotRemovableError extends Error {}

const PDF = 'application/pdf';
const OFFICE = new Set([
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
]);

export async function withoutDocumentMetadata(bytes: Buffer, mediaType: string): Promise<Buffer> {
  if (mediaType === PDF) return pdfWithoutMetadata(bytes);
  if (OFFICE.has(mediaType)) return officeWithoutMetadata(bytes);
  if (mediaType === 'image/jpeg') return jpegWithoutMetadata(bytes);
  if (mediaType === 'image/png') return pngWithoutMetadata(bytes);
  if (mediaType === 'image/webp') return webpWithoutMetadata(bytes);
  return bytes;
}

// ---------------------------------------------------------------------------------------------- PDF

const NAME = (value: string) => PDFName.of(value);
const MARKUP_AUTHOR = NAME('T');

/** Metadata keys of any dictionary: XMP streams and applications' private data. */
function scrubDictionary(dict: PDFDict): void {
  dict.delete(NAME('Metadata'));
  dict.delete(NAME('PieceInfo'));
  // Comments, highlights, sticky notes: /T is their author. Form widgets' /T is a field name: kept.
  const subtype = dict.get(NAME('Subtype'));
  if (subtype instanceof PDFName && subtype !== NAME('Widget') && dict.has(NAME('Rect'))) dict.delete(MARKUP_AUTHOR);
}

/**
 * Rewrites the PDF without its Info dictionary and metadata, keeping only the objects the document
 * still reaches (an incremental save keeps earlier Info dictionaries in the file otherwise). A file the
 * parser cannot read has its metadata blanked in place instead.
 */
export async function pdfWithoutMetadata(bytes: Buffer): Promise<Buffer> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return pdfBlankedInPlace(bytes);
  }
  const context = doc.context;
  context.trailerInfo.Info = undefined;
  const reachable = new Set<PDFRef>();
  const pending: PDFObject[] = [context.trailerInfo.Root, context.trailerInfo.Encrypt].filter((o): o is PDFObject => o !== undefined);
  while (pending.length > 0) {
    const object = pending.pop()!;
    if (object instanceof PDFRef) {
      if (reachable.has(object)) continue;
      reachable.add(object);
      const target = context.lookup(object);
      if (target) pending.push(target);
    } else if (object instanceof PDFDict || object instanceof PDFStream) {
      const dict = object instanceof PDFStream ? object.dict : object;
      scrubDictionary(dict);
      for (const [, value] of dict.entries()) pending.push(value);
    } else if (object instanceof PDFArray) {
      pending.push(...object.asArray());
    }
  }
  for (const [ref] of context.enumerateIndirectObjects()) if (!reachable.has(ref)) context.delete(ref);
  try {
    return Buffer.from(await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false }));
  } catch {
    return pdfBlankedInPlace(bytes);
  }
}

const INFO_VALUE = /\/(?:Author|Creator|Producer|Title|Subject|Keywords)\s*(?=[(<])/g;

/**
 * Last resort for a PDF the parser cannot rewrite: the values of Info keys, XMP packets and metadata
 * streams are overwritten with blanks of the same length, so every offset of the file stays valid.
 */
export function pdfBlankedInPlace(bytes: Buffer): Buffer {
  const out = Buffer.from(bytes);
  const text = out.toString('latin1');
  for (const match of text.matchAll(INFO_VALUE)) {
    const open = match.index + match[0].length;
    if (text[open] === '(') {
      let depth = 0;
      let i = open;
      for (; i < text.length; i += 1) {
        const c = text[i];
        if (c === '\\') i += 1;
        else if (c === '(') depth += 1;
        else if (c === ')' && (depth -= 1) === 0) break;
      }
      out.fill(0x20, open + 1, i);
    } else if (text[open] === '<' && text[open + 1] !== '<') {
      const close = text.indexOf('>', open);
      if (close > open) out.fill(0x30, open + 1, close);
    }
  }
  for (const match of text.matchAll(/<\?xpacket begin[\s\S]*?<\?xpacket end[^>]*>/g)) out.fill(0x20, match.index, match.index + match[0].length);
  for (const match of text.matchAll(/\/Type\s*\/Metadata[\s\S]{0,400}?stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endstream', start);
    if (end > start) out.fill(0x20, start, end);
  }
  return out;
}

// ------------------------------------------------------------------------------ Word, Excel, PowerPoint

/** Beyond this, unpacking an Office file to clean it is refused (uploads are checked far below it). */
const OFFICE_UNPACKED_LIMIT = 200 * 1024 * 1024;

const EMPTY_CORE =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>';
const EMPTY_CUSTOM =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>';

const APP_PROPERTIES = /<(Company|Manager|HyperlinkBase|Template)>[\s\S]*?<\/\1>/g;
// Authors of comments and tracked changes in every part; names and accounts in the parts listing people.
const AUTHOR_ATTRIBUTES = /\b((?:\w+:)?(?:author|initials))="[^"]*"/g;
const AUTHOR_ELEMENTS = /<((?:\w+:)?(?:author|creator|lastModifiedBy))>[\s\S]*?<\/\1>/g;
const PEOPLE_PARTS = /(^|\/)(people|commentAuthors|authors|persons\/person\d*)\.xml$/i;
const PERSON_ATTRIBUTES = /\b((?:\w+:)?(?:name|displayName|userId|providerId))="[^"]*"/g;
const LOCAL_TARGETS = /\bTarget="file:[^"]*"/gi;

function cleanPart(name: string, content: Uint8Array): Uint8Array {
  if (name === 'docProps/core.xml') return strToU8(EMPTY_CORE);
  if (name === 'docProps/custom.xml') return strToU8(EMPTY_CUSTOM);
  if (!/\.(xml|rels)$/i.test(name) || name.startsWith('[')) return content;
  const xml = strFromU8(content);
  let cleaned = xml.replace(AUTHOR_ATTRIBUTES, '$1=""').replace(AUTHOR_ELEMENTS, '<$1></$1>').replace(LOCAL_TARGETS, 'Target="file:///"');
  if (name === 'docProps/app.xml') cleaned = cleaned.replace(APP_PROPERTIES, '');
  if (PEOPLE_PARTS.test(name)) cleaned = cleaned.replace(PERSON_ATTRIBUTES, '$1=""');
  return cleaned === xml ? content : strToU8(cleaned);
}

export function officeWithoutMetadata(bytes: Buffer): Buffer {
  let unpacked = 0;
  let files: Unzipped;
  try {
    files = unzipSync(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      filter: (file) => {
        unpacked += file.originalSize;
        if (unpacked > OFFICE_UNPACKED_LIMIT) throw new MetadataNotRemovableError('The document unpacks too large');
        return true;
      },
    });
  } catch (error) {
    throw new MetadataNotRemovableError('The document could not be unpacked', { cause: error });
  }
  const cleaned: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(files)) cleaned[name] = cleanPart(name, content);
  // Fixed dates: the archive tells nothing of when or where it was repacked.
  return Buffer.from(zipSync(cleaned, { level: 6, mtime: new Date(1980, 0, 1) }));
}

// ------------------------------------------------------------------------------------------- images

function refuse(what: string): never {
  throw new MetadataNotRemovableError(`Malformed ${what}`);
}

/** JPEG segments kept: JFIF (APP0), colour profile (APP2), Adobe colour transform (APP14), and the image itself. */
const JPEG_KEPT_APP = new Set([0xe0, 0xe2, 0xee]);

export function jpegWithoutMetadata(bytes: Buffer): Buffer {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) refuse('JPEG');
  const parts: Buffer[] = [bytes.subarray(0, 2)];
  let orientation: number | null = null;
  let pos = 2;
  while (pos < bytes.length) {
    if (bytes[pos] !== 0xff) refuse('JPEG');
    let markerAt = pos + 1;
    while (bytes[markerAt] === 0xff) markerAt += 1;
    const marker = bytes[markerAt]!;
    if (marker === 0xda || marker === 0xd9) {
      // Start of scan: the rest is image data (and later scans), copied as it is.
      parts.push(bytes.subarray(pos));
      break;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      parts.push(bytes.subarray(pos, markerAt + 1));
      pos = markerAt + 1;
      continue;
    }
    if (markerAt + 3 > bytes.length) refuse('JPEG');
    const end = markerAt + 1 + bytes.readUInt16BE(markerAt + 1);
    if (end > bytes.length) refuse('JPEG');
    const isApp = marker >= 0xe0 && marker <= 0xef;
    if (marker === 0xe1) orientation ??= exifOrientation(bytes.subarray(markerAt + 3, end));
    if ((isApp && !JPEG_KEPT_APP.has(marker)) || marker === 0xfe) {
      pos = end;
      continue;
    }
    parts.push(bytes.subarray(pos, end));
    pos = end;
  }
  // A phone photo's rotation lives in EXIF: it is kept, alone, so the picture is not shown sideways.
  if (orientation !== null && orientation !== 1) parts.splice(1, 0, orientationSegment(orientation));
  return Buffer.concat(parts);
}

function exifOrientation(segment: Buffer): number | null {
  if (segment.length < 14 || segment.toString('latin1', 0, 6) !== 'Exif\0\0') return null;
  const tiff = segment.subarray(6);
  const little = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number) => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  try {
    const ifd = u32(4);
    const count = u16(ifd);
    for (let i = 0; i < count; i += 1) {
      const entry = ifd + 2 + i * 12;
      if (u16(entry) === 0x0112) {
        const value = u16(entry + 8);
        return value >= 1 && value <= 8 ? value : null;
      }
    }
  } catch {
    // An entry outside the segment: no usable orientation.
    return null;
  }
  return null;
}

/** An APP1 segment holding only the EXIF orientation tag. */
function orientationSegment(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(0x0112, 10);
  tiff.writeUInt16BE(3, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  tiff.writeUInt32BE(0, 22);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(2 + 6 + tiff.length, 2);
  return Buffer.concat([header, Buffer.from('Exif\0\0', 'latin1'), tiff]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_DROPPED = new Set(['tEXt', 'zTXt', 'iTXt', 'eXIf', 'tIME']);

export function pngWithoutMetadata(bytes: Buffer): Buffer {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) refuse('PNG');
  const parts: Buffer[] = [bytes.subarray(0, 8)];
  let pos = 8;
  while (pos + 12 <= bytes.length) {
    const length = bytes.readUInt32BE(pos);
    const type = bytes.toString('latin1', pos + 4, pos + 8);
    const end = pos + 12 + length;
    if (end > bytes.length) refuse('PNG');
    if (!PNG_DROPPED.has(type)) parts.push(bytes.subarray(pos, end));
    pos = end;
    if (type === 'IEND') break;
  }
  return Buffer.concat(parts);
}

export function webpWithoutMetadata(bytes: Buffer): Buffer {
  if (bytes.length < 12 || bytes.toString('latin1', 0, 4) !== 'RIFF' || bytes.toString('latin1', 8, 12) !== 'WEBP') refuse('WebP');
  const chunks: Buffer[] = [];
  let pos = 12;
  while (pos + 8 <= bytes.length) {
    const type = bytes.toString('latin1', pos, pos + 4);
    const size = bytes.readUInt32LE(pos + 4);
    const end = Math.min(bytes.length, pos + 8 + size + (size % 2));
    if (pos + 8 + size > bytes.length) refuse('WebP');
    if (type === 'VP8X') {
      const chunk = Buffer.from(bytes.subarray(pos, end));
      // Flags: 0x08 EXIF present, 0x04 XMP present.
      chunk[8] = chunk[8]! & ~0x0c;
      chunks.push(chunk);
    } else if (type !== 'EXIF' && type !== 'XMP ') chunks.push(bytes.subarray(pos, end));
    pos = end;
  }
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}
