import { strToU8, zipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { documentText } from './document-text';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function pdf(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const line of lines) doc.addPage([400, 200]).drawText(line, { x: 20, y: 100, font, size: 12 });
  if (lines.length === 0) doc.addPage([400, 200]);
  return Buffer.from(await doc.save());
}

describe('documentText', () => {
  it('reads the text of every page of a PDF', async () => {
    const result = await documentText(await pdf(['Dossier de candidature', 'Porte par Mohamed Bennani']), 'application/pdf');
    expect(result.status).toBe('READ');
    expect(result.status === 'READ' && result.text.replace(/\s+/g, ' ')).toContain('Porte par Mohamed Bennani');
  });

  it('says when a PDF has no text (a scan) and when it cannot be read', async () => {
    await expect(documentText(await pdf([]), 'application/pdf')).resolves.toEqual({ status: 'NO_TEXT' });
    await expect(documentText(Buffer.from('%PDF-1.7\nnot really a pdf'), 'application/pdf')).resolves.toEqual({ status: 'UNREADABLE' });
  });

  it('reads Word paragraphs and Excel cells, entities decoded', async () => {
    const docx = Buffer.from(zipSync({ 'word/document.xml': strToU8('<w:document><w:p><w:r><w:t>Porté par </w:t></w:r><w:r><w:t xml:space="preserve">M. Bennani &amp; Cie</w:t></w:r></w:p><w:p><w:r><w:t>Suite</w:t></w:r></w:p></w:document>') }));
    await expect(documentText(docx, DOCX)).resolves.toEqual({ status: 'READ', text: 'Porté par M. Bennani & Cie\nSuite\n' });
    const xlsx = Buffer.from(zipSync({ 'xl/sharedStrings.xml': strToU8('<sst><si><t>Budget</t></si><si><t>Tifawin</t></si></sst>') }));
    await expect(documentText(xlsx, XLSX)).resolves.toEqual({ status: 'READ', text: 'Budget\nTifawin\n' });
    await expect(documentText(Buffer.from('PK broken'), DOCX)).resolves.toEqual({ status: 'UNREADABLE' });
  });

  it('has no text to read in a photo', async () => {
    await expect(documentText(Buffer.from([0xff, 0xd8, 0xff]), 'image/jpeg')).resolves.toEqual({ status: 'NO_TEXT' });
  });
});
