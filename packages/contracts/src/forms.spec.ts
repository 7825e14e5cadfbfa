import { describe, expect, it } from 'vitest';
import { evaluateEligibility } from './eligibility';
import { buildAnswersSchema, missingRequiredAnswers, ZFormDefinition, type TFormDefinitionInput } from './forms';

const t = (fr: string) => ({ ar: fr, fr, en: fr });
const form = ZFormDefinition.parse({
  sections: [
    {
      key: 'project',
      title: t('Projet'),
      fields: [
        { key: 'name', type: 'SHORT_TEXT', label: t('Nom'), required: true, limits: { maxLength: 20 } },
        { key: 'region', type: 'REGION', label: t('Région'), required: true },
        { key: 'beneficiaries', type: 'MULTIPLE_CHOICE', label: t('Bénéficiaires'), options: [{ value: 'women', label: t('Femmes') }, { value: 'youth', label: t('Jeunes') }], limits: { maxChoices: 1 } },
        { key: 'amount', type: 'MONEY', label: t('Montant'), limits: { min: 1000, max: 300000 } },
        { key: 'contact', type: 'EMAIL', label: t('E-mail'), identifying: true },
        { key: 'deck', type: 'FILE', label: t('Pitch'), required: true, limits: { maxFiles: 1 } },
        { key: 'old', type: 'SHORT_TEXT', label: t('Ancien'), required: true, hidden: true },
      ],
    },
  ],
} satisfies TFormDefinitionInput);

describe('buildAnswersSchema', () => {
  const draft = buildAnswersSchema(form, 'draft');
  const submit = buildAnswersSchema(form, 'submit');

  it('accepts a partial draft but checks what is given', () => {
    expect(draft.safeParse({}).success).toBe(true);
    expect(draft.safeParse({ name: '', region: 'MA-07' }).success).toBe(true);
    const bad = draft.safeParse({ name: 'x'.repeat(21), region: 'MA-99', amount: 10, contact: 'nope', beneficiaries: ['women', 'youth'] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((issue) => issue.path[0]).sort()).toEqual(['amount', 'beneficiaries', 'contact', 'name', 'region']);
  });

  it('refuses keys that are not fields of the form, and values of the wrong type', () => {
    expect(draft.safeParse({ isAdmin: true }).error!.issues[0]!.code).toBe('unrecognized_keys');
    expect(draft.safeParse({ amount: '5000' }).success).toBe(false);
  });

  it('requires every required visible field on submit, never a hidden one', () => {
    const result = submit.safeParse({ name: '  ', region: 'MA-07' });
    expect(result.error!.issues.map((issue) => issue.path[0])).toEqual(['name', 'deck']);
    expect(submit.safeParse({ name: 'MAMIAM', region: 'MA-06', deck: ['0190f1a2-0000-7000-8000-000000000001'], old: 42 }).success).toBe(true);
    expect(missingRequiredAnswers(form, { region: 'MA-06' })).toEqual(['name', 'deck']);
  });
});

describe('ZFormDefinition', () => {
  it('refuses duplicate keys and choice fields without options', () => {
    const result = ZFormDefinition.safeParse({
      sections: [{ key: 's', title: t('S'), fields: [{ key: 'a', type: 'SINGLE_CHOICE', label: t('A') }, { key: 'a', type: 'SHORT_TEXT', label: t('B') }] }],
    });
    expect(result.error!.issues.map((issue) => issue.message)).toEqual(expect.arrayContaining(['a choice field needs options', 'duplicate field key']));
  });
});

describe('evaluateEligibility', () => {
  const rules = [
    { kind: 'IN_LIST' as const, fieldKey: 'region', values: ['MA-07', 'MA-06'] },
    { kind: 'AT_MOST' as const, fieldKey: 'amount', max: 300000 },
  ];
  it('sorts applications into eligible, ineligible and unsure', () => {
    expect(evaluateEligibility(rules, { region: 'MA-07', amount: 250000 }).suggestion).toBe('ELIGIBLE');
    expect(evaluateEligibility(rules, { region: 'MA-01', amount: 250000 })).toEqual({ suggestion: 'INELIGIBLE', failed: [0], unanswered: [] });
    expect(evaluateEligibility(rules, { region: 'MA-07' })).toEqual({ suggestion: 'UNSURE', failed: [], unanswered: [1] });
  });
});
