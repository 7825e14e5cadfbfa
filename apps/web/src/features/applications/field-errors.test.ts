import { checkAnswers, type TFormDefinition, ZFormDefinition } from '@tahkim/contracts';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../app/i18n';
import { answerErrorMessage, answerErrors } from './field-errors';

const form: TFormDefinition = ZFormDefinition.parse({
  sections: [
    {
      key: 'project',
      title: { ar: 'المشروع', fr: 'Projet', en: 'Project' },
      fields: [
        { key: 'name', type: 'SHORT_TEXT', label: { ar: 'الاسم', fr: 'Nom', en: 'Name' }, required: true, limits: { minLength: 3, maxLength: 10 } },
        { key: 'email', type: 'EMAIL', label: { ar: 'البريد', fr: 'E-mail', en: 'Email' } },
        { key: 'phone', type: 'PHONE', label: { ar: 'الهاتف', fr: 'Téléphone', en: 'Phone' } },
        { key: 'site', type: 'URL', label: { ar: 'الموقع', fr: 'Site', en: 'Site' } },
        { key: 'founded', type: 'DATE', label: { ar: 'التاريخ', fr: 'Date', en: 'Date' } },
        { key: 'amount', type: 'MONEY', label: { ar: 'المبلغ', fr: 'Montant', en: 'Amount' }, limits: { min: 1000, max: 50000, currency: 'MAD' } },
        { key: 'staff', type: 'NUMBER', label: { ar: 'العدد', fr: 'Effectif', en: 'Staff' }, limits: { integer: true, min: 0 } },
        {
          key: 'legal',
          type: 'SINGLE_CHOICE',
          label: { ar: 'الشكل', fr: 'Forme', en: 'Form' },
          options: [{ value: 'coop', label: { ar: 'تعاونية', fr: 'Coopérative', en: 'Cooperative' } }],
        },
        {
          key: 'targets',
          type: 'MULTIPLE_CHOICE',
          label: { ar: 'الفئات', fr: 'Publics', en: 'Targets' },
          limits: { maxChoices: 1 },
          options: [
            { value: 'women', label: { ar: 'النساء', fr: 'Femmes', en: 'Women' } },
            { value: 'youth', label: { ar: 'الشباب', fr: 'Jeunes', en: 'Youth' } },
          ],
        },
        { key: 'region', type: 'REGION', label: { ar: 'الجهة', fr: 'Région', en: 'Region' } },
        { key: 'deck', type: 'FILE', label: { ar: 'العرض', fr: 'Présentation', en: 'Deck' }, required: true },
      ],
    },
  ],
});
const fields = new Map(form.sections[0]!.fields.map((field) => [field.key, field]));
const t = i18n.getFixedT('fr', 'applications');

/** The message each field would show for the given answers, as the form resolver reports it. */
function messages(answers: Record<string, unknown>, mode: 'draft' | 'submit') {
  return Object.fromEntries(Object.entries(answerErrors(checkAnswers(form, answers, mode))).map(([key, error]) => [key, answerErrorMessage(error, fields.get(key)!, t)]));
}

describe('answers schema wiring per field type', () => {
  it('accepts an empty draft and a valid one', () => {
    expect(messages({}, 'draft')).toEqual({});
    expect(
      messages(
        { name: 'Atelier', email: 'a@b.ma', phone: '+212 600 000 000', site: 'https://x.ma', founded: '2020-01-31', amount: 20000, staff: 4, legal: 'coop', targets: ['women'], region: 'MA-07', deck: [] },
        'draft',
      ),
    ).toEqual({});
  });

  it('reports every required field missing on submit, and none in a draft', () => {
    expect(messages({ name: '  ' }, 'draft')).toEqual({});
    expect(messages({ name: '  ', deck: [] }, 'submit')).toEqual({ name: 'Ce champ est obligatoire.', deck: 'Ce champ est obligatoire.' });
  });

  it('says what is wrong with each kind of answer, in French', () => {
    const shown = messages(
      { name: 'ab', email: 'nope', phone: 'abc', site: 'javascript:alert(1)', founded: '31/01/2020', amount: 10, staff: 2.5, legal: 'sarl', targets: ['women', 'youth'], region: 'XX' },
      'draft',
    );
    expect(shown.name).toBe('Saisissez au moins 3 caractères.');
    expect(shown.email).toBe(t('errors.email'));
    expect(shown.phone).toBe(t('errors.phone'));
    expect(shown.site).toBe(t('errors.url'));
    expect(shown.founded).toBe(t('errors.date'));
    expect(shown.amount).toBe('Saisissez un nombre supérieur ou égal à 1\u202F000.');
    expect(shown.staff).toBe(t('errors.integer'));
    expect(shown.legal).toBe(t('errors.choice'));
    expect(shown.targets).toBe(t('errors.maxChoices', { max: 1 }));
    expect(shown.region).toBe(t('errors.choice'));
  });

  it('refuses a number above the maximum and a text too long', () => {
    const shown = messages({ amount: 60000, name: 'abcdefghijkl' }, 'draft');
    expect(shown.amount).toBe('Saisissez un nombre inférieur ou égal à 50\u202F000.');
    expect(shown.name).toBe('Saisissez au plus 10 caractères.');
  });
});
