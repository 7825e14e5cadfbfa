import { docxBytes, HTML_BYTES, pdfBytes, PNG_BYTES, zipBytes } from '../../../test/support/attachment-fixtures';
import { centralDirectoryNames, localHeaderNames, sniffHead, sniffZip } from './media-type-sniffer';
import { Readable } from 'node:stream';
import { UnsupportedFileTypeError, UploadInspector } from './upload-inspector';
import { createHash } from 'node:crypto';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function inspect(bytes: Buffer, accepted: ConstructorParameters<typeof UploadInspector>[0], chunkSize = 7) {
  const inspector = new UploadInspector(accepted);
  const chunks = Array.from({ length: Math.ceil(bytes.length / chunkSize) }, (_, i) => bytes.subarray(i * chunkSize, (i + 1) * chunkSize));
  for await (const chunk of Readable.from(chunks).pipe(inspector)) void chunk;
  return inspector;
}

describe('sniffHead', () => {
  it.each([
    [pdfBytes(100), 'application/pdf'],
    [PNG_BYTES, 'image/png'],
    [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1]), 'image/jpeg'],
    [Buffer.from('RIFF\x24\x00\x00\x00WEBPVP8 ', 'latin1'), 'image/webp'],
    [Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'), 'application/octet-stream'],
    [Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'), 'image/gif'],
    [HTML_BYTES, 'text/html'],
    [Buffer.from('\ufeff  <html lang="ar">'), 'text/html'],
    [Buffer.from('   %PDF-1.7 late signature'), 'application/octet-stream'],
    [Buffer.from('MZ\x90\x00 windows program', 'latin1'), 'application/octet-stream'],
    [Buffer.alloc(0), 'application/octet-stream'],
    [docxBytes(), 'application/zip'],
  ])('recognises %#', (bytes, expected) => {
    expect(sniffHead(bytes)).toBe(expected);
  });
});

describe('sniffZip', () => {
  it('reads Office kinds from the central directory at the end', () => {
    const docx = docxBytes();
    expect(centralDirectoryNames(docx, docx.length)).toEqual(['_rels/.rels', 'word/document.xml', '[Content_Types].xml']);
    expect(sniffZip(Buffer.alloc(0), docx, docx.length)).toBe(DOCX);
    const xlsx = zipBytes({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<w/>' });
    expect(sniffZip(xlsx.subarray(0, 16), xlsx, xlsx.length)).toBe(XLSX);
    expect(sniffZip(Buffer.alloc(0), zipBytes({ 'word/document.xml': '<d/>' }), 100)).toBe('application/zip');
  });

  it('falls back to the local headers when the end is not available', () => {
    const docx = docxBytes();
    expect(localHeaderNames(docx)).toEqual(['_rels/.rels', 'word/document.xml', '[Content_Types].xml']);
    expect(sniffZip(docx, Buffer.alloc(0), Number.MAX_SAFE_INTEGER)).toBe(DOCX);
    // A central directory that starts before the kept tail cannot be read from it.
    expect(centralDirectoryNames(docx.subarray(docx.length - 30), docx.length)).toBeUndefined();
  });
});

describe('UploadInspector', () => {
  it('hashes and types a file streamed in small chunks', async () => {
    const pdf = pdfBytes(5000);
    const inspector = await inspect(pdf, ['application/pdf']);
    expect(inspector).toMatchObject({ mediaType: 'application/pdf', size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex') });
    expect((await inspect(docxBytes(), [DOCX])).mediaType).toBe(DOCX);
  });

  it('refuses a type the field does not accept, naming both', async () => {
    await expect(inspect(HTML_BYTES, ['application/pdf'])).rejects.toEqual(new UnsupportedFileTypeError('text/html', ['application/pdf']));
    // Where no Office type is accepted an archive is refused at once, named as far as its first bytes tell.
    await expect(inspect(docxBytes(), ['application/pdf'])).rejects.toMatchObject({ detected: 'application/zip' });
    await expect(inspect(docxBytes(), ['application/pdf'], 64 * 1024)).rejects.toMatchObject({ detected: DOCX });
    await expect(inspect(docxBytes(), [XLSX])).rejects.toMatchObject({ detected: DOCX, accepted: [XLSX] });
    await expect(inspect(Buffer.from('%PDF'), ['application/pdf'])).rejects.toMatchObject({ detected: 'application/octet-stream' });
  });

  it('stops at the first bytes when they already say no', async () => {
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled += 1;
        this.push(Buffer.from('<html>'.padEnd(1024, ' ')));
      },
    });
    await expect(
      (async () => {
        for await (const chunk of endless.pipe(new UploadInspector(['application/pdf']))) void chunk;
      })(),
    ).rejects.toBeInstanceOf(UnsupportedFileTypeError);
    expect(pulled).toBeLessThan(50);
  });
});
