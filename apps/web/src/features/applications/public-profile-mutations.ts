import { ZPublicProfile, type TGiveConsentRequest, type TPublicProfile } from '@tahkim/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../lib/api';
import { publicProfileApi } from './public-profile-api';
import { applicationKeys } from './queries';

// The winner's answers about their public presentation: loaded with the presentation's card only (its
// schema check would otherwise weigh on the application form and the call page, which share mutations.ts).
/** The presentation staff saved meanwhile, carried by a 409 VERSION_CONFLICT; null for any other failure. */
export function conflictingProfile(error: unknown): TPublicProfile | null {
  if (!(error instanceof ApiError) || error.code !== 'VERSION_CONFLICT') return null;
  const parsed = ZPublicProfile.safeParse((error.details as { current?: unknown } | undefined)?.current);
  return parsed.success ? parsed.data : null;
}

/**
 * The winner's answers replace the cached presentation with the API's; a refusal because staff changed it
 * meanwhile brings the new text too, which the card shows at once (and the next answer is about it).
 */
function usePublicProfileCache(applicationId: string) {
  const queryClient = useQueryClient();
  const store = (profile: TPublicProfile) => queryClient.setQueryData(applicationKeys.publicProfile(applicationId), profile);
  return {
    onSuccess: store,
    onError: (error: Error) => {
      const current = conflictingProfile(error);
      if (current) store(current);
    },
  };
}

/** Agrees to the presentation as read (`version`), or as the winner rewrote it (`texts`). */
export function useGiveConsentMutation(applicationId: string) {
  const cache = usePublicProfileCache(applicationId);
  return useMutation({ mutationFn: (body: TGiveConsentRequest) => publicProfileApi.consent(applicationId, body), ...cache });
}

/** Refuses the publication, or stops it: the presentation leaves the public page at once. */
export function useWithdrawConsentMutation(applicationId: string) {
  const cache = usePublicProfileCache(applicationId);
  return useMutation({ mutationFn: (version: number) => publicProfileApi.withdraw(applicationId, { version }), ...cache });
}
