import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { pngChunk } from '../../../test/support/document-fixtures';
import { readableText } from '../../../test/support/readable-bytes';
import { jpegWithoutMetadata, officeWithoutMetadata, pdfBlankedInPlace, pdfWithoutMetadata, pngWithoutMetadata, webpWithoutMetadata, withoutDocumentMetadata } from './document-metadata';

const NAME = 'Mohamed Bennani';
const COMPANY = 'Tifawin SARL';

const readable = readableText;

async function pdfWithMetadata(): Promise<Buffer> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([400, 400]);
  page.drawText('Un projet de cuisine solidaire', { x: 20, y: 300, font, size: 12 });
  doc.setAuthor(NAME);
  doc.setCreator(`Word (${COMPANY})`);
  doc.setProducer('Microsoft Word for Mohamed');
  doc.setTitle(`Dossier ${COMPANY}`);
  doc.setSubject(NAME);
  doc.setKeywords([NAME, COMPANY]);
  const xmp = doc.context.stream(`<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta><dc:creator>${NAME}</dc:creator></x:xmpmeta><?xpacket end="w"?>`, { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));
  // A sticky note signed by its author.
  const note = doc.context.obj({ Type: 'Annot', Subtype: 'Text', Rect: [10, 10, 30, 30], T: PDFString.of(NAME), Contents: PDFString.of('À revoir') });
  page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(note)]));
  // An earlier revision's Info, no longer referenced but still in the file.
  doc.context.register(doc.context.obj({ Author: PDFString.of(`Ancien ${NAME}`) }));
  return Buffer.from(await doc.save({ useObjectStreams: true }));
}

describe('PDF', () => {
  it('reaches the juror without Info, XMP, annotation author or orphaned revisions, with its pages intact', async () => {
    const original = await pdfWithMetadata();
    for (const planted of ['Ancien Mohamed Bennani', 'Tifawin SARL', '<dc:creator>Mohamed Bennani']) expect(readable(original)).toContain(planted);
    const copy = await pdfWithoutMetadata(original);
    expect(readable(copy)).not.toMatch(/Bennani|Tifawin|Mohamed/);
    const reread = await PDFDocument.load(copy, { updateMetadata: false });
    expect([reread.getAuthor(), reread.getCreator(), reread.getProducer(), reread.getTitle(), reread.getSubject(), reread.getKeywords()]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(reread.catalog.get(PDFName.of('Metadata'))).toBeUndefined();
    expect(reread.getPageCount()).toBe(1);
    const annotation = reread.getPage(0).node.Annots()!.lookup(0) as unknown as { get(name: PDFName): unknown };
    expect(String(annotation.get(PDFName.of('Contents')))).toContain('voir');
  });

  it('blanks the metadata in place when the file cannot be parsed, keeping its length', () => {
    const broken = Buffer.from(`%PDF-1.4\n1 0 obj << /Author (${NAME} \\(pr\\351sident\\)) /Title <FEFF004D> /Creator (x) >> endobj\n<?xpacket begin=""?><dc:creator>${NAME}</dc:creator><?xpacket end="w"?>\n%%EOF`, 'latin1');
    const copy = pdfBlankedInPlace(broken);
    expect(copy.length).toBe(broken.length);
    expect(copy.toString('latin1')).not.toMatch(/Bennani|FEFF004D|président/);
    expect(copy.toString('latin1')).toContain('/Author (');
  });
});

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function officeFile(): Buffer {
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'docProps/core.xml': strToU8(`<cp:coreProperties><dc:creator>${NAME}</dc:creator><cp:lastModifiedBy>${NAME}</cp:lastModifiedBy><dc:title>Dossier</dc:title></cp:coreProperties>`),
      'docProps/app.xml': strToU8(`<Properties><Application>Microsoft Office Word</Application><Company>${COMPANY}</Company><Manager>${NAME}</Manager><Pages>2</Pages></Properties>`),
      'docProps/custom.xml': strToU8(`<Properties><property name="Owner"><vt:lpwstr>${NAME}</vt:lpwstr></property></Properties>`),
      'word/document.xml': strToU8(`<w:document><w:body><w:p><w:ins w:author="${NAME}" w:date="2026-01-01"><w:r><w:t>Cuisine solidaire</w:t></w:r></w:ins></w:p></w:body></w:document>`),
      'word/comments.xml': strToU8(`<w:comments><w:comment w:id="1" w:author="${NAME}" w:initials="MB"><w:p><w:r><w:t>ok</w:t></w:r></w:p></w:comment></w:comments>`),
      'word/people.xml': strToU8(`<w15:people><w15:person w15:author="${NAME}"><w15:presenceInfo w15:providerId="AD" w15:userId="m.bennani@tifawin.ma"/></w15:person></w15:people>`),
      'word/_rels/settings.xml.rels': strToU8(`<Relationships><Relationship Id="rId1" Type="attachedTemplate" Target="file:///C:\\Users\\Bennani\\Modeles\\Tifawin.dotx" TargetMode="External"/></Relationships>`),
      'xl/tables/table1.xml': strToU8('<table id="1" name="Budget" displayName="Budget" ref="A1:B2"/>'),
    }),
  );
}

describe('Office documents', () => {
  it('reach the juror without properties, authors or template paths, their content intact', async () => {
    const copy = await withoutDocumentMetadata(officeFile(), DOCX);
    const parts = unzipSync(new Uint8Array(copy));
    const all = Object.values(parts).map((part) => strFromU8(part)).join('\n');
    expect(all).not.toMatch(/Bennani|Tifawin|MB"/);
    expect(strFromU8(parts['docProps/app.xml']!)).toBe('<Properties><Application>Microsoft Office Word</Application><Pages>2</Pages></Properties>');
    expect(strFromU8(parts['word/document.xml']!)).toContain('<w:t>Cuisine solidaire</w:t>');
    // An Excel table's name is content, not an author.
    expect(strFromU8(parts['xl/tables/table1.xml']!)).toBe('<table id="1" name="Budget" displayName="Budget" ref="A1:B2"/>');
    expect(Object.keys(parts)).toEqual(Object.keys(unzipSync(new Uint8Array(officeFile()))));
  });

  it('refuses a file that is not a readable archive', () => {
    expect(() => officeWithoutMetadata(Buffer.from('PK\x03\x04 broken'))).toThrow('could not be unpacked');
  });
});

function jpeg(): Buffer {
  const segment = (marker: number, body: Buffer) => {
    const header = Buffer.alloc(4);
    header.writeUInt16BE(0xff00 | marker, 0);
    header.writeUInt16BE(body.length + 2, 2);
    return Buffer.concat([header, body]);
  };
  // EXIF, little-endian: IFD0 with Orientation = 6 and Artist pointing at the name.
  const tiff = Buffer.alloc(8 + 2 + 2 * 12 + 4 + NAME.length + 1);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(2, 8);
  tiff.writeUInt16LE(0x0112, 10);
  tiff.writeUInt16LE(3, 12);
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt16LE(6, 18);
  tiff.writeUInt16LE(0x013b, 22);
  tiff.writeUInt16LE(2, 24);
  tiff.writeUInt32LE(NAME.length + 1, 26);
  tiff.writeUInt32LE(38, 30);
  tiff.write(NAME, 38, 'latin1');
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    segment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])),
    segment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0<dc:creator>${NAME}</dc:creator>`, 'latin1')),
    segment(0xed, Buffer.from(`Photoshop 3.0\0${NAME}`, 'latin1')),
    segment(0xfe, Buffer.from(`Photo by ${NAME}`, 'latin1')),
    segment(0xdb, Buffer.alloc(65, 1)),
    segment(0xda, Buffer.alloc(10, 2)),
    Buffer.from([0x12, 0x34, 0xff, 0x00, 0x56, 0xff, 0xd9]),
  ]);
}

describe('images', () => {
  it('JPEG: no EXIF, XMP, IPTC or comment, but the rotation and the picture', () => {
    const original = jpeg();
    const copy = jpegWithoutMetadata(original);
    expect(copy.toString('latin1')).not.toContain('Bennani');
    expect(copy.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    expect(copy.subarray(-27)).toEqual(original.subarray(-27));
    // The orientation segment written back: Exif, big-endian, Orientation (0x0112) = 6.
    const exif = copy.indexOf('Exif\0\0', 0, 'latin1');
    expect(exif).toBeGreaterThan(0);
    expect(copy.readUInt16BE(exif + 6 + 10)).toBe(0x0112);
    expect(copy.readUInt16BE(exif + 6 + 18)).toBe(6);
  });

  it('PNG: no text, EXIF or time chunks', () => {
    const ihdr = pngChunk('IHDR', Buffer.alloc(13, 1));
    const idat = pngChunk('IDAT', Buffer.alloc(20, 3));
    const original = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      ihdr,
      pngChunk('tEXt', Buffer.from(`Author\0${NAME}`, 'latin1')),
      pngChunk('iTXt', Buffer.from(`XML:com.adobe.xmp\0\0\0\0\0${NAME}`, 'latin1')),
      pngChunk('eXIf', Buffer.from(`MM\0*${NAME}`, 'latin1')),
      idat,
      pngChunk('IEND', Buffer.alloc(0)),
    ]);
    const copy = pngWithoutMetadata(original);
    expect(copy.toString('latin1')).not.toContain('Bennani');
    expect(copy).toEqual(Buffer.concat([original.subarray(0, 8), ihdr, idat, pngChunk('IEND', Buffer.alloc(0))]));
  });

  it('WebP: no EXIF or XMP chunk, flags and size updated', () => {
    const chunk = (type: string, data: Buffer) => {
      const head = Buffer.alloc(8);
      head.write(type, 0, 'latin1');
      head.writeUInt32LE(data.length, 4);
      return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
    };
    const vp8x = Buffer.alloc(10);
    vp8x[0] = 0x0c;
    const body = Buffer.concat([chunk('VP8X', vp8x), chunk('VP8 ', Buffer.alloc(30, 7)), chunk('EXIF', Buffer.from(`II*\0${NAME}`, 'latin1')), chunk('XMP ', Buffer.from(NAME, 'latin1'))]);
    const header = Buffer.alloc(12);
    header.write('RIFF', 0, 'latin1');
    header.writeUInt32LE(body.length + 4, 4);
    header.write('WEBP', 8, 'latin1');
    const copy = webpWithoutMetadata(Buffer.concat([header, body]));
    expect(copy.toString('latin1')).not.toContain('Bennani');
    expect(copy.readUInt32LE(4)).toBe(copy.length - 8);
    expect(copy[20]).toBe(0);
    expect(copy.indexOf('VP8 ', 0, 'latin1')).toBeGreaterThan(0);
  });
});
