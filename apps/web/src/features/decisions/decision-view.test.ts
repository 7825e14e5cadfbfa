import { describe, expect, it } from 'vitest';
import { rankingFixture } from '../results/test-fixtures';
import {
  canDecide,
  emailLabel,
  filterDecisionRows,
  hasQueuedEmail,
  latestScoringRound,
  missingTemplates,
  NO_FILTERS,
  publishPlan,
  topByRank,
  withRanking,
} from './decision-view';
import { BALLOT_ID, decision, decisionRow, decisionsFixture, round, ROUND_ID, roundsFixture } from './test-fixtures';
import { scaleShare } from './components/application-outcome';

const rows = () => withRanking(decisionsFixture().items, rankingFixture());
const ids = (list: readonly { applicationId: string }[]) => list.map((row) => row.applicationId);

describe('the round decisions rest on', () => {
  it('is the highest-numbered scoring round, never a ballot', () => {
    expect(latestScoringRound(roundsFixture().items)?.id).toBe(ROUND_ID);
    const later = round({ id: 'r3', number: 3 });
    expect(latestScoringRound([...roundsFixture().items, later])?.id).toBe('r3');
    expect(latestScoringRound([round({ id: BALLOT_ID, number: 1, type: 'BALLOT' })])).toBeNull();
    expect(latestScoringRound([])).toBeNull();
  });

  it("adds each application's rank and mean score, none for an application outside the round", () => {
    const merged = rows();
    expect(merged.map((row) => [row.applicationId, row.rank, row.meanScore])).toEqual([
      ['a1', 1, 71.25],
      ['a2', 2, 78.5],
      ['a3', 3, 40],
      ['a4', null, null],
      ['a5', null, null],
    ]);
    expect(withRanking(decisionsFixture().items, null).every((row) => row.rank === null && row.meanScore === null)).toBe(true);
  });
});

describe('deciding', () => {
  it('is possible until the decision is published, never for ineligible, withdrawn or draft applications', () => {
    expect(canDecide(decisionRow({ applicationId: 'x', status: 'ELIGIBLE' }))).toBe(true);
    expect(canDecide(decisionRow({ applicationId: 'x', status: 'SHORTLISTED', decision: decision({ outcome: 'WINNER' }) }))).toBe(true);
    expect(canDecide(decisionRow({ applicationId: 'x', status: 'WINNER', decision: decision({ outcome: 'WINNER', publishedAt: '2026-06-02T10:00:00.000Z' }) }))).toBe(false);
    for (const status of ['INELIGIBLE', 'WITHDRAWN', 'DRAFT'] as const) expect(canDecide(decisionRow({ applicationId: 'x', status }))).toBe(false);
  });

  it('selects the top N by rank among the applications that can still be decided', () => {
    expect(topByRank(rows(), 2)).toEqual(['a1', 'a2']);
    expect(topByRank(rows(), 10)).toEqual(['a1', 'a2', 'a3']);
    expect(topByRank(rows(), 0)).toEqual([]);
    expect(topByRank(rows(), Number.NaN)).toEqual([]);
    // A published application is skipped: the next one comes in.
    const published = rows().map((row) => (row.applicationId === 'a1' ? { ...row, decision: decision({ outcome: 'WINNER', publishedAt: '2026-06-02T10:00:00.000Z' }) } : row));
    expect(topByRank(published, 2)).toEqual(['a2', 'a3']);
  });

  it('breaks shared ranks by reference', () => {
    const tied = [
      { ...decisionRow({ applicationId: 'b', reference: 'FIS-2' }), rank: 1, meanScore: 80 },
      { ...decisionRow({ applicationId: 'a', reference: 'FIS-1' }), rank: 1, meanScore: 80 },
      { ...decisionRow({ applicationId: 'c', reference: 'FIS-3' }), rank: 3, meanScore: 70 },
    ];
    expect(topByRank(tied, 2)).toEqual(['a', 'b']);
  });
});

describe('filters', () => {
  it('lets everything through by default, in the API order', () => {
    expect(ids(filterDecisionRows(rows(), NO_FILTERS))).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
  });

  it('filters by outcome, publication and email status', () => {
    expect(ids(filterDecisionRows(rows(), { ...NO_FILTERS, outcome: 'WINNER' }))).toEqual(['a1', 'a4']);
    expect(ids(filterDecisionRows(rows(), { ...NO_FILTERS, outcome: 'NONE' }))).toEqual(['a3', 'a5']);
    expect(ids(filterDecisionRows(rows(), { ...NO_FILTERS, publication: 'PENDING' }))).toEqual(['a1', 'a2']);
    expect(ids(filterDecisionRows(rows(), { ...NO_FILTERS, publication: 'PUBLISHED' }))).toEqual(['a4']);
    expect(ids(filterDecisionRows(rows(), { ...NO_FILTERS, publication: 'UNDECIDED' }))).toEqual(['a3', 'a5']);
    expect(ids(filterDecisionRows(rows(), { ...NO_FILTERS, email: 'SENT' }))).toEqual(['a4']);
    expect(ids(filterDecisionRows(rows(), { ...NO_FILTERS, email: 'NONE' }))).toEqual(['a1', 'a2', 'a3', 'a5']);
    expect(ids(filterDecisionRows(rows(), { ...NO_FILTERS, email: 'FAILED' }))).toEqual([]);
    expect(ids(filterDecisionRows(rows(), { ...NO_FILTERS, outcome: 'WINNER', publication: 'PENDING' }))).toEqual(['a1']);
  });

  it('counts a captured email as sent', () => {
    const captured = rows().map((row) => (row.applicationId === 'a4' && row.email ? { ...row, email: { ...row.email, status: 'CAPTURED' as const } } : row));
    expect(ids(filterDecisionRows(captured, { ...NO_FILTERS, email: 'SENT' }))).toEqual(['a4']);
  });

  it('orders by rank with unranked applications last', () => {
    const shuffled = [...rows()].reverse();
    expect(ids(filterDecisionRows(shuffled, { ...NO_FILTERS, order: 'rank' }))).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
  });
});

describe('publishing', () => {
  it('plans one email per unpublished decision, by outcome and language', () => {
    const list = decisionsFixture();
    list.items.push(decisionRow({ applicationId: 'a6', applicant: { displayName: 'Hind', email: 'hind@example.ma', locale: 'fr' }, decision: decision({ outcome: 'WINNER' }) }));
    expect(publishPlan(list.items)).toEqual([
      { outcome: 'WINNER', locale: 'fr', count: 2 },
      { outcome: 'NOT_SELECTED', locale: 'ar', count: 1 },
    ]);
  });

  it('names the outcomes being published that have no saved template', () => {
    expect(missingTemplates(decisionsFixture())).toEqual([]);
    expect(missingTemplates(decisionsFixture({ templatesSaved: ['WINNER'] }))).toEqual(['NOT_SELECTED']);
    // The published winner needs nothing more: only pending decisions count.
    const onlyPublished = decisionsFixture();
    onlyPublished.items = onlyPublished.items.filter((row) => row.applicationId === 'a4');
    expect(missingTemplates({ ...onlyPublished, templatesSaved: [] })).toEqual([]);
  });

  it('watches the delivery while an email is queued', () => {
    expect(hasQueuedEmail(decisionsFixture())).toBe(false);
    expect(hasQueuedEmail(undefined)).toBe(false);
    const list = decisionsFixture();
    list.items[0] = { ...list.items[0]!, email: { status: 'QUEUED', locale: 'fr', attempts: 0, lastError: null, queuedAt: '2026-06-02T10:00:00.000Z', sentAt: null } };
    expect(hasQueuedEmail(list)).toBe(true);
  });

  it('tells a queued email waiting for a retry from one not tried yet', () => {
    expect(emailLabel({ status: 'QUEUED', attempts: 0 })).toBe('QUEUED');
    expect(emailLabel({ status: 'QUEUED', attempts: 2 })).toBe('RETRYING');
    expect(emailLabel({ status: 'CAPTURED', attempts: 1 })).toBe('CAPTURED');
    expect(emailLabel({ status: 'FAILED', attempts: 5 })).toBe('FAILED');
  });
});

describe("the applicant's feedback bars", () => {
  it('place a mean on its own scale', () => {
    expect(scaleShare(2.5, 0, 5)).toBe(50);
    expect(scaleShare(1, 1, 10)).toBe(0);
    expect(scaleShare(10, 1, 10)).toBe(100);
    expect(scaleShare(12, 1, 10)).toBe(100);
    expect(scaleShare(3, 3, 3)).toBe(0);
  });
});
