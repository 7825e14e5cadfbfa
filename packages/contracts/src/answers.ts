// An application's answers checked against the call's form without zod: the applicant's form runs these
// checks on every keystroke without downloading zod, and the API runs the same code on every autosave
// without building a schema from the form each time. The issues have the shape and the English messages
// of zod's own (`code`, `path`, `origin`, `minimum`/`maximum`...), so the API's error answers and their
// translations stay those of every other validation.
import type { TFormDefinition, TFormField } from './forms';
import { MOROCCO_REGIONS } from './regions';

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
export type TUploadMediaType = (typeof UPLOAD_MEDIA_TYPES)[number];

export const MAX_FILE_SIZE_BYTES = 25 * 1024 * 1024;
export const DEFAULT_MAX_FILE_SIZE_BYTES = 10 * 1024 * 1024;
/** What a file question accepts when staff set no list. */
export const DEFAULT_ACCEPTED_MEDIA_TYPES: readonly TUploadMediaType[] = ['application/pdf'];
/** Default lengths where a text field sets none, so no answer is unbounded. */
export const DEFAULT_MAX_LENGTH: Record<'SHORT_TEXT' | 'LONG_TEXT', number> = { SHORT_TEXT: 300, LONG_TEXT: 10_000 };

export type TAnswers = Record<string, unknown>;
export type AnswersMode = 'draft' | 'submit';

/** One problem with the answers, pointing at the field (`[fieldKey, ...]`), or at the whole object (`[]`). */
export interface AnswerIssue {
  code: 'custom' | 'invalid_type' | 'too_big' | 'too_small' | 'invalid_format' | 'unrecognized_keys';
  path: (string | number)[];
  message: string;
  expected?: string;
  received?: string;
  origin?: 'string' | 'number' | 'int' | 'array';
  minimum?: number;
  maximum?: number;
  inclusive?: true;
  format?: 'regex' | 'email' | 'url' | 'safeint';
  pattern?: string;
  note?: string;
  keys?: string[];
  params?: { reason: 'required' };
}

/** The options a choice or region field offers (regions are the country's, whatever is stored). */
export function fieldOptions(field: Pick<TFormField, 'type' | 'options'>): ReadonlyArray<{ value: string; label: TFormField['label'] }> {
  return field.type === 'REGION' ? MOROCCO_REGIONS : field.options;
}

export function allFields(form: TFormDefinition): TFormField[] {
  return form.sections.flatMap((section) => section.fields.map((field) => (section.hidden ? { ...field, hidden: true } : field)));
}

/** Empty as far as "required" is concerned: no value, blank text, no choice, no file. */
export function isEmptyAnswer(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Keys of the required visible fields not yet answered, in form order (progress and review pages). */
export function missingRequiredAnswers(form: TFormDefinition, answers: TAnswers): string[] {
  return allFields(form)
    .filter((field) => field.required && !field.hidden && isEmptyAnswer(answers[field.key]))
    .map((field) => field.key);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE = /^\+?[0-9][0-9 ().-]{5,24}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// zod's email pattern (v4), so an address refused here is refused wherever the API checks one.
const EMAIL = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
const HTTP_URL = /^https?:\/\//i;

// Every browser and Node have URL; this package is compiled without either's type definitions.
declare const URL: new (input: string) => unknown;

function isParsableUrl(input: string): boolean {
  try {
    new URL(input);
    return true;
  } catch {
    return false;
  }
}

type Problem = Omit<AnswerIssue, 'path'> & { path?: (string | number)[] };

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? 'number' : value > 0 ? 'Infinity' : '-Infinity';
  return typeof value;
}

function wrongType(expected: string, value: unknown, path: (string | number)[] = []): Problem {
  const received = typeName(value);
  const problem: Problem = { code: 'invalid_type', expected, path, message: `Invalid input: expected ${expected}, received ${received}` };
  if (typeof value === 'number') problem.received = received; // NaN and Infinity, said as such
  return problem;
}

function tooBig(origin: 'string' | 'number' | 'int' | 'array', maximum: number, path: (string | number)[] = []): Problem {
  const measure = origin === 'string' ? ` to have <=${maximum} characters` : origin === 'array' ? ` to have <=${maximum} items` : ` to be <=${maximum}`;
  return { origin, code: 'too_big', maximum, inclusive: true, path, message: `Too big: expected ${origin}${measure}` };
}

function tooSmall(origin: 'string' | 'number' | 'int' | 'array', minimum: number): Problem {
  const measure = origin === 'string' ? ` to have >=${minimum} characters` : origin === 'array' ? ` to have >=${minimum} items` : ` to be >=${minimum}`;
  return { origin, code: 'too_small', minimum, inclusive: true, message: `Too small: expected ${origin}${measure}` };
}

function notMatching(pattern: RegExp, path: (string | number)[] = []): Problem {
  return { origin: 'string', code: 'invalid_format', format: 'regex', pattern: String(pattern), path, message: `Invalid string: must match pattern ${String(pattern)}` };
}

const custom = (message: string, path: (string | number)[] = []): Problem => ({ code: 'custom', path, message });

/**
 * Length limits. As zod did, they also measure a list given where a text is expected (and a text given
 * where a list is), after saying the type is wrong: the issues stay those the API always answered.
 */
function lengthProblems(value: unknown, max: number | undefined, min?: number): Problem[] {
  if (typeof value !== 'string' && !Array.isArray(value)) return [];
  const origin = typeof value === 'string' ? 'string' : 'array';
  const problems: Problem[] = [];
  if (max !== undefined && value.length > max) problems.push(tooBig(origin, max));
  if (min && value.length < min) problems.push(tooSmall(origin, min));
  return problems;
}

/** A text with its length limits; a text of the wrong type stops there, its length said as well. */
function checkString(value: unknown, max: number | undefined, min?: number): Problem[] {
  const lengths = lengthProblems(value, max, min);
  return typeof value === 'string' ? lengths : [wrongType('string', value), ...lengths];
}

function checkNumber(field: TFormField, value: unknown): Problem[] {
  if (typeof value !== 'number' || !Number.isFinite(value)) return [wrongType('number', value)];
  const { min, max, integer } = field.limits;
  const problems: Problem[] = [];
  if (min !== undefined && value < min) problems.push(tooSmall('number', min));
  if (max !== undefined && value > max) problems.push(tooBig('number', max));
  if (integer) {
    if (!Number.isInteger(value)) problems.push({ code: 'invalid_type', expected: 'int', format: 'safeint', path: [], message: 'Invalid input: expected int, received number' });
    else if (value > Number.MAX_SAFE_INTEGER) problems.push({ ...tooBig('int', Number.MAX_SAFE_INTEGER), note: 'Integers must be within the safe integer range.' });
    else if (value < Number.MIN_SAFE_INTEGER) problems.push({ ...tooSmall('int', Number.MIN_SAFE_INTEGER), note: 'Integers must be within the safe integer range.' });
  }
  return problems;
}

/** Strings from a list (choices, file ids): the list's size first, then each item, then the whole. */
function checkList(value: unknown, max: number | undefined, item: (entry: string, index: number) => Problem | undefined): Problem[] {
  if (!Array.isArray(value)) return [wrongType('array', value), ...lengthProblems(value, max)];
  if (max !== undefined && value.length > max) return [tooBig('array', max)];
  const problems: Problem[] = [];
  value.forEach((entry: unknown, index) => {
    const problem = typeof entry === 'string' ? item(entry, index) : wrongType('string', entry, [index]);
    if (problem) problems.push(problem);
  });
  return problems;
}

/** What is wrong with one field's value once it has one (whether it must have one is decided by the caller). */
function checkValue(field: TFormField, value: unknown): Problem[] {
  switch (field.type) {
    case 'SHORT_TEXT':
    case 'LONG_TEXT':
      return checkString(value, field.limits.maxLength ?? DEFAULT_MAX_LENGTH[field.type], field.limits.minLength);
    case 'EMAIL': {
      const problems = checkString(value, 254);
      if (problems.length > 0) return problems;
      return EMAIL.test(value as string) ? [] : [{ origin: 'string', code: 'invalid_format', format: 'email', pattern: String(EMAIL), message: 'Invalid email address' }];
    }
    case 'PHONE':
      if (typeof value !== 'string') return [wrongType('string', value)];
      return PHONE.test(value) ? [] : [notMatching(PHONE)];
    case 'URL': {
      const problems = checkString(value, 2000);
      if (problems.length > 0) return problems;
      const trimmed = (value as string).trim();
      if (!HTTP_URL.test(trimmed)) return [{ code: 'invalid_format', format: 'url', note: 'Invalid URL format', message: 'Invalid URL' }];
      return isParsableUrl(trimmed) ? [] : [{ code: 'invalid_format', format: 'url', message: 'Invalid URL' }];
    }
    case 'DATE': {
      if (typeof value !== 'string') return [wrongType('string', value)];
      const problems = ISO_DATE.test(value) ? [] : [notMatching(ISO_DATE)];
      if (Number.isNaN(Date.parse(`${value}T00:00:00Z`))) problems.push(custom('invalid date'));
      return problems;
    }
    case 'NUMBER':
    case 'MONEY':
      return checkNumber(field, value);
    case 'SINGLE_CHOICE':
    case 'REGION': {
      if (typeof value !== 'string') return [wrongType('string', value)];
      return fieldOptions(field).some((option) => option.value === value) ? [] : [custom('not one of the options')];
    }
    case 'MULTIPLE_CHOICE': {
      const values = new Set(fieldOptions(field).map((option) => option.value));
      const problems = checkList(value, undefined, (entry, index) => (values.has(entry) ? undefined : custom('not one of the options', [index])));
      // The checks of the whole list run unless it is not a list of texts.
      if (problems.some((problem) => problem.code === 'invalid_type')) return problems;
      const chosen = value as string[];
      const { minChoices, maxChoices } = field.limits;
      if (new Set(chosen).size !== chosen.length) problems.push(custom('an option is chosen twice'));
      if (minChoices && chosen.length < minChoices) problems.push(custom(`choose at least ${minChoices}`));
      if (maxChoices && chosen.length > maxChoices) problems.push(custom(`choose at most ${maxChoices}`));
      return problems;
    }
    case 'FILE':
      return checkList(value, field.limits.maxFiles ?? 1, (entry, index) => (UUID.test(entry) ? undefined : notMatching(UUID, [index])));
  }
}

/**
 * The one check of an application's answers against the call's form, on the web and in the API alike.
 * - `draft`: every answer may be missing or blank; what is given must fit its field.
 * - `submit`: in addition, every required visible field must be answered.
 * Keys that are not fields of the form are refused. Hidden fields are never required; a value kept
 * from before they were hidden is accepted as it is. No issue means the answers are valid.
 */
export function checkAnswers(form: TFormDefinition, answers: unknown, mode: AnswersMode): AnswerIssue[] {
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    const { path = [], ...problem } = wrongType('object', answers);
    return [{ ...problem, path }];
  }
  const record = answers as TAnswers;
  const fields = allFields(form);
  const issues: AnswerIssue[] = [];
  const known = new Set(fields.map((field) => field.key));
  const unknown = Object.keys(record).filter((key) => !known.has(key));
  if (unknown.length > 0) {
    const list = unknown.map((key) => JSON.stringify(key)).join(', ');
    issues.push({ code: 'unrecognized_keys', keys: unknown, path: [], message: `Unrecognized key${unknown.length > 1 ? 's' : ''}: ${list}` });
  }
  for (const field of fields) {
    if (field.hidden) continue;
    const value = record[field.key];
    if (isEmptyAnswer(value)) {
      if (mode === 'submit' && field.required) issues.push({ code: 'custom', path: [field.key], message: 'required', params: { reason: 'required' } });
      continue;
    }
    for (const { path = [], ...problem } of checkValue(field, value)) {
      issues.push({ ...problem, path: [field.key, ...path] } as AnswerIssue);
    }
  }
  return issues;
}
