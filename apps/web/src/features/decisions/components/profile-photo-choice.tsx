import { Group, Radio, SimpleGrid, Text } from '@mantine/core';
import type { TProfilePhotoChoice, TPublicProfileTexts } from '@tahkim/contracts';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { attachmentPath } from '../announcement-view';

/** "No photo" in the radio group (its value cannot be null). */
const NO_PHOTO = '';

/** The presentation's photo, chosen among the images of the application (each previewed), or none. */
export function ProfilePhotoChoice({ applicationId, choices }: { applicationId: string; choices: readonly TProfilePhotoChoice[] }) {
  const { t } = useTranslation('decisions');
  const { control } = useFormContext<TPublicProfileTexts>();

  if (choices.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="no-photos">
        {t('announcement.editor.noPhotos')}
      </Text>
    );
  }
  return (
    <Controller
      control={control}
      name="photoAttachmentId"
      render={({ field, fieldState }) => (
        <Radio.Group
          label={t('announcement.editor.photo')}
          description={t('announcement.editor.photoHint')}
          value={field.value ?? NO_PHOTO}
          onChange={(value) => field.onChange(value === NO_PHOTO ? null : value)}
          error={fieldState.error?.message}
        >
          <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" mt="xs">
            <Radio.Card value={NO_PHOTO} radius="md" className="profile-photo-card" onBlur={field.onBlur}>
              <span className="profile-photo-frame" aria-hidden="true" />
              <Group gap="xs" wrap="nowrap" p="xs">
                <Radio.Indicator size="sm" />
                <Text size="sm">{t('announcement.editor.noPhoto')}</Text>
              </Group>
            </Radio.Card>
            {choices.map((choice) => (
              <Radio.Card key={choice.attachmentId} value={choice.attachmentId} radius="md" className="profile-photo-card" onBlur={field.onBlur}>
                <span className="profile-photo-frame">
                  <img src={attachmentPath(applicationId, choice.attachmentId)} alt="" loading="lazy" />
                </span>
                <Group gap="xs" wrap="nowrap" p="xs">
                  <Radio.Indicator size="sm" />
                  <Text size="sm" truncate="end">
                    <bdi>{choice.fileName}</bdi>
                  </Text>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>
      )}
    />
  );
}
