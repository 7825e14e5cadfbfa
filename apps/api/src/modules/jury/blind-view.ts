import { allFields, type TAttachment, type TFormDefinition, type TFormField, type TLocale, type TLocalizedText } from '@tahkim/contracts';
import { displayFileName } from '../attachments/file-names';

/** What replaces a masked email, phone number or identifying word in text a juror reads. */
export const MASKED_EMAIL = '•••@•••';
export const MASKED_PHONE = '••• •• •• ••';
export const MASKED_TERM = '•••';

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
// Moroccan and international numbers as people write them: 06 12 34 56 78, 0612345678, +212 6 12 34 56 78,
// +212 (0)6-12-34-56-78, 00212 661 234 567, 0522-12-34-56, 05.22.12.34.56. At least 8 digits in all, so
// amounts ("150 000 MAD") and years are left alone.
const PHONE = /(?<![\p{L}\p{N}])(?:(?:\+|00)\d{1,3}[\s.-]?(?:\(0\)[\s.-]?)?|\(?0\)?)\d(?:[\s.()/-]{0,2}\d){7,12}(?![\p{L}\p{N}])/gu;

/** Emails and phone numbers inside free text, replaced by neutral marks (Western and Arabic-Indic digits). */
export function maskContactDetails(text: string): string {
  // Matched on a copy with Western digits (one character for one), replaced in the text as written.
  const source = text.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660)).replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  let masked = '';
  let last = 0;
  const hits: Array<{ start: number; end: number; mark: string }> = [];
  for (const match of source.matchAll(EMAIL)) hits.push({ start: match.index, end: match.index + match[0].length, mark: MASKED_EMAIL });
  for (const match of source.matchAll(PHONE)) {
    if (!hits.some((hit) => match.index < hit.end && match.index + match[0].length > hit.start)) hits.push({ start: match.index, end: match.index + match[0].length, mark: MASKED_PHONE });
  }
  hits.sort((a, b) => a.start - b.start);
  for (const hit of hits) {
    masked += text.slice(last, hit.start) + hit.mark;
    last = hit.end;
  }
  return masked + text.slice(last);
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every occurrence of the given words or phrases (case-insensitive, whole words) replaced by a neutral mark. */
export function redactTerms(text: string, terms: readonly string[]): string {
  const usable = [...new Set(terms.map((term) => term.trim().replace(/\s+/g, ' ')).filter((term) => Array.from(term).length >= 3))].sort((a, b) => b.length - a.length);
  if (usable.length === 0) return text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${usable.map((term) => escapeRegExp(term).replace(/ /g, '\\s+')).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return text.replace(pattern, MASKED_TERM);
}

/** Who applies, as far as the application tells: identifying answers and the applicant's account. */
export interface IdentitySources {
  form: TFormDefinition;
  answers: Record<string, unknown>;
  owner: { displayName: string; email: string; organisation: string | null };
}

/**
 * The words a juror of a blind round must never read: the identifying answers (whole, and the words of
 * names), the applicant's name and email. They are removed wherever else they appear (a project
 * description that names its founder, a title carrying the organisation's name).
 */
export function identifyingTerms({ form, answers, owner }: IdentitySources): string[] {
  const terms: string[] = [owner.displayName, owner.email, ...(owner.organisation ? [owner.organisation] : [])];
  for (const field of allFields(form)) {
    if (!field.identifying) continue;
    const value = answers[field.key];
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) if (typeof item === 'string' || typeof item === 'number') terms.push(String(item));
  }
  // Parts of a person's name ("Benali" alone, "Mme Fatima") are as telling as the whole name.
  const nameParts = owner.displayName.split(/\s+/).filter((part) => Array.from(part).length >= 4);
  return [...terms, ...nameParts];
}

const TEXT_TYPES = new Set<TFormField['type']>(['SHORT_TEXT', 'LONG_TEXT', 'URL', 'EMAIL', 'PHONE']);

/** The form without the fields a juror may not read: identifying ones in a blind round. */
export function juryForm(form: TFormDefinition, blind: boolean): TFormDefinition {
  if (!blind) return form;
  return { sections: form.sections.map((section) => ({ ...section, fields: section.fields.filter((field) => !field.identifying) })) };
}

/** A blind round's text, with identifying words and contact details masked. */
export function blindText(text: string, terms: readonly string[]): string {
  return maskContactDetails(redactTerms(text, terms));
}

/**
 * Only answers to the fields of the juror's form are passed on (answers under other keys could say
 * anything); in a blind round every text answer has identifying words and contact details masked.
 */
export function juryAnswers(visibleForm: TFormDefinition, answers: Record<string, unknown>, blind: boolean, terms: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of allFields(visibleForm)) {
    if (!(field.key in answers)) continue;
    const value = answers[field.key];
    if (!blind || !TEXT_TYPES.has(field.type)) result[field.key] = value;
    else if (typeof value === 'string') result[field.key] = blindText(value, terms);
    else if (Array.isArray(value)) result[field.key] = value.map((item) => (typeof item === 'string' ? blindText(item, terms) : item));
    else result[field.key] = value;
  }
  return result;
}

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
};

/** "<field label>-<n>.<ext>": a file name that says what the document answers, and nothing of who sent it. */
export function neutralFileName(label: TLocalizedText, locale: TLocale, position: number, mediaType: string): string {
  const stem = (label[locale] || label.fr || 'document').replace(/[\\/:*?"<>|.]+/g, ' ').replace(/\s+/g, ' ').trim() || 'document';
  return displayFileName(`${stem}-${position}.${EXTENSIONS[mediaType] ?? 'bin'}`);
}

export interface JuryAttachmentRow {
  id: string;
  fieldKey: string;
  fileName: string;
  mediaType: string;
  size: number;
  uploadedAt: Date;
}

/**
 * The files a juror may see: those of the fields of their form, named neutrally in a blind round
 * (numbered per field, in upload order).
 */
export function juryAttachments(visibleForm: TFormDefinition, rows: readonly JuryAttachmentRow[], blind: boolean, locale: TLocale): TAttachment[] {
  const fields = new Map(allFields(visibleForm).filter((field) => field.type === 'FILE').map((field) => [field.key, field]));
  const counters = new Map<string, number>();
  const ordered = [...rows].sort((a, b) => a.uploadedAt.getTime() - b.uploadedAt.getTime() || a.id.localeCompare(b.id));
  const result: TAttachment[] = [];
  for (const row of ordered) {
    const field = fields.get(row.fieldKey);
    if (!field) continue;
    const position = (counters.get(row.fieldKey) ?? 0) + 1;
    counters.set(row.fieldKey, position);
    result.push({
      id: row.id,
      fieldKey: row.fieldKey,
      fileName: blind ? neutralFileName(field.label, locale, position, row.mediaType) : row.fileName,
      mediaType: row.mediaType,
      size: row.size,
      uploadedAt: row.uploadedAt.toISOString(),
    });
  }
  return result;
}
