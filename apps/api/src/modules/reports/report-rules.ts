import {
  allFields,
  defaultReportForm,
  ZFormDefinition,
  type TFormDefinition,
  type TIndicatorValues,
  type TLocale,
  type TReportConflictReason,
  type TReportStatus,
} from '@tahkim/contracts';
import type { Prisma } from '@tahkim/db';
import { AppError } from '../../common/errors/app-error';

/** The rules of progress reports, as pure functions over plain values. */

/** The project changes its report while it is a draft, or when staff asked for changes. */
export const EDITABLE_REPORT_STATUSES: readonly TReportStatus[] = ['DRAFT', 'CHANGES_REQUESTED'];

export function isEditable(status: TReportStatus): boolean {
  return EDITABLE_REPORT_STATUSES.includes(status);
}

/** A programme's report form: the one staff saved, else the default one (version 0). */
export interface ReportForm {
  version: number;
  definition: TFormDefinition;
  /** FILE fields: their answers are the report's attachments, never stored answers. */
  fileKeys: ReadonlySet<string>;
  /** Hidden fields: answers stored before staff hid them are kept through saves. */
  hiddenKeys: readonly string[];
}

export function reportFormOf(programme: { reportForm: Prisma.JsonValue; reportFormVersion: number }): ReportForm {
  const definition = programme.reportForm === null ? defaultReportForm() : ZFormDefinition.parse(programme.reportForm);
  const fields = allFields(definition);
  return {
    version: programme.reportFormVersion,
    definition,
    fileKeys: new Set(fields.filter((field) => field.type === 'FILE').map((field) => field.key)),
    hiddenKeys: fields.filter((field) => field.hidden).map((field) => field.key),
  };
}

/** The stored answers to `keys`, kept through a save that does not send them. */
export function keptAnswers(keys: readonly string[], stored: unknown): Record<string, unknown> {
  const answers = (stored ?? {}) as Record<string, unknown>;
  return Object.fromEntries(keys.filter((key) => key in answers).map((key) => [key, answers[key]]));
}

const UNKNOWN_INDICATOR: Record<TLocale, string> = {
  ar: 'هذا المؤشر ليس من مؤشرات برنامج المواكبة.',
  fr: "Cet indicateur ne fait pas partie du programme d'accompagnement.",
  en: 'This indicator is not one of the support programme’s.',
};

/** Values may only be given for the programme's indicators: 400 at `indicatorValues.<key>` for any other. */
export function assertKnownIndicators(values: TIndicatorValues, indicatorKeys: readonly string[], locale: TLocale): void {
  const known = new Set(indicatorKeys);
  const unknown = Object.keys(values).filter((key) => !known.has(key));
  if (unknown.length === 0) return;
  throw new AppError(
    'VALIDATION_FAILED',
    unknown.map((key) => ({ path: ['indicatorValues', key], code: 'unrecognized_keys', message: UNKNOWN_INDICATOR[locale] })),
  );
}

const CONFLICT_MESSAGES: Record<TReportConflictReason | 'FORM_LOCKED', Record<TLocale, string>> = {
  REPORT_NOT_EDITABLE: {
    ar: 'لا يمكن تعديل هذا التقرير بعد إرساله، إلا إذا طلب فريق المؤسسة تعديلات عليه.',
    fr: "Ce rapport ne peut plus être modifié après son envoi, sauf si l'équipe de la fondation demande des modifications.",
    en: "This report can no longer be changed once sent, unless the foundation's team asks for changes.",
  },
  REPORT_NOT_SUBMITTED: {
    ar: 'لا يمكن البت إلا في تقرير مرسل ينتظر المراجعة.',
    fr: "Seul un rapport envoyé et en attente d'examen peut être accepté ou renvoyé pour modifications.",
    en: 'Only a sent report waiting for review can be accepted or sent back for changes.',
  },
  MILESTONE_HAS_REPORTS: {
    ar: 'لا يمكن حذف مرحلة سبق أن كتبت لها المشاريع تقارير. يمكنكم تعديل عنوانها أو تاريخها بدل حذفها.',
    fr: 'Une étape pour laquelle des projets ont déjà rédigé un rapport ne peut pas être supprimée. Vous pouvez modifier son titre ou son échéance à la place.',
    en: 'A milestone that projects have already written reports for cannot be removed. You can change its title or due date instead.',
  },
  FORM_LOCKED: {
    ar: 'سبق أن أرسلت مشاريع تقارير بهذه الاستمارة: يمكن إخفاء الحقول أو إضافة أخرى، دون حذفها أو تغيير نوعها.',
    fr: 'Des projets ont déjà envoyé des rapports avec ce formulaire : vous pouvez masquer des champs ou en ajouter, pas en supprimer ni en changer le type.',
    en: 'Projects have already sent reports with this form: fields can be hidden or added, not removed or given another type.',
  },
};

/** 409 CONFLICT with the reason in `details` and a message that says it in the caller's language. */
export function reportConflict(reason: keyof typeof CONFLICT_MESSAGES, details: Record<string, unknown> = {}): AppError {
  return new AppError('CONFLICT', { reason, ...details }, { messages: CONFLICT_MESSAGES[reason] });
}

export function assertEditable(status: TReportStatus): void {
  if (!isEditable(status)) throw reportConflict('REPORT_NOT_EDITABLE', { status });
}

