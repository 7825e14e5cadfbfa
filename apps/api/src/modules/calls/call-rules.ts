import {
  allFields,
  fieldOptions,
  type TCallStatus,
  type TEligibilityRule,
  type TFieldType,
  type TFormDefinition,
  type TFormLockedDetails,
  type TLocale,
  type TValidationIssue,
} from '@tahkim/contracts';
import { visibleFieldCount } from './call-form';

/** The rules of a call's lifecycle and its form, as pure functions over plain values. */

export interface CallTiming {
  status: TCallStatus;
  opensAt: Date;
  closesAt: Date;
}

/** The status as of `now`: a published call past its deadline reads CLOSED (no job flips it). */
export function effectiveStatus(call: CallTiming, now = new Date()): TCallStatus {
  if (call.status === 'PUBLISHED' && call.closesAt.getTime() <= now.getTime()) return 'CLOSED';
  return call.status;
}

/** Applications are accepted while the call is published and opensAt <= now < closesAt. */
export function isAcceptingApplications(call: CallTiming, now = new Date()): boolean {
  return call.status === 'PUBLISHED' && call.opensAt.getTime() <= now.getTime() && now.getTime() < call.closesAt.getTime();
}

const MESSAGES = {
  unknownField: { fr: "Cette règle porte sur un champ qui n'existe pas dans le formulaire.", ar: 'تتعلق هذه القاعدة بحقل غير موجود في الاستمارة.', en: 'This rule refers to a field that is not in the form.' },
  listNeedsChoice: { fr: 'Une règle « dans la liste » porte sur un champ à choix ou une région.', ar: 'قاعدة «ضمن القائمة» تخص حقل اختيار أو جهة فقط.', en: 'An "in the list" rule applies to a choice or region field.' },
  boundNeedsNumber: { fr: 'Une règle de minimum ou de maximum porte sur un nombre ou un montant.', ar: 'قاعدة الحد الأدنى أو الأقصى تخص حقل عدد أو مبلغ فقط.', en: 'A minimum or maximum rule applies to a number or amount field.' },
  unknownOption: { fr: "Cette valeur n'est pas une option du champ.", ar: 'هذه القيمة ليست من خيارات الحقل.', en: 'This value is not one of the field’s options.' },
  frenchTitle: { fr: 'Le titre en français est obligatoire pour publier.', ar: 'العنوان بالفرنسية ضروري للنشر.', en: 'A French title is required to publish.' },
  emptyForm: { fr: 'Le formulaire doit comporter au moins un champ visible.', ar: 'يجب أن تتضمن الاستمارة حقلاً ظاهراً واحداً على الأقل.', en: 'The form needs at least one visible field.' },
  deadlinePast: { fr: 'La date de clôture doit être dans le futur.', ar: 'يجب أن يكون تاريخ الإغلاق في المستقبل.', en: 'The closing date must be in the future.' },
  closesBeforeOpens: { fr: "La clôture doit être postérieure à l'ouverture.", ar: 'يجب أن يكون الإغلاق بعد الافتتاح.', en: 'The call must close after it opens.' },
} satisfies Record<string, Record<TLocale, string>>;

export type CallMessage = keyof typeof MESSAGES;

export function issue(path: TValidationIssue['path'], message: CallMessage, locale: TLocale): TValidationIssue {
  return { path, code: 'custom', message: MESSAGES[message][locale] };
}

const LIST_TYPES: readonly TFieldType[] = ['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'REGION'];
const NUMBER_TYPES: readonly TFieldType[] = ['NUMBER', 'MONEY'];

/**
 * Checks eligibility rules against the form: each names an existing field of a compatible type, and a
 * list rule only lists that field's options. Issues are under `eligibilityRules.<index>`.
 */
export function eligibilityRuleIssues(rules: readonly TEligibilityRule[], form: TFormDefinition, locale: TLocale): TValidationIssue[] {
  const fields = new Map(allFields(form).map((field) => [field.key, field]));
  const issues: TValidationIssue[] = [];
  rules.forEach((rule, index) => {
    const field = fields.get(rule.fieldKey);
    if (!field) {
      issues.push(issue(['eligibilityRules', index, 'fieldKey'], 'unknownField', locale));
      return;
    }
    if (rule.kind === 'IN_LIST') {
      if (!LIST_TYPES.includes(field.type)) {
        issues.push(issue(['eligibilityRules', index, 'fieldKey'], 'listNeedsChoice', locale));
        return;
      }
      const options = new Set(fieldOptions(field).map((option) => option.value));
      rule.values.forEach((value, v) => {
        if (!options.has(value)) issues.push(issue(['eligibilityRules', index, 'values', v], 'unknownOption', locale));
      });
    } else if (!NUMBER_TYPES.includes(field.type)) {
      issues.push(issue(['eligibilityRules', index, 'fieldKey'], 'boundNeedsNumber', locale));
    }
  });
  return issues;
}

/** What keeps a draft call from being published. */
export function publishIssues(call: { title: { fr?: string }; closesAt: Date }, form: TFormDefinition, locale: TLocale, now = new Date()): TValidationIssue[] {
  const issues: TValidationIssue[] = [];
  if (!call.title.fr?.trim()) issues.push(issue(['title', 'fr'], 'frenchTitle', locale));
  if (call.closesAt.getTime() <= now.getTime()) issues.push(issue(['closesAt'], 'deadlinePast', locale));
  if (visibleFieldCount(form) === 0) issues.push(issue(['form'], 'emptyForm', locale));
  return issues;
}

/**
 * Once applications exist, answers are keyed by the form's keys: a section or field may be hidden but
 * never removed, and a field keeps its type. Returns null when the new form respects that.
 */
export function lockedFormViolations(before: TFormDefinition, after: TFormDefinition): TFormLockedDetails | null {
  const afterSections = new Set(after.sections.map((section) => section.key));
  const afterFields = new Map(allFields(after).map((field) => [field.key, field]));
  const removedSections = before.sections.map((section) => section.key).filter((key) => !afterSections.has(key));
  const removedFields: string[] = [];
  const retypedFields: TFormLockedDetails['retypedFields'] = [];
  for (const field of allFields(before)) {
    const next = afterFields.get(field.key);
    if (!next) removedFields.push(field.key);
    else if (next.type !== field.type) retypedFields.push({ key: field.key, from: field.type, to: next.type });
  }
  if (removedSections.length === 0 && removedFields.length === 0 && retypedFields.length === 0) return null;
  return { reason: 'FORM_LOCKED', removedSections, removedFields, retypedFields };
}
