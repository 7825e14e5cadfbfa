import type { TCallAnnouncement, TPublicProfile, TPublicProfileConsent, TPublicProfileDraft, TPublicProfileTexts } from '@tahkim/contracts';

export type AnnouncedWinner = TCallAnnouncement['winners'][number];

/** A winner's presentation as the list shows it: not written yet, or its consent. */
export type PresentationState = 'NONE' | TPublicProfileConsent;

export const PRESENTATION_COLORS: Record<PresentationState, string> = {
  NONE: 'gray',
  PENDING: 'orange',
  GIVEN: 'tahkim',
  WITHDRAWN: 'red',
};

export function presentationState(winner: Pick<AnnouncedWinner, 'profile'>): PresentationState {
  return winner.profile?.consent ?? 'NONE';
}

/**
 * The date that goes with a presentation's state: when the winner answered (consent given or withdrawn),
 * or when staff last saved the version that awaits their answer.
 */
export function presentationDate(profile: TPublicProfile | null): { kind: 'asked' | 'answered'; at: string } | null {
  if (!profile) return null;
  if (profile.consent === 'PENDING') return { kind: 'asked', at: profile.updatedAt };
  return profile.consentAt ? { kind: 'answered', at: profile.consentAt } : null;
}

/** What the editor starts from: the saved presentation, else the draft taken from the application's answers. */
export function profileFormValues(source: TPublicProfile | TPublicProfileDraft): TPublicProfileTexts {
  return {
    title: { ...source.title },
    organisation: { ...source.organisation },
    summary: { ...source.summary },
    region: source.region,
    // A photo that is no longer among the application's images cannot be kept.
    photoAttachmentId: source.photoChoices.some((choice) => choice.attachmentId === source.photoAttachmentId) ? source.photoAttachmentId : null,
  };
}

/** Where the list stands: winners without a presentation, presentations awaiting the winner, refused ones. */
export function announcementCounts(winners: readonly AnnouncedWinner[]): Record<PresentationState, number> {
  const counts: Record<PresentationState, number> = { NONE: 0, PENDING: 0, GIVEN: 0, WITHDRAWN: 0 };
  for (const winner of winners) counts[presentationState(winner)] += 1;
  return counts;
}

/** The public results page (built by the public site). */
export function publicResultsPath(slug: string): string {
  return `/calls/${encodeURIComponent(slug)}/results`;
}

/** An image attached to the application, as staff may open it. */
export function attachmentPath(applicationId: string, attachmentId: string): string {
  return `/api/applications/${encodeURIComponent(applicationId)}/attachments/${encodeURIComponent(attachmentId)}`;
}
