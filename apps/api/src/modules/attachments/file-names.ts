import type { TUploadMediaType } from '@tahkim/contracts';

/** Longest file name kept for display, in characters (code points). */
export const MAX_FILE_NAME_LENGTH = 200;
const MAX_EXTENSION_LENGTH = 10;

// C0/C1 controls, and the invisible marks that reorder text (a name "cv\u202Efdp.exe" reads "cvexe.pdf").
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/**
 * The sender's file name, made safe to show and to offer back on download: no directory part, no
 * control or direction-changing characters, trimmed, at most MAX_FILE_NAME_LENGTH characters with the
 * extension kept. Arabic and accented names stay as they are. Never used to name the stored file.
 */
export function displayFileName(raw: string | undefined, fallback = 'document'): string {
  const base = (raw ?? '').normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  if (cleaned === '') return fallback;
  const chars = Array.from(cleaned);
  if (chars.length <= MAX_FILE_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(cleaned.slice(dot)) : [];
  if (extension.length === 0 || extension.length > MAX_EXTENSION_LENGTH) return chars.slice(0, MAX_FILE_NAME_LENGTH).join('');
  return Array.from(cleaned.slice(0, dot)).slice(0, MAX_FILE_NAME_LENGTH - extension.length).join('').trimEnd() + extension.join('');
}

/** The extension a stored file gets for each type recognised from its bytes (the first is the usual one). */
const EXTENSIONS: Record<TUploadMediaType, readonly string[]> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg', '.jpe'],
  'image/webp': ['.webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['.docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['.xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['.pptx'],
};

/** Endings that name a file type, replaced rather than kept when the bytes say otherwise. */
const KNOWN_EXTENSIONS = new Set(
  ('.html .htm .xhtml .shtml .svg .svgz .xml .js .mjs .json .php .asp .aspx .jsp .exe .bat .cmd .com .scr .msi .sh .ps1 .vbs .jar .apk ' +
    '.zip .rar .7z .gz .tar .doc .docx .docm .dot .dotx .xls .xlsx .xlsm .ppt .pptx .pptm .odt .ods .odp .rtf .txt .csv .md ' +
    '.pdf .png .jpg .jpeg .jpe .jfif .gif .webp .bmp .tif .tiff .heic .heif .avif .ico .mp3 .mp4 .mov .avi .wav .eml .msg').split(' '),
);

/**
 * A displayed name whose extension says what the file is, whatever the sender called it: "cv" and
 * "invoice.html" holding a PDF become "cv.pdf" and "invoice.pdf"; "scan.JPEG" stays as it is. An ending
 * that is not a file extension ("rapport v2.final") is kept and the right one added.
 */
export function fileNameForType(displayName: string, mediaType: TUploadMediaType): string {
  const wanted = EXTENSIONS[mediaType];
  const dot = displayName.lastIndexOf('.');
  const current = dot > 0 ? displayName.slice(dot).toLowerCase() : '';
  if (wanted.includes(current)) return displayName;
  const stem = KNOWN_EXTENSIONS.has(current) ? displayName.slice(0, dot) : displayName;
  const name = `${stem}${wanted[0]}`;
  const chars = Array.from(name);
  return chars.length <= MAX_FILE_NAME_LENGTH ? name : `${chars.slice(0, MAX_FILE_NAME_LENGTH - wanted[0]!.length).join('').trimEnd()}${wanted[0]}`;
}

/**
 * `Content-Disposition` that always downloads (never displays) the file: the real name in UTF-8 as
 * RFC 5987/6266 `filename*`, and an ASCII `filename` for old clients.
 */
export function attachmentContentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

function asciiFileName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
  const ascii = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]+/g, '_')
      .replace(/["\\;%]/g, '_');
  const asciiStem = ascii(stem);
  const asciiExtension = ascii(extension);
  // An Arabic name has no ASCII letters left: "document.pdf" reads better than "____.pdf".
  return (/[A-Za-z0-9]/.test(asciiStem) ? asciiStem : 'document') + (/^\.[A-Za-z0-9]+$/.test(asciiExtension) ? asciiExtension : '');
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
