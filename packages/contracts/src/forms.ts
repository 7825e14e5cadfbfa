import { z } from 'zod';
import { zLocalizedText } from './locales';
import { MAX_FILE_SIZE_BYTES, UPLOAD_MEDIA_TYPES } from './answers';

/**
 * A call's application form: ordered sections of ordered fields. The answers of an application are
 * one object keyed by field key, checked by `checkAnswers` (./answers.ts) on the web and in the API alike.
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

export const ZUploadMediaType = z.enum(UPLOAD_MEDIA_TYPES);

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
