import { isAnnounceable } from '@tahkim/contracts';
import { describe, expect, it } from 'vitest';
import { announcementCounts, attachmentPath, presentationDate, presentationState, profileFormValues, publicResultsPath } from './announcement-view';
import { announcementFixture, PHOTO_1, publicProfile } from './test-fixtures';

describe("the winners' announcement, in words and numbers", () => {
  it('announces only the calls whose decisions are published', () => {
    expect(['DRAFT', 'PUBLISHED', 'CLOSED', 'DECIDED', 'ARCHIVED'].filter(isAnnounceable)).toEqual(['DECIDED', 'ARCHIVED']);
  });

  it('counts the winners without a presentation, awaiting their answer, agreed and refused', () => {
    const { winners } = announcementFixture();
    expect(winners.map(presentationState)).toEqual(['NONE', 'GIVEN', 'WITHDRAWN']);
    expect(announcementCounts(winners)).toEqual({ NONE: 1, PENDING: 0, GIVEN: 1, WITHDRAWN: 1 });
  });

  it("dates a presentation by the winner's answer, or by the request that awaits it", () => {
    expect(presentationDate(null)).toBeNull();
    expect(presentationDate(publicProfile())).toEqual({ kind: 'answered', at: '2026-06-10T09:00:00.000Z' });
    expect(presentationDate(publicProfile({ consent: 'PENDING', consentAt: null }))).toEqual({ kind: 'asked', at: '2026-06-08T09:00:00.000Z' });
  });

  it('starts the editor from the draft, dropping a photo that is no longer among the images', () => {
    const draft = announcementFixture().winners[0]!.draft;
    expect(profileFormValues(draft)).toMatchObject({ region: 'MA-06', photoAttachmentId: PHOTO_1, title: { fr: 'Traiteur solidaire', ar: '', en: '' } });
    expect(profileFormValues({ ...draft, photoChoices: [] }).photoAttachmentId).toBeNull();
  });

  it('builds the public and the staff addresses', () => {
    expect(publicResultsPath('fonds-2026')).toBe('/calls/fonds-2026/results');
    expect(attachmentPath('a1', PHOTO_1)).toBe(`/api/applications/a1/attachments/${PHOTO_1}`);
  });
});
