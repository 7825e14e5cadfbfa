import { Stack, Text } from '@mantine/core';
import { regionName, type TLocalizedText, type TPublicProfile } from '@tahkim/contracts';
import { useTranslation } from 'react-i18next';
import { localized, localizedLang } from '../../calls/call-text';
import { useLocale } from '../../locale/use-locale';
import { applicationRequests } from '../mutations';

type PresentationTexts = Pick<TPublicProfile, 'applicationId' | 'title' | 'organisation' | 'summary' | 'region' | 'photoAttachmentId'>;

/** The winner's words in the page's language, else another one: marked with their own language, their direction taken from the text. */
function Shown({ text, fw, size }: { text: TLocalizedText; fw?: number; size?: 'sm' | 'lg' }) {
  const { locale } = useLocale();
  const shown = localized(text, locale);
  if (!shown.trim()) return null;
  return (
    <Text lang={localizedLang(text, locale)} dir="auto" fw={fw} size={size} style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
      {shown}
    </Text>
  );
}

/** The presentation as the public results page will show it, in the language of this page. */
export function PublicProfilePreview({ profile, testId = 'public-profile-preview' }: { profile: PresentationTexts; testId?: string }) {
  const { t } = useTranslation('applications');
  const { locale } = useLocale();
  const region = profile.region ? regionName(profile.region, locale) : null;
  const title = localized(profile.title, locale);

  return (
    <div className="public-profile-preview" data-testid={testId}>
      {profile.photoAttachmentId ? (
        <img
          className="public-profile-photo"
          src={applicationRequests.attachmentDownloadPath(profile.applicationId, profile.photoAttachmentId)}
          alt={t('publicProfile.preview.photoAlt', { title })}
          loading="lazy"
        />
      ) : null}
      <Stack gap={4} p="sm">
        <Shown text={profile.title} fw={700} size="lg" />
        <Shown text={profile.organisation} fw={500} />
        {region ? (
          <Text size="sm" c="dimmed">
            <span className="visually-hidden">{t('publicProfile.preview.region')} </span>
            {region}
          </Text>
        ) : null}
        <Shown text={profile.summary} size="sm" />
      </Stack>
    </div>
  );
}
