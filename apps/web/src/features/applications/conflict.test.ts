import { ZFormDefinition } from '@tahkim/contracts';
import { describe, expect, it } from 'vitest';
import { differingKeys } from './answers';
import { chooseAll, mergeConflict, defaultChoices } from './conflict';

const form = ZFormDefinition.parse({
  sections: [
    {
      key: 's',
      title: { ar: 'ق', fr: 'S', en: 'S' },
      fields: [
        { key: 'name', type: 'SHORT_TEXT', label: { ar: 'أ', fr: 'Nom', en: 'Name' } },
        { key: 'amount', type: 'MONEY', label: { ar: 'ب', fr: 'Montant', en: 'Amount' } },
        { key: 'pitch', type: 'LONG_TEXT', label: { ar: 'ج', fr: 'Pitch', en: 'Pitch' } },
        { key: 'deck', type: 'FILE', label: { ar: 'د', fr: 'Deck', en: 'Deck' } },
      ],
    },
  ],
});

describe('conflict chooser', () => {
  const mine = { name: 'Traiteur solidaire', amount: 50000, pitch: '', deck: ['a'] };
  const saved = { name: 'Traiteur', amount: 50000, pitch: 'Former des femmes', deck: ['b'] };

  it('lists the differing answers in form order, ignoring files and blank-vs-missing', () => {
    expect(differingKeys(form, mine, saved)).toEqual(['name', 'pitch']);
    expect(differingKeys(form, { name: '', amount: null }, {})).toEqual([]);
  });

  it('merges field by field as chosen', () => {
    const differing = differingKeys(form, mine, saved);
    expect(mergeConflict(mine, saved, differing, { name: 'mine', pitch: 'saved' })).toEqual({
      name: 'Traiteur solidaire',
      amount: 50000,
      pitch: 'Former des femmes',
      deck: ['b'],
    });
    expect(mergeConflict(mine, saved, differing, { name: 'saved', pitch: 'mine' })).toMatchObject({ name: 'Traiteur', pitch: '' });
  });

  it('keeps all of mine or all of the saved version', () => {
    const differing = differingKeys(form, mine, saved);
    expect(mergeConflict(mine, saved, differing, chooseAll(differing, 'mine'))).toMatchObject({ name: 'Traiteur solidaire', pitch: '' });
    expect(mergeConflict(mine, saved, differing, chooseAll(differing, 'saved'))).toEqual(saved);
  });

  it('never drops typing silently: a field without a choice keeps the person\'s answer', () => {
    const differing = differingKeys(form, mine, saved);
    expect(mergeConflict(mine, saved, differing, {})).toMatchObject({ name: 'Traiteur solidaire', pitch: '' });
  });
});

describe('defaultChoices', () => {
  it('offers this page’s version only for answers this page changed', () => {
    const base = { name: 'MAMIAM', summary: 'Old summary', region: 'MA-06' };
    const mine = { name: 'MAMIAM traiteur', summary: 'Old summary', region: 'MA-06' };
    // The other tab changed the summary; this one changed the name.
    expect(defaultChoices(['name', 'summary'], mine, base)).toEqual({ name: 'mine', summary: 'saved' });
  });

  it('offers this page’s typing everywhere when its starting point is unknown', () => {
    expect(defaultChoices(['name', 'summary'], { name: 'a', summary: 'b' }, undefined)).toEqual({ name: 'mine', summary: 'mine' });
  });
});
