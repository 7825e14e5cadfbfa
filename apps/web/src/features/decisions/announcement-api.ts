import type { TCallAnnouncement, TPublicProfile, TResultsPublication, TSavePublicProfileRequest } from '@tahkim/contracts';
import { api, unwrap } from '../../lib/api';

/**
 * The generated OpenAPI types render the contracts' nullable fields loosely: answers are read with
 * the contracts' types, which the API validates its responses against.
 */
const as = async <T>(call: Promise<unknown>): Promise<T> => (await call) as T;

/** The staff routes of the winners' public announcement, through the generated client; errors reach callers as ApiError. */
export const announcementApi = {
  list: (callId: string) => as<TCallAnnouncement>(unwrap(api.GET('/api/calls/{id}/public-profiles', { params: { path: { id: callId } } }))),
  save: (applicationId: string, body: TSavePublicProfileRequest) =>
    as<TPublicProfile>(unwrap(api.PUT('/api/applications/{id}/public-profile', { params: { path: { id: applicationId } }, body }))),
  publish: (callId: string) => as<TResultsPublication>(unwrap(api.POST('/api/calls/{id}/results/publish', { params: { path: { id: callId } } }))),
  unpublish: (callId: string) => as<TResultsPublication>(unwrap(api.POST('/api/calls/{id}/results/unpublish', { params: { path: { id: callId } } }))),
};
