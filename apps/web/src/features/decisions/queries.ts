import type { TDecisionOutcome, TDecisionPreviewRequest } from '@tahkim/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { announcementApi } from './announcement-api';
import { decisionsApi } from './decisions-api';
import { hasQueuedEmail } from './decision-view';

/** How often the delivery status is read again while an email waits in the outbox. */
export const DELIVERY_REFRESH_MS = 3000;

export const decisionKeys = {
  all: ['decisions'] as const,
  /** Everything about one call's decisions: the list, its counts and templates. */
  ofCall: (callId: string) => [...decisionKeys.all, 'call', callId] as const,
  list: (callId: string) => [...decisionKeys.ofCall(callId), 'list'] as const,
  templates: (callId: string) => [...decisionKeys.ofCall(callId), 'templates'] as const,
  preview: (callId: string, outcome: TDecisionOutcome, body: TDecisionPreviewRequest) => [...decisionKeys.ofCall(callId), 'preview', outcome, body] as const,
  outcome: (applicationId: string) => [...decisionKeys.all, 'outcome', applicationId] as const,
  /** The winners' public presentations and the results page: under the call's key, as publishing decisions makes the winners. */
  announcement: (callId: string) => [...decisionKeys.ofCall(callId), 'announcement'] as const,
};

/** Staff: the call's submitted applications with their decisions and decision emails, refreshed while an email is queued. */
export const callDecisionsQuery = (callId: string) =>
  queryOptions({
    queryKey: decisionKeys.list(callId),
    queryFn: () => decisionsApi.list(callId),
    refetchInterval: (query) => (hasQueuedEmail(query.state.data) ? DELIVERY_REFRESH_MS : false),
  });

/** Staff: both outcomes' templates (an unsaved one comes as a proposal). */
export const decisionTemplatesQuery = (callId: string) =>
  queryOptions({ queryKey: decisionKeys.templates(callId), queryFn: () => decisionsApi.listTemplates(callId) });

/** Staff: a template rendered for a real application; the previous preview stays while the next one loads. */
export const decisionPreviewQuery = (callId: string, outcome: TDecisionOutcome, body: TDecisionPreviewRequest) =>
  queryOptions({
    queryKey: decisionKeys.preview(callId, outcome, body),
    queryFn: () => decisionsApi.preview(callId, outcome, body),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

/** The applicant: their application's outcome, nothing but `published: false` before publication. */
export const applicationOutcomeQuery = (applicationId: string) =>
  queryOptions({ queryKey: decisionKeys.outcome(applicationId), queryFn: () => decisionsApi.outcome(applicationId) });

/** Staff: the call's winners (decision published) with their public presentation or a draft, and the results page's publication. */
export const callAnnouncementQuery = (callId: string) =>
  queryOptions({ queryKey: decisionKeys.announcement(callId), queryFn: () => announcementApi.list(callId) });
