import type {
  TApplicationOutcome,
  TBulkDecisionRequest,
  TBulkDecisionResult,
  TCallDecisionList,
  TDecisionOutcome,
  TDecisionPreview,
  TDecisionPreviewRequest,
  TDecisionTemplate,
  TDecisionTemplateList,
  TDecisionTemplateRequest,
  TPublishDecisionsRequest,
  TPublishDecisionsResult,
  TRecordDecisionRequest,
  TRecordDecisionResult,
} from '@tahkim/contracts';
import { api, unwrap } from '../../lib/api';

/**
 * The generated OpenAPI types render the contracts' nullable fields loosely: answers are read with
 * the contracts' types, which the API validates its responses against.
 */
const as = async <T>(call: Promise<unknown>): Promise<T> => (await call) as T;

/** The decision routes (staff) and the applicant's outcome, through the generated client; errors reach callers as ApiError. */
export const decisionsApi = {
  list: (callId: string) => as<TCallDecisionList>(unwrap(api.GET('/api/calls/{id}/decisions', { params: { path: { id: callId } } }))),
  record: (applicationId: string, body: TRecordDecisionRequest) =>
    as<TRecordDecisionResult>(unwrap(api.PUT('/api/applications/{id}/decision', { params: { path: { id: applicationId } }, body }))),
  recordMany: (callId: string, body: TBulkDecisionRequest) =>
    as<TBulkDecisionResult>(unwrap(api.POST('/api/calls/{id}/decisions', { params: { path: { id: callId } }, body }))),
  setFeedback: (callId: string, enabled: boolean) =>
    as<{ feedbackEnabled: boolean }>(unwrap(api.PUT('/api/calls/{id}/feedback', { params: { path: { id: callId } }, body: { enabled } }))),
  publish: (callId: string, body: TPublishDecisionsRequest) =>
    as<TPublishDecisionsResult>(unwrap(api.POST('/api/calls/{id}/notify-decisions', { params: { path: { id: callId } }, body }))),
  listTemplates: (callId: string) =>
    as<TDecisionTemplateList>(unwrap(api.GET('/api/calls/{id}/decision-templates', { params: { path: { id: callId } } }))),
  saveTemplate: (callId: string, outcome: TDecisionOutcome, body: TDecisionTemplateRequest) =>
    as<TDecisionTemplate>(unwrap(api.PUT('/api/calls/{id}/decision-templates/{outcome}', { params: { path: { id: callId, outcome } }, body }))),
  preview: (callId: string, outcome: TDecisionOutcome, body: TDecisionPreviewRequest) =>
    as<TDecisionPreview>(unwrap(api.POST('/api/calls/{id}/decision-templates/{outcome}/preview', { params: { path: { id: callId, outcome } }, body }))),
  outcome: (applicationId: string) =>
    as<TApplicationOutcome>(unwrap(api.GET('/api/applications/{id}/outcome', { params: { path: { id: applicationId } } }))),
};
