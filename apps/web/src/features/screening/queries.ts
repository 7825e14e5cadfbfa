import type { TApplicationFileIdentity, TApplicationTopics, TApplicationNeighbours, TStaffApplication, TStaffApplicationIds } from '@tahkim/contracts';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap, type ApiQuery } from '../../lib/api';
import { filtersToApiQuery, type ApplicationFilters } from './filters';

export const PAGE_SIZE = 25;

export const screeningKeys = {
  all: ['staff-applications'] as const,
  list: (callId: string, filters: ApplicationFilters) => [...screeningKeys.all, 'list', callId, filters] as const,
  detail: (id: string) => [...screeningKeys.all, 'detail', id] as const,
  fileIdentity: (id: string) => [...screeningKeys.all, 'file-identity', id] as const,
  neighbours: (id: string, filters: ApplicationFilters) => [...screeningKeys.all, 'neighbours', id, filters] as const,
  allTopics: () => [...screeningKeys.all, 'topics'] as const,
  topics: (id: string) => [...screeningKeys.allTopics(), id] as const,
};

type ListQuery = ApiQuery<'/api/calls/{id}/applications', 'get'>;

/** Staff: the screenable applications matching the filters, for "select all" (read when asked, never cached). */
export async function fetchScreenableIds(callId: string, filters: ApplicationFilters): Promise<TStaffApplicationIds> {
  return unwrap(
    api.GET('/api/calls/{id}/applications/screenable-ids', { params: { path: { id: callId }, query: filtersToApiQuery(filters) as ListQuery } }),
  ) as Promise<TStaffApplicationIds>;
}

/** Staff: the applications before and after this one in the list as filtered, and the next one to screen. */
export const applicationNeighboursQuery = (id: string, filters: ApplicationFilters) =>
  queryOptions({
    queryKey: screeningKeys.neighbours(id, filters),
    queryFn: async (): Promise<TApplicationNeighbours> =>
      (await unwrap(
        api.GET('/api/admin/applications/{id}/neighbours', { params: { path: { id }, query: filtersToApiQuery(filters) as ListQuery } }),
      )) as TApplicationNeighbours,
  });

/** Staff: one page of a call's applications, filtered and sorted by the API. */
export const callApplicationsQuery = (callId: string, filters: ApplicationFilters) =>
  queryOptions({
    queryKey: screeningKeys.list(callId, filters),
    queryFn: () =>
      unwrap(
        api.GET('/api/calls/{id}/applications', {
          params: { path: { id: callId }, query: filtersToApiQuery(filters, PAGE_SIZE) as ApiQuery<'/api/calls/{id}/applications', 'get'> },
        }),
      ),
    placeholderData: keepPreviousData,
  });

/** Staff: one application with every answer, its files and its screening. */
export const staffApplicationQuery = (id: string) =>
  queryOptions({
    queryKey: screeningKeys.detail(id),
    // The contracts' type: the generated one reads nullable strings (reference, screeningNote,
    // screenedBy) as string arrays, a fault of the OpenAPI document, not of the API's answers.
    queryFn: async (): Promise<TStaffApplication> =>
      (await unwrap(api.GET('/api/admin/applications/{id}', { params: { path: { id } } }))) as unknown as TStaffApplication,
  });

/** Staff: whether each file's text names the applicant (read on demand by the API; slow for big PDFs, so cached a while). */
export const fileIdentityQuery = (id: string) =>
  queryOptions({
    queryKey: screeningKeys.fileIdentity(id),
    queryFn: async (): Promise<TApplicationFileIdentity> => (await unwrap(api.GET('/api/admin/applications/{id}/file-identity', { params: { path: { id } } }))) as TApplicationFileIdentity,
    staleTime: 5 * 60_000,
  });

/** Staff: an application's topics, where they come from, and what the topic question gives. */
export const applicationTopicsQuery = (id: string) =>
  queryOptions({
    queryKey: screeningKeys.topics(id),
    queryFn: (): Promise<TApplicationTopics> => unwrap(api.GET('/api/applications/{id}/topics', { params: { path: { id } } })),
  });

export function attachmentDownloadPath(applicationId: string, attachmentId: string): string {
  return `/api/applications/${encodeURIComponent(applicationId)}/attachments/${encodeURIComponent(attachmentId)}`;
}
