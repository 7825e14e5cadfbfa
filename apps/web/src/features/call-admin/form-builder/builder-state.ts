import { latinise } from '../slug-from-title';
import type { TFieldLimits, TFieldType, TFormDefinition, TFormDefinitionInput, TFormField, TFormSection } from '@tahkim/contracts';

/**
 * The form builder's working copy of a call's form. Each section and field carries a stable `uid`
 * (keys can be edited, so they cannot identify rows while dragging) and whether it exists in the
 * saved form (`persisted`): once applications exist, a saved field can be hidden but never deleted.
 */
export interface BuilderField extends TFormField {
  uid: string;
  persisted: boolean;
}
export interface BuilderSection extends Omit<TFormSection, 'fields'> {
  uid: string;
  persisted: boolean;
  fields: BuilderField[];
}
export interface BuilderState {
  sections: BuilderSection[];
}

let sequence = 0;
export function newUid(prefix: 'section' | 'field'): string {
  sequence += 1;
  return `${prefix}-${Date.now().toString(36)}-${sequence}`;
}

export function fromDefinition(definition: TFormDefinition): BuilderState {
  return {
    sections: definition.sections.map((section) => ({
      ...section,
      uid: newUid('section'),
      persisted: true,
      fields: section.fields.map((field) => ({ ...field, uid: newUid('field'), persisted: true })),
    })),
  };
}

export function toDefinition(state: BuilderState): TFormDefinitionInput {
  return {
    sections: state.sections.map(({ uid: _uid, persisted: _persisted, fields, ...section }) => ({
      ...section,
      fields: fields.map(({ uid: _fieldUid, persisted: _fieldPersisted, ...field }) => field),
    })),
  };
}

/** The limits that mean something for a type; the others are dropped when the type changes. */
const LIMITS_BY_TYPE: Record<TFieldType, readonly (keyof TFieldLimits)[]> = {
  SHORT_TEXT: ['minLength', 'maxLength'],
  LONG_TEXT: ['minLength', 'maxLength'],
  NUMBER: ['min', 'max', 'integer'],
  MONEY: ['min', 'max', 'integer', 'currency'],
  DATE: [],
  SINGLE_CHOICE: [],
  MULTIPLE_CHOICE: ['minChoices', 'maxChoices'],
  EMAIL: [],
  PHONE: [],
  URL: [],
  REGION: [],
  FILE: ['maxFiles', 'maxFileSizeBytes', 'acceptedMediaTypes'],
};

export function limitKeysFor(type: TFieldType): readonly (keyof TFieldLimits)[] {
  return LIMITS_BY_TYPE[type];
}

export function limitsFor(type: TFieldType, limits: TFieldLimits): TFieldLimits {
  const kept: Record<string, unknown> = {};
  for (const key of LIMITS_BY_TYPE[type]) {
    const value = limits[key];
    if (value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0) && value !== false) kept[key] = value;
  }
  if (type === 'MONEY') kept.currency = 'MAD';
  return kept as TFieldLimits;
}

export function hasOptions(type: TFieldType): boolean {
  return type === 'SINGLE_CHOICE' || type === 'MULTIPLE_CHOICE';
}

/**
 * A field key from a label: "Montant demandé (MAD)" → "montant_demande_mad", an Arabic label
 * transliterated ("اسم المشروع" → "asm_almchroua"). Keys are
 * lower-case ASCII letters, digits and "_", start with a letter, and are unique in the form
 * ("_2", "_3"... are added when needed).
 */
export function keyFromLabel(label: string, taken: ReadonlySet<string>, fallback = 'champ'): string {
  let base = latinise(label)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!base) base = fallback;
  if (!/^[a-z]/.test(base)) base = `${fallback}_${base}`;
  base = base.slice(0, 50).replace(/_+$/, '');
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** An option's value from its label, unique among the field's options (letters, digits, _ and -). */
export function optionValueFromLabel(label: string, taken: ReadonlySet<string>): string {
  return keyFromLabel(label, taken, 'option');
}

/** Every field key in the form except one field's own (the one being edited). */
export function fieldKeysExcept(state: BuilderState, uid?: string): Set<string> {
  return new Set(state.sections.flatMap((section) => section.fields.filter((field) => field.uid !== uid).map((field) => field.key)));
}

export function sectionKeysExcept(state: BuilderState, uid?: string): Set<string> {
  return new Set(state.sections.filter((section) => section.uid !== uid).map((section) => section.key));
}

/** Deleting is refused for what applications may have answered; it can be hidden instead. */
export function canDeleteField(field: BuilderField, locked: boolean): boolean {
  return !locked || !field.persisted;
}

export function canDeleteSection(section: BuilderSection, locked: boolean): boolean {
  return section.fields.every((field) => canDeleteField(field, locked)) && (!locked || !section.persisted || section.fields.length === 0);
}

export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) return [...items];
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

export type BuilderAction =
  | { type: 'reset'; state: BuilderState }
  | { type: 'addSection'; section: BuilderSection }
  | { type: 'updateSection'; uid: string; section: Partial<Omit<BuilderSection, 'uid' | 'fields'>> }
  | { type: 'removeSection'; uid: string }
  | { type: 'moveSection'; uid: string; to: number }
  | { type: 'addField'; sectionUid: string; field: BuilderField }
  | { type: 'updateField'; uid: string; field: Partial<Omit<BuilderField, 'uid'>> }
  | { type: 'removeField'; uid: string }
  | { type: 'moveField'; uid: string; to: number };

function mapFields(state: BuilderState, map: (fields: BuilderField[], section: BuilderSection) => BuilderField[]): BuilderState {
  return { sections: state.sections.map((section) => ({ ...section, fields: map(section.fields, section) })) };
}

export function builderReducer(state: BuilderState, action: BuilderAction): BuilderState {
  switch (action.type) {
    case 'reset':
      return action.state;
    case 'addSection':
      return { sections: [...state.sections, action.section] };
    case 'updateSection':
      return { sections: state.sections.map((section) => (section.uid === action.uid ? { ...section, ...action.section } : section)) };
    case 'removeSection':
      return { sections: state.sections.filter((section) => section.uid !== action.uid) };
    case 'moveSection': {
      const from = state.sections.findIndex((section) => section.uid === action.uid);
      return { sections: moveItem(state.sections, from, action.to) };
    }
    case 'addField':
      return { sections: state.sections.map((section) => (section.uid === action.sectionUid ? { ...section, fields: [...section.fields, action.field] } : section)) };
    case 'updateField':
      return mapFields(state, (fields) => fields.map((field) => (field.uid === action.uid ? { ...field, ...action.field } : field)));
    case 'removeField':
      return mapFields(state, (fields) => fields.filter((field) => field.uid !== action.uid));
    case 'moveField':
      return mapFields(state, (fields) => {
        const from = fields.findIndex((field) => field.uid === action.uid);
        return from === -1 ? fields : moveItem(fields, from, action.to);
      });
  }
}
