import type { TRanking, TRound } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { rankingQuery } from '../results/queries';
import { callRoundsQuery } from '../rounds/queries';
import { latestScoringRound } from './decision-view';

/** The ranking decisions rest on: the call's highest-numbered scoring round, under that round's own method. */
export function useCallRanking(callId: string): { round: TRound | null; ranking: TRanking | null; isPending: boolean } {
  const rounds = useQuery(callRoundsQuery(callId));
  const round = rounds.data ? latestScoringRound(rounds.data.items) : null;
  const ranking = useQuery({ ...rankingQuery(round?.id ?? '', undefined), enabled: round !== null });
  return {
    round,
    ranking: ranking.data ?? null,
    isPending: rounds.isPending || (round !== null && ranking.isPending),
  };
}
