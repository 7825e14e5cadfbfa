import { allFields, checkAnswers, defaultReportForm } from '@tahkim/contracts';
import { describe, expect, it } from 'vitest';
import { draftAnswersOf, draftForm, indicatorFieldKey, INDICATORS_SECTION_KEY, issueKey, splitDraft } from './report-draft';
import { reportAction } from './report-action';
import { indicators, reportFixture } from './test-fixtures';

const form = draftForm(defaultReportForm(), indicators, { title: 'Indicateurs', description: '' }, (indicator) => ({ label: indicator.key }));

describe("a report's draft: the report form's answers and the indicators' values as one set of answers", () => {
  it('asks each indicator as an optional number, in a last section whose keys no field can take', () => {
    const section = form.sections.at(-1)!;
    expect(section.key).toBe(INDICATORS_SECTION_KEY);
    expect(section.fields.map((field) => [field.key, field.type, field.required])).toEqual([
      ['indicator:women_trained', 'NUMBER', false],
      ['indicator:monthly_revenue', 'NUMBER', false],
    ]);
    // Empty is allowed; a number is checked as any NUMBER answer.
    expect(checkAnswers(form, { [indicatorFieldKey('women_trained')]: null }, 'submit').map((issue) => issue.path)).toEqual([['achievements']]);
    expect(checkAnswers(form, { [indicatorFieldKey('women_trained')]: 2e12 }, 'draft')).toHaveLength(1);
  });

  it('leaves a form without indicators as it is', () => {
    const definition = defaultReportForm();
    expect(draftForm(definition, [], { title: '', description: '' }, () => ({ label: '' }))).toBe(definition);
  });

  it('reads a saved report into one set, and splits it back for the API (missing values are null)', () => {
    const report = reportFixture({ answers: { achievements: 'Deux ateliers' }, indicatorValues: { women_trained: 12 } });
    const draft = draftAnswersOf(report);
    expect(draft).toEqual({ achievements: 'Deux ateliers', 'indicator:women_trained': 12, 'indicator:monthly_revenue': null });
    expect(splitDraft({ ...draft, difficulties: '' }, indicators)).toEqual({
      answers: { achievements: 'Deux ateliers', difficulties: '' },
      indicatorValues: { women_trained: 12, monthly_revenue: null },
    });
    expect(allFields(form).map((field) => field.key)).toEqual(expect.arrayContaining(Object.keys(draft)));
  });

  it("points the API's issues at the draft's keys", () => {
    expect(issueKey({ path: ['answers', 'achievements'] })).toBe('achievements');
    expect(issueKey({ path: ['indicatorValues', 'women_trained'] })).toBe('indicator:women_trained');
    expect(issueKey({ path: ['achievements'] })).toBe('achievements');
    expect(issueKey({ path: ['version'] })).toBe('version');
    expect(issueKey({ path: [] })).toBeNull();
  });
});

describe('what the card offers to do with a report', () => {
  it('writes a new one, continues a draft, amends what staff sent back, reads what was sent', () => {
    expect([null, 'DRAFT', 'CHANGES_REQUESTED', 'SUBMITTED', 'ACCEPTED'].map((status) => reportAction(status as never))).toEqual([
      'write',
      'continue',
      'amend',
      'read',
      'read',
    ]);
  });
});
