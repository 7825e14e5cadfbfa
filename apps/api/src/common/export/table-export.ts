import type { TApplicationStatus, TEligibilitySuggestion, TLocalizedText } from '@tahkim/contracts';
import ExcelJS from 'exceljs';

export type Cell = string | number | null;

/** A table ready to be written as a file, in the caller's language. */
export interface ExportTable {
  headers: string[];
  rows: Cell[][];
  fileBase: string;
  sheetName: string;
  rightToLeft: boolean;
  /** Columns (0-based) given a narrower width in XLSX. */
  narrowColumns?: number;
}

export interface ExportFile {
  fileName: string;
  body: Buffer;
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const STATUS_NAMES: Record<TApplicationStatus, TLocalizedText> = {
  DRAFT: { ar: 'مسودة', fr: 'Brouillon', en: 'Draft' },
  SUBMITTED: { ar: 'مودَع', fr: 'Déposée', en: 'Submitted' },
  ELIGIBLE: { ar: 'مؤهل', fr: 'Éligible', en: 'Eligible' },
  INELIGIBLE: { ar: 'غير مؤهل', fr: 'Inéligible', en: 'Ineligible' },
  IN_REVIEW: { ar: 'قيد التقييم', fr: 'En évaluation', en: 'In review' },
  SHORTLISTED: { ar: 'في القائمة المختصرة', fr: 'Présélectionnée', en: 'Shortlisted' },
  WINNER: { ar: 'فائز', fr: 'Lauréate', en: 'Winner' },
  NOT_SELECTED: { ar: 'غير مقبول', fr: 'Non retenue', en: 'Not selected' },
  WITHDRAWN: { ar: 'مسحوب', fr: 'Retirée', en: 'Withdrawn' },
};

export const ELIGIBILITY_NAMES: Record<TEligibilitySuggestion, TLocalizedText> = {
  ELIGIBLE: { ar: 'مؤهل على الأرجح', fr: 'Probablement éligible', en: 'Likely eligible' },
  INELIGIBLE: { ar: 'غير مؤهل على الأرجح', fr: 'Probablement inéligible', en: 'Likely ineligible' },
  UNSURE: { ar: 'يحتاج إلى تحقق', fr: 'À vérifier', en: 'To check' },
};

/** A spreadsheet must not run what an applicant typed: a text starting like a formula is quoted. */
export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  let text = typeof cell === 'number' ? String(cell) : cell;
  if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * UTF-8 with a byte-order mark, so that Excel reads Arabic as Arabic. CSV has no way to say a cell's
 * direction, and none is forced into the values: a direction mark or an isolate would become part of the
 * value for whoever reads the file back (a re-import, a lookup, a sum of amounts). Spreadsheet programs
 * lay each cell out from its own first letter.
 */
export function tableToCsv(table: ExportTable): ExportFile {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvCell).join(','));
  return { fileName: `${table.fileBase}.csv`, body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8') };
}

const RIGHT_TO_LEFT_SCRIPT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/**
 * The reading order of a text from its first letter (its first strong character): right to left for
 * Arabic script, left to right otherwise, also for a text without letters (a date, a reference's digits).
 */
export function readingOrder(text: string): 'rtl' | 'ltr' {
  const letter = /\p{L}/u.exec(text)?.[0];
  return letter && RIGHT_TO_LEFT_SCRIPT.test(letter) ? 'rtl' : 'ltr';
}

/**
 * One sheet, header row bold and frozen, right-to-left for Arabic. Each text cell reads in its own
 * direction (a French title on an Arabic sheet ends with its full stop on the right), the headers in the
 * export's language.
 */
export async function tableToXlsx(table: ExportTable): Promise<ExportFile> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tahkim';
  const sheet = workbook.addWorksheet(table.sheetName, { views: [{ state: 'frozen', ySplit: 1, rightToLeft: table.rightToLeft }] });
  const header = sheet.addRow(table.headers);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.alignment = { readingOrder: table.rightToLeft ? 'rtl' : 'ltr' };
  });
  for (const values of table.rows) {
    const row = sheet.addRow(values);
    values.forEach((value, index) => {
      if (typeof value === 'string' && value !== '') row.getCell(index + 1).alignment = { readingOrder: readingOrder(value) };
    });
  }
  const narrow = table.narrowColumns ?? 6;
  sheet.columns.forEach((column, index) => {
    column.width = index < narrow ? 22 : 30;
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: `${table.fileBase}.xlsx`, body: Buffer.from(buffer as ArrayBuffer) };
}
