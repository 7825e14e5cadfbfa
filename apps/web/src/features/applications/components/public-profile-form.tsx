import { Alert, Button, Fieldset, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  isRtl,
  LOCALES,
  PROFILE_ORGANISATION_MAX,
  PROFILE_SUMMARY_MAX,
  PROFILE_TITLE_MAX,
  ZPublicProfileTexts,
  type TLocale,
  type TPublicProfile,
  type TPublicProfileTexts,
} from '@tahkim/contracts';
import { useEffect, useId, useRef, useState } from 'react';
import { Controller, useForm, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { RegionSelectField } from '../../../components/region-select-field';
import { ApiError } from '../../../lib/api';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { zodResolver } from '../../../lib/form-resolver';
import { useLocale } from '../../locale/use-locale';
import { applicationRequests } from '../mutations';
import { conflictingProfile, useGiveConsentMutation } from '../public-profile-mutations';
import { PublicProfilePreview } from './public-profile-preview';

type TextPart = 'title' | 'organisation' | 'summary';
type Submitted = z.output<typeof ZPublicProfileTexts>;

// Named once here: the fields below are laid out by hand (two inputs and a textarea per language).
const [TITLE, ORGANISATION, SUMMARY] = ['title', 'organisation', 'summary'] as const satisfies readonly TextPart[];
const MAX: Record<TextPart, number> = { title: PROFILE_TITLE_MAX, organisation: PROFILE_ORGANISATION_MAX, summary: PROFILE_SUMMARY_MAX };

function textsOf(profile: TPublicProfile): TPublicProfileTexts {
  return {
    title: { ...profile.title },
    organisation: { ...profile.organisation },
    summary: { ...profile.summary },
    region: profile.region,
    photoAttachmentId: profile.photoAttachmentId,
  };
}

/** The API names the fields as the request holds them (`texts.title`); the form's fields are the texts themselves. */
function withFormPaths(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.issues.length === 0) return error;
  const details = error.issues.map((issue) => (issue.path[0] === 'texts' ? { ...issue, path: issue.path.slice(1) } : issue));
  return new ApiError({ status: error.status, code: error.code, message: error.message, details, requestId: error.requestId }, { cause: error });
}

/** The page's language first: the winner writes in theirs, the others may stay empty. */
function languagesFor(locale: TLocale): TLocale[] {
  return [locale, ...LOCALES.filter((lng) => lng !== locale)];
}

interface PublicProfileFormProps {
  profile: TPublicProfile;
  onClose: () => void;
}

/** The winner rewrites their presentation (in the languages they choose) and agrees to it as written. */
export function PublicProfileForm({ profile, onClose }: PublicProfileFormProps) {
  const { t } = useTranslation(['applications', 'common']);
  const { locale } = useLocale();
  const consent = useGiveConsentMutation(profile.applicationId);
  const form = useForm<TPublicProfileTexts, unknown, Submitted>({ resolver: zodResolver(ZPublicProfileTexts), defaultValues: textsOf(profile) });
  const { control, register, formState, handleSubmit, setFocus } = form;
  const { errors } = formState;
  // What staff saved while the winner was writing: shown beside their own text, which stays in the form.
  const [changed, setChanged] = useState<TPublicProfile | null>(null);
  const languages = languagesFor(locale);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // The button that opened the form is gone: focus goes to the form's heading, not to a field (a phone would open its keyboard).
  useEffect(() => heading.current?.focus(), []);

  // "A title in at least one language" is the contracts' rule on the whole text; said here in the page's language, under the first title.
  const oneLanguage = (part: 'title' | 'summary') => (errors[part]?.message ? t(`publicProfile.form.${part}Required`) : undefined);
  const fieldError = (part: TextPart, lng: TLocale) =>
    errors[part]?.[lng]?.message ?? (part !== 'organisation' && lng === languages[0] ? oneLanguage(part) : undefined);
  const focusOneLanguage = (invalid: FieldErrors<TPublicProfileTexts>) => {
    const part = (['title', 'summary'] as const).find((name) => invalid[name]?.message);
    if (part) setFocus(`${part}.${languages[0]!}`);
  };

  const textField = (part: TextPart, lng: TLocale) => {
    const dir = isRtl(lng) ? 'rtl' : 'ltr';
    return {
      dir,
      // Each language's text is written in that language: its field takes its direction even empty.
      attributes: { input: { dir } },
      lang: lng,
      maxLength: MAX[part],
      error: fieldError(part, lng),
      ...register(`${part}.${lng}`),
    };
  };

  const submit = handleSubmit(async (texts) => {
    try {
      await consent.mutateAsync({ version: profile.version, texts });
      notifications.show({ color: 'tahkim', message: t('publicProfile.done.edited') });
      onClose();
    } catch (failure) {
      setChanged(conflictingProfile(failure));
      applyApiErrorToForm(withFormPaths(failure), form);
    }
  }, focusOneLanguage);

  return (
    <form noValidate onSubmit={submit} aria-labelledby={headingId} data-testid="public-profile-form">
      <Stack gap="md">
        <Title order={3} size="h4" id={headingId} ref={heading} tabIndex={-1}>
          {t('publicProfile.form.label')}
        </Title>
        <Text size="sm">{t('publicProfile.form.intro')}</Text>
        {languages.map((lng) => (
          <Fieldset key={lng} legend={<span lang={lng}>{t('common:language.nativeName', { lng })}</span>} p="sm" data-testid={`public-profile-language-${lng}`}>
            <Stack gap="sm">
              <TextInput label={t('publicProfile.form.title')} {...textField(TITLE, lng)} />
              <TextInput label={t('publicProfile.form.organisation')} {...textField(ORGANISATION, lng)} />
              <Textarea label={t('publicProfile.form.summary')} autosize minRows={4} maxRows={12} {...textField(SUMMARY, lng)} />
            </Stack>
          </Fieldset>
        ))}
        <RegionSelectField control={control} name="region" label={t('publicProfile.form.region')} noneLabel={t('publicProfile.form.noRegion')} />
        {profile.photoChoices.length > 0 ? (
          <Controller
            control={control}
            name="photoAttachmentId"
            render={({ field, fieldState }) => (
              <Radio.Group
                label={t('publicProfile.form.photo')}
                value={field.value ?? ''}
                onChange={(value) => field.onChange(value || null)}
                error={fieldState.error?.message}
              >
                <Stack gap="xs" mt={6}>
                  <Radio value="" label={t('publicProfile.form.noPhoto')} />
                  {profile.photoChoices.map((choice) => (
                    <Radio
                      key={choice.attachmentId}
                      value={choice.attachmentId}
                      styles={{ labelWrapper: { minInlineSize: 0 } }}
                      label={
                        <span className="public-profile-photo-choice">
                          <img src={applicationRequests.attachmentDownloadPath(profile.applicationId, choice.attachmentId)} alt="" loading="lazy" />
                          <bdi className="file-name">{choice.fileName}</bdi>
                        </span>
                      }
                    />
                  ))}
                </Stack>
              </Radio.Group>
            )}
          />
        ) : null}
        {changed ? (
          <Alert color="orange" variant="light" role="alert" data-testid="public-profile-changed">
            <Stack gap="sm">
              <Text size="sm">{errors.root?.server?.message}</Text>
              <Text size="sm" fw={600}>
                {t('publicProfile.form.changedText')}
              </Text>
              <PublicProfilePreview profile={changed} testId="public-profile-changed-text" />
              <div className="public-profile-actions">
                <Button
                  variant="default"
                  onClick={() => {
                    form.reset(textsOf(changed));
                    setChanged(null);
                  }}
                >
                  {t('publicProfile.form.useChanged')}
                </Button>
              </div>
            </Stack>
          </Alert>
        ) : errors.root?.server ? (
          <Alert color="red" variant="light" role="alert">
            {errors.root.server.message}
          </Alert>
        ) : null}
        <div className="public-profile-actions">
          <Button type="submit" loading={formState.isSubmitting} data-testid="public-profile-submit">
            {t('publicProfile.form.submit')}
          </Button>
          <Button variant="default" onClick={onClose} disabled={formState.isSubmitting}>
            {t('publicProfile.form.cancel')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}
