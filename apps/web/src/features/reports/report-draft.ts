import type { TAnswers, TFormDefinition, TFormField, TIndicatorValues, TProgrammeIndicator, TProgressReport, TValidationIssue } from '@tahkim/contracts';

// A report is edited as one set of answers: the report form's, and one number per impact indicator under
// an `indicator:` key, which no field key can take (field keys are lower-case letters, digits and _). So the
// application form's pieces serve it as they are: autosave and its local copy, the conflict screen, the
// answers' list and checks. The API receives them apart again: { answers, indicatorValues }.
const INDICATOR_PREFIX = 'indicator:';

/** The key under which an indicator's value is edited. */
export const indicatorFieldKey = (key: string): string => `${INDICATOR_PREFIX}${key}`;

/** The indicators' section of the draft's form (not a possible section key either). */
export const INDICATORS_SECTION_KEY = 'indicator:values';

/** The largest magnitude an indicator value may have (the contracts' bound). */
const INDICATOR_BOUND = 1e12;

/** How an indicator is asked, in the reader's language: its label (with its unit) and the help under it. */
export interface IndicatorWording {
  label: string;
  help?: string;
}

/**
 * The report's form with the indicators as a last section of optional NUMBER questions (the wording comes
 * in the reader's language, the same in every slot).
 */
export function draftForm(form: TFormDefinition, indicators: readonly TProgrammeIndicator[], section: { title: string; description: string }, word: (indicator: TProgrammeIndicator) => IndicatorWording): TFormDefinition {
  if (indicators.length === 0) return form;
  const same = (text: string) => ({ ar: text, fr: text, en: text });
  const fields: TFormField[] = indicators.map((indicator) => {
    const { label, help } = word(indicator);
    return {
      key: indicatorFieldKey(indicator.key),
      type: 'NUMBER',
      label: same(label),
      ...(help ? { help: same(help) } : {}),
      required: false,
      identifying: false,
      hidden: false,
      limits: { min: -INDICATOR_BOUND, max: INDICATOR_BOUND },
      options: [],
    };
  });
  return { sections: [...form.sections, { key: INDICATORS_SECTION_KEY, title: same(section.title), description: same(section.description), hidden: false, fields }] };
}

/** The saved report as one set of answers (FILE questions are read from its attachments). */
export function draftAnswersOf(report: Pick<TProgressReport, 'answers' | 'indicatorValues' | 'indicators'>): TAnswers {
  const answers: TAnswers = { ...report.answers };
  for (const indicator of report.indicators) answers[indicatorFieldKey(indicator.key)] = report.indicatorValues[indicator.key] ?? null;
  return answers;
}

/** What a save sends: the report form's answers, and each indicator's value (null: not measured this period). */
export function splitDraft(draft: TAnswers, indicators: readonly TProgrammeIndicator[]): { answers: TAnswers; indicatorValues: TIndicatorValues } {
  const answers: TAnswers = {};
  for (const [key, value] of Object.entries(draft)) if (!key.startsWith(INDICATOR_PREFIX)) answers[key] = value;
  const indicatorValues: TIndicatorValues = {};
  for (const indicator of indicators) {
    const value = draft[indicatorFieldKey(indicator.key)];
    indicatorValues[indicator.key] = typeof value === 'number' && Number.isFinite(value) ? value : null;
  }
  return { answers, indicatorValues };
}

/**
 * The draft's key an API issue points at (`answers.<key>`, `indicatorValues.<key>`, or a bare field key as
 * the application's submit answers), or null for the report as a whole.
 */
export function issueKey(issue: Pick<TValidationIssue, 'path'>): string | null {
  const [where, key] = issue.path;
  if (where === 'answers') return typeof key === 'string' ? key : null;
  if (where === 'indicatorValues') return typeof key === 'string' ? indicatorFieldKey(key) : null;
  return typeof where === 'string' ? where : null;
}
