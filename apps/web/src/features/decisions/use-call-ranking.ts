import type { TDecisionRound } from '@tahkim/contracts';
import { useQuery } from '@tanstack/react-query';
import { ballotResultQuery } from '../ballot/queries';
import { rankingQuery } from '../results/queries';
import { ballotSource, scoringSource, shownRound, type RankingSource } from './decision-view';

export interface CallRanking {
  /** The round shown (see shownRound); null when no round has results yet. */
  round: TDecisionRound | null;
  source: RankingSource | null;
  isPending: boolean;
}

/**
 * The ranking decisions rest on: the round staff chose, else the latest round with results; a scoring
 * round's ranking under its own method, or a final ballot's Schulze order with Borda points.
 */
export function useCallRanking(rounds: readonly TDecisionRound[], chosenId: string | null): CallRanking {
  const round = shownRound(rounds, chosenId);
  const ranking = useQuery({ ...rankingQuery(round?.id ?? '', undefined), enabled: round?.type === 'SCORING' });
  const ballot = useQuery({ ...ballotResultQuery(round?.id ?? ''), enabled: round?.type === 'BALLOT' });
  if (!round) return { round, source: null, isPending: false };
  if (round.type === 'BALLOT') return { round, source: ballot.data ? ballotSource(ballot.data) : null, isPending: ballot.isPending };
  return { round, source: ranking.data ? scoringSource(ranking.data) : null, isPending: ranking.isPending };
}
