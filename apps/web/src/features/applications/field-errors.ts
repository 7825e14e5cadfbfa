import { DEFAULT_MAX_LENGTH, type AnswerIssue, type TFormField } from '@tahkim/contracts';
import type { TFunction } from 'i18next';
import { currentLocale } from '../../app/i18n';
import { formatNumber } from '../../lib/number-format';

/** What the form keeps of an answer's issue: the issue's code as `type`, its (English) message, its bounds. */
export type AnswerError = { type?: string | number; message?: string } & Partial<Pick<AnswerIssue, 'minimum' | 'maximum' | 'origin'>>;

/**
 * The message shown under a field for an issue of its answer. The issues' own messages are technical
 * English ("not one of the options"); people read these instead, in their language.
 */
export function answerErrorMessage(error: AnswerError | undefined, field: TFormField, t: TFunction<'applications'>): string | undefined {
  if (!error) return undefined;
  const message = error.message ?? '';
  const type = String(error.type ?? '');
  if (message === 'required' || type === 'required') return t('errors.required');
  if (message === 'not one of the options') return t('errors.choice');
  if (message === 'an option is chosen twice') return t('errors.choice');
  if (message.startsWith('choose at least')) return t('errors.minChoices', { min: field.limits.minChoices ?? 1 });
  if (message.startsWith('choose at most')) return t('errors.maxChoices', { max: field.limits.maxChoices ?? 1 });
  switch (field.type) {
    case 'EMAIL':
      return t('errors.email');
    case 'PHONE':
      return t('errors.phone');
    case 'URL':
      return t('errors.url');
    case 'DATE':
      return t('errors.date');
    case 'NUMBER':
    case 'MONEY':
      // Limits written as the input writes numbers ("50 000", not "50000").
      if (type === 'too_small' && field.limits.min !== undefined) return t('errors.min', { min: formatNumber(field.limits.min, currentLocale()) });
      if (type === 'too_big' && field.limits.max !== undefined) return t('errors.max', { max: formatNumber(field.limits.max, currentLocale()) });
      if (type === 'invalid_type' && field.limits.integer) return t('errors.integer');
      if (type === 'invalid_type') return t('errors.number');
      return t('errors.invalid');
    case 'SHORT_TEXT':
    case 'LONG_TEXT':
      if (type === 'too_big' && error.origin === 'string') return t('errors.tooLong', { maximum: error.maximum ?? field.limits.maxLength ?? DEFAULT_MAX_LENGTH[field.type] });
      if (type === 'too_small' && error.origin === 'string') {
        const minimum = error.minimum ?? field.limits.minLength ?? 1;
        return minimum <= 1 ? t('errors.required') : t('errors.tooShort', { minimum });
      }
      return t('errors.invalid');
    default:
      return t('errors.invalid');
  }
}

/** An answer's first issue per field, as the form library keeps errors (`type` is the issue's code). */
export function answerErrors(issues: readonly AnswerIssue[]): Record<string, AnswerError> {
  const errors: Record<string, AnswerError> = {};
  for (const issue of issues) {
    const key = issue.path[0];
    if (typeof key !== 'string' || errors[key]) continue;
    errors[key] = { type: issue.code, message: issue.message, minimum: issue.minimum, maximum: issue.maximum, origin: issue.origin };
  }
  return errors;
}
