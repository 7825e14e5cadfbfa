import { z } from 'zod';
import { zLocalizedText } from './locales';
import { MOROCCO_REGIONS } from './regions';

/**
 * A call's application form: ordered sections of ordered fields. The answers of an application are
 * one object keyed by field key, validated by `buildAnswersSchema` on the web and in the API alike.
 *
 * Answer shapes: texts, EMAIL, PHONE, URL as strings; DATE as "YYYY-MM-DD"; NUMBER and MONEY as
 * numbers (MONEY in Moroccan dirhams); SINGLE_CHOICE and REGION as the chosen option's value;
 * MULTIPLE_CHOICE as an array of values; FILE as an array of attachment ids.
 */
export const FIELD_TYPES = [
  'SHORT_TEXT',
  'LONG_TEXT',
  'NUMBER',
  'MONEY',
  'DATE',
  'SINGLE_CHOICE',
  'MULTIPLE_CHOICE',
  'EMAIL',
  'PHONE',
  'URL',
  'REGION',
  'FILE',
] as const;
export const ZFieldType = z.enum(FIELD_TYPES);
export type TFieldType = z.infer<typeof ZFieldType>;

/** File types an applicant may upload; each is recognised from the file's first bytes. */
export const UPLOAD_MEDIA_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
] as const;
export const ZUploadMediaType = z.enum(UPLOAD_MEDIA_TYPES);
export type TUploadMediaType = z.infer<typeof ZUploadMediaType>;

export const MAX_FILE_SIZE_BYTES = 25 * 1024 * 1024;
export const DEFAULT_MAX_FILE_SIZE_BYTES = 10 * 1024 * 1024;
/** What a file question accepts when staff set no list. */
export const DEFAULT_ACCEPTED_MEDIA_TYPES: readonly TUploadMediaType[] = ['application/pdf'];
/** Default lengths where a text field sets none, so no answer is unbounded. */
export const DEFAULT_MAX_LENGTH: Record<'SHORT_TEXT' | 'LONG_TEXT', number> = { SHORT_TEXT: 300, LONG_TEXT: 10_000 };

const KEY = /^[a-z][a-z0-9_]{0,62}$/;
export const ZFieldKey = z.string().regex(KEY, { error: 'lower-case letters, digits and _; starts with a letter' });

export const ZFieldLimits = z
  .strictObject({
    minLength: z.number().int().min(0).max(100_000).optional(),
    maxLength: z.number().int().min(1).max(100_000).optional(),
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    integer: z.boolean().optional(),
    currency: z.literal('MAD').optional(),
    minChoices: z.number().int().min(0).max(100).optional(),
    maxChoices: z.number().int().min(1).max(100).optional(),
    maxFiles: z.number().int().min(1).max(20).optional(),
    maxFileSizeBytes: z.number().int().min(1).max(MAX_FILE_SIZE_BYTES).optional(),
    acceptedMediaTypes: z.array(ZUploadMediaType).min(1).optional(),
  })
  .describe('Limits that apply to the field type: lengths for texts, min/max for numbers, choices, files');
export type TFieldLimits = z.infer<typeof ZFieldLimits>;

export const ZChoiceOption = z.strictObject({
  value: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
  label: zLocalizedText(300),
});
export type TChoiceOption = z.infer<typeof ZChoiceOption>;

export const ZFormField = z
  .strictObject({
    key: ZFieldKey,
    type: ZFieldType,
    label: zLocalizedText(500),
    help: zLocalizedText(5000).optional(),
    required: z.boolean().default(false),
    /** Name, email, phone, organisation...: never shown to jurors in a blind round. */
    identifying: z.boolean().default(false),
    /** Hidden fields stay in the definition (answers to them are kept) but are no longer asked. */
    hidden: z.boolean().default(false),
    limits: ZFieldLimits.default({}),
    options: z.array(ZChoiceOption).max(200).default([]),
  })
  .superRefine((field, ctx) => {
    const { limits } = field;
    if (field.type === 'SINGLE_CHOICE' || field.type === 'MULTIPLE_CHOICE') {
      if (field.options.length === 0) ctx.addIssue({ code: 'custom', path: ['options'], message: 'a choice field needs options' });
      const values = field.options.map((option) => option.value);
      if (new Set(values).size !== values.length) ctx.addIssue({ code: 'custom', path: ['options'], message: 'option values must be unique' });
    }
    if (limits.min !== undefined && limits.max !== undefined && limits.min > limits.max) {
      ctx.addIssue({ code: 'custom', path: ['limits', 'max'], message: 'max must be at least min' });
    }
    if (limits.minLength !== undefined && limits.maxLength !== undefined && limits.minLength > limits.maxLength) {
      ctx.addIssue({ code: 'custom', path: ['limits', 'maxLength'], message: 'maxLength must be at least minLength' });
    }
    if (limits.minChoices !== undefined && limits.maxChoices !== undefined && limits.minChoices > limits.maxChoices) {
      ctx.addIssue({ code: 'custom', path: ['limits', 'maxChoices'], message: 'maxChoices must be at least minChoices' });
    }
  });
export type TFormField = z.infer<typeof ZFormField>;
export type TFormFieldInput = z.input<typeof ZFormField>;

export const ZFormSection = z.strictObject({
  key: ZFieldKey,
  title: zLocalizedText(300),
  description: zLocalizedText(10_000).optional(),
  hidden: z.boolean().default(false),
  fields: z.array(ZFormField).max(100),
});
export type TFormSection = z.infer<typeof ZFormSection>;

export const ZFormDefinition = z
  .strictObject({ sections: z.array(ZFormSection).min(1).max(30) })
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    form.sections.forEach((section, s) => {
      if (seen.has(`section:${section.key}`)) ctx.addIssue({ code: 'custom', path: ['sections', s, 'key'], message: 'duplicate section key' });
      seen.add(`section:${section.key}`);
      section.fields.forEach((field, f) => {
        if (seen.has(field.key)) ctx.addIssue({ code: 'custom', path: ['sections', s, 'fields', f, 'key'], message: 'duplicate field key' });
        seen.add(field.key);
      });
    });
  });
export type TFormDefinition = z.infer<typeof ZFormDefinition>;
export type TFormDefinitionInput = z.input<typeof ZFormDefinition>;

export type TAnswers = Record<string, unknown>;

/** The options a choice or region field offers (regions are the country's, whatever is stored). */
export function fieldOptions(field: Pick<TFormField, 'type' | 'options'>): ReadonlyArray<TChoiceOption> {
  return field.type === 'REGION' ? MOROCCO_REGIONS : field.options;
}

export function allFields(form: TFormDefinition): TFormField[] {
  return form.sections.flatMap((section) => section.fields.map((field) => (section.hidden ? { ...field, hidden: true } : field)));
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE = /^\+?[0-9][0-9 ().-]{5,24}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What one field accepts once it has a value (whether it must have one is decided by the caller). */
function valueSchema(field: TFormField): z.ZodType {
  const { limits } = field;
  switch (field.type) {
    case 'SHORT_TEXT':
    case 'LONG_TEXT': {
      const text = z.string().max(limits.maxLength ?? DEFAULT_MAX_LENGTH[field.type]);
      return limits.minLength ? text.min(limits.minLength) : text;
    }
    case 'EMAIL':
      return z.string().max(254).pipe(z.email());
    case 'PHONE':
      return z.string().regex(PHONE);
    case 'URL':
      return z.string().max(2000).pipe(z.url({ protocol: /^https?$/ }));
    case 'DATE':
      return z.string().regex(ISO_DATE).refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), { message: 'invalid date' });
    case 'NUMBER':
    case 'MONEY': {
      let number = z.number().finite();
      if (limits.min !== undefined) number = number.min(limits.min);
      if (limits.max !== undefined) number = number.max(limits.max);
      return limits.integer ? number.int() : number;
    }
    case 'SINGLE_CHOICE':
    case 'REGION': {
      const values = fieldOptions(field).map((option) => option.value);
      return z.string().refine((value) => values.includes(value), { message: 'not one of the options' });
    }
    case 'MULTIPLE_CHOICE': {
      const values = fieldOptions(field).map((option) => option.value);
      let choices = z
        .array(z.string().refine((value) => values.includes(value), { message: 'not one of the options' }))
        .refine((chosen) => new Set(chosen).size === chosen.length, { message: 'an option is chosen twice' });
      if (limits.minChoices) choices = choices.refine((chosen) => chosen.length >= limits.minChoices!, { message: `choose at least ${limits.minChoices}` });
      if (limits.maxChoices) choices = choices.refine((chosen) => chosen.length <= limits.maxChoices!, { message: `choose at most ${limits.maxChoices}` });
      return choices;
    }
    case 'FILE':
      return z.array(z.string().regex(UUID)).max(limits.maxFiles ?? 1);
  }
}

/** Empty as far as "required" is concerned: no value, blank text, no choice, no file. */
export function isEmptyAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

export type AnswersMode = 'draft' | 'submit';

/**
 * The one validation of an application's answers, built from the call's form.
 * - `draft`: every answer may be missing or blank; what is given must fit its field.
 * - `submit`: in addition, every required visible field must be answered.
 * Keys that are not fields of the form are refused. Hidden fields are never required; a value kept
 * from before they were hidden is accepted as it is.
 */
export function buildAnswersSchema(form: TFormDefinition, mode: AnswersMode): z.ZodType<TAnswers> {
  const fields = allFields(form);
  const checks = fields.filter((field) => !field.hidden).map((field) => ({ field, value: valueSchema(field) }));
  const shape = Object.fromEntries(fields.map((field) => [field.key, z.unknown().optional()]));
  return z.strictObject(shape).superRefine((answers, ctx) => {
    for (const { field, value } of checks) {
      const input = answers[field.key];
      if (isEmptyAnswer(input)) {
        if (mode === 'submit' && field.required) ctx.addIssue({ code: 'custom', path: [field.key], message: 'required', params: { reason: 'required' } });
        continue;
      }
      const result = value.safeParse(input);
      if (!result.success) {
        for (const issue of result.error.issues) ctx.addIssue({ ...issue, path: [field.key, ...issue.path] } as never);
      }
    }
  }) as unknown as z.ZodType<TAnswers>;
}

/** Keys of the required visible fields not yet answered, in form order (progress and review pages). */
export function missingRequiredAnswers(form: TFormDefinition, answers: TAnswers): string[] {
  return allFields(form)
    .filter((field) => field.required && !field.hidden && isEmptyAnswer(answers[field.key]))
    .map((field) => field.key);
}
