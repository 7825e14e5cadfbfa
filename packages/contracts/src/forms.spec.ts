import { describe, expect, it } from 'vitest';
import { evaluateEligibility } from './eligibility';
import { ZFormDefinition } from './forms';

const t = (fr: string) => ({ ar: fr, fr, en: fr });
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
