import { DEFAULT_LOCALE, isLocale, type TLocale } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  explicitLocale,
  markExplicitLocaleSaved,
  rememberExplicitLocale,
  unsavedExplicitLocale,
} from '../../app/locale-preference';
import { useUpdateMeMutation } from '../auth/mutations';
import { meQuery } from '../auth/queries';
import { decideLocaleOnSignIn } from './locale-rules';

/** The current interface language and the action of the language switcher. */
export function useLocale(): { locale: TLocale; changeLocale: (locale: TLocale) => void } {
  const { i18n } = useTranslation();
  const { data: user } = useQuery(meQuery());
  const { mutate: updateMe } = useUpdateMeMutation();
  const language = i18n.resolvedLanguage;
  const locale: TLocale = isLocale(language) ? language : DEFAULT_LOCALE;

  const changeLocale = useCallback(
    (next: TLocale) => {
      void i18n.changeLanguage(next);
      rememberExplicitLocale(next, { savedToAccount: Boolean(user) });
      if (user && user.locale !== next) {
        updateMe(
          { locale: next },
          // Not saved: keep it pending so the next sign-in saves it.
          { onError: () => rememberExplicitLocale(next, { savedToAccount: false }) },
        );
      }
    },
    [i18n, updateMe, user],
  );

  return { locale, changeLocale };
}

/** Applies the sign-in rules of `decideLocaleOnSignIn` once per signed-in person. */
export function useLocaleSync(): void {
  const { i18n } = useTranslation();
  const { data: user } = useQuery(meQuery());
  const { mutate: updateMe } = useUpdateMeMutation();
  const syncedFor = useRef<string | null>(null);

  useEffect(() => {
    if (!user) {
      syncedFor.current = null;
      return;
    }
    if (syncedFor.current === user.id) return;
    syncedFor.current = user.id;

    const decision = decideLocaleOnSignIn({
      explicit: explicitLocale(),
      unsaved: unsavedExplicitLocale() !== undefined,
      account: user.locale,
    });
    if (decision.display !== i18n.resolvedLanguage) void i18n.changeLanguage(decision.display);
    if (decision.saveToAccount) updateMe({ locale: decision.saveToAccount }, { onSuccess: markExplicitLocaleSaved });
    else markExplicitLocaleSaved();
  }, [user, i18n, updateMe]);
}
