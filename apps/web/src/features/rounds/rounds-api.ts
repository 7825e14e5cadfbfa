import type {
  TAutoAssignResult,
  TConflict,
  TCreateRoundRequest,
  TCriterion,
  TPutCriteriaRequest,
  TRound,
  TRoundAssignments,
  TRoundJuror,
  TRoundProgress,
  TUpdateRoundRequest,
} from '@tahkim/contracts';
import { currentLocale } from '../../app/i18n';
import { toApiError } from '../../lib/api';

/**
 * The round and jury routes, typed with the contracts' schemas. They are not yet in the generated
 * OpenAPI client (the API is being written alongside); once they are, these calls move to `api`.
 * Errors go through the app's one `toApiError`, so callers only ever see ApiError.
 */
async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const headers = new Headers({ 'Accept-Language': currentLocale(), Accept: 'application/json' });
  if (body !== undefined) headers.set('Content-Type', 'application/json');
  const origin = typeof window === 'undefined' ? '' : window.location.origin;
  let response: Response;
  try {
    response = await globalThis.fetch(
      new Request(`${origin}${path}`, { method, headers, credentials: 'include', body: body === undefined ? undefined : JSON.stringify(body) }),
    );
  } catch (cause) {
    throw toApiError(0, undefined, cause);
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (a proxy page): the status alone decides the error below.
      parsed = undefined;
    }
  }
  if (!response.ok) throw toApiError(response.status, parsed);
  return parsed as T;
}

const enc = encodeURIComponent;

export type TRoundJurorList = { items: TRoundJuror[]; pendingInvitations: Array<{ id: string; email: string; expiresAt: string }> };
export type TAddJurorsResult = { added: string[]; invited: string[]; alreadyMembers: string[] };

export const roundsApi = {
  listRounds: (callId: string) => request<{ items: TRound[] }>('GET', `/api/calls/${enc(callId)}/rounds`),
  createRound: (callId: string, body: TCreateRoundRequest) => request<TRound>('POST', `/api/calls/${enc(callId)}/rounds`, body),
  getRound: (id: string) => request<TRound>('GET', `/api/rounds/${enc(id)}`),
  updateRound: (id: string, body: TUpdateRoundRequest) => request<TRound>('PATCH', `/api/rounds/${enc(id)}`, body),
  getCriteria: (id: string) => request<{ items: TCriterion[]; locked: boolean }>('GET', `/api/rounds/${enc(id)}/criteria`),
  putCriteria: (id: string, body: TPutCriteriaRequest) =>
    request<{ items: TCriterion[]; locked: boolean }>('PUT', `/api/rounds/${enc(id)}/criteria`, body),
  listJurors: (id: string) => request<TRoundJurorList>('GET', `/api/rounds/${enc(id)}/jurors`),
  addJurors: (id: string, body: { emails: string[]; locale?: 'ar' | 'fr' | 'en' }) =>
    request<TAddJurorsResult>('POST', `/api/rounds/${enc(id)}/jurors`, body),
  removeJuror: (id: string, jurorId: string) => request<unknown>('DELETE', `/api/rounds/${enc(id)}/jurors/${enc(jurorId)}`),
  listConflicts: (id: string) => request<{ items: TConflict[] }>('GET', `/api/rounds/${enc(id)}/conflicts`),
  recordConflict: (id: string, body: { jurorUserId: string; applicationId: string; reason?: string }) =>
    request<TConflict>('POST', `/api/rounds/${enc(id)}/conflicts`, body),
  reviewConflict: (conflictId: string, body: { status: 'CONFIRMED' | 'DISMISSED' }) =>
    request<TConflict>('PATCH', `/api/conflicts/${enc(conflictId)}`, body),
  getAssignments: (id: string) => request<TRoundAssignments>('GET', `/api/rounds/${enc(id)}/assignments`),
  putAssignments: (id: string, body: { assignments: Array<{ jurorId: string; applicationId: string }> }) =>
    request<TRoundAssignments>('PUT', `/api/rounds/${enc(id)}/assignments`, body),
  autoAssign: (id: string) => request<TAutoAssignResult>('POST', `/api/rounds/${enc(id)}/assignments/auto`, {}),
  getProgress: (id: string) => request<TRoundProgress>('GET', `/api/rounds/${enc(id)}/progress`),
  sendReminders: (id: string, body: { jurorIds?: string[] }) => request<{ sent: number }>('POST', `/api/rounds/${enc(id)}/reminders`, body),
  reopenScorecard: (assignmentId: string, body: { reason: string }) =>
    request<unknown>('POST', `/api/scorecards/${enc(assignmentId)}/reopen`, body),
};
