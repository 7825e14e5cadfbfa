import { describe, expect, it } from 'vitest';
import { topicKeyFromLabel, topicsFromOptions } from './topic-keys';

describe('topic keys', () => {
  it('derives a key from a label, unique among the others', () => {
    expect(topicKeyFromLabel('Agriculture & pêche', new Set())).toBe('agriculture_peche');
    expect(topicKeyFromLabel('Économie sociale', new Set(['economie_sociale']))).toBe('economie_sociale_2');
    expect(topicKeyFromLabel(' — ', new Set())).toBe('');
  });

  it('takes the options whose values can be keys, once', () => {
    const label = (fr: string) => ({ ar: 'ع', fr, en: fr });
    const field = {
      type: 'MULTIPLE_CHOICE' as const,
      options: [
        { value: 'agri', label: label('Agriculture') },
        { value: 'Eau-Energie', label: label('Eau') },
        { value: 'sante', label: label('Santé') },
      ],
    };
    expect(topicsFromOptions(field, new Set(['sante']))).toEqual({ added: [{ key: 'agri', label: label('Agriculture') }], skipped: 1 });
  });
});
