import { Stack, Tabs, Textarea, TextInput } from '@mantine/core';
import { LOCALES, PROFILE_ORGANISATION_MAX, PROFILE_SUMMARY_MAX, PROFILE_TITLE_MAX, type TLocale, type TPublicProfileTexts } from '@tahkim/contracts';
import { useFormContext, type UseFormGetFieldState } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { textDirection } from '../../call-admin/call-display';

const PARTS = ['title', 'organisation', 'summary'] as const;
type TextPart = (typeof PARTS)[number];
const MAX: Record<TextPart, number> = { title: PROFILE_TITLE_MAX, organisation: PROFILE_ORGANISATION_MAX, summary: PROFILE_SUMMARY_MAX };

/** The first language whose texts have an error of their own, to open its tab. */
export function languageWithError(getFieldState: UseFormGetFieldState<TPublicProfileTexts>): TLocale | null {
  return LOCALES.find((lng) => PARTS.some((part) => getFieldState(`${part}.${lng}`).invalid)) ?? null;
}

/** The tab to open first: the interface language when it has text, else the first language that has (the draft fills the application's). */
export function initialLanguage(texts: TPublicProfileTexts, locale: TLocale): TLocale {
  const filled = (lng: TLocale) => PARTS.some((part) => texts[part][lng].trim() !== '');
  return filled(locale) ? locale : (LOCALES.find(filled) ?? locale);
}

interface ProfileTextsTabsProps {
  language: TLocale;
  onLanguageChange: (language: TLocale) => void;
}

/**
 * A presentation's texts, one tab per language, each typed in its own direction whatever the interface.
 * A tab shows a mark when one of its texts has an error.
 */
export function ProfileTextsTabs({ language, onLanguageChange }: ProfileTextsTabsProps) {
  const { t } = useTranslation(['decisions', 'common']);
  const { register, formState, getFieldState } = useFormContext<TPublicProfileTexts>();
  const { errors } = formState;
  // "In at least one language" is a rule on the whole text, worded in English by the contracts: said in the
  // interface language, under the field of every tab (any of them can fix it).
  const oneLanguage = (part: TextPart) => (part !== 'organisation' && errors[part]?.message ? t(`announcement.editor.errors.${part}`) : undefined);
  const fieldError = (part: TextPart, lng: TLocale) => getFieldState(`${part}.${lng}`, formState).error?.message ?? oneLanguage(part);
  const tabHasError = (lng: TLocale) => PARTS.some((part) => getFieldState(`${part}.${lng}`, formState).invalid);
  const fieldsOf = (lng: TLocale) => {
    const dir = textDirection(lng);
    const field = (part: TextPart) => ({
      dir,
      // Each language's text is written in that language: its field takes its direction even empty.
      attributes: { input: { dir } },
      lang: lng,
      maxLength: MAX[part],
      error: fieldError(part, lng),
      ...register(`${part}.${lng}`),
    });
    return { title: field('title'), organisation: field('organisation'), summary: field('summary') };
  };

  return (
    <Tabs value={language} onChange={(value) => onLanguageChange((value ?? language) as TLocale)} keepMounted>
      <Tabs.List>
        {LOCALES.map((lng) => (
          <Tabs.Tab key={lng} value={lng} c={tabHasError(lng) ? 'red' : undefined}>
            {t('common:language.nativeName', { lng })}
            {tabHasError(lng) ? <span className="visually-hidden">{t('templates.tabHasErrors')}</span> : null}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {LOCALES.map((lng) => {
        const fields = fieldsOf(lng);
        return (
          <Tabs.Panel key={lng} value={lng} pt="md">
            <Stack gap="sm">
              <TextInput label={t('announcement.editor.titleField')} {...fields.title} />
              <TextInput label={t('announcement.editor.organisationField')} {...fields.organisation} />
              <Textarea label={t('announcement.editor.summaryField')} description={t('announcement.editor.summaryHint')} autosize minRows={4} maxRows={12} {...fields.summary} />
            </Stack>
          </Tabs.Panel>
        );
      })}
    </Tabs>
  );
}
