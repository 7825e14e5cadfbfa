import { queryOptions } from '@tanstack/react-query';
import { ballotRequests } from './ballot-api';

export const ballotKeys = {
  all: ['ballot'] as const,
  mine: () => [...ballotKeys.all, 'mine'] as const,
  ballot: (roundId: string) => [...ballotKeys.all, 'jury', roundId] as const,
  result: (roundId: string) => [...ballotKeys.all, 'result', roundId] as const,
};

/** The signed-in juror's open final ballots, with where each stands. */
export const myBallotsQuery = () => queryOptions({ queryKey: ballotKeys.mine(), queryFn: ballotRequests.mine });

/** The juror's ballot of one round. The page owns the order once loaded. */
export const juryBallotQuery = (roundId: string) =>
  queryOptions({ queryKey: ballotKeys.ballot(roundId), queryFn: () => ballotRequests.ballot(roundId), staleTime: Infinity });

/** Staff: the result of a ballot round over its submitted ballots. */
export const ballotResultQuery = (roundId: string) => queryOptions({ queryKey: ballotKeys.result(roundId), queryFn: () => ballotRequests.result(roundId) });
