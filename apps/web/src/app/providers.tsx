import { DirectionProvider, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { isRtl } from '@tahkim/contracts';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { currentLocale, i18n } from './i18n';
import { cssVariablesResolver, localisedTheme } from './theme';

/**
 * i18n, server state and Mantine. Mantine's DirectionProvider follows `<html dir>`, which the i18n
 * layer sets on every language change, so components mirror with the page.
 */
interface ProvidersProps {
  queryClient: QueryClient;
  children: ReactNode;
  /** 'test' turns off Mantine's transitions and portals (unit tests). */
  mantineEnv?: 'default' | 'test';
}

export function Providers({ queryClient, children, mantineEnv = 'default' }: ProvidersProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <DirectionProvider initialDirection={isRtl(currentLocale()) ? 'rtl' : 'ltr'} detectDirection>
          <LocalisedMantine mantineEnv={mantineEnv}>{children}</LocalisedMantine>
        </DirectionProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

function LocalisedMantine({ children, mantineEnv }: { children: ReactNode; mantineEnv: 'default' | 'test' }) {
  const { t } = useTranslation('common');
  const closeLabel = t('dialog.close');
  const theme = useMemo(() => localisedTheme(closeLabel), [closeLabel]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} env={mantineEnv}>
      <Notifications position="top-center" />
      {children}
    </MantineProvider>
  );
}
