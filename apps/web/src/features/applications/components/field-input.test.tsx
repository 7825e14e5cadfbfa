import { fireEvent, render, screen } from '@testing-library/react';
import { ZFormField, type TAnswers, type TFormFieldInput } from '@tahkim/contracts';
import { useForm, useWatch } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { TestProviders } from '../../../test/providers';
import { createQueryClient } from '../../../app/query-client';
import { i18n } from '../../../app/i18n';
import { json, mockApi } from '../../../test/render';
import { FieldInput } from './field-input';

const THIN = '\u202F';

function Form({ field }: { field: TFormFieldInput }) {
  const form = useForm<TAnswers>({ defaultValues: {} });
  const values = useWatch({ control: form.control });
  return (
    <>
      <FieldInput field={ZFormField.parse(field)} control={form.control} />
      <output data-testid="answers">{JSON.stringify(values)}</output>
    </>
  );
}

/** What the form holds, as it would send it. */
function answers(): TAnswers {
  return JSON.parse(screen.getByTestId('answers').textContent || '{}') as TAnswers;
}

function renderField(field: TFormFieldInput) {
  mockApi({ 'GET /api/auth/session': () => json(200, { user: null }) });
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  return render(
    <TestProviders queryClient={queryClient}>
      <Form field={field} />
    </TestProviders>,
  );
}

const money: TFormFieldInput = { key: 'amount', type: 'MONEY', label: { ar: 'المبلغ', fr: 'Montant', en: 'Amount' } };
const date: TFormFieldInput = { key: 'founded', type: 'DATE', label: { ar: 'التاريخ', fr: 'Date de création', en: 'Founded on' } };

describe('FieldInput: money and numbers', () => {
  it('keeps 180000 when Arabic-Indic digits are typed on the Arabic page, shown as the review shows it', async () => {
    await i18n.changeLanguage('ar');
    renderField(money);
    const input = screen.getByRole('textbox', { name: 'المبلغ' });
    fireEvent.change(input, { target: { value: '١٨٠٠٠٠' } });
    expect(answers().amount).toBe(180000);
    expect(input).toHaveValue(`180${THIN}000`);
    expect(screen.getByText('درهم')).toBeInTheDocument();
  });

  it('keeps Persian digits with the Arabic decimal separator on the French page', async () => {
    renderField({ ...money, key: 'share' });
    const input = screen.getByRole('textbox', { name: 'Montant' });
    fireEvent.change(input, { target: { value: '۱۲۵۰٫۵' } });
    expect(answers().share).toBe(1250.5);
    expect(input).toHaveValue(`1${THIN}250,5`);
  });

  it('writes thousands with commas on the English page', async () => {
    await i18n.changeLanguage('en');
    renderField(money);
    const input = screen.getByRole('textbox', { name: 'Amount' });
    fireEvent.change(input, { target: { value: '١٥٠٬٠٠٠' } });
    expect(answers().amount).toBe(150000);
    expect(input).toHaveValue('150,000');
  });
});

describe('FieldInput: dates', () => {
  it('reads 01032025 on the French page as 1 March 2025 and stores it as ISO', () => {
    renderField(date);
    const input = screen.getByRole('textbox', { name: 'Date de création' });
    expect(input).toHaveAttribute('placeholder', 'jj/mm/aaaa');
    expect(input).not.toHaveAttribute('type', 'date');
    fireEvent.change(input, { target: { value: '01032025' } });
    expect(answers().founded).toBe('2025-03-01');
    fireEvent.blur(input);
    expect(input).toHaveValue('01/03/2025');
  });

  it('passes text that is not a date on, for the form to flag', () => {
    renderField(date);
    const input = screen.getByRole('textbox', { name: 'Date de création' });
    fireEvent.change(input, { target: { value: '31/02/2025' } });
    expect(answers().founded).toBe('31/02/2025');
    expect(input).toHaveValue('31/02/2025');
  });
});
