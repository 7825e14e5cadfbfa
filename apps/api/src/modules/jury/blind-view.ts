import { allFields, type TAttachment, type TFormDefinition, type TFormField, type TLocale, type TLocalizedText } from '@tahkim/contracts';
import { displayFileName } from '../attachments/file-names';
import { titleField } from '../applications/application-rules';
import { CONTACT_FIELD_TYPES, type IdentityMatcher } from './identity-model';

export { MASKED_EMAIL, MASKED_PHONE, MASKED_TERM, maskContactDetails } from './identity-model';

const TEXT_TYPES = new Set<TFormField['type']>(['SHORT_TEXT', 'LONG_TEXT', 'URL', 'EMAIL', 'PHONE']);

/**
 * The form without the fields a juror may not read in a blind round: identifying ones, and email, phone
 * and URL questions (an applicant's address, number or site identifies them whatever the form says).
 */
export function juryForm(form: TFormDefinition, blind: boolean): TFormDefinition {
  if (!blind) return form;
  return { sections: form.sections.map((section) => ({ ...section, fields: section.fields.filter((field) => !field.identifying && !CONTACT_FIELD_TYPES.has(field.type)) })) };
}

/**
 * The project's name as a juror may read it: in a blind round only if its question is not identifying,
 * with the applicant's identity masked (`identity` is asked for only then).
 */
export function juryTitle(title: string | null, form: TFormDefinition, blind: boolean, identity: () => IdentityMatcher): string | null {
  if (!title || !blind) return title;
  const field = titleField(form);
  if (!field || field.identifying) return null;
  return identity().mask(title);
}

/**
 * Only answers to the fields of the juror's form are passed on (answers under other keys could say
 * anything); in a blind round (`identity` given) every text answer has the applicant's identity and any
 * contact details masked.
 */
export function juryAnswers(visibleForm: TFormDefinition, answers: Record<string, unknown>, identity: IdentityMatcher | null): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const field of allFields(visibleForm)) {
    if (!(field.key in answers)) continue;
    const value = answers[field.key];
    if (!identity || !TEXT_TYPES.has(field.type)) result[field.key] = value;
    else if (typeof value === 'string') result[field.key] = identity.mask(value);
    else if (Array.isArray(value)) result[field.key] = value.map((item) => (typeof item === 'string' ? identity.mask(item) : item));
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
