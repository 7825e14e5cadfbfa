import {
  allFields,
  checkAnswers,
  isEmptyAnswer,
  stripUnstorableText,
  type TAnswers,
  type TApplication,
  type TFormDefinition,
  type TFormField,
  type TFormSection,
} from '@tahkim/contracts';

/** One page of the form: a visible section and its visible fields. */
export interface FormStep {
  section: TFormSection;
  fields: TFormField[];
}

/** One step per visible section that asks at least one question, in the form's order. */
export function formSteps(form: TFormDefinition): FormStep[] {
  return form.sections
    .filter((section) => !section.hidden)
    .map((section) => ({ section, fields: section.fields.filter((field) => !field.hidden) }))
    .filter((step) => step.fields.length > 0);
}

/** The value a field holds in the form when nothing is answered yet. */
export function emptyValue(field: TFormField): unknown {
  switch (field.type) {
    case 'MULTIPLE_CHOICE':
    case 'FILE':
      return [];
    case 'NUMBER':
    case 'MONEY':
      return null;
    default:
      return '';
  }
}

/**
 * The form's values for an application: every field of the form (hidden ones keep what they hold),
 * FILE fields from the application's attachments (the API derives them from uploads).
 */
export function formValuesFrom(form: TFormDefinition, application: Pick<TApplication, 'answers' | 'attachments'>): TAnswers {
  const values: TAnswers = {};
  for (const field of allFields(form)) {
    if (field.type === 'FILE') {
      values[field.key] = application.attachments.filter((file) => file.fieldKey === field.key).map((file) => file.id);
      continue;
    }
    const saved = application.answers[field.key];
    values[field.key] = saved === undefined ? emptyValue(field) : saved;
  }
  return values;
}

/** Keys of FILE fields: their answers are never sent in a save. */
export function fileFieldKeys(form: TFormDefinition): Set<string> {
  return new Set(allFields(form).filter((field) => field.type === 'FILE').map((field) => field.key));
}

/** The answers an autosave sends: every field but FILE ones, blanks included (so clearing a field saves). */
export function answersToSave(form: TFormDefinition, values: TAnswers): TAnswers {
  const files = fileFieldKeys(form);
  const known = new Set(allFields(form).map((field) => field.key));
  const answers: TAnswers = {};
  for (const [key, value] of Object.entries(values)) {
    if (known.has(key) && !files.has(key)) answers[key] = value === undefined ? null : value;
  }
  return answers;
}

/** Top-level keys whose value the draft schema refuses (e.g. a half-typed e-mail address). */
export function invalidDraftKeys(form: TFormDefinition, answers: TAnswers): Set<string> {
  return new Set(checkAnswers(form, answers, 'draft').map((issue) => String(issue.path[0] ?? '')).filter(Boolean));
}

/**
 * What can be saved now: invalid answers are not sent (the saved value stays until they are
 * corrected), so one half-typed field never blocks saving the rest; they stay in the local copy.
 */
export function savableAnswers(form: TFormDefinition, values: TAnswers, saved: TAnswers): { answers: TAnswers; invalid: string[] } {
  const answers = answersToSave(form, values);
  const invalid = invalidDraftKeys(form, answers);
  for (const key of invalid) {
    if (saved[key] === undefined) delete answers[key];
    else answers[key] = saved[key];
  }
  return { answers, invalid: [...invalid] };
}

/** Required visible questions left unanswered, per step. */
export function missingPerStep(steps: FormStep[], values: TAnswers): number[] {
  return steps.map((step) => step.fields.filter((field) => field.required && isEmptyAnswer(values[field.key])).length);
}

/** Compares two answer values as saved (arrays in order, blanks equal to each other). */
export function sameAnswer(a: unknown, b: unknown): boolean {
  if (isEmptyAnswer(a) && isEmptyAnswer(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Keys, in the form's order, whose non-file answers differ between two versions. */
export function differingKeys(form: TFormDefinition, mine: TAnswers, theirs: TAnswers): string[] {
  return allFields(form)
    .filter((field) => field.type !== 'FILE' && !sameAnswer(mine[field.key], theirs[field.key]))
    .map((field) => field.key);
}

/**
 * Answers without the characters the server refuses and nobody can see: NULs that text copied from a PDF
 * often carries, and halves of emoji cut by a length limit. Saving them would fail at every autosave.
 */
export function withoutUnstorableText(answers: TAnswers): TAnswers {
  const clean = (value: unknown): unknown => {
    if (typeof value === 'string') return stripUnstorableText(value);
    if (Array.isArray(value)) return value.map(clean);
    return value;
  };
  return Object.fromEntries(Object.entries(answers).map(([key, value]) => [key, clean(value)]));
}
