import type {
  TAssignmentPlan,
  TAutoAssignResult,
  TExpertise,
  TConflict,
  TCreateRoundRequest,
  TPutCriteriaRequest,
  TRound,
  TRoundAssignments,
  TRoundProgress,
  TUpdateRoundRequest,
  ZAddJurorsRequest,
  ZAddJurorsResult,
  ZCriterionList,
  ZPutAssignmentsRequest,
  ZReopenScorecardRequest,
  ZReviewConflictRequest,
  ZRoundJurorList,
  ZSendRemindersRequest,
  ZStaffConflictRequest,
} from '@tahkim/contracts';
import type { z } from 'zod';
import type { paths } from '../../lib/api-types';
import { api, unwrap, type ApiBody } from '../../lib/api';

export type TRoundJurorList = z.infer<typeof ZRoundJurorList>;
export type TAddJurorsResult = z.infer<typeof ZAddJurorsResult>;
type TCriterionList = z.infer<typeof ZCriterionList>;

/**
 * The generated OpenAPI types render the contracts' nullable fields loosely: answers are read with
 * the contracts' types, which the API validates its responses against.
 */
const as = async <T>(call: Promise<unknown>): Promise<T> => (await call) as T;
/**
 * The document renders request schemas with their defaults applied (so `blind`, `reset`, `guidance`
 * read as required); the API parses bodies with the same contracts schema, which fills them in.
 */
const withDefaults = <P extends keyof paths, M extends keyof paths[P]>(body: unknown) => body as ApiBody<P, M>;

/** The staff round and jury routes, through the generated client; errors reach callers as ApiError. */
export const roundsApi = {
  listRounds: (callId: string) =>
    as<{ items: TRound[] }>(unwrap(api.GET('/api/calls/{id}/rounds', { params: { path: { id: callId } } }))),
  createRound: (callId: string, body: TCreateRoundRequest) =>
    as<TRound>(unwrap(api.POST('/api/calls/{id}/rounds', { params: { path: { id: callId } }, body: withDefaults<'/api/calls/{id}/rounds', 'post'>(body) }))),
  getRound: (id: string) => as<TRound>(unwrap(api.GET('/api/rounds/{id}', { params: { path: { id } } }))),
  updateRound: (id: string, body: TUpdateRoundRequest) =>
    as<TRound>(unwrap(api.PATCH('/api/rounds/{id}', { params: { path: { id } }, body }))),
  deleteRound: (id: string): Promise<unknown> => unwrap(api.DELETE('/api/rounds/{id}', { params: { path: { id } } })),
  getCriteria: (id: string) => as<TCriterionList>(unwrap(api.GET('/api/rounds/{id}/criteria', { params: { path: { id } } }))),
  putCriteria: (id: string, body: TPutCriteriaRequest) =>
    as<TCriterionList>(unwrap(api.PUT('/api/rounds/{id}/criteria', { params: { path: { id } }, body: withDefaults<'/api/rounds/{id}/criteria', 'put'>(body) }))),
  listJurors: (id: string) => as<TRoundJurorList>(unwrap(api.GET('/api/rounds/{id}/jurors', { params: { path: { id } } }))),
  addJurors: (id: string, body: z.input<typeof ZAddJurorsRequest>) =>
    as<TAddJurorsResult>(unwrap(api.POST('/api/rounds/{id}/jurors', { params: { path: { id } }, body }))),
  removeJuror: (id: string, jurorId: string): Promise<unknown> =>
    unwrap(api.DELETE('/api/rounds/{id}/jurors/{jurorId}', { params: { path: { id, jurorId } } })),
  listConflicts: (id: string) => as<{ items: TConflict[] }>(unwrap(api.GET('/api/rounds/{id}/conflicts', { params: { path: { id } } }))),
  recordConflict: (id: string, body: z.input<typeof ZStaffConflictRequest>) =>
    as<TConflict>(unwrap(api.POST('/api/rounds/{id}/conflicts', { params: { path: { id } }, body }))),
  reviewConflict: (conflictId: string, body: z.input<typeof ZReviewConflictRequest>) =>
    as<TConflict>(unwrap(api.PATCH('/api/conflicts/{id}', { params: { path: { id: conflictId } }, body }))),
  getAssignments: (id: string) =>
    as<TRoundAssignments>(unwrap(api.GET('/api/rounds/{id}/assignments', { params: { path: { id } } }))),
  putAssignments: (id: string, body: z.output<typeof ZPutAssignmentsRequest>) =>
    as<TRoundAssignments>(unwrap(api.PUT('/api/rounds/{id}/assignments', { params: { path: { id } }, body }))),
  /** What the automatic assignment would add now, with each pair's reasons; writes nothing. */
  previewAutoAssign: (id: string) =>
    as<TAssignmentPlan>(unwrap(api.POST('/api/rounds/{id}/assignments/auto/preview', { params: { path: { id } } }))),
  /** Runs the automatic assignment; with a preview's fingerprint, only that exact plan (409 PLAN_CHANGED otherwise). */
  autoAssign: (id: string, fingerprint?: string) =>
    as<TAutoAssignResult>(
      unwrap(api.POST('/api/rounds/{id}/assignments/auto', { params: { path: { id }, query: fingerprint === undefined ? undefined : { fingerprint } } })),
    ),
  setJurorExpertise: (roundId: string, jurorId: string, topics: string[]) =>
    as<TExpertise>(unwrap(api.PUT('/api/rounds/{id}/jurors/{jurorId}/expertise', { params: { path: { id: roundId, jurorId } }, body: { topics } }))),
  getProgress: (id: string) => as<TRoundProgress>(unwrap(api.GET('/api/rounds/{id}/progress', { params: { path: { id } } }))),
  sendReminders: (id: string, body: z.input<typeof ZSendRemindersRequest>) =>
    as<{ sent: number }>(unwrap(api.POST('/api/rounds/{id}/reminders', { params: { path: { id } }, body }))),
  reopenScorecard: (assignmentId: string, body: z.input<typeof ZReopenScorecardRequest>): Promise<unknown> =>
    unwrap(api.POST('/api/scorecards/{assignmentId}/reopen', { params: { path: { assignmentId } }, body })),
};
