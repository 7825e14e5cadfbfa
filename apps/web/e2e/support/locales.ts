import type { TLocale } from '@tahkim/contracts';
import arAdmin from '../../src/locales/ar/admin.json' with { type: 'json' };
import arAuth from '../../src/locales/ar/auth.json' with { type: 'json' };
import arCommon from '../../src/locales/ar/common.json' with { type: 'json' };
import arJury from '../../src/locales/ar/jury.json' with { type: 'json' };
import arPortal from '../../src/locales/ar/portal.json' with { type: 'json' };
import arPublic from '../../src/locales/ar/public.json' with { type: 'json' };
import enAdmin from '../../src/locales/en/admin.json' with { type: 'json' };
import enAuth from '../../src/locales/en/auth.json' with { type: 'json' };
import enCommon from '../../src/locales/en/common.json' with { type: 'json' };
import enJury from '../../src/locales/en/jury.json' with { type: 'json' };
import enPortal from '../../src/locales/en/portal.json' with { type: 'json' };
import enPublic from '../../src/locales/en/public.json' with { type: 'json' };
import frAdmin from '../../src/locales/fr/admin.json' with { type: 'json' };
import frAuth from '../../src/locales/fr/auth.json' with { type: 'json' };
import frCommon from '../../src/locales/fr/common.json' with { type: 'json' };
import frJury from '../../src/locales/fr/jury.json' with { type: 'json' };
import frPortal from '../../src/locales/fr/portal.json' with { type: 'json' };
import frPublic from '../../src/locales/fr/public.json' with { type: 'json' };

/** The texts people read, straight from the app's translation files (French is the reference shape). */
export interface Texts {
  admin: typeof frAdmin;
  auth: typeof frAuth;
  common: typeof frCommon;
  jury: typeof frJury;
  portal: typeof frPortal;
  public: typeof frPublic;
}

export const texts: Record<TLocale, Texts> = {
  fr: { admin: frAdmin, auth: frAuth, common: frCommon, jury: frJury, portal: frPortal, public: frPublic },
  ar: { admin: arAdmin, auth: arAuth, common: arCommon, jury: arJury, portal: arPortal, public: arPublic },
  en: { admin: enAdmin, auth: enAuth, common: enCommon, jury: enJury, portal: enPortal, public: enPublic },
};

/** i18next's `{{name}}` interpolation, for texts with values in them. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Matches an accessible name that starts with `text` (labels of required fields end with " *"). */
export function startingWith(text: string): RegExp {
  return new RegExp(`^${escapeRegExp(text)}`, 'u');
}

/** Matches a text anywhere in a longer one. */
export function containing(text: string): RegExp {
  return new RegExp(escapeRegExp(text), 'u');
}

/**
 * Escapes regular-expression characters; an apostrophe becomes \u0027, since Playwright's role selectors
 * cannot parse a name pattern that holds a quote ("Conflit d'intérêts").
 */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, '\\u0027');
}
