import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { strFromU8, unzipSync } from 'fflate';

/**
 * The text of an uploaded document, to warn staff when it names the applicant (jurors of a blind round
 * receive the document as it is, only its metadata removed). PDF text is read by pdf.js; Word, Excel and
 * PowerPoint text from their XML. A scan or a photo has no text to read: NO_TEXT says so, it is not "clean".
 */
export type DocumentText = { status: 'READ'; text: string } | { status: 'NO_TEXT' } | { status: 'UNREADABLE' };

const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** Enough to find a name; a 500-page annex is read up to here. */
const MAX_PDF_PAGES = 200;
const PDF_TIMEOUT_MS = 20_000;
const MAX_TEXT_PARTS_BYTES = 50 * 1024 * 1024;

export async function documentText(bytes: Buffer, mediaType: string): Promise<DocumentText> {
  if (mediaType === PDF) return pdfText(bytes);
  if (mediaType === DOCX) return officeText(bytes, /^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/, /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<\/w:p>/g);
  if (mediaType === XLSX) return officeText(bytes, /^xl\/(sharedStrings|worksheets\/sheet\d+|comments\d*)\.xml$/, /<t(?:\s[^>]*)?>([^<]*)<\/t>|<\/si>|<\/row>/g);
  if (mediaType === PPTX) return officeText(bytes, /^ppt\/(slides\/slide\d+|notesSlides\/notesSlide\d+|comments\/comment\d+)\.xml$/, /<a:t>([^<]*)<\/a:t>|<\/a:p>/g);
  return { status: 'NO_TEXT' };
}

function textOrNone(text: string): DocumentText {
  return /[\p{L}\p{N}]/u.test(text) ? { status: 'READ', text } : { status: 'NO_TEXT' };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[entity] ?? whole;
  });
}

function officeText(bytes: Buffer, parts: RegExp, runs: RegExp): DocumentText {
  let size = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      filter: (file) => {
        if (!parts.test(file.name)) return false;
        size += file.originalSize;
        if (size > MAX_TEXT_PARTS_BYTES) throw new Error('The document unpacks too large');
        return true;
      },
    });
  } catch {
    return { status: 'UNREADABLE' };
  }
  const text = Object.keys(files)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((name) => [...strFromU8(files[name]!).matchAll(runs)].map((m) => (m[1] === undefined ? '\n' : decodeXml(m[1]))).join(''))
    .join('\n');
  return textOrNone(text);
}

// pdf.js ships as ES modules only; it runs in a worker thread, which also keeps a heavy or hostile PDF off
// the request loop (time and memory bounded, the thread ended after each file).
const PDF_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const pdfjs = await import(workerData.moduleUrl);
  const doc = await pdfjs.getDocument({
    data: workerData.bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0,
    cMapUrl: workerData.cMapPath, cMapPacked: true, standardFontDataUrl: workerData.fontPath,
  }).promise;
  const parts = [];
  for (let n = 1; n <= Math.min(doc.numPages, workerData.maxPages); n += 1) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\\n' : ' ') : '')).join(''));
    page.cleanup();
  }
  await doc.destroy();
  parentPort.postMessage({ text: parts.join('\\n') });
})().catch((error) => parentPort.postMessage({ error: String((error && error.message) || error) }));
`;

function pdfjsRoot(): string {
  return path.dirname(require.resolve('pdfjs-dist/package.json'));
}

async function pdfText(bytes: Buffer): Promise<DocumentText> {
  const root = pdfjsRoot();
  const worker = new Worker(PDF_WORKER, {
    eval: true,
    workerData: {
      bytes: new Uint8Array(bytes),
      moduleUrl: pathToFileURL(path.join(root, 'legacy/build/pdf.mjs')).href,
      cMapPath: `${path.join(root, 'cmaps')}${path.sep}`,
      fontPath: `${path.join(root, 'standard_fonts')}${path.sep}`,
      maxPages: MAX_PDF_PAGES,
    },
    resourceLimits: { maxOldGenerationSizeMb: 512 },
    stdout: true,
    stderr: true,
  });
  try {
    const answer = await new Promise<{ text?: string; error?: string }>((resolve) => {
      const timer = setTimeout(() => resolve({ error: 'timeout' }), PDF_TIMEOUT_MS);
      worker.once('message', (message: { text?: string; error?: string }) => {
        clearTimeout(timer);
        resolve(message);
      });
      worker.once('error', (error) => {
        clearTimeout(timer);
        resolve({ error: error.message });
      });
      worker.once('exit', () => {
        clearTimeout(timer);
        resolve({ error: 'exited' });
      });
    });
    return answer.text !== undefined ? textOrNone(answer.text) : { status: 'UNREADABLE' };
  } finally {
    await worker.terminate();
  }
}
