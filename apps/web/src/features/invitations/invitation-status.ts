import type { ApiData } from '../../lib/api';

export type Invitation = ApiData<'/api/invitations', 'get'>[number];

export type InvitationStatus = 'pending' | 'accepted' | 'expired';

/** An invitation is accepted once used; otherwise it is pending until it expires. */
export function invitationStatus(
  invitation: Pick<Invitation, 'acceptedAt' | 'expiresAt'>,
  now: Date = new Date(),
): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  return new Date(invitation.expiresAt).getTime() <= now.getTime() ? 'expired' : 'pending';
}
