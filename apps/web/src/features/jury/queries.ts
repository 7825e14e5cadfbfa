import { queryOptions } from '@tanstack/react-query';
import { juryRequests } from './jury-api';

export const juryKeys = {
  all: ['jury'] as const,
  assignments: () => [...juryKeys.all, 'assignments'] as const,
  memberships: () => [...juryKeys.all, 'memberships'] as const,
  application: (assignmentId: string) => [...juryKeys.all, 'application', assignmentId] as const,
  scorecard: (assignmentId: string) => [...juryKeys.all, 'scorecard', assignmentId] as const,
  ranking: (roundId: string) => [...juryKeys.all, 'ranking', roundId] as const,
  bidding: (roundId: string) => [...juryKeys.all, 'bidding', roundId] as const,
};

/** Every assignment of the signed-in juror, across rounds (filtered on the page). */
export const juryAssignmentsQuery = () =>
  queryOptions({ queryKey: juryKeys.assignments(), queryFn: juryRequests.assignments });

/** The juries the signed-in person sits on, with how many applications each has assigned them. */
export const juryMembershipsQuery = () =>
  queryOptions({ queryKey: juryKeys.memberships(), queryFn: juryRequests.memberships });

/** One assigned application as this juror may see it (blind rounds already filtered by the API). */
export const juryApplicationQuery = (assignmentId: string) =>
  queryOptions({ queryKey: juryKeys.application(assignmentId), queryFn: () => juryRequests.application(assignmentId) });

/** The juror's scorecard for one assignment. The page owns the draft once loaded. */
export const scorecardQuery = (assignmentId: string) =>
  queryOptions({ queryKey: juryKeys.scorecard(assignmentId), queryFn: () => juryRequests.scorecard(assignmentId), staleTime: Infinity });

/** The juror's own scorecards of a round, best weighted score first. */
export const juryRankingQuery = (roundId: string) =>
  queryOptions({ queryKey: juryKeys.ranking(roundId), queryFn: () => juryRequests.ranking(roundId) });

/** The juror's expertise and bids in a round: the call's topics and, while bidding is open, the applications. */
export const juryBiddingQuery = (roundId: string) =>
  queryOptions({ queryKey: juryKeys.bidding(roundId), queryFn: () => juryRequests.bidding(roundId) });
