import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seededRandom } from '@tahkim/scoring';
import { allFields, checkAnswers, DEFAULT_MAX_LENGTH, fieldOptions, isEmptyAnswer, missingRequiredAnswers, type AnswersMode } from './answers';
import { ZFormDefinition, type TFormDefinition, type TFormDefinitionInput, type TFormField } from './forms';

const t = (fr: string) => ({ ar: fr, fr, en: fr });
const form = ZFormDefinition.parse({
  sections: [
    {
      key: 'project',
      title: t('Projet'),
      fields: [
        { key: 'name', type: 'SHORT_TEXT', label: t('Nom'), required: true, limits: { maxLength: 20, minLength: 3 } },
        { key: 'pitch', type: 'LONG_TEXT', label: t('Pitch') },
        { key: 'region', type: 'REGION', label: t('Région'), required: true },
        { key: 'legal', type: 'SINGLE_CHOICE', label: t('Statut'), options: [{ value: 'coop', label: t('Coopérative') }, { value: 'asso', label: t('Association') }] },
        { key: 'beneficiaries', type: 'MULTIPLE_CHOICE', label: t('Bénéficiaires'), options: [{ value: 'women', label: t('Femmes') }, { value: 'youth', label: t('Jeunes') }, { value: 'rural', label: t('Rural') }], limits: { maxChoices: 2, minChoices: 2 } },
        { key: 'amount', type: 'MONEY', label: t('Montant'), limits: { min: 1000, max: 300000 } },
        { key: 'staff', type: 'NUMBER', label: t('Effectif'), limits: { integer: true, min: 1 } },
        { key: 'ratio', type: 'NUMBER', label: t('Ratio') },
        { key: 'contact', type: 'EMAIL', label: t('E-mail'), identifying: true },
        { key: 'phone', type: 'PHONE', label: t('Téléphone') },
        { key: 'site', type: 'URL', label: t('Site') },
        { key: 'founded', type: 'DATE', label: t('Création') },
        { key: 'deck', type: 'FILE', label: t('Pitch'), required: true, limits: { maxFiles: 2 } },
        { key: 'old', type: 'SHORT_TEXT', label: t('Ancien'), required: true, hidden: true },
      ],
    },
    { key: 'gone', title: t('Ancienne étape'), hidden: true, fields: [{ key: 'legacy', type: 'NUMBER', label: t('Ancien'), required: true }] },
  ],
} satisfies TFormDefinitionInput);

describe('checkAnswers', () => {
  it('accepts a partial draft but checks what is given', () => {
    expect(checkAnswers(form, {}, 'draft')).toEqual([]);
    expect(checkAnswers(form, { name: '', region: 'MA-07' }, 'draft')).toEqual([]);
    const bad = checkAnswers(form, { name: 'x'.repeat(21), region: 'MA-99', amount: 10, contact: 'nope', beneficiaries: ['women', 'youth', 'rural'] }, 'draft');
    expect(bad.map((issue) => issue.path[0]).sort()).toEqual(['amount', 'beneficiaries', 'contact', 'name', 'region']);
  });

  it('refuses keys that are not fields of the form, and values of the wrong type', () => {
    expect(checkAnswers(form, { isAdmin: true }, 'draft')[0]!.code).toBe('unrecognized_keys');
    expect(checkAnswers(form, { amount: '5000' }, 'draft')).toMatchObject([{ code: 'invalid_type', path: ['amount'], expected: 'number' }]);
  });

  it('requires every required visible field on submit, never a hidden one', () => {
    expect(checkAnswers(form, { name: '  ', region: 'MA-07' }, 'submit').map((issue) => issue.path[0])).toEqual(['name', 'deck']);
    expect(checkAnswers(form, { name: 'MAMIAM', region: 'MA-06', deck: ['0190f1a2-0000-7000-8000-000000000001'], old: 42, legacy: 'x' }, 'submit')).toEqual([]);
    expect(missingRequiredAnswers(form, { region: 'MA-06' })).toEqual(['name', 'deck']);
  });
});

// The answers used to be checked by a zod schema built from the form; the API's error answers (codes,
// paths, messages in three languages) must stay exactly what it gave. That schema is the reference here.
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE = /^\+?[0-9][0-9 ().-]{5,24}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function referenceValue(field: TFormField): z.ZodType {
  const { limits } = field;
  switch (field.type) {
    case 'SHORT_TEXT':
    case 'LONG_TEXT': {
      const text = z.string().max(limits.maxLength ?? DEFAULT_MAX_LENGTH[field.type]);
      return limits.minLength ? text.min(limits.minLength) : text;
    }
    case 'EMAIL':
      return z.string().max(254).pipe(z.email());
    case 'PHONE':
      return z.string().regex(PHONE);
    case 'URL':
      return z.string().max(2000).pipe(z.url({ protocol: /^https?$/ }));
    case 'DATE':
      return z.string().regex(ISO_DATE).refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), { message: 'invalid date' });
    case 'NUMBER':
    case 'MONEY': {
      let number = z.number().finite();
      if (limits.min !== undefined) number = number.min(limits.min);
      if (limits.max !== undefined) number = number.max(limits.max);
      return limits.integer ? number.int() : number;
    }
    case 'SINGLE_CHOICE':
    case 'REGION': {
      const values = fieldOptions(field).map((option) => option.value);
      return z.string().refine((value) => values.includes(value), { message: 'not one of the options' });
    }
    case 'MULTIPLE_CHOICE': {
      const values = fieldOptions(field).map((option) => option.value);
      let choices = z
        .array(z.string().refine((value) => values.includes(value), { message: 'not one of the options' }))
        .refine((chosen) => new Set(chosen).size === chosen.length, { message: 'an option is chosen twice' });
      if (limits.minChoices) choices = choices.refine((chosen) => chosen.length >= limits.minChoices!, { message: `choose at least ${limits.minChoices}` });
      if (limits.maxChoices) choices = choices.refine((chosen) => chosen.length <= limits.maxChoices!, { message: `choose at most ${limits.maxChoices}` });
      return choices;
    }
    case 'FILE':
      return z.array(z.string().regex(UUID)).max(limits.maxFiles ?? 1);
  }
}
function referenceSchema(definition: TFormDefinition, mode: AnswersMode) {
  const fields = allFields(definition);
  const checks = fields.filter((field) => !field.hidden).map((field) => ({ field, value: referenceValue(field) }));
  return z.strictObject(Object.fromEntries(fields.map((field) => [field.key, z.unknown().optional()]))).superRefine((answers, ctx) => {
    for (const { field, value } of checks) {
      const input = answers[field.key];
      if (isEmptyAnswer(input)) {
        if (mode === 'submit' && field.required) ctx.addIssue({ code: 'custom', path: [field.key], message: 'required', params: { reason: 'required' } });
        continue;
      }
      const result = value.safeParse(input);
      if (!result.success) for (const issue of result.error.issues) ctx.addIssue({ ...issue, path: [field.key, ...issue.path] } as never);
    }
  });
}

/** A deterministic generator, so a failure names the seed that shows it. */
const random = seededRandom;

const SAMPLES: unknown[] = [
  undefined, null, '', '   ', 'ab', 'abc', 'Atelier solidaire', 'x'.repeat(21), 'x'.repeat(255), 'مشروع تعاونية النساء', 0, -1, 1, 2.5, 999, 1000, 300000,
  300001, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, -(2 ** 60), true, false, {}, [], ['women'], ['women', 'youth'], ['women', 'women'], ['women', 'youth', 'rural'],
  ['nope'], ['women', 3], [null], 'women', 'coop', 'sarl', 'MA-07', 'MA-99', 'a@b.ma', 'nope', 'a..b@x.ma', `${'a'.repeat(250)}@x.ma`, '+212 600 000 000', 'abc',
  '0612345678', 'https://x.ma', ' https://x.ma/page ', 'http:x.ma', 'javascript:alert(1)', 'ftp://x.ma', 'https://', 'https://exa mple.ma', `https://x.ma/${'a'.repeat(2000)}`,
  '2020-01-31', '2020-13-45', '31/01/2020', '2020-02-30', ['0190f1a2-0000-7000-8000-000000000001'],
  ['0190f1a2-0000-7000-8000-000000000001', '0190f1a2-0000-7000-8000-000000000002', '0190f1a2-0000-7000-8000-000000000003'], ['not-an-id'], ['0190f1a2-0000-7000-8000-000000000001', 5],
];

const localeErrors = { ar: z.locales.ar().localeError, fr: z.locales.fr().localeError, en: z.locales.en().localeError };
/** An issue as the API answers it: path, code and the message in each language. */
function asAnswered(issue: object) {
  const { path, code, message } = issue as { path: unknown[]; code: string; message: string };
  const translated = Object.fromEntries(
    Object.entries(localeErrors).map(([locale, localeError]) => {
      const result = localeError(issue as never);
      return [locale, typeof result === 'string' ? result : (result?.message ?? message)];
    }),
  );
  return { path, code, message, translated };
}

describe('checkAnswers gives the issues the zod schema gave', () => {
  const keys = allFields(form).map((field) => field.key);
  const reference = { draft: referenceSchema(form, 'draft'), submit: referenceSchema(form, 'submit') };
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    // 800 comparisons: a second on a quiet machine, many more beside other work.
    it(`on random answers (seed ${seed})`, { timeout: 60_000 }, () => {
      const next = random(seed);
      for (let round = 0; round < 400; round += 1) {
        const answers: Record<string, unknown> = {};
        for (const key of keys) if (next() < 0.6) answers[key] = SAMPLES[Math.floor(next() * SAMPLES.length)];
        if (next() < 0.05) answers[`extra_${round % 3}`] = 1;
        for (const mode of ['draft', 'submit'] as const) {
          const expected = reference[mode].safeParse(answers).error?.issues ?? [];
          expect(checkAnswers(form, answers, mode).map(asAnswered), JSON.stringify({ answers, mode })).toEqual(expected.map(asAnswered));
        }
      }
    });
  }

  it('on answers that are not an object', () => {
    for (const answers of [null, [1], 'x', 3]) {
      expect(checkAnswers(form, answers, 'draft').map(asAnswered)).toEqual(referenceSchema(form, 'draft').safeParse(answers).error!.issues.map(asAnswered));
    }
  });
});
