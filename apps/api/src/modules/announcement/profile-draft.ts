import { MOROCCO_REGIONS, PROFILE_ORGANISATION_MAX, PROFILE_SUMMARY_MAX, PROFILE_TITLE_MAX, type TFormField, type TLocalizedText } from '@tahkim/contracts';

const ARABIC_LETTER = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/;
const ORGANISATION_KEY = /organi[sz]ation|association|cooperative|coop[eé]rative|structure|company|entreprise/i;
const SUMMARY_KEY = /summary|r[eé]sum[eé]|description|pitch/i;

export interface ProfileDraftTexts {
  title: TLocalizedText;
  organisation: TLocalizedText;
  summary: TLocalizedText;
  region: string | null;
}

/**
 * What staff start a winner's presentation from: the project's name, the organisation's name (a short
 * answer whose key names an organisation, else the account's organisation), the summary (a long answer
 * whose key names a summary, else the first long answer) and the region (the first region answer). An
 * answer is written in one language: it goes under Arabic when it is in Arabic script, under French
 * otherwise; staff translate the rest. Texts longer than a presentation allows are cut at a word.
 */
export function draftFromAnswers(
  answers: Record<string, unknown>,
  fields: readonly TFormField[],
  fallback: { title: string | null; organisation: string | null },
): ProfileDraftTexts {
  const text = (field: TFormField | undefined): string | null => {
    const value = field ? answers[field.key] : undefined;
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  };
  const shortTexts = fields.filter((field) => field.type === 'SHORT_TEXT');
  const longTexts = fields.filter((field) => field.type === 'LONG_TEXT');
  const organisation = text(shortTexts.find((field) => ORGANISATION_KEY.test(field.key) && text(field) !== null)) ?? fallback.organisation;
  const summary = text(longTexts.find((field) => SUMMARY_KEY.test(field.key) && text(field) !== null)) ?? text(longTexts.find((field) => text(field) !== null));
  const regionAnswer = text(fields.find((field) => field.type === 'REGION' && text(field) !== null));
  return {
    title: inItsLanguage(fallback.title, PROFILE_TITLE_MAX),
    organisation: inItsLanguage(organisation, PROFILE_ORGANISATION_MAX),
    summary: inItsLanguage(summary, PROFILE_SUMMARY_MAX),
    region: regionAnswer && MOROCCO_REGIONS.some((region) => region.value === regionAnswer) ? regionAnswer : null,
  };
}

/** The text under the language of its script (Arabic, else French), the others empty. */
export function inItsLanguage(value: string | null, max: number): TLocalizedText {
  const text = shorten(value?.trim() ?? '', max);
  if (text === '') return { ar: '', fr: '', en: '' };
  return ARABIC_LETTER.test(text) ? { ar: text, fr: '', en: '' } : { ar: '', fr: text, en: '' };
}

/** At most `max` characters, cut at the last space before the limit (with an ellipsis) when longer. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}
