import { describe, expect, it } from 'vitest';
import { newIndicator, newMilestone, programmeToFormValues, savedKeys, toProgrammeRequest, ZProgrammeFormValues, type ProgrammeFormValues } from './programme-form-values';
import { programmeFixture } from './test-fixtures';

const text = (fr: string, ar = '', en = '') => ({ ar, fr, en });
const parse = (values: ProgrammeFormValues) => ZProgrammeFormValues.parse(values);

describe('the programme form values', () => {
  it('reads the saved programme with the due dates as the server wrote them in Casablanca time', () => {
    const values = programmeToFormValues(programmeFixture());
    expect(values.milestones.map((milestone) => [milestone.key, milestone.dueAt])).toEqual([
      ['first_cohort', '2026-10-31T18:00'],
      ['midterm_report', '2027-01-31T23:59'],
    ]);
    // A milestone without a description gets empty texts to type in.
    expect(values.milestones[1]!.description).toEqual(text(''));
  });

  it('keeps the keys of saved items and makes each new one once, from its title, unique in the programme', () => {
    const saved = programmeFixture();
    const values = programmeToFormValues(saved);
    const request = toProgrammeRequest(
      parse({
        milestones: [
          ...values.milestones,
          { ...newMilestone(), title: text('Rapport final'), dueAt: '2027-06-30T23:59' },
          { ...newMilestone(), title: text('', 'التقرير النهائي', 'Final report'), dueAt: '2027-06-30T23:59' },
          { ...newMilestone(), title: text('', 'زيارة ميدانية'), dueAt: '2027-03-15T10:00' },
          { ...newMilestone(), title: text('First cohort'), dueAt: '2027-03-15T10:00' },
          { ...newMilestone(), title: text('!!'), dueAt: '2027-04-01T10:00' },
        ],
        // An indicator removed in this edit keeps its key out of reach of a new one.
        indicators: [values.indicators[0]!, { ...newIndicator(), label: text('Chiffre d’affaires mensuel') }, { ...newIndicator(), label: text('Monthly revenue') }],
      }),
      saved.version,
      savedKeys(saved),
    );
    expect(request.version).toBe(2);
    expect(request.milestones.map((milestone) => milestone.key)).toEqual(['first_cohort', 'midterm_report', 'rapport_final', 'final_report', 'ziara_midania', 'first_cohort_2', 'milestone_7']);
    expect(request.indicators.map((indicator) => indicator.key)).toEqual(['women_trained', 'chiffre_daffaires_mensuel', 'monthly_revenue_2']);
  });

  it('sends the due dates as typed and no description when none is written', () => {
    const request = toProgrammeRequest(
      parse({
        milestones: [
          { ...newMilestone(), title: text('  Formation  '), description: text(' '), dueAt: '2026-11-30T17:00' },
          { ...newMilestone(), title: text('Rapport'), description: text('', 'تقرير قصير'), dueAt: '2027-01-31T23:59', reportDue: false },
        ],
        indicators: [],
      }),
      0,
      new Set(),
    );
    expect(request).toEqual({
      version: 0,
      milestones: [
        { key: 'formation', title: text('Formation'), dueAt: '2026-11-30T17:00', reportDue: true },
        { key: 'rapport', title: text('Rapport'), description: text('', 'تقرير قصير'), dueAt: '2027-01-31T23:59', reportDue: false },
      ],
      indicators: [],
    });
  });

  it('refuses a due date that is not a whole date and time, and a title in no language', () => {
    const result = ZProgrammeFormValues.safeParse({ milestones: [{ ...newMilestone(), dueAt: '31/12/2026' }], indicators: [{ ...newIndicator(), target: -1 }] });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['milestones.0.title', 'milestones.0.dueAt', 'indicators.0.label', 'indicators.0.target']));
  });
});
