import { describe, expect, it } from 'vitest';
import {
  filterRows,
  histogramBins,
  overallMean,
  parseView,
  rankShift,
  selectByThreshold,
  selectTopN,
  severityLabels,
  sharedRanks,
  viewToSearchParams,
  weightShares,
} from './ranking-view';
import { juror, rankingFixture, rankingRow } from './test-fixtures';

/** Rows ranked 1..n under both methods by the given ranks (null = unranked). */
const ranked = (ranks: Array<number | null>) =>
  ranks.map((rank, index) => rankingRow({ applicationId: `a${index + 1}`, rank, meanRank: rank, normalisedRank: rank, meanScore: rank === null ? null : 100 - rank, normalisedScore: rank === null ? null : 1 - rank / 10 }));

describe('top N selection', () => {
  it('takes the N best ranks', () => {
    expect(selectTopN(ranked([1, 2, 3, 4, 5]), 3, 'mean')).toEqual(['a1', 'a2', 'a3']);
  });

  it('includes every application tied at the cut: top 10 with ranks ..., 10, 10, 10 gives 12', () => {
    const ranks = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 13];
    const ids = selectTopN(ranked(ranks), 10, 'normalised');
    expect(ids).toHaveLength(12);
    expect(ids).not.toContain('a13');
  });

  it('a tie just before the cut does not widen it: ranks 1, 2, 2, 4 top 3 gives three', () => {
    expect(selectTopN(ranked([1, 2, 2, 4]), 3, 'mean')).toEqual(['a1', 'a2', 'a3']);
  });

  it('never takes unranked applications, and takes all ranked when N is larger', () => {
    expect(selectTopN(ranked([2, null, 1, null]), 10, 'mean').sort()).toEqual(['a1', 'a3']);
  });

  it('reads the rank of the method asked for', () => {
    const rows = [
      rankingRow({ applicationId: 'x', meanRank: 1, normalisedRank: 2 }),
      rankingRow({ applicationId: 'y', meanRank: 2, normalisedRank: 1 }),
    ];
    expect(selectTopN(rows, 1, 'mean')).toEqual(['x']);
    expect(selectTopN(rows, 1, 'normalised')).toEqual(['y']);
  });

  it('selects nothing for a missing or non-positive N', () => {
    expect(selectTopN(ranked([1, 2]), 0, 'mean')).toEqual([]);
    expect(selectTopN(ranked([1, 2]), Number.NaN, 'mean')).toEqual([]);
    expect(selectTopN([], 5, 'mean')).toEqual([]);
  });
});

describe('threshold selection', () => {
  const rows = [
    rankingRow({ applicationId: 'a', meanScore: 72.5, normalisedScore: 0.9 }),
    rankingRow({ applicationId: 'b', meanScore: 60, normalisedScore: -0.2 }),
    rankingRow({ applicationId: 'c', meanScore: 59.99, normalisedScore: 0.5 }),
    rankingRow({ applicationId: 'd' }),
  ];

  it('keeps scores at or above the threshold on the mean score', () => {
    expect(selectByThreshold(rows, 60, 'mean')).toEqual(['a', 'b']);
  });

  it('uses the normalised score under the normalised method', () => {
    expect(selectByThreshold(rows, 0.5, 'normalised')).toEqual(['a', 'c']);
  });

  it('never selects unscored applications, even at a very low threshold', () => {
    expect(selectByThreshold(rows, -100, 'normalised')).toEqual(['a', 'b', 'c']);
    expect(selectByThreshold(rows, Number.NaN, 'mean')).toEqual([]);
  });
});

describe('filters', () => {
  const items = rankingFixture().items;
  const ids = (view: Parameters<typeof filterRows>[1]) => filterRows(items, view).map((row) => row.applicationId);

  it('filters by flag, by the absence of flags, by region and by eligibility suggestion', () => {
    expect(ids({})).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(ids({ flag: 'INCOMPLETE' })).toEqual(['a3', 'a4']);
    expect(ids({ flag: 'DISAGREEMENT' })).toEqual(['a2']);
    expect(ids({ flag: 'none' })).toEqual(['a1']);
    expect(ids({ region: 'MA-06' })).toEqual(['a1', 'a3']);
    expect(ids({ region: 'MA-06', flag: 'INCOMPLETE' })).toEqual(['a3']);
    expect(ids({ eligibility: 'UNSURE' })).toEqual(['a2']);
  });

  it('reads the view from the URL, ignoring unknown values, and writes it back', () => {
    const view = parseView(new URLSearchParams('method=mean&flag=DISAGREEMENT&region=MA-09&eligibility=NOPE&x=1'));
    expect(view).toEqual({ method: 'mean', flag: 'DISAGREEMENT', region: 'MA-09', eligibility: undefined });
    expect(viewToSearchParams(view).toString()).toBe('method=mean&flag=DISAGREEMENT&region=MA-09');
    expect(parseView(new URLSearchParams('method=median&region=XX'))).toEqual({ method: undefined, flag: undefined, region: undefined, eligibility: undefined });
  });
});

describe('juror severity labels', () => {
  it('marks harsh and lenient jurors by their gap to co-jurors (5 points)', () => {
    expect(severityLabels(juror({ jurorId: 'a', meanDeviationFromPeers: -5 }), 60)).toEqual(['HARSH']);
    expect(severityLabels(juror({ jurorId: 'b', meanDeviationFromPeers: -4.9 }), 60)).toEqual([]);
    expect(severityLabels(juror({ jurorId: 'c', meanDeviationFromPeers: 5 }), 60)).toEqual(['LENIENT']);
  });

  it('falls back on the gap to the round mean (10 points) when the juror shares no application', () => {
    expect(severityLabels(juror({ jurorId: 'a', meanDeviationFromPeers: null, meanScore: 45 }), 60)).toEqual(['HARSH']);
    expect(severityLabels(juror({ jurorId: 'b', meanDeviationFromPeers: null, meanScore: 55 }), 60)).toEqual([]);
    expect(severityLabels(juror({ jurorId: 'c', meanDeviationFromPeers: null, meanScore: 75 }), 60)).toEqual(['LENIENT']);
  });

  it('marks a flat juror: spread under 5 points over at least 3 scorecards', () => {
    expect(severityLabels(juror({ jurorId: 'a', spread: 4.9, count: 3 }), 60)).toEqual(['FLAT']);
    expect(severityLabels(juror({ jurorId: 'b', spread: 4.9, count: 2 }), 60)).toEqual([]);
    expect(severityLabels(juror({ jurorId: 'c', spread: 5, count: 8 }), 60)).toEqual([]);
    expect(severityLabels(juror({ jurorId: 'd', spread: 1, count: 5, meanDeviationFromPeers: -8 }), 60)).toEqual(['HARSH', 'FLAT']);
  });

  it('computes the round mean over every scorecard, each juror weighing by their count', () => {
    expect(overallMean([juror({ jurorId: 'a', count: 1, meanScore: 90 }), juror({ jurorId: 'b', count: 3, meanScore: 50 })])).toBe(60);
    expect(overallMean([])).toBeNull();
  });
});

describe('score distribution', () => {
  it('puts mean scores in 10-point bins, 100 in the last one, unscored nowhere', () => {
    const bins = histogramBins([0, 9.99, 10, 55, 59.9, 90, 100, null]);
    expect(bins.map((bin) => bin.count)).toEqual([2, 1, 0, 0, 0, 2, 0, 0, 0, 2]);
    expect(bins[0]).toEqual({ from: 0, to: 10, count: 2 });
    expect(bins[9]).toEqual({ from: 90, to: 100, count: 2 });
  });
});

describe('rank difference', () => {
  it('says how the list’s method moves the application compared with the other', () => {
    const up = rankingRow({ applicationId: 'a', rankDifference: 3 });
    expect(rankShift(up, 'normalised')).toEqual({ direction: 'up', places: 3 });
    expect(rankShift(up, 'mean')).toEqual({ direction: 'down', places: 3 });
    expect(rankShift(rankingRow({ applicationId: 'b', rankDifference: 0 }), 'mean')).toEqual({ direction: 'same', places: 0 });
    expect(rankShift(rankingRow({ applicationId: 'c', rankDifference: null }), 'mean')).toBeNull();
  });

  it('finds shared ranks', () => {
    expect([...sharedRanks(ranked([1, 2, 2, 4, null, null]), 'mean')]).toEqual([2]);
  });

  it('gives each criterion its share of the weights', () => {
    expect(weightShares([{ weight: 3 }, { weight: 1 }])).toEqual([75, 25]);
    expect(weightShares([])).toEqual([]);
  });
});
