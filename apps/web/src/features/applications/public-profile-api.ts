import type { TGiveConsentRequest, TPublicProfile, TWithdrawConsentRequest } from '@tahkim/contracts';
import { api, unwrap } from '../../lib/api';

/** The winner's side of their public presentation, through the generated client; errors reach callers as ApiError. */
export const publicProfileApi = {
  /** null while staff have not written one; 404 when the application is not a winner. */
  read: async (applicationId: string): Promise<TPublicProfile | null> =>
    (await unwrap(api.GET('/api/applications/{id}/public-profile', { params: { path: { id: applicationId } } }))).profile as TPublicProfile | null,
  consent: (applicationId: string, body: TGiveConsentRequest): Promise<TPublicProfile> =>
    unwrap(api.POST('/api/applications/{id}/public-profile/consent', { params: { path: { id: applicationId } }, body })),
  withdraw: (applicationId: string, body: TWithdrawConsentRequest): Promise<TPublicProfile> =>
    unwrap(api.POST('/api/applications/{id}/public-profile/withdraw', { params: { path: { id: applicationId } }, body })),
};
