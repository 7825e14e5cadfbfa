import { Stack, Tabs, Textarea, TextInput } from '@mantine/core';
import { LOCALES, type TLocale, type TLocalizedText } from '@tahkim/contracts';
import { useState } from 'react';
import { useFormContext, useWatch, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { textDirection } from '../../call-admin/call-display';
import { useLocale } from '../../locale/use-locale';
import type { ProgrammeFormValues } from '../programme-form-values';
import type { ProgrammeItemPath } from './programme-item';

export interface TextPart {
  /** The item's text: `title`, `description` of a milestone, `label`, `unit` of an indicator. */
  name: string;
  label: string;
  hint?: string;
  max: number;
  multiline?: boolean;
  /** Said under the field of every tab when the text is missing in all three ("written in at least one language"). */
  missing?: string;
}

interface ItemTextsTabsProps {
  /** The item in the form: "milestones.2", "indicators.0". */
  item: ProgrammeItemPath;
  parts: readonly TextPart[];
}

/** The tab to open first: the interface language when the item has text in it, else the first language that has. */
function firstLanguage(texts: readonly (TLocalizedText | undefined)[], locale: TLocale): TLocale {
  const filled = (lng: TLocale) => texts.some((text) => (text?.[lng] ?? '').trim() !== '');
  return filled(locale) ? locale : (LOCALES.find(filled) ?? locale);
}

/**
 * One milestone's or indicator's texts, a tab per language, each typed in its own direction whatever the
 * interface. A tab shows a mark when one of its texts has an error, and opens by itself when an error
 * appears in it while the open tab has none.
 */
export function ItemTextsTabs({ item, parts }: ItemTextsTabsProps) {
  const { t } = useTranslation(['programme', 'common']);
  const { locale } = useLocale();
  const { register, control, formState, getFieldState } = useFormContext<ProgrammeFormValues>();
  const path = (part: string, lng?: TLocale) => (lng ? `${item}.${part}.${lng}` : `${item}.${part}`) as Path<ProgrammeFormValues>;
  const texts = useWatch({ control, name: parts.map((part) => path(part.name)) }) as (TLocalizedText | undefined)[];
  const [language, setLanguage] = useState<TLocale>(() => firstLanguage(texts, locale));

  const tabHasError = (lng: TLocale) => parts.some((part) => getFieldState(path(part.name, lng), formState).invalid);
  // A rule on the whole text (written in at least one language): worded here in the interface language.
  const missing = (part: TextPart) => (getFieldState(path(part.name), formState).error?.message ? part.missing : undefined);
  const fieldError = (part: TextPart, lng: TLocale) => getFieldState(path(part.name, lng), formState).error?.message ?? missing(part);

  // An error that appears in another tab than the open one (the API's, or the form's on save) opens its tab.
  const withError = LOCALES.find(tabHasError) ?? null;
  const [shownError, setShownError] = useState<TLocale | null>(withError);
  if (withError !== shownError) {
    setShownError(withError);
    if (withError && !tabHasError(language)) setLanguage(withError);
  }

  return (
    <Tabs value={language} onChange={(value) => setLanguage((value ?? language) as TLocale)} keepMounted>
      <Tabs.List>
        {LOCALES.map((lng) => (
          <Tabs.Tab key={lng} value={lng} c={tabHasError(lng) ? 'red' : undefined}>
            {t('common:language.nativeName', { lng })}
            {tabHasError(lng) ? <span className="visually-hidden">{t('tabHasErrors')}</span> : null}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {LOCALES.map((lng) => {
        const dir = textDirection(lng);
        return (
          <Tabs.Panel key={lng} value={lng} pt="sm">
            <Stack gap="sm">
              {parts.map((part) => {
                const props = {
                  label: part.label,
                  description: part.hint,
                  dir,
                  // Each language's text is written in that language: its field takes its direction even empty.
                  attributes: { input: { dir } },
                  lang: lng,
                  maxLength: part.max,
                  error: fieldError(part, lng),
                  ...register(path(part.name, lng)),
                };
                return part.multiline ? <Textarea key={part.name} autosize minRows={2} maxRows={8} {...props} /> : <TextInput key={part.name} {...props} />;
              })}
            </Stack>
          </Tabs.Panel>
        );
      })}
    </Tabs>
  );
}
