import type { TBallotResult, TDeclareBallotConflictRequest, TJuryBallot, TJuryBallotRoundList } from '@tahkim/contracts';
import { api, unwrap } from '../../lib/api';

/**
 * The generated OpenAPI types render the contracts' nullable fields loosely: answers are read with
 * the contracts' types, which the API validates its responses against.
 */
const as = async <T>(call: Promise<unknown>): Promise<T> => (await call) as T;

export interface BallotDraft {
  order: string[];
  comment: string | null;
}

/** The final ballot routes, through the generated client; errors reach callers as ApiError. */
export const ballotRequests = {
  mine: () => as<TJuryBallotRoundList>(unwrap(api.GET('/api/jury/ballots'))),
  ballot: (roundId: string) => as<TJuryBallot>(unwrap(api.GET('/api/jury/ballots/{roundId}', { params: { path: { roundId } } }))),
  save: (roundId: string, body: BallotDraft & { version: number }) =>
    as<TJuryBallot>(unwrap(api.PUT('/api/jury/ballots/{roundId}', { params: { path: { roundId } }, body }))),
  submit: (roundId: string, version: number) =>
    as<TJuryBallot>(unwrap(api.POST('/api/jury/ballots/{roundId}/submit', { params: { path: { roundId } }, body: { version } }))),
  declareConflict: (roundId: string, body: TDeclareBallotConflictRequest) =>
    as<TJuryBallot>(unwrap(api.POST('/api/jury/ballots/{roundId}/conflicts', { params: { path: { roundId } }, body }))),
  result: (roundId: string) => as<TBallotResult>(unwrap(api.GET('/api/rounds/{id}/ballot-result', { params: { path: { id: roundId } } }))),
  reopen: (roundId: string, jurorId: string, reason: string) =>
    as<TBallotResult>(unwrap(api.POST('/api/rounds/{id}/ballots/{jurorId}/reopen', { params: { path: { id: roundId, jurorId } }, body: { reason } }))),
};
