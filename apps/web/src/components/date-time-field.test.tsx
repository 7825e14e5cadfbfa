import { fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../app/i18n';
import { mockApi, renderApp } from '../test/render';
import { DateTimeField } from './date-time-field';

function Harness({ initial, sent }: { initial: string; sent: string[] }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DateTimeField
        label="Clôture"
        value={value}
        onChange={(next) => {
          sent.push(next);
          setValue(next);
        }}
        error={value === '' || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? undefined : 'Saisissez une date et une heure complètes.'}
      />
      <button type="button" onClick={() => setValue('2026-09-20T00:30')}>
        reset
      </button>
    </>
  );
}

function show(initial: string) {
  const sent: string[] = [];
  mockApi({});
  renderApp('/', [{ path: '/', element: <Harness initial={initial} sent={sent} /> }]);
  return sent;
}

afterEach(async () => {
  await i18n.changeLanguage('fr');
});

describe('DateTimeField', () => {
  it('on the French page, 01/03/2025 and 18:00 give 2025-03-01T18:00', async () => {
    await i18n.changeLanguage('fr');
    const sent = show('');
    const group = screen.getByRole('group', { name: 'Clôture' });
    fireEvent.change(within(group).getByRole('textbox', { name: 'Date (jj/mm/aaaa)' }), { target: { value: '01/03/2025' } });
    fireEvent.change(within(group).getByRole('textbox', { name: 'Heure (hh:mm, 24 h)' }), { target: { value: '18:00' } });
    expect(sent.at(-1)).toBe('2025-03-01T18:00');
  });

  it('on the Arabic page, reads Arabic-Indic digits and writes them back as Western digits once left', async () => {
    await i18n.changeLanguage('ar');
    const sent = show('');
    const group = screen.getByRole('group', { name: 'Clôture' });
    const date = within(group).getByRole('textbox', { name: 'التاريخ (يوم/شهر/سنة)' });
    const time = within(group).getByRole('textbox', { name: 'الساعة (بنظام 24 ساعة)' });
    expect(date).toHaveAttribute('dir', 'ltr');
    fireEvent.change(date, { target: { value: '١/٣/٢٠٢٥' } });
    fireEvent.change(time, { target: { value: '١٨:٠٥' } });
    expect(sent.at(-1)).toBe('2025-03-01T18:05');
    fireEvent.blur(time);
    expect(date).toHaveValue('01/03/2025');
    expect(time).toHaveValue('18:05');
  });

  it('shows a stored value and a value set from outside, day first', async () => {
    const sent = show('2025-03-01T18:00');
    expect(screen.getByRole('textbox', { name: 'Date (jj/mm/aaaa)' })).toHaveValue('01/03/2025');
    expect(screen.getByRole('textbox', { name: 'Heure (hh:mm, 24 h)' })).toHaveValue('18:00');
    fireEvent.click(screen.getByRole('button', { name: 'reset' }));
    expect(screen.getByRole('textbox', { name: 'Date (jj/mm/aaaa)' })).toHaveValue('20/09/2026');
    expect(screen.getByRole('textbox', { name: 'Heure (hh:mm, 24 h)' })).toHaveValue('00:30');
    expect(sent).toEqual([]);
  });

  it('keeps an impossible date as typed and says, in the page language, that it does not exist', async () => {
    await i18n.changeLanguage('en');
    const sent = show('');
    fireEvent.change(screen.getByRole('textbox', { name: 'Date (dd/mm/yyyy)' }), { target: { value: '29/02/2025' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Time (hh:mm, 24-hour)' }), { target: { value: '09:00' } });
    expect(sent.at(-1)).toBe('29/02/2025 09:00');
    expect(screen.getByRole('textbox', { name: 'Date (dd/mm/yyyy)' })).toHaveValue('29/02/2025');
    expect(screen.getByText('This date does not exist. Type the day, month and year, for example 01/03/2025.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Date (dd/mm/yyyy)' })).toHaveAccessibleDescription(/This date does not exist/u);
  });
});
