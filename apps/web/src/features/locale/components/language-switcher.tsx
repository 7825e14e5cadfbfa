import { isRtl, LOCALES } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { ChevronDownIcon, GlobeIcon } from '../../../components/icons';
import { MenuButton, MenuItem, MenuLabel } from '../../../components/menu-button';
import { useLocale } from '../use-locale';

/** Each language is offered under its own name (العربية, Français, English), whatever the current one. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { locale, changeLocale } = useLocale();
  const currentName = t('language.nativeName');

  return (
    <MenuButton
      label={t('language.switcherLabel', { language: currentName })}
      className="btn header-menu-button"
      button={
        <>
          <GlobeIcon />
          <span>{currentName}</span>
          <span className="header-menu-chevron">
            <ChevronDownIcon size={14} />
          </span>
        </>
      }
    >
      <MenuLabel>{t('language.menuTitle')}</MenuLabel>
      {LOCALES.map((option) => (
        <MenuItem
          key={option}
          lang={option}
          dir={isRtl(option) ? 'rtl' : 'ltr'}
          current={option === locale}
          onSelect={() => changeLocale(option)}
        >
          {t('language.nativeName', { lng: option })}
        </MenuItem>
      ))}
    </MenuButton>
  );
}
