import { ZCriterionInput, type TCriterion, type TLocale, type TPutCriteriaRequest } from '@tahkim/contracts';
import { z } from 'zod';
import { i18n } from '../../app/i18n';
import { formatPercent as formatLocalePercent } from '../../lib/number-format';

const EMPTY_TEXT = { ar: '', fr: '', en: '' };
const criterion = ZCriterionInput.shape;

/**
 * The criteria editor's values: the request's criteria, with guidance always present (an all-empty
 * guidance is sent as null). Field names are the request's, so the API's issues land on the inputs.
 */
export const ZCriteriaFormValues = z
  .object({
    criteria: z
      .array(
        z.object({
          key: criterion.key,
          label: criterion.label,
          guidance: z.object({ ar: z.string().max(5000), fr: z.string().max(5000), en: z.string().max(5000) }),
          weight: criterion.weight,
          scaleMin: criterion.scaleMin,
          scaleMax: criterion.scaleMax,
        }),
      )
      .min(1)
      .max(30),
  })
  .superRefine((values, ctx) => {
    values.criteria.forEach((row, index) => {
      if (!row.label.ar.trim() && !row.label.fr.trim() && !row.label.en.trim()) {
        ctx.addIssue({ code: 'custom', path: ['criteria', index, 'label', 'fr'], message: i18n.t('rounds:criteria.errors.label') });
      }
      if (Number.isFinite(row.scaleMin) && Number.isFinite(row.scaleMax) && row.scaleMax <= row.scaleMin) {
        ctx.addIssue({ code: 'custom', path: ['criteria', index, 'scaleMax'], message: i18n.t('rounds:criteria.errors.scale') });
      }
    });
  });
export type CriteriaFormValues = z.input<typeof ZCriteriaFormValues>;
export type CriterionRow = CriteriaFormValues['criteria'][number];

export function criteriaToFormValues(items: readonly TCriterion[]): CriteriaFormValues {
  return {
    criteria: [...items]
      .sort((a, b) => a.position - b.position)
      .map((c) => ({ key: c.key, label: { ...c.label }, guidance: { ...(c.guidance ?? EMPTY_TEXT) }, weight: c.weight, scaleMin: c.scaleMin, scaleMax: c.scaleMax })),
  };
}

/** A new row with a key no other row uses ("criterion_3"); keys never change once given. */
export function newCriterionRow(existing: ReadonlyArray<{ key: string }>): CriterionRow {
  const keys = new Set(existing.map((row) => row.key));
  let n = existing.length + 1;
  while (keys.has(`criterion_${n}`)) n += 1;
  return { key: `criterion_${n}`, label: { ...EMPTY_TEXT }, guidance: { ...EMPTY_TEXT }, weight: 1, scaleMin: 0, scaleMax: 5 };
}

export function toPutCriteriaRequest(values: CriteriaFormValues, reset: boolean): TPutCriteriaRequest {
  return {
    reset,
    criteria: values.criteria.map((row) => {
      const hasGuidance = Boolean(row.guidance.ar.trim() || row.guidance.fr.trim() || row.guidance.en.trim());
      return { key: row.key, label: row.label, guidance: hasGuidance ? row.guidance : null, weight: row.weight, scaleMin: row.scaleMin, scaleMax: row.scaleMax };
    }),
  };
}

/** "33,3 %" as the interface language writes a percentage (lib/number-format.ts). */
export function formatPercent(percent: number, locale: TLocale): string {
  return formatLocalePercent(percent, locale, 1);
}
