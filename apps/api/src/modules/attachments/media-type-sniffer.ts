import type { TUploadMediaType } from '@tahkim/contracts';

/**
 * What a file is, judged from its bytes only: the name and the declared type are the sender's claims
 * and decide nothing. Beyond the types an applicant may upload, a few common others are named so that
 * a refusal can say what was sent.
 */
export type DetectedMediaType = TUploadMediaType | 'application/zip' | 'text/html' | 'image/gif' | 'application/octet-stream';

/** Bytes needed to recognise every signature below (WEBP's is the longest: 12). */
export const SNIFF_HEAD_BYTES = 16;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
export const OOXML_MEDIA_TYPES: readonly TUploadMediaType[] = [DOCX, XLSX, PPTX];

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function startsWith(bytes: Buffer, signature: Buffer | string, offset = 0): boolean {
  const sig = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : signature;
  return bytes.length >= offset + sig.length && bytes.subarray(offset, offset + sig.length).equals(sig);
}

/**
 * The type as far as the first bytes tell: final for everything but ZIP archives, whose kind (Word,
 * Excel, PowerPoint or another archive) is read from their list of entries by `sniffZip`.
 */
export function sniffHead(head: Buffer): DetectedMediaType {
  if (startsWith(head, '%PDF-')) return 'application/pdf';
  if (startsWith(head, PNG)) return 'image/png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (startsWith(head, 'RIFF') && startsWith(head, 'WEBP', 8)) return 'image/webp';
  if (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a')) return 'image/gif';
  // Local file header, or the end record of an empty archive.
  if (startsWith(head, 'PK\x03\x04') || startsWith(head, 'PK\x05\x06')) return 'application/zip';
  if (looksLikeHtml(head)) return 'text/html';
  return 'application/octet-stream';
}

function looksLikeHtml(head: Buffer): boolean {
  const text = head.subarray(0, 512).toString('latin1').replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, '').trimStart().toLowerCase();
  return /^<(!doctype html|html|head|body|script|iframe|svg|\?xml)/.test(text);
}

/**
 * Word, Excel or PowerPoint (Office Open XML) when the archive holds `[Content_Types].xml` and the part
 * folder of that application; any other archive is plain ZIP. Entry names come from the central
 * directory at the end of the file (`tail` holds its last bytes, `size` is the file's length) or, when
 * that cannot be read, from the local headers at the start (`head`).
 */
export function sniffZip(head: Buffer, tail: Buffer, size: number): DetectedMediaType {
  const names = centralDirectoryNames(tail, size) ?? localHeaderNames(head);
  if (!names.includes('[Content_Types].xml')) return 'application/zip';
  if (names.some((name) => name.startsWith('word/'))) return DOCX;
  if (names.some((name) => name.startsWith('xl/'))) return XLSX;
  if (names.some((name) => name.startsWith('ppt/'))) return PPTX;
  return 'application/zip';
}

const EOCD = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;
const LOCAL_ENTRY = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

/** Names listed in the central directory, or undefined when it is not wholly inside `tail`. */
export function centralDirectoryNames(tail: Buffer, size: number): string[] | undefined {
  const tailStart = size - tail.length;
  const lowest = Math.max(0, tail.length - EOCD_MIN - MAX_COMMENT);
  for (let at = tail.length - EOCD_MIN; at >= lowest; at -= 1) {
    if (tail.readUInt32LE(at) !== EOCD) continue;
    const entries = tail.readUInt16LE(at + 10);
    const directorySize = tail.readUInt32LE(at + 12);
    const directoryOffset = tail.readUInt32LE(at + 16);
    // ZIP64 archives (0xFFFFFFFF here) are far larger than any upload allowed.
    if (directoryOffset === 0xffffffff || directoryOffset + directorySize > size) return undefined;
    let cursor = directoryOffset - tailStart;
    if (cursor < 0) return undefined;
    const names: string[] = [];
    for (let i = 0; i < entries; i += 1) {
      if (cursor + 46 > tail.length || tail.readUInt32LE(cursor) !== CENTRAL_ENTRY) return undefined;
      const nameLength = tail.readUInt16LE(cursor + 28);
      const extraLength = tail.readUInt16LE(cursor + 30);
      const commentLength = tail.readUInt16LE(cursor + 32);
      if (cursor + 46 + nameLength > tail.length) return undefined;
      names.push(tail.subarray(cursor + 46, cursor + 46 + nameLength).toString('utf8'));
      cursor += 46 + nameLength + extraLength + commentLength;
    }
    return names;
  }
  return undefined;
}

/** Names of the entries whose local headers lie in `head`, walking from one to the next while sizes are known. */
export function localHeaderNames(head: Buffer): string[] {
  const names: string[] = [];
  let cursor = 0;
  while (cursor + 30 <= head.length && head.readUInt32LE(cursor) === LOCAL_ENTRY) {
    const flags = head.readUInt16LE(cursor + 6);
    const compressedSize = head.readUInt32LE(cursor + 18);
    const nameLength = head.readUInt16LE(cursor + 26);
    const extraLength = head.readUInt16LE(cursor + 28);
    if (cursor + 30 + nameLength > head.length) break;
    names.push(head.subarray(cursor + 30, cursor + 30 + nameLength).toString('utf8'));
    // With a data descriptor (flag bit 3) the size follows the data: the next header cannot be found.
    if (flags & 0x08) break;
    cursor += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}
