import { describe, expect, it } from 'vitest';
import { aggregateIndicator, indicatorProgress, indicatorSeries, totalAcrossProjects } from './indicators';
import { milestoneState } from './reports';

const points = (...values: Array<number | null>) => values.map((value, index) => ({ milestoneKey: `m${index}`, dueAt: `2026-0${index + 1}-01T00:00:00.000Z`, value }));

describe('indicator aggregation', () => {
  it('adds every period for SUM and keeps the last value for LATEST', () => {
    expect(aggregateIndicator('SUM', points(12, 8, 20))).toBe(40);
    expect(aggregateIndicator('LATEST', points(12, 8, 20))).toBe(20);
    expect(aggregateIndicator('LATEST', points(12000, 15000, 9000))).toBe(9000);
  });

  it('skips periods without a value: SUM adds the others, LATEST keeps the last value given', () => {
    expect(aggregateIndicator('SUM', points(5, null, 7))).toBe(12);
    expect(aggregateIndicator('LATEST', points(5, 7, null))).toBe(7);
    expect(indicatorSeries('LATEST', points(5, null, 7)).map((point) => point.cumulative)).toEqual([5, 5, 7]);
    expect(indicatorSeries('SUM', points(null, 3, 4)).map((point) => point.cumulative)).toEqual([null, 3, 7]);
  });

  it('has no value before any report or when none gave one', () => {
    expect(aggregateIndicator('SUM', [])).toBeNull();
    expect(aggregateIndicator('LATEST', points(null, null))).toBeNull();
    expect(aggregateIndicator('SUM', points(null))).toBeNull();
  });

  it('keeps a reported zero apart from a missing value', () => {
    expect(aggregateIndicator('SUM', points(0, null))).toBe(0);
    expect(aggregateIndicator('LATEST', points(4, 0))).toBe(0);
  });

  it('measures progress towards the target in the indicator direction', () => {
    expect(indicatorProgress('HIGHER_IS_BETTER', 30, 40)).toBe(0.75);
    expect(indicatorProgress('LOWER_IS_BETTER', 20, 10)).toBe(0.5);
    expect(indicatorProgress('LOWER_IS_BETTER', 0, 10)).toBe(1);
    expect(indicatorProgress('HIGHER_IS_BETTER', null, 10)).toBeNull();
    expect(indicatorProgress('HIGHER_IS_BETTER', 10, null)).toBeNull();
  });

  it('totals the projects that gave a value and counts them', () => {
    expect(totalAcrossProjects([40, null, 12])).toEqual({ value: 52, projects: 2 });
    expect(totalAcrossProjects([null, null])).toEqual({ value: null, projects: 0 });
  });
});

describe('milestone state by the database clock', () => {
  const milestone = { dueAt: '2026-12-10T23:59:00.000Z', reportDue: true };
  it('is upcoming, due within 7 days, then late without a submitted report', () => {
    expect(milestoneState(milestone, null, '2026-12-01T00:00:00.000Z')).toBe('UPCOMING');
    expect(milestoneState(milestone, 'DRAFT', '2026-12-04T00:00:00.000Z')).toBe('DUE');
    expect(milestoneState(milestone, 'DRAFT', '2026-12-11T00:00:00.000Z')).toBe('LATE');
  });
  it('follows the report once submitted, whatever the date', () => {
    expect(milestoneState(milestone, 'SUBMITTED', '2026-12-11T00:00:00.000Z')).toBe('SUBMITTED');
    expect(milestoneState(milestone, 'CHANGES_REQUESTED', '2026-12-01T00:00:00.000Z')).toBe('CHANGES_REQUESTED');
    expect(milestoneState(milestone, 'ACCEPTED', '2026-12-11T00:00:00.000Z')).toBe('DONE');
  });
  it('marks a milestone without a report done once its date passed', () => {
    expect(milestoneState({ ...milestone, reportDue: false }, null, '2026-12-11T00:00:00.000Z')).toBe('DONE');
  });
});
