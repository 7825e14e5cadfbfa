import type { TCallSummary, TCallTopics } from '@tahkim/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';

export const callKeys = {
  all: ['calls'] as const,
  adminList: () => [...callKeys.all, 'admin-list'] as const,
  detail: (id: string) => [...callKeys.all, 'staff-detail', id] as const,
  form: (id: string) => [...callKeys.all, 'form', id] as const,
  deadlineReviews: () => [...callKeys.all, 'deadline-reviews'] as const,
  summary: (id: string) => [...callKeys.all, 'summary', id] as const,
  topics: (id: string) => [...callKeys.all, 'topics', id] as const,
};

/** Staff: every call, drafts included, with its application counts. */
export const adminCallsQuery = () =>
  queryOptions({
    queryKey: callKeys.adminList(),
    queryFn: () => unwrap(api.GET('/api/admin/calls')),
  });

/** Staff: one call as the back office edits it. */
export const callQuery = (id: string) =>
  queryOptions({
    queryKey: callKeys.detail(id),
    queryFn: () => unwrap(api.GET('/api/admin/calls/{id}', { params: { path: { id } } })),
  });

/** A call's form (definition, version, whether applications lock deletions). */
export const callFormQuery = (id: string) =>
  queryOptions({
    queryKey: callKeys.form(id),
    queryFn: () => unwrap(api.GET('/api/calls/{id}/form', { params: { path: { id } } })),
  });

/** Staff: dates stored before the server converted Casablanca time itself, left to confirm or move. */
export const deadlineReviewsQuery = () =>
  queryOptions({
    queryKey: callKeys.deadlineReviews(),
    queryFn: () => unwrap(api.GET('/api/admin/deadline-reviews')),
  });

/** Staff: where a call stands (phase, figures, each round's work) and the next step. */
export const callSummaryQuery = (id: string) =>
  queryOptions({
    queryKey: callKeys.summary(id),
    queryFn: async (): Promise<TCallSummary> => (await unwrap(api.GET('/api/calls/{id}/summary', { params: { path: { id } } }))) as TCallSummary,
  });

/** Staff: a call's topics, its topic question and how many submitted applications have a topic. */
export const callTopicsQuery = (id: string) =>
  queryOptions({
    queryKey: callKeys.topics(id),
    queryFn: (): Promise<TCallTopics> => unwrap(api.GET('/api/calls/{id}/topics', { params: { path: { id } } })),
  });
