import {
  allFields,
  checkAnswers,
  evaluateEligibility,
  ZEligibilityRules,
  type AnswersMode,
  type TAnswers,
  type TEligibilityRule,
  type TEligibilitySuggestion,
  type TFormDefinition,
  type TFormField,
} from '@tahkim/contracts';
import { ZodError, type core } from 'zod';

/** FILE answers are the application's attachments, never part of the stored answers: they are dropped. */
export function withoutFileAnswers(form: { fileKeys: ReadonlySet<string> }, answers: TAnswers): TAnswers {
  return Object.fromEntries(Object.entries(answers).filter(([key]) => !form.fileKeys.has(key)));
}

/**
 * Checks answers against the form with the one check the web runs too. Issues point into the
 * application's answers (`["answers", fieldKey, ...]`); the exception filter localises them as it
 * does every validation issue.
 */
export function assertValidAnswers(form: TFormDefinition, answers: TAnswers, mode: AnswersMode): void {
  const issues = checkAnswers(form, answers, mode);
  if (issues.length === 0) return;
  throw new ZodError(issues.map((issue) => ({ ...issue, path: ['answers', ...issue.path] })) as unknown as core.$ZodIssue[]);
}

const TITLE_KEYS = ['project_name', 'project_title', 'title'];

/** The field naming the project: one keyed project_name, project_title or title, else the form's first short text. */
export function titleField(form: TFormDefinition): TFormField | undefined {
  const shortTexts = allFields(form).filter((field) => field.type === 'SHORT_TEXT');
  for (const key of TITLE_KEYS) {
    const field = shortTexts.find((candidate) => candidate.key === key);
    if (field) return field;
  }
  return shortTexts[0];
}

export function applicationTitle(form: TFormDefinition, answers: TAnswers): string | null {
  return titleFromAnswers(titleField(form), answers);
}

/** The project's name as given in the answers to `field` (one line, at most 300 characters), or null. */
export function titleFromAnswers(field: TFormField | undefined, answers: TAnswers): string | null {
  const value = field ? answers[field.key] : undefined;
  if (typeof value !== 'string') return null;
  const title = value.trim().replace(/\s+/g, ' ');
  return title === '' ? null : title.slice(0, 300);
}

/** The form's region question, which the staff table shows and filters on. */
export function regionFieldKey(form: TFormDefinition): string | null {
  return allFields(form).find((field) => field.type === 'REGION')?.key ?? null;
}

export interface EligibilityOutcome {
  suggestion: TEligibilitySuggestion | null;
  reasons: { failed: TEligibilityRule[]; unanswered: TEligibilityRule[] } | null;
}

/** The call's automatic rules, if any, pre-sort a submission for staff (who decide). */
export function suggestEligibility(settings: unknown, answers: TAnswers): EligibilityOutcome {
  const parsed = ZEligibilityRules.safeParse((settings as { eligibilityRules?: unknown } | null)?.eligibilityRules ?? []);
  const rules = parsed.success ? parsed.data : [];
  if (rules.length === 0) return { suggestion: null, reasons: null };
  const result = evaluateEligibility(rules, answers);
  return {
    suggestion: result.suggestion,
    reasons: { failed: result.failed.map((index) => rules[index]!), unanswered: result.unanswered.map((index) => rules[index]!) },
  };
}
