import { Textarea, TextInput } from '@mantine/core';
import type { TFormField } from '@tahkim/contracts';
import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../app/i18n';
import { TestProviders } from '../test/providers';
import { AnswerValue } from '../features/applications/components/answer-value';
import { isolate, UserInline, UserText } from './user-text';


const FRENCH = 'Trois mécaniciens formés, 1 200 élèves dont 8 en stage.';
const ARABIC = 'ورشة لإصلاح الدراجات، 1 200 تلميذ منهم 8 في التدريب.';
const text = (value: string) => ({ ar: value, fr: value, en: value });
const field = (type: TFormField['type']): TFormField =>
  ({ key: 'summary', type, label: text('Résumé'), required: true, hidden: false, limits: {} }) as unknown as TFormField;

function renderIn(ui: React.ReactNode) {
  return render(
    <TestProviders queryClient={new QueryClient()}>
      {ui}
    </TestProviders>,
  );
}

describe('user-entered text has its own direction', () => {
  it('shows a French answer on the Arabic page with dir="auto"', async () => {
    await i18n.changeLanguage('ar');
    expect(document.documentElement.dir).toBe('rtl');
    renderIn(<AnswerValue field={field('LONG_TEXT')} value={FRENCH} />);
    expect(screen.getByText(FRENCH)).toHaveAttribute('dir', 'auto');
  });

  it('shows an Arabic answer on the French page with dir="auto", and a phone number left to right', () => {
    expect(document.documentElement.dir).toBe('ltr');
    renderIn(
      <>
        <AnswerValue field={field('SHORT_TEXT')} value={ARABIC} />
        <AnswerValue field={field('PHONE')} value="+212 6 12 34 56 78" />
      </>,
    );
    expect(screen.getByText(ARABIC)).toHaveAttribute('dir', 'auto');
    expect(screen.getByText('+212 6 12 34 56 78')).toHaveAttribute('dir', 'ltr');
  });

  it('gives every text input and text area dir="auto" unless told otherwise', async () => {
    await i18n.changeLanguage('ar');
    renderIn(
      <>
        <TextInput label="اسم المشروع" defaultValue="Atelier Vélo" />
        <Textarea label="الوصف" defaultValue={FRENCH} />
        <TextInput label="البريد" type="email" dir="ltr" defaultValue="a@b.ma" />
      </>,
    );
    expect(screen.getByLabelText('اسم المشروع')).toHaveAttribute('dir', 'auto');
    expect(screen.getByLabelText('الوصف')).toHaveAttribute('dir', 'auto');
    // An email says dir="ltr" on its wrapper; its value, Latin, resolves left to right under dir="auto".
    expect(screen.getByLabelText('البريد').closest('[dir="ltr"]')).not.toBeNull();
    // The label keeps the page's direction: only the field's own text is isolated.
    expect(screen.getByText('اسم المشروع').closest('[dir]')?.getAttribute('dir')).not.toBe('auto');
  });

  it('offers a block (UserText), an inline (<bdi>) and a string form (isolate)', () => {
    renderIn(
      <>
        <UserText>{ARABIC}</UserText>
        <p>
          Dossier de <UserInline>{ARABIC.slice(0, 4)}</UserInline> — <UserInline ltr>FAB-2026-0042</UserInline>
        </p>
      </>,
    );
    expect(screen.getByText(ARABIC)).toHaveAttribute('dir', 'auto');
    expect(screen.getByText('FAB-2026-0042').tagName).toBe('BDI');
    expect(screen.getByText('FAB-2026-0042')).toHaveAttribute('dir', 'ltr');
    expect(isolate('Nadia')).toBe('\u2068Nadia\u2069');
    expect(isolate('+212 6 12 34 56 78', 'ltr')).toBe('\u2066+212 6 12 34 56 78\u2069');
  });

  it('keeps the phone example of the Arabic error message in its reading order (isolated, left to right)', async () => {
    await i18n.changeLanguage('ar');
    expect(i18n.t('applications:errors.phone')).toContain('\u2066+212 6 12 34 56 78\u2069');
  });
});
