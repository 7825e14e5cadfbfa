import type { TRankingQueryMethod } from '@tahkim/contracts';
import { queryOptions } from '@tanstack/react-query';
import { resultsApi } from './results-api';

export const resultKeys = {
  all: ['results'] as const,
  /** Everything computed from one round's scorecards and advances. */
  ofRound: (roundId: string) => [...resultKeys.all, 'round', roundId] as const,
  ranking: (roundId: string, method: TRankingQueryMethod | undefined) => [...resultKeys.ofRound(roundId), 'ranking', method ?? 'default'] as const,
  scorecards: (roundId: string, applicationId: string) => [...resultKeys.ofRound(roundId), 'scorecards', applicationId] as const,
  advances: (roundId: string) => [...resultKeys.ofRound(roundId), 'advances'] as const,
};

/** Staff: the round's ranking ordered by `method` (unset: the round's own method), with both methods' results. */
export const rankingQuery = (roundId: string, method: TRankingQueryMethod | undefined) =>
  queryOptions({ queryKey: resultKeys.ranking(roundId, method), queryFn: () => resultsApi.getRanking(roundId, method) });

/** Staff: every juror's scorecard of one application in the round, drafts included. */
export const applicationScorecardsQuery = (roundId: string, applicationId: string) =>
  queryOptions({ queryKey: resultKeys.scorecards(roundId, applicationId), queryFn: () => resultsApi.getScorecards(roundId, applicationId) });

/** Staff: the shortlists taken from this round into the next. */
export const advancesQuery = (roundId: string) => queryOptions({ queryKey: resultKeys.advances(roundId), queryFn: () => resultsApi.listAdvances(roundId) });
