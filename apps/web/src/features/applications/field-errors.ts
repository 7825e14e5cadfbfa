import type { TFormField } from '@tahkim/contracts';
import type { TFunction } from 'i18next';
import { currentLocale } from '../../app/i18n';
import { formatNumber } from '../../lib/number-format';

/**
 * The message shown under a field for an issue of the answers schema. The schema's own messages are
 * technical English ("not one of the options"); people read these instead, in their language.
 */
export function answerErrorMessage(
  error: { type?: string | number; message?: string } | undefined,
  field: TFormField,
  t: TFunction<'applications'>,
): string | undefined {
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
      return message || t('errors.invalid');
    default:
      return message || t('errors.invalid');
  }
}
