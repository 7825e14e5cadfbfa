import { Button, Menu } from '@mantine/core';
import { isRtl, LOCALES } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { ChevronDownIcon, GlobeIcon } from '../../../components/icons';
import { useLocale } from '../use-locale';

/** Each language is offered under its own name (العربية, Français, English), whatever the current one. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const { locale, changeLocale } = useLocale();
  const currentName = t('language.nativeName');

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="subtle"
          color="dark"
          px="xs"
          className="header-menu-button"
          leftSection={<GlobeIcon />}
          rightSection={<ChevronDownIcon size={14} />}
          aria-label={t('language.switcherLabel', { language: currentName })}
        >
          {currentName}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.menuTitle')}</Menu.Label>
        {LOCALES.map((option) => (
          <Menu.Item
            key={option}
            lang={option}
            dir={isRtl(option) ? 'rtl' : 'ltr'}
            aria-current={option === locale ? 'true' : undefined}
            fw={option === locale ? 700 : undefined}
            onClick={() => changeLocale(option)}
          >
            {t('language.nativeName', { lng: option })}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
