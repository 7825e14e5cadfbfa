import type {
  TBid,
  TBidPreference,
  TExpertise,
  TJuryApplicationView,
  TJuryBidding,
  TJuryAssignment,
  TJuryMembershipList,
  TScorecard,
  ZJuryAssignmentList,
  ZJuryRanking,
  ZPutScorecardRequest,
} from '@tahkim/contracts';
import type { z } from 'zod';
import { api, unwrap } from '../../lib/api';

export type TJuryAssignmentList = z.infer<typeof ZJuryAssignmentList>;
export type TJuryRanking = z.infer<typeof ZJuryRanking>;
/** A draft save as the page sends it: every field filled (the request schema's output). */
export type TScorecardSave = z.output<typeof ZPutScorecardRequest>;
export type TJuryRankingItem = TJuryRanking['items'][number];
export type TJuryBiddingItem = TJuryBidding['items'][number];
export type { TBid, TBidPreference, TExpertise, TJuryAssignment, TJuryBidding, TJuryMembershipList };

/**
 * The generated OpenAPI types render the contracts' nullable fields loosely: answers are read with
 * the contracts' types, which the API validates its responses against.
 */
const as = async <T>(call: Promise<unknown>): Promise<T> => (await call) as T;

export const juryRequests = {
  assignments: () => as<TJuryAssignmentList>(unwrap(api.GET('/api/jury/assignments'))),
  memberships: () => as<TJuryMembershipList>(unwrap(api.GET('/api/jury/memberships'))),
  application: (id: string) => as<TJuryApplicationView>(unwrap(api.GET('/api/jury/assignments/{id}', { params: { path: { id } } }))),
  attachmentDownloadPath: (assignmentId: string, attachmentId: string) =>
    `/api/jury/assignments/${encodeURIComponent(assignmentId)}/attachments/${encodeURIComponent(attachmentId)}`,
  declareConflict: (assignmentId: string, reason: string) => unwrap(api.POST('/api/jury/conflicts', { body: { assignmentId, reason } })),
  scorecard: (assignmentId: string) =>
    as<TScorecard>(unwrap(api.GET('/api/scorecards/{assignmentId}', { params: { path: { assignmentId } } }))),
  saveScorecard: (assignmentId: string, body: TScorecardSave) =>
    as<TScorecard>(unwrap(api.PUT('/api/scorecards/{assignmentId}', { params: { path: { assignmentId } }, body }))),
  submitScorecard: (assignmentId: string, version: number) =>
    as<TScorecard>(unwrap(api.POST('/api/scorecards/{assignmentId}/submit', { params: { path: { assignmentId } }, body: { version } }))),
  ranking: (roundId: string) => as<TJuryRanking>(unwrap(api.GET('/api/jury/rounds/{roundId}/ranking', { params: { path: { roundId } } }))),
  biddingConflict: (roundId: string, applicationId: string, reason: string): Promise<unknown> =>
    unwrap(api.POST('/api/jury/rounds/{roundId}/applications/{applicationId}/conflict', { params: { path: { roundId, applicationId } }, body: { reason } })),
  bidding: (roundId: string) => as<TJuryBidding>(unwrap(api.GET('/api/jury/rounds/{roundId}/bidding', { params: { path: { roundId } } }))),
  putExpertise: (roundId: string, topics: string[]) =>
    as<TExpertise>(unwrap(api.PUT('/api/jury/rounds/{roundId}/expertise', { params: { path: { roundId } }, body: { topics } }))),
  putBid: (roundId: string, applicationId: string, preference: TBidPreference) =>
    as<TBid>(unwrap(api.PUT('/api/jury/rounds/{roundId}/bids/{applicationId}', { params: { path: { roundId, applicationId } }, body: { preference } }))),
};
