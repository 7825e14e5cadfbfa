import { useDirection } from '@mantine/core';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZRegisterRequest } from '@tahkim/contracts';
import { LanguageSwitcher } from '../features/locale/components/language-switcher';
import { i18n } from './i18n';
import { TestProviders } from '../test/providers';
import { createQueryClient } from './query-client';

function DirectionProbe() {
  const { dir } = useDirection();
  return <output data-testid="mantine-dir">{dir}</output>;
}

function renderSwitcher() {
  const queryClient = createQueryClient();
  queryClient.setQueryData(['auth', 'me'], null);
  return render(
    <TestProviders queryClient={queryClient}>
      <LanguageSwitcher />
      <DirectionProbe />
    </TestProviders>,
  );
}

describe('interface language', () => {
  it('sets <html lang dir> on every change', async () => {
    await act(() => i18n.changeLanguage('ar'));
    expect(document.documentElement).toHaveAttribute('lang', 'ar');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');

    await act(() => i18n.changeLanguage('en'));
    expect(document.documentElement).toHaveAttribute('lang', 'en');
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
  });

  it('switches from the language menu, offering each language under its own name, and remembers it', async () => {
    renderSwitcher();
    fireEvent.click(screen.getByRole('button', { name: /Changer de langue/u }));
    expect(screen.getByRole('menuitem', { name: 'English' })).toHaveAttribute('lang', 'en');
    expect(screen.getByRole('menuitem', { name: 'Français' })).toHaveAttribute('aria-current', 'true');

    fireEvent.click(screen.getByRole('menuitem', { name: 'العربية' }));

    expect(document.documentElement).toHaveAttribute('lang', 'ar');
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(window.localStorage.getItem('tahkim.locale')).toBe('ar');
    expect(await screen.findByRole('button', { name: /تغيير اللغة/u })).toHaveTextContent('العربية');
    // Mantine's components mirror with the page.
    expect(await screen.findByTestId('mantine-dir')).toHaveTextContent('rtl');
  });

  it('translates form validation messages into the current language', async () => {
    const invalid = { displayName: '', email: 'not-an-email', password: 'short' };
    const messages = () => z.flattenError(ZRegisterRequest.safeParse(invalid).error!).fieldErrors;

    expect(messages()).toEqual({
      displayName: ['Ce champ est obligatoire.'],
      email: ['Saisissez une adresse e-mail valide, par exemple nom@exemple.ma.'],
      password: ['Saisissez au moins 8 caractères.'],
    });

    await act(() => i18n.changeLanguage('ar'));
    expect(messages().password).toEqual(['أدخل 8 أحرف على الأقل.']);

    // Issues without a message of ours fall back to zod's own translation.
    const strict = ZRegisterRequest.safeParse({ ...invalid, extra: 1 });
    const unknownKeyIssue = strict.error!.issues.find((issue) => issue.code === 'unrecognized_keys');
    expect(unknownKeyIssue?.message).toMatch(/[\u0600-\u06FF]/u);
  });
});
