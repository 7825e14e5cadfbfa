import type { TRankingQuery, TRankingQueryMethod } from '@tahkim/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { resultsApi } from './results-api';

export const resultKeys = {
  all: ['results'] as const,
  /** Everything computed from one round's scorecards and advances. */
  ofRound: (roundId: string) => [...resultKeys.all, 'round', roundId] as const,
  ranking: (roundId: string, method: TRankingQueryMethod | undefined) => [...resultKeys.ofRound(roundId), 'ranking', method ?? 'default'] as const,
  rankingPage: (roundId: string, query: TRankingQuery) => [...resultKeys.ofRound(roundId), 'ranking-page', query] as const,
  scorecards: (roundId: string, applicationId: string) => [...resultKeys.ofRound(roundId), 'scorecards', applicationId] as const,
  advances: (roundId: string) => [...resultKeys.ofRound(roundId), 'advances'] as const,
  confidence: (roundId: string, method: TRankingQueryMethod, size: number) => [...resultKeys.ofRound(roundId), 'confidence', method, size] as const,
  secondLooks: (roundId: string) => [...resultKeys.ofRound(roundId), 'second-looks'] as const,
};

/** Staff: the round's ranking ordered by `method` (unset: the round's own method), with both methods' results. */
export const rankingQuery = (roundId: string, method: TRankingQueryMethod | undefined) =>
  queryOptions({ queryKey: resultKeys.ranking(roundId, method), queryFn: () => resultsApi.getRanking(roundId, method) });

/**
 * Staff: one page of the round's ranking, filtered and ordered by the API; the page shown stays while
 * the next one loads.
 */
export const rankingPageQuery = (roundId: string, query: TRankingQuery) =>
  queryOptions({ queryKey: resultKeys.rankingPage(roundId, query), queryFn: () => resultsApi.getRankingPage(roundId, query), placeholderData: keepPreviousData });

/** Staff: every juror's scorecard of one application in the round, drafts included. */
export const applicationScorecardsQuery = (roundId: string, applicationId: string) =>
  queryOptions({ queryKey: resultKeys.scorecards(roundId, applicationId), queryFn: () => resultsApi.getScorecards(roundId, applicationId) });

/** Staff: the shortlists taken from this round into the next. */
export const advancesQuery = (roundId: string) => queryOptions({ queryKey: resultKeys.advances(roundId), queryFn: () => resultsApi.listAdvances(roundId) });

/** Staff: each application's probability of being in the top `size` under `method` (bootstrap over its scorecards). */
export const shortlistConfidenceQuery = (roundId: string, method: TRankingQueryMethod, size: number) =>
  queryOptions({ queryKey: resultKeys.confidence(roundId, method, size), queryFn: () => resultsApi.getShortlistConfidence(roundId, method, size), staleTime: 60_000 });

/** Staff: the round's committed second looks, newest first. */
export const secondLooksQuery = (roundId: string) => queryOptions({ queryKey: resultKeys.secondLooks(roundId), queryFn: () => resultsApi.listSecondLooks(roundId) });
