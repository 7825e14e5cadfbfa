import type { TLocale } from '@tahkim/contracts';
import { currentLocale, i18n } from './i18n';
import { type z } from 'zod';
import { config } from 'zod/v4/core';
import { ar, en, fr } from 'zod/v4/locales';

const ZOD_LOCALES: Record<TLocale, () => { localeError: z.core.$ZodErrorMap }> = {
  ar,
  fr,
  en,
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

config({ customError: formErrorMap });

export function setZodLocale(locale: TLocale): void {
  config(ZOD_LOCALES[locale]());
}

// Form messages follow the interface language from the moment a form's module loads.
setZodLocale(currentLocale());
i18n.on('languageChanged', () => setZodLocale(currentLocale()));
