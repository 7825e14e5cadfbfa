import type { TDecisionRound } from '@tahkim/contracts';
import { describe, expect, it } from 'vitest';
import { callDecisionsQuery, DELIVERY_REFRESH_MS } from './queries';
import { rankingFixture } from '../results/test-fixtures';
import {
  ballotSource,
  canDecide,
  commentInOtherScript,
  emailLabel,
  filterDecisionRows,
  hasQueuedEmail,
  isDefaultRoundName,
  laterRoundsWithoutResults,
  NO_FILTERS,
  proposedTemplates,
  publishedInOtherScript,
  publishPlan,
  roundsWithResults,
  scoringSource,
  selectTop,
  shownRound,
  topByRank,
  withRanking,
} from './decision-view';
import { BALLOT_ID, ballotResultFixture, decision, decisionRounds, decisionRow, decisionsFixture, ROUND_ID } from './test-fixtures';
import { scaleShare } from './components/application-outcome';

const rows = () => withRanking(decisionsFixture().items, scoringSource(rankingFixture()));
const ids = (list: readonly { applicationId: string }[]) => list.map((row) => row.applicationId);
const emptyRound = (id: string, number: number): TDecisionRound => ({ ...decisionRounds()[0]!, id, number, results: 0 });

describe('the round decisions rest on', () => {
  it('is the latest round with results: a new, empty shortlist round does not hide the one before', () => {
    // Round 2 (a ballot) has no ballot yet: round 1's scores are shown, with round 2 named as still empty.
    const rounds = decisionRounds();
    expect(shownRound(rounds, null)?.id).toBe(ROUND_ID);
    expect(laterRoundsWithoutResults(rounds, shownRound(rounds, null)!).map((r) => r.id)).toEqual([BALLOT_ID]);
    const withEmptyThird = [...rounds, emptyRound('r3', 3)];
    expect(shownRound(withEmptyThird, null)?.id).toBe(ROUND_ID);
    expect(laterRoundsWithoutResults(withEmptyThird, rounds[0]!).map((r) => r.number)).toEqual([2, 3]);
  });

  it('is the final ballot once it has a submitted ballot, and staff may go back to a scoring round', () => {
    const rounds = decisionRounds(2);
    expect(roundsWithResults(rounds).map((r) => r.id)).toEqual([BALLOT_ID, ROUND_ID]);
    expect(shownRound(rounds, null)?.id).toBe(BALLOT_ID);
    expect(shownRound(rounds, ROUND_ID)?.id).toBe(ROUND_ID);
    // A round chosen before it lost its results (or a stale id) falls back to the latest with results.
    expect(shownRound(decisionRounds(0), BALLOT_ID)?.id).toBe(ROUND_ID);
    expect(shownRound(rounds, 'gone')?.id).toBe(BALLOT_ID);
    expect(laterRoundsWithoutResults(rounds, rounds[1]!)).toEqual([]);
  });

  it('is named by its number alone when its name only repeats it', () => {
    expect(isDefaultRoundName('Tour 2', 'Tour 2')).toBe(true);
    expect(isDefaultRoundName('tour 2 ', 'Tour 2')).toBe(true);
    expect(isDefaultRoundName('', 'Tour 2')).toBe(true);
    expect(isDefaultRoundName('Vote final', 'Tour 2')).toBe(false);
  });

  it('is none while no round has results', () => {
    expect(shownRound([emptyRound('r1', 1)], null)).toBeNull();
    expect(shownRound([], null)).toBeNull();
  });

  it('pairs each rank with the score of the method that ranks it', () => {
    const normalised = withRanking(decisionsFixture().items, scoringSource(rankingFixture('normalised')));
    expect(normalised.map((row) => [row.applicationId, row.rank, row.score])).toEqual([
      ['a1', 1, 0.84],
      ['a2', 2, 0.31],
      ['a3', 3, -1.15],
      ['a4', null, null],
      ['a5', null, null],
    ]);
    const mean = withRanking(decisionsFixture().items, scoringSource(rankingFixture('mean')));
    expect(mean.map((row) => [row.applicationId, row.rank, row.score])).toEqual([
      ['a1', 2, 71.25],
      ['a2', 1, 78.5],
      ['a3', 3, 40],
      ['a4', null, null],
      ['a5', null, null],
    ]);
    expect(withRanking(decisionsFixture().items, null).every((row) => row.rank === null && row.score === null)).toBe(true);
  });

  it("reads a ballot's Schulze rank beside its Borda points; applications outside the ballot come after, unranked", () => {
    const ballot = withRanking(decisionsFixture().items, ballotSource(ballotResultFixture()));
    expect(ballot.map((row) => [row.applicationId, row.rank, row.score])).toEqual([
      ['a1', 2, 1],
      ['a2', 1, 4],
      ['a3', 2, 1],
      ['a4', null, null],
      ['a5', null, null],
    ]);
    expect(ids(filterDecisionRows(ballot, NO_FILTERS))).toEqual(['a2', 'a1', 'a3', 'a4', 'a5']);
    expect(selectTop(ballot, 2)).toEqual({ ids: ['a2', 'a1'], asked: 2 });
  });
});

describe('a shared comment in another script', () => {
  it("is flagged when its letters are not those of the applicant's language", () => {
    const row = (locale: 'ar' | 'fr' | 'en', scripts: Array<'ARABIC' | 'LATIN'>) =>
      decisionRow({ applicationId: 'x', applicant: { displayName: 'X', email: 'x@example.ma', locale }, sharedCommentScripts: scripts });
    expect(commentInOtherScript(row('fr', ['ARABIC']))).toBe(true);
    expect(commentInOtherScript(row('en', ['ARABIC', 'LATIN']))).toBe(true);
    expect(commentInOtherScript(row('ar', ['LATIN']))).toBe(true);
    expect(commentInOtherScript(row('ar', ['ARABIC']))).toBe(false);
    expect(commentInOtherScript(row('fr', ['LATIN']))).toBe(false);
    expect(commentInOtherScript(row('fr', []))).toBe(false);
  });

  it('is named before publishing only when feedback is shared, for decisions about to be published', () => {
    const list = decisionsFixture();
    // a1 (French, unpublished) and a4 (Arabic, already published) have a comment in the other script.
    list.items = list.items.map((item) =>
      item.applicationId === 'a1' ? { ...item, sharedCommentScripts: ['ARABIC'] } : item.applicationId === 'a4' ? { ...item, sharedCommentScripts: ['LATIN'] } : item,
    );
    expect(publishedInOtherScript(list)).toEqual([]);
    list.call = { ...list.call, feedbackEnabled: true };
    expect(ids(publishedInOtherScript(list))).toEqual(['a1']);
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

  it('says how many of the N asked for could be selected', () => {
    expect(selectTop(rows(), 2)).toEqual({ ids: ['a1', 'a2'], asked: 2 });
    expect(selectTop(rows(), 5)).toEqual({ ids: ['a1', 'a2', 'a3'], asked: 5 });
    // Nothing ranked (the round shown has no results for these applications): nothing selected, and said.
    expect(selectTop(withRanking(decisionsFixture().items, null), 3)).toEqual({ ids: [], asked: 3 });
  });

  it('breaks shared ranks by reference', () => {
    const tied = [
      { ...decisionRow({ applicationId: 'b', reference: 'FIS-2' }), rank: 1, score: 80 },
      { ...decisionRow({ applicationId: 'a', reference: 'FIS-1' }), rank: 1, score: 80 },
      { ...decisionRow({ applicationId: 'c', reference: 'FIS-3' }), rank: 3, score: 70 },
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

  it('names the outcomes being published whose emails will use the proposed texts (no saved template)', () => {
    expect(proposedTemplates(decisionsFixture())).toEqual([]);
    expect(proposedTemplates(decisionsFixture({ templatesSaved: ['WINNER'] }))).toEqual(['NOT_SELECTED']);
    expect(proposedTemplates(decisionsFixture({ templatesSaved: [] }))).toEqual(['WINNER', 'NOT_SELECTED']);
    // The published winner needs nothing more: only pending decisions count.
    const onlyPublished = decisionsFixture();
    onlyPublished.items = onlyPublished.items.filter((row) => row.applicationId === 'a4');
    expect(proposedTemplates({ ...onlyPublished, templatesSaved: [] })).toEqual([]);
  });

  it('watches the delivery while an email is queued', () => {
    expect(hasQueuedEmail(decisionsFixture())).toBe(false);
    expect(hasQueuedEmail(undefined)).toBe(false);
    const list = decisionsFixture();
    list.items[0] = { ...list.items[0]!, email: { status: 'QUEUED', locale: 'fr', attempts: 0, lastError: null, queuedAt: '2026-06-02T10:00:00.000Z', sentAt: null } };
    expect(hasQueuedEmail(list)).toBe(true);
  });

  it('reads the list again every few seconds while an email is queued, and stops once all are sent or failed', () => {
    const interval = callDecisionsQuery('c1').refetchInterval as (query: { state: { data: unknown } }) => number | false;
    const queued = decisionsFixture();
    queued.items[0] = { ...queued.items[0]!, email: { status: 'QUEUED', locale: 'fr', attempts: 1, lastError: 'SMTP down', queuedAt: '2026-06-02T10:00:00.000Z', sentAt: null } };
    expect(interval({ state: { data: queued } })).toBe(DELIVERY_REFRESH_MS);
    const failed = decisionsFixture();
    failed.items[0] = { ...failed.items[0]!, email: { status: 'FAILED', locale: 'fr', attempts: 12, lastError: 'SMTP down', queuedAt: '2026-06-02T10:00:00.000Z', sentAt: null } };
    expect(interval({ state: { data: failed } })).toBe(false);
    expect(interval({ state: { data: undefined } })).toBe(false);
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
