import type { TCallFormOutline, TCallPublic, TFormResponse, TPublicResults } from '@tahkim/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';

export const callKeys = {
  all: ['calls'] as const,
  list: () => [...callKeys.all, 'list'] as const,
  detail: (idOrSlug: string) => [...callKeys.all, 'detail', idOrSlug] as const,
  form: (callId: string) => [...callKeys.all, 'form', callId] as const,
  outline: (callId: string) => [...callKeys.all, 'outline', callId] as const,
  results: (idOrSlug: string) => [...callKeys.all, 'results', idOrSlug] as const,
};

/** Public: the published calls, open and closed. */
export const callsQuery = () =>
  queryOptions({
    queryKey: callKeys.list(),
    queryFn: async (): Promise<{ items: TCallPublic[] }> => unwrap(api.GET('/api/calls')),
    select: (data) => data.items,
  });

/** Public: one call, by its slug (or id). */
export const callQuery = (idOrSlug: string) =>
  queryOptions({
    queryKey: callKeys.detail(idOrSlug),
    queryFn: async (): Promise<TCallPublic> => unwrap(api.GET('/api/calls/{idOrSlug}', { params: { path: { idOrSlug } } })),
  });

/** The call's application form, as an applicant fills it. */
export const callFormQuery = (callId: string) =>
  queryOptions({
    queryKey: callKeys.form(callId),
    queryFn: async (): Promise<TFormResponse> => unwrap(api.GET('/api/calls/{id}/form', { params: { path: { id: callId } } })) as Promise<TFormResponse>,
    staleTime: 5 * 60_000,
  });

/** Public: the steps, questions and documents a published call asks for, to read before signing up. */
export const callFormOutlineQuery = (callId: string) =>
  queryOptions({
    queryKey: callKeys.outline(callId),
    queryFn: async (): Promise<TCallFormOutline> => unwrap(api.GET('/api/calls/{id}/form/outline', { params: { path: { id: callId } } })),
    staleTime: 5 * 60_000,
  });

/** Public: the call's results page (the winners who agreed to be presented); 404 until staff publish it. */
export const callResultsQuery = (idOrSlug: string) =>
  queryOptions({
    queryKey: callKeys.results(idOrSlug),
    queryFn: async (): Promise<TPublicResults> => unwrap(api.GET('/api/calls/{idOrSlug}/results', { params: { path: { idOrSlug } } })),
  });
