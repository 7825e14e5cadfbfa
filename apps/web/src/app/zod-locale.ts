import type { TLocale } from '@tahkim/contracts';
import i18n from 'i18next';
import { z } from 'zod';

const ZOD_LOCALES: Record<TLocale, () => { localeError: z.core.$ZodErrorMap }> = {
  ar: z.locales.ar,
  fr: z.locales.fr,
  en: z.locales.en,
};

/**
 * Form messages for the issues people meet most, phrased for a person filling a form; any other
 * issue falls back to zod's own translation in the current language (set by `setZodLocale`).
 * The contracts' schemas carry no messages of their own, so this decides every message a form shows.
 */
const formErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === ''
        ? i18n.t('validation:required')
        : undefined;
    case 'too_small':
      if (issue.origin !== 'string') return undefined;
      return Number(issue.minimum) <= 1
        ? i18n.t('validation:required')
        : i18n.t('validation:tooShort', { minimum: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'string' ? i18n.t('validation:tooLong', { maximum: Number(issue.maximum) }) : undefined;
    case 'invalid_format':
      if (issue.format !== 'email') return undefined;
      return issue.input === '' ? i18n.t('validation:required') : i18n.t('validation:email');
    case 'invalid_value':
      return i18n.t('validation:choice');
    default:
      return undefined;
  }
};

z.config({ customError: formErrorMap });

export function setZodLocale(locale: TLocale): void {
  z.config(ZOD_LOCALES[locale]());
}
