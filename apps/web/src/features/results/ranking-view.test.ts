import { describe, expect, it } from 'vitest';
import { overallMean, parseView, rankShift, severityLabels, sharedRanks, viewToQuery, viewToSearchParams, weightShares } from './ranking-view';
import { juror, rankingRow } from './test-fixtures';

/** Rows ranked 1..n under both methods by the given ranks (null = unranked). */
const ranked = (ranks: Array<number | null>) =>
  ranks.map((rank, index) => rankingRow({ applicationId: `a${index + 1}`, rank, meanRank: rank, normalisedRank: rank, meanScore: rank === null ? null : 100 - rank, normalisedScore: rank === null ? null : 1 - rank / 10 }));

describe('the view in the URL', () => {
  it('reads the view from the URL, ignoring unknown values, and writes it back', () => {
    const view = parseView(new URLSearchParams('method=mean&flag=DISAGREEMENT&region=MA-09&eligibility=NOPE&page=3&x=1'));
    expect(view).toEqual({ method: 'mean', flag: 'DISAGREEMENT', region: 'MA-09', eligibility: undefined, page: 3 });
    expect(viewToSearchParams(view).toString()).toBe('method=mean&flag=DISAGREEMENT&region=MA-09&page=3');
    expect(parseView(new URLSearchParams('method=median&region=XX&page=0'))).toEqual({ method: undefined, flag: undefined, region: undefined, eligibility: undefined, page: undefined });
    expect(parseView(new URLSearchParams('page=2.5')).page).toBeUndefined();
  });

  it("asks the API for the view's page of 50 rows, with its filters", () => {
    expect(viewToQuery({})).toEqual({ offset: 0, limit: 50 });
    expect(viewToQuery({ method: 'mean', flag: 'none', region: 'MA-01', eligibility: 'UNSURE', page: 3 })).toEqual({
      method: 'mean',
      flag: 'none',
      region: 'MA-01',
      eligibility: 'UNSURE',
      offset: 100,
      limit: 50,
    });
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
