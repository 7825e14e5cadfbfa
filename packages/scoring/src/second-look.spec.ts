import { describe, expect, it } from 'vitest';
import type { SubmittedScore } from './ranking';
import { cutBetween, planSecondLook, type SecondLookInput } from './second-look';
import { seededRandom } from './seeded-random';
import { addRandomReviews, addSecondLook, shortlistRecall, simulateCall } from './simulation';

const card = (applicationId: string, jurorId: string, score: number): SubmittedScore => ({ applicationId, jurorId, score });

/** 20 applications scored 0..95 by three of six jurors each, with a little noise. */
function round(): SecondLookInput {
  const random = seededRandom(9);
  const ids = Array.from({ length: 20 }, (_, i) => `a${String(i).padStart(2, '0')}`);
  const scorecards = ids.flatMap((id, i) => [0, 1, 2].map((k) => card(id, `j${(i + k) % 6}`, i * 5 + random() * 6)));
  const assigned = new Set(scorecards.map((c) => `${c.applicationId}|${c.jurorId}`));
  return {
    applicationIds: ids,
    scorecards,
    required: 3,
    disagreementThreshold: 15,
    method: 'mean',
    cut: { size: 5 },
    jurors: Array.from({ length: 6 }, (_, j) => ({ id: `j${j}`, load: 10 })),
    excluded: (a, j) => assigned.has(`${a}|${j}`),
    budget: { total: 6 },
  };
}

describe('cutBetween', () => {
  it('is halfway between the last in and the first out, none when everyone is in', () => {
    expect(cutBetween([10, 40, 30, 20], { size: 2 })).toBe(25);
    expect(cutBetween([10, 40], { size: 2 })).toBeNull();
    expect(cutBetween([10, 40], { threshold: 33 })).toBe(33);
  });
});

describe('planSecondLook', () => {
  it('spends the budget on the applications nearest the cut, each with a juror who has not scored it', () => {
    const input = round();
    const plan = planSecondLook(input);
    expect(plan.picks).toHaveLength(6);
    expect(plan.unplaced).toBe(0);
    // Scores are about 5i + 3: the shortlist of 5 is a15..a19, the cut between a14 and a15.
    expect(plan.cut).toBeGreaterThan(74);
    expect(plan.cut).toBeLessThan(80);
    const picked = new Set(plan.picks.map((p) => p.applicationId));
    expect(picked.has('a14') && picked.has('a15')).toBe(true);
    for (const pick of plan.picks) {
      expect(input.excluded(pick.applicationId, pick.jurorId)).toBe(false);
      expect(Math.abs(Number(pick.applicationId.slice(1)) - 14.5)).toBeLessThan(4);
      expect(pick.reason).toBe('NEAR_CUT');
      expect(pick.distance).not.toBeNull();
    }
    // Ordered by distance: the first pick is the least certain.
    expect(plan.picks[0]!.distance).toBe(Math.min(...plan.picks.map((p) => p.distance!)));
  });
  it('keeps the extra loads within 1 of each other and reports the loads after', () => {
    const plan = planSecondLook({ ...round(), budget: { total: 9 } });
    const added = plan.jurors.map((j) => j.added);
    expect(Math.max(...added) - Math.min(...added)).toBeLessThanOrEqual(1);
    expect(added.reduce((a, b) => a + b, 0)).toBe(9);
    for (const juror of plan.jurors) expect(juror.after).toBe(juror.before + juror.added);
  });
  it('is deterministic for the same data', () => {
    expect(planSecondLook(round())).toEqual(planSecondLook(round()));
  });
  it('never picks an excluded juror (assigned or conflicted), and never the same juror twice for one application', () => {
    const input = round();
    const conflicted = new Set(['a14|j3', 'a15|j5', 'a13|j4']);
    const plan = planSecondLook({ ...input, excluded: (a, j) => input.excluded(a, j) || conflicted.has(`${a}|${j}`), budget: { total: 40 } });
    const pairs = plan.picks.map((p) => `${p.applicationId}|${p.jurorId}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const pair of pairs) {
      expect(conflicted.has(pair)).toBe(false);
      const [a, j] = pair.split('|') as [string, string];
      expect(input.excluded(a, j)).toBe(false);
    }
  });
  it('puts INCOMPLETE applications first, then disagreement near the cut', () => {
    const input = round();
    // a03 has one scorecard only; a16's jurors disagree (20 and 100).
    const scorecards = input.scorecards.filter((c) => !(c.applicationId === 'a03' && c.jurorId !== 'j3')).map((c) => (c.applicationId === 'a16' && c.jurorId === 'j4' ? { ...c, score: 100 } : c.applicationId === 'a16' && c.jurorId === 'j5' ? { ...c, score: 20 } : c));
    const plan = planSecondLook({ ...input, scorecards, budget: { total: 4 } });
    expect(plan.picks.slice(0, 2).map((p) => [p.applicationId, p.reason])).toEqual([
      ['a03', 'INCOMPLETE'],
      ['a03', 'INCOMPLETE'],
    ]);
    expect(plan.picks[2]).toMatchObject({ applicationId: 'a16', reason: 'DISAGREEMENT' });
  });
  it('with a budget per juror, gives each juror at most that many', () => {
    const plan = planSecondLook({ ...round(), budget: { perJuror: 2 } });
    expect(plan.picks).toHaveLength(12);
    for (const juror of plan.jurors) expect(juror.added).toBe(2);
  });
  it('reports what it could not place when no juror is left', () => {
    const input = round();
    const plan = planSecondLook({ ...input, jurors: input.jurors.slice(0, 1), excluded: () => false, budget: { total: 30 } });
    // One juror, at most one extra scorecard per application: 20 placed.
    expect(plan.picks).toHaveLength(20);
    expect(plan.unplaced).toBe(10);
  });
  it('refuses a budget that is not a whole number', () => {
    expect(() => planSecondLook({ ...round(), budget: { total: -1 } })).toThrow(RangeError);
  });
});

describe('the second look on simulated calls', () => {
  it('finds more of the true top 10 with 60 extra scorecards than 60 placed at random', () => {
    let random = 0;
    let secondLook = 0;
    let base = 0;
    for (let c = 0; c < 30; c++) {
      const a = simulateCall(1000 + c);
      base += shortlistRecall(a);
      addRandomReviews(a, 60);
      random += shortlistRecall(a);
      const b = simulateCall(1000 + c);
      addSecondLook(b, 60);
      secondLook += shortlistRecall(b);
    }
    expect(secondLook).toBeGreaterThan(random + 0.03 * 30);
    expect(secondLook).toBeGreaterThan(base);
  });
});
