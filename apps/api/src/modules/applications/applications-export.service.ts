import { Injectable } from '@nestjs/common';
import {
  allFields,
  fieldOptions,
  type TFormField,
  type TLocale,
  type TLocalizedText,
  type TStaffApplicationQuery,
} from '@tahkim/contracts';
import { ELIGIBILITY_NAMES, STATUS_NAMES, tableToCsv, tableToXlsx, type Cell, type ExportFile, type ExportTable } from '../../common/export/table-export';
import { casablancaTime } from '../../common/time/casablanca-time';
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
        // "2026-03-14 16:05" in Casablanca: sortable, and what people there read on their clocks.
        row.submittedAt ? casablancaTime.formatSortable(row.submittedAt) : null,
        row.eligibilitySuggestion ? ELIGIBILITY_NAMES[row.eligibilitySuggestion][locale] : null,
        ...fields.map((field) => answerCell(field, answers[field.key], files.get(row.id)?.get(field.key), locale)),
      ];
    });
    return { headers, rows: body, fileBase: `applications-${call.slug}`, sheetName: 'Applications', rightToLeft: locale === 'ar' };
  }

  async csv(callId: string, query: TStaffApplicationQuery, locale: TLocale): Promise<ExportFile> {
    return tableToCsv(await this.table(callId, query, locale));
  }

  async xlsx(callId: string, query: TStaffApplicationQuery, locale: TLocale): Promise<ExportFile> {
    return tableToXlsx(await this.table(callId, query, locale));
  }
}
