import { ZFormDefinition, type TFormDefinition } from '@tahkim/contracts';
import { describe, expect, it } from 'vitest';
import {
  builderReducer,
  canDeleteField,
  fieldKeysExcept,
  fromDefinition,
  keyFromLabel,
  limitsFor,
  moveItem,
  newUid,
  toDefinition,
} from './builder-state';

const text = (fr: string) => ({ ar: '', fr, en: '' });
const definition: TFormDefinition = ZFormDefinition.parse({
  sections: [
    {
      key: 'projet',
      title: text('Le projet'),
      fields: [
        { key: 'nom_projet', type: 'SHORT_TEXT', label: text('Nom du projet') },
        { key: 'montant', type: 'MONEY', label: text('Montant'), limits: { max: 100000, currency: 'MAD' } },
        { key: 'region', type: 'REGION', label: text('Région') },
      ],
    },
  ],
});

describe('field keys', () => {
  it('derives a key from the French label, without accents or punctuation', () => {
    expect(keyFromLabel('Montant demandé (MAD)', new Set())).toBe('montant_demande_mad');
    expect(keyFromLabel("Nom de l'organisation", new Set())).toBe('nom_de_lorganisation');
    expect(keyFromLabel('  Équipe & partenaires ', new Set())).toBe('equipe_partenaires');
  });

  it('starts with a letter, transliterates Arabic and falls back when nothing is left', () => {
    expect(keyFromLabel('2e question', new Set())).toBe('champ_2e_question');
    expect(keyFromLabel('اسم المشروع', new Set())).toBe('asm_almchroua');
    expect(keyFromLabel('؟', new Set())).toBe('champ');
  });

  it('stays unique in the form', () => {
    const state = fromDefinition(definition);
    const taken = fieldKeysExcept(state);
    expect(keyFromLabel('Montant', taken)).toBe('montant_2');
    expect(keyFromLabel('Montant', new Set([...taken, 'montant_2']))).toBe('montant_3');
    // The field being edited does not collide with itself.
    const montant = state.sections[0]!.fields[1]!;
    expect(keyFromLabel('Montant', fieldKeysExcept(state, montant.uid))).toBe('montant');
  });

  it('produces keys the contracts accept', () => {
    for (const label of ['Montant demandé (MAD)', '2e question', 'اسم', 'a'.repeat(200)]) {
      expect(keyFromLabel(label, new Set())).toMatch(/^[a-z][a-z0-9_]{0,62}$/);
    }
  });
});

describe('builder state', () => {
  it('round-trips a definition', () => {
    expect(ZFormDefinition.parse(toDefinition(fromDefinition(definition)))).toEqual(definition);
  });

  it('moves fields up and down within their section', () => {
    let state = fromDefinition(definition);
    const [first, second] = state.sections[0]!.fields;
    state = builderReducer(state, { type: 'moveField', uid: first!.uid, to: 1 });
    expect(state.sections[0]!.fields.map((field) => field.key)).toEqual(['montant', 'nom_projet', 'region']);
    state = builderReducer(state, { type: 'moveField', uid: second!.uid, to: 2 });
    expect(state.sections[0]!.fields.map((field) => field.key)).toEqual(['nom_projet', 'region', 'montant']);
  });

  it('ignores a move out of bounds', () => {
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
  });

  it('refuses to delete a saved field once the form is locked, but not a new one', () => {
    const state = fromDefinition(definition);
    const saved = state.sections[0]!.fields[0]!;
    expect(canDeleteField(saved, true)).toBe(false);
    expect(canDeleteField(saved, false)).toBe(true);
    expect(canDeleteField({ ...saved, uid: newUid('field'), persisted: false }, true)).toBe(true);
  });

  it('keeps only the limits of the field type', () => {
    expect(limitsFor('SHORT_TEXT', { maxLength: 100, min: 3, maxFiles: 2 })).toEqual({ maxLength: 100 });
    expect(limitsFor('MONEY', { max: 5 })).toEqual({ max: 5, currency: 'MAD' });
    expect(limitsFor('FILE', { maxFiles: 2, acceptedMediaTypes: [] })).toEqual({ maxFiles: 2 });
  });
});
