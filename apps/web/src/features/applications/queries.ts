import type { TApplication } from '@tahkim/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../../lib/api';
import { publicProfileApi } from './public-profile-api';

/**
 * The generated OpenAPI types render the contracts' nullable strings (`reference`) as `string[]`:
 * the application is read with the contracts' type, which the API validates against.
 */
export const asApplication = async (call: Promise<unknown>): Promise<TApplication> => (await call) as TApplication;

export const applicationKeys = {
  all: ['applications'] as const,
  mine: () => [...applicationKeys.all, 'mine'] as const,
  detail: (id: string) => [...applicationKeys.all, 'detail', id] as const,
  publicProfile: (id: string) => [...applicationKeys.all, 'public-profile', id] as const,
};

/** The signed-in applicant's applications, newest first. */
export const myApplicationsQuery = () =>
  queryOptions({
    queryKey: applicationKeys.mine(),
    queryFn: async () => ({ items: (await unwrap(api.GET('/api/applications/mine'))).items as unknown as TApplication[] }),
    select: (data) => data.items,
  });

/** One application of the signed-in applicant (404 for anyone else's). */
export const applicationQuery = (id: string) =>
  queryOptions({
    queryKey: applicationKeys.detail(id),
    queryFn: () => asApplication(unwrap(api.GET('/api/applications/{id}', { params: { path: { id } } }))),
    // The form owns the draft once loaded: a background refetch must not replace what is being typed.
    staleTime: Infinity,
  });

/** A winner's public presentation, as they are asked to agree to it (404 while there is none). */
export const publicProfileQuery = (applicationId: string) =>
  queryOptions({ queryKey: applicationKeys.publicProfile(applicationId), queryFn: () => publicProfileApi.read(applicationId) });
