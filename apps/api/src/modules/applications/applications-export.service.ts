import { Injectable } from '@nestjs/common';
import {
  allFields,
  fieldOptions,
  type TApplicationStatus,
  type TEligibilitySuggestion,
  type TFormField,
  type TLocale,
  type TLocalizedText,
  type TStaffApplicationQuery,
} from '@tahkim/contracts';
import ExcelJS from 'exceljs';
import { StaffApplicationsService } from './staff-applications.service';
import { StaffApplicationsRepository, type StaffApplicationRowRecord } from './staff-applications.repository';

/** An export holds the whole filtered list, up to this many applications. */
export const EXPORT_MAX_ROWS = 20_000;

const COLUMN_TITLES: Record<'reference' | 'status' | 'applicant' | 'email' | 'submittedAt' | 'eligibility', TLocalizedText> = {
  reference: { ar: 'المرجع', fr: 'Référence', en: 'Reference' },
  status: { ar: 'الحالة', fr: 'Statut', en: 'Status' },
  applicant: { ar: 'صاحب(ة) الطلب', fr: 'Candidat·e', en: 'Applicant' },
  email: { ar: 'البريد الإلكتروني', fr: 'Adresse e-mail', en: 'Email address' },
  submittedAt: { ar: 'تاريخ الإرسال (بتوقيت الدار البيضاء)', fr: 'Envoyée le (heure de Casablanca)', en: 'Submitted (Casablanca time)' },
  eligibility: { ar: 'الأهلية المقترحة', fr: 'Éligibilité suggérée', en: 'Suggested eligibility' },
};

const STATUS_NAMES: Record<TApplicationStatus, TLocalizedText> = {
  DRAFT: { ar: 'مسودة', fr: 'Brouillon', en: 'Draft' },
  SUBMITTED: { ar: 'مرسَل', fr: 'Envoyée', en: 'Submitted' },
  ELIGIBLE: { ar: 'مؤهَّل', fr: 'Éligible', en: 'Eligible' },
  INELIGIBLE: { ar: 'غير مؤهَّل', fr: 'Non éligible', en: 'Ineligible' },
  IN_REVIEW: { ar: 'قيد التقييم', fr: 'En évaluation', en: 'In review' },
  SHORTLISTED: { ar: 'ضمن القائمة القصيرة', fr: 'Présélectionnée', en: 'Shortlisted' },
  WINNER: { ar: 'فائز', fr: 'Lauréate', en: 'Winner' },
  NOT_SELECTED: { ar: 'غير مختار', fr: 'Non retenue', en: 'Not selected' },
  WITHDRAWN: { ar: 'مسحوب', fr: 'Retirée', en: 'Withdrawn' },
};

const ELIGIBILITY_NAMES: Record<TEligibilitySuggestion, TLocalizedText> = {
  ELIGIBLE: { ar: 'مؤهَّل على الأرجح', fr: 'Probablement éligible', en: 'Likely eligible' },
  INELIGIBLE: { ar: 'غير مؤهَّل على الأرجح', fr: 'Probablement non éligible', en: 'Likely ineligible' },
  UNSURE: { ar: 'يحتاج إلى تحقق', fr: 'À vérifier', en: 'To check' },
};

type Cell = string | number | null;

export interface ExportTable {
  headers: string[];
  rows: Cell[][];
  fileBase: string;
  rightToLeft: boolean;
}

/** "2026-03-14 16:05" in the call's timezone: sortable, and what people there read on their clocks. */
function localDateTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(date);
}

function answerCell(field: TFormField, value: unknown, files: string[] | undefined, locale: TLocale): Cell {
  if (field.type === 'FILE') return files && files.length > 0 ? files.join('; ') : null;
  if (value === undefined || value === null || value === '') return null;
  const label = (chosen: unknown) => fieldOptions(field).find((option) => option.value === chosen)?.label[locale] ?? String(chosen);
  switch (field.type) {
    case 'SINGLE_CHOICE':
    case 'REGION':
      return label(value);
    case 'MULTIPLE_CHOICE':
      return Array.isArray(value) ? value.map(label).join('; ') : label(value);
    case 'NUMBER':
    case 'MONEY':
      return typeof value === 'number' ? value : String(value);
    default:
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

/** A spreadsheet must not run what an applicant typed: a text starting like a formula is quoted. */
function csvCell(cell: Cell): string {
  if (cell === null) return '';
  let text = typeof cell === 'number' ? String(cell) : cell;
  if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Exports of a call's applications (the staff table's filters), as CSV or XLSX, in the staff's language. */
@Injectable()
export class ApplicationsExportService {
  constructor(
    private readonly staff: StaffApplicationsService,
    private readonly staffRows: StaffApplicationsRepository,
  ) {}

  async table(callId: string, query: TStaffApplicationQuery, locale: TLocale): Promise<ExportTable> {
    const { filter, form, call } = await this.staff.resolve(callId, query, locale);
    const rows: StaffApplicationRowRecord[] = await this.staffRows.rows(filter, { offset: 0, limit: EXPORT_MAX_ROWS });
    const files = await this.staffRows.attachmentNames(rows.map((row) => row.id));
    const fields = allFields(form).filter((field) => !field.hidden);
    const headers = [
      ...(['reference', 'status', 'applicant', 'email', 'submittedAt', 'eligibility'] as const).map((key) => COLUMN_TITLES[key][locale]),
      ...fields.map((field) => field.label[locale]),
    ];
    const body = rows.map((row) => {
      const answers = (row.answers ?? {}) as Record<string, unknown>;
      return [
        row.reference,
        STATUS_NAMES[row.status][locale],
        row.displayName,
        row.email,
        row.submittedAt ? localDateTime(row.submittedAt, call.timezone) : null,
        row.eligibilitySuggestion ? ELIGIBILITY_NAMES[row.eligibilitySuggestion][locale] : null,
        ...fields.map((field) => answerCell(field, answers[field.key], files.get(row.id)?.get(field.key), locale)),
      ];
    });
    return { headers, rows: body, fileBase: `applications-${call.slug}`, rightToLeft: locale === 'ar' };
  }

  /** UTF-8 with a byte-order mark, so that Excel reads Arabic as Arabic. */
  async csv(callId: string, query: TStaffApplicationQuery, locale: TLocale): Promise<{ fileName: string; body: Buffer }> {
    const table = await this.table(callId, query, locale);
    const lines = [table.headers, ...table.rows].map((row) => row.map(csvCell).join(','));
    return { fileName: `${table.fileBase}.csv`, body: Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8') };
  }

  async xlsx(callId: string, query: TStaffApplicationQuery, locale: TLocale): Promise<{ fileName: string; body: Buffer }> {
    const table = await this.table(callId, query, locale);
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Tahkim';
    const sheet = workbook.addWorksheet('Applications', { views: [{ state: 'frozen', ySplit: 1, rightToLeft: table.rightToLeft }] });
    sheet.addRow(table.headers).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row);
    sheet.columns.forEach((column, index) => {
      column.width = index < 6 ? 22 : 30;
    });
    const buffer = await workbook.xlsx.writeBuffer();
    return { fileName: `${table.fileBase}.xlsx`, body: Buffer.from(buffer as ArrayBuffer) };
  }
}
