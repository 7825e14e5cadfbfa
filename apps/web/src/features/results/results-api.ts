import type {
  TAdvance,
  TAdvanceRequest,
  TRanking,
  TRankingQuery,
  TRankingQueryMethod,
  TRankingSelection,
  TRankingSelectionQuery,
  TSecondLook,
  TSecondLookCommitRequest,
  TSecondLookList,
  TSecondLookPlan,
  TSecondLookRequest,
  TShortlistConfidence,
  ZAdvanceList,
  ZAdvanceResult,
  ZApplicationScorecardList,
} from '@tahkim/contracts';
import type { z } from 'zod';
import { api, unwrap } from '../../lib/api';

export type TApplicationScorecardList = z.infer<typeof ZApplicationScorecardList>;
export type TAdvanceResult = z.infer<typeof ZAdvanceResult>;
export type TAdvanceList = z.infer<typeof ZAdvanceList>;

/**
 * The generated OpenAPI types render the contracts' nullable fields loosely: answers are read with
 * the contracts' types, which the API validates its responses against.
 */
const as = async <T>(call: Promise<unknown>): Promise<T> => (await call) as T;

/** The staff results routes, through the generated client; errors reach callers as ApiError. */
export const resultsApi = {
  getRanking: (id: string, method?: TRankingQueryMethod) =>
    as<TRanking>(unwrap(api.GET('/api/rounds/{id}/ranking', { params: { path: { id }, query: method ? { method } : {} } }))),
  /** One page of the ranking, filtered and ordered by the API (`page` says where it sits). */
  getRankingPage: (id: string, query: TRankingQuery) => as<TRanking>(unwrap(api.GET('/api/rounds/{id}/ranking', { params: { path: { id }, query } }))),
  selectRanking: (id: string, query: TRankingSelectionQuery) =>
    as<TRankingSelection>(unwrap(api.GET('/api/rounds/{id}/ranking/selection', { params: { path: { id }, query } }))),
  getScorecards: (id: string, applicationId: string) =>
    as<TApplicationScorecardList>(unwrap(api.GET('/api/rounds/{id}/applications/{applicationId}/scorecards', { params: { path: { id, applicationId } } }))),
  listAdvances: (id: string) => as<TAdvanceList>(unwrap(api.GET('/api/rounds/{id}/advances', { params: { path: { id } } }))),
  advance: (id: string, body: TAdvanceRequest) =>
    as<TAdvanceResult>(unwrap(api.POST('/api/rounds/{id}/advance', { params: { path: { id } }, body }))),
  getShortlistConfidence: (id: string, method: TRankingQueryMethod, size: number) =>
    as<TShortlistConfidence>(unwrap(api.GET('/api/rounds/{id}/shortlist-confidence', { params: { path: { id }, query: { method, size } } }))),
  previewSecondLook: (id: string, body: TSecondLookRequest) =>
    as<TSecondLookPlan>(unwrap(api.POST('/api/rounds/{id}/second-look/preview', { params: { path: { id } }, body }))),
  commitSecondLook: (id: string, body: TSecondLookCommitRequest) =>
    as<TSecondLook>(unwrap(api.POST('/api/rounds/{id}/second-looks', { params: { path: { id } }, body }))),
  listSecondLooks: (id: string) => as<TSecondLookList>(unwrap(api.GET('/api/rounds/{id}/second-looks', { params: { path: { id } } }))),
  undoSecondLook: (id: string, secondLookId: string) =>
    unwrap(api.DELETE('/api/rounds/{id}/second-looks/{secondLookId}', { params: { path: { id, secondLookId } } })),
  undoAdvance: (id: string, advanceId: string) =>
    as<TAdvance>(unwrap(api.POST('/api/rounds/{id}/advances/{advanceId}/undo', { params: { path: { id, advanceId } } }))),
};
