import { describe, expect, it } from 'vitest';
import { chartGeometry, chartMax } from './indicator-chart-geometry';

const box = { width: 220, height: 120, padding: { top: 10, bottom: 10, start: 10, end: 10 } };

describe('an indicator chart', () => {
  it('scales the running figures between the axis and a top a tenth above the highest of the values and the target', () => {
    const geometry = chartGeometry([10, 25, 40], 50, box);
    expect(geometry.max).toBeCloseTo(55);
    expect(geometry.slots).toEqual([10, 110, 210]);
    // The plot runs from y = 110 (0) up to y = 10 (55).
    const expected = [10, 25, 40].map((value) => 110 - (100 * value) / 55);
    geometry.dots.forEach((dot, index) => {
      expect(dot.x).toBe(geometry.slots[index]);
      expect(dot.y).toBeCloseTo(expected[index]!, 1);
    });
    expect(geometry.path).toBe(`M 10 ${geometry.dots[0]!.y} L 110 ${geometry.dots[1]!.y} L 210 ${geometry.dots[2]!.y}`);
    // The target line: 50 of 55.
    expect(geometry.targetY).toBeCloseTo(110 - (100 * 50) / 55, 1);
  });

  it('leaves milestones without an accepted value out of the line, and breaks it there', () => {
    const geometry = chartGeometry([null, 5, null, 8], null, box);
    expect(geometry.dots.map((dot) => dot.index)).toEqual([1, 3]);
    expect(geometry.path.match(/M/gu)).toHaveLength(2);
    expect(geometry.path).not.toContain('L');
    expect(geometry.targetY).toBeNull();
  });

  it('runs time from the right in right-to-left pages', () => {
    const ltr = chartGeometry([1, 2, 3], 3, box);
    const rtl = chartGeometry([1, 2, 3], 3, box, true);
    expect(rtl.slots).toEqual([210, 110, 10]);
    expect(rtl.dots.map((dot) => dot.y)).toEqual(ltr.dots.map((dot) => dot.y));
    expect(rtl.axis).toEqual({ x1: 210, x2: 10, y: 110 });
    expect(rtl.targetY).toBe(ltr.targetY);
  });

  it('puts a single milestone in the middle, and an all-zero indicator on the axis', () => {
    expect(chartGeometry([0], null, box).dots).toEqual([{ index: 0, x: 110, y: 110, value: 0 }]);
    expect(chartMax([0, null], null)).toBe(1);
    expect(chartMax([], 40)).toBeCloseTo(44);
  });
});
