import ExcelJS from 'exceljs';
import { readingOrder, tableToCsv, tableToXlsx, type ExportTable } from './table-export';

const ARABIC_TITLE = 'مطبخ التضامن بأكادير';
const FRENCH_TITLE = 'Café solidaire « Tiwizi » 2.0.';

function table(rightToLeft: boolean): ExportTable {
  return {
    headers: rightToLeft ? ['المرجع', 'المشروع', 'النقطة'] : ['Référence', 'Projet', 'Note'],
    rows: [
      ['FAB-2026-0001', ARABIC_TITLE, 71.5],
      ['FAB-2026-0002', FRENCH_TITLE, 64],
      ['FAB-2026-0003', '2026-03-14 16:05', null],
    ],
    fileBase: 'ranking',
    sheetName: rightToLeft ? 'الترتيب' : 'Classement',
    rightToLeft,
  };
}

async function sheetOf(file: { body: Buffer }): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

describe('reading order of a text', () => {
  it('follows its first letter: Arabic script right to left, anything else left to right', () => {
    expect(readingOrder(ARABIC_TITLE)).toBe('rtl');
    expect(readingOrder('« ٢٠٢٦ » جائزة')).toBe('rtl');
    expect(readingOrder(FRENCH_TITLE)).toBe('ltr');
    expect(readingOrder('2026 Atelier تعاونية')).toBe('ltr');
    expect(readingOrder('2026-03-14 16:05')).toBe('ltr');
    expect(readingOrder('')).toBe('ltr');
  });
});

describe('XLSX exports', () => {
  it('give each text cell its own reading order and the headers the export language, on an Arabic sheet', async () => {
    const sheet = await sheetOf(await tableToXlsx(table(true)));
    expect(sheet.views[0]).toMatchObject({ rightToLeft: true });
    expect(sheet.getRow(1).getCell(2).value).toBe('المشروع');
    expect(sheet.getRow(1).getCell(2).alignment).toMatchObject({ readingOrder: 'rtl' });
    expect(sheet.getRow(1).getCell(2).font).toMatchObject({ bold: true });

    const arabic = sheet.getRow(2).getCell(2);
    expect(arabic.value).toBe(ARABIC_TITLE);
    expect(arabic.alignment).toMatchObject({ readingOrder: 'rtl' });
    const french = sheet.getRow(3).getCell(2);
    expect(french.value).toBe(FRENCH_TITLE);
    expect(french.alignment).toMatchObject({ readingOrder: 'ltr' });
    expect(sheet.getRow(4).getCell(2).alignment).toMatchObject({ readingOrder: 'ltr' });
    // Numbers stay numbers, with no alignment of their own.
    expect(sheet.getRow(2).getCell(3).value).toBe(71.5);
    expect(sheet.getRow(2).getCell(3).alignment?.readingOrder).toBeUndefined();
  });

  it('on a French sheet: left to right headers, and an Arabic title still right to left', async () => {
    const sheet = await sheetOf(await tableToXlsx(table(false)));
    expect(sheet.views[0]?.rightToLeft ?? false).toBe(false);
    expect(sheet.getRow(1).getCell(2).alignment).toMatchObject({ readingOrder: 'ltr' });
    expect(sheet.getRow(2).getCell(2).alignment).toMatchObject({ readingOrder: 'rtl' });
    expect(sheet.getRow(3).getCell(2).alignment).toMatchObject({ readingOrder: 'ltr' });
  });
});

describe('CSV exports', () => {
  it('keep the byte-order mark and write values exactly as they are, without direction marks', () => {
    const text = tableToCsv(table(true)).body.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1).split('\r\n')).toEqual([
      'المرجع,المشروع,النقطة',
      `FAB-2026-0001,${ARABIC_TITLE},71.5`,
      `FAB-2026-0002,${FRENCH_TITLE},64`,
      'FAB-2026-0003,2026-03-14 16:05,',
      '',
    ]);
    expect(text.slice(1)).not.toMatch(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\uFEFF]/u);
  });
});
