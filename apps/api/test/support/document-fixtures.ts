import { crc32 } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { PDFDocument, PDFHexString, PDFName, PDFString, StandardFonts } from 'pdf-lib';

export interface DocumentMetadata {
  author?: string;
  creator?: string;
  title?: string;
  subject?: string;
  keywords?: string;
}

/** A one-page PDF with the given (Latin) text, Info fields and an XMP packet naming the author. */
export async function pdfDocument(text: string, metadata: DocumentMetadata = {}): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([500, 300]);
  page.drawText(text.replace(/[^\x20-\x7e]/g, ' '), { x: 20, y: 200, font, size: 10 });
  if (metadata.author) doc.setAuthor(metadata.author);
  if (metadata.creator) doc.setCreator(metadata.creator);
  if (metadata.title) doc.setTitle(metadata.title);
  if (metadata.subject) doc.setSubject(metadata.subject);
  if (metadata.keywords) doc.setKeywords([metadata.keywords]);
  if (metadata.author) {
    const packet = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>${metadata.author}</dc:creator></x:xmpmeta><?xpacket end="w"?>`;
    const xmp = doc.context.stream(new TextEncoder().encode(packet), { Type: 'Metadata', Subtype: 'XML' });
    doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));
    const note = doc.context.obj({ Type: 'Annot', Subtype: 'Text', Rect: [10, 10, 30, 30], T: PDFHexString.fromText(metadata.author), Contents: PDFString.of('note') });
    page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(note)]));
  }
  return Buffer.from(await doc.save());
}

const escapeXml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A Word document whose properties, tracked changes and comments carry the given names. */
export function docxDocument(text: string, metadata: { creator?: string; company?: string; custom?: string } = {}): Buffer {
  const creator = escapeXml(metadata.creator ?? '');
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
      '_rels/.rels': strToU8('<Relationships/>'),
      'docProps/core.xml': strToU8(`<cp:coreProperties><dc:creator>${creator}</dc:creator><cp:lastModifiedBy>${creator}</cp:lastModifiedBy></cp:coreProperties>`),
      'docProps/app.xml': strToU8(`<Properties><Application>Microsoft Office Word</Application><Company>${escapeXml(metadata.company ?? '')}</Company></Properties>`),
      'docProps/custom.xml': strToU8(`<Properties><property name="Contact"><vt:lpwstr>${escapeXml(metadata.custom ?? '')}</vt:lpwstr></property></Properties>`),
      'word/document.xml': strToU8(`<w:document><w:body><w:p><w:ins w:author="${creator}"><w:r><w:t>${escapeXml(text)}</w:t></w:r></w:ins></w:p></w:body></w:document>`),
      'word/comments.xml': strToU8(`<w:comments><w:comment w:id="1" w:author="${creator}" w:initials="XX"><w:p><w:r><w:t>ok</w:t></w:r></w:p></w:comment></w:comments>`),
    }),
  );
}

/** A JPEG whose EXIF names its artist (UTF-8 bytes), with an XMP packet and a comment doing the same. */
export function jpegWithExif(artist: string): Buffer {
  const segment = (marker: number, body: Buffer) => {
    const header = Buffer.alloc(4);
    header.writeUInt16BE(0xff00 | marker, 0);
    header.writeUInt16BE(body.length + 2, 2);
    return Buffer.concat([header, body]);
  };
  const name = Buffer.from(`${artist}\0`, 'utf8');
  const tiff = Buffer.alloc(8 + 2 + 12 + 4);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8);
  tiff.writeUInt16LE(0x013b, 10);
  tiff.writeUInt16LE(2, 12);
  tiff.writeUInt32LE(name.length, 14);
  tiff.writeUInt32LE(tiff.length, 18);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff, name])),
    segment(0xe1, Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(`<dc:creator>${artist}</dc:creator>`, 'utf8')])),
    segment(0xfe, Buffer.from(`Photo: ${artist}`, 'utf8')),
    segment(0xdb, Buffer.alloc(65, 1)),
    segment(0xda, Buffer.alloc(10, 2)),
    Buffer.from([0x12, 0x34, 0x56, 0xff, 0xd9]),
  ]);
}

/** One PNG chunk: length, type, data and CRC. */
export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG with tEXt and iTXt chunks naming its author. */
export function pngWithText(author: string): Buffer {
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0])),
    pngChunk('tEXt', Buffer.from(`Author\0${author}`, 'latin1')),
    pngChunk('iTXt', Buffer.concat([Buffer.from('Description\0\0\0\0\0', 'latin1'), Buffer.from(author, 'utf8')])),
    pngChunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01])),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
