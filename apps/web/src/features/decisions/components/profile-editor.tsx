import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ZPublicProfile, ZPublicProfileTexts, type TLocale, type TPublicProfile, type TPublicProfileTexts } from '@tahkim/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { isolate } from '../../../components/user-text';
import { ApiError } from '../../../lib/api';
import { applyApiErrorToForm } from '../../../lib/form-errors';
import { zodResolver } from '../../../lib/form-resolver';
import { formatDateTime, formatList } from '../../../lib/format';
import { useLocale } from '../../locale/use-locale';
import { presentationDate, profileFormValues, type AnnouncedWinner } from '../announcement-view';
import { useSavePublicProfileMutation } from '../mutations';
import { callAnnouncementQuery } from '../queries';
import { RegionSelectField } from '../../../components/region-select-field';
import { ProfilePhotoChoice } from './profile-photo-choice';
import { initialLanguage, languageWithError, ProfileTextsTabs } from './profile-texts-tabs';

type Submitted = z.output<typeof ZPublicProfileTexts>;

interface ProfileEditorProps {
  callId: string;
  /** The call's languages, named as a reminder of those its public page is read in. */
  callLocales: readonly TLocale[];
  winner: AnnouncedWinner | null;
  onClose: () => void;
}

function ProfileForm({ callId, callLocales, winner, onClose }: ProfileEditorProps & { winner: AnnouncedWinner }) {
  const { t } = useTranslation(['decisions', 'common']);
  const { locale } = useLocale();
  const queryClient = useQueryClient();
  const save = useSavePublicProfileMutation(callId);
  // The presentation the form rests on (its version goes with the save): after a conflict, the one saved meanwhile.
  const [base, setBase] = useState<TPublicProfile | null>(winner.profile);
  const [conflict, setConflict] = useState<string | null>(null);
  const initial = profileFormValues(winner.profile ?? winner.draft);
  const form = useForm<TPublicProfileTexts, unknown, Submitted>({ resolver: zodResolver(ZPublicProfileTexts), defaultValues: initial });
  const { control, formState, handleSubmit } = form;
  const [language, setLanguage] = useState<TLocale>(() => initialLanguage(initial, locale));
  const openLanguageWithError = () => {
    const withError = languageWithError(form.getFieldState);
    if (withError) setLanguage(withError);
  };
  const state = base?.consent ?? 'NONE';
  const name = isolate(winner.applicant.displayName);
  const date = presentationDate(base);
  const languages = formatList(callLocales.map((lng) => isolate(t('common:language.nativeName', { lng }))), locale);

  /** The presentation saved meanwhile, after a 409 VERSION_CONFLICT (from the answer, else read again); undefined for any other failure. */
  const savedMeanwhile = async (failure: unknown): Promise<TPublicProfile | null | undefined> => {
    if (!(failure instanceof ApiError) || failure.code !== 'VERSION_CONFLICT') return undefined;
    const current = ZPublicProfile.safeParse((failure.details as { current?: unknown } | null | undefined)?.current);
    if (current.success) return current.data;
    const list = await queryClient.fetchQuery({ ...callAnnouncementQuery(callId), staleTime: 0 });
    return list.winners.find((item) => item.applicationId === winner.applicationId)?.profile ?? null;
  };

  const submit = handleSubmit(
    async (texts) => {
      setConflict(null);
      try {
        const saved = await save.mutateAsync({ applicationId: winner.applicationId, body: base ? { ...texts, version: base.version } : texts });
        // The API emails the winner when it asks them again: a new presentation, or one they had answered.
        const outcome = base && saved.version === base.version ? 'unchanged' : base?.consent === 'PENDING' ? 'pending' : 'asked';
        notifications.show({ color: 'tahkim', message: t(`announcement.editor.saved.${outcome}`, { name }) });
        onClose();
      } catch (failure) {
        const current = await savedMeanwhile(failure).catch(() => undefined);
        if (current !== undefined) {
          const values = profileFormValues(current ?? winner.draft);
          setBase(current);
          form.reset(values);
          setLanguage(initialLanguage(values, locale));
          setConflict((failure as ApiError).message);
          return;
        }
        applyApiErrorToForm(failure, form);
        openLanguageWithError();
      }
    },
    openLanguageWithError,
  );

  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={submit} aria-label={t('announcement.editor.formLabel', { application: winner.reference ?? t('table.noReference') })}>
        <Stack gap="md">
          <Text size="sm" fw={500} dir="auto">
            {winner.title || t('table.untitled')}
          </Text>
          <Alert color={state === 'WITHDRAWN' ? 'red' : state === 'GIVEN' ? 'tahkim' : state === 'PENDING' ? 'orange' : 'blue'} variant="light" data-testid="presentation-status">
            {t(`announcement.editor.status.${state}`, { name, date: date ? formatDateTime(date.at, locale) : '' })}
          </Alert>
          {conflict ? (
            <Alert color="orange" variant="light" role="alert" data-testid="presentation-conflict">
              <Stack gap={4}>
                <Text size="sm">{conflict}</Text>
                <Text size="sm">{t('announcement.editor.conflict')}</Text>
              </Stack>
            </Alert>
          ) : null}
          <Text size="sm" c="dimmed">
            {t('announcement.editor.languages', { languages })}
          </Text>
          <ProfileTextsTabs language={language} onLanguageChange={setLanguage} />
          <RegionSelectField control={control} name="region" label={t('announcement.editor.region')} noneLabel={t('announcement.editor.noRegion')} />
          <ProfilePhotoChoice applicationId={winner.applicationId} choices={(base ?? winner.draft).photoChoices} />
          {formState.errors.root?.server ? (
            <Alert color="red" variant="light" role="alert">
              {formState.errors.root.server.message}
            </Alert>
          ) : null}
          <Stack gap={4}>
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('actions.cancel')}
              </Button>
              <Button type="submit" loading={formState.isSubmitting}>
                {t('announcement.editor.save')}
              </Button>
            </Group>
            <Text size="sm" c={state === 'GIVEN' ? 'orange.9' : 'dimmed'} ta="end" data-testid="save-note">
              {t(`announcement.editor.saveNote.${state}`, { name })}
            </Text>
          </Stack>
        </Stack>
      </form>
    </FormProvider>
  );
}

/** Writes or edits one winner's public presentation, in a dialog over the list. */
export function ProfileEditor({ callId, callLocales, winner, onClose }: ProfileEditorProps) {
  const { t } = useTranslation('decisions');
  return (
    <Modal
      opened={winner !== null}
      onClose={onClose}
      title={winner ? t('announcement.editor.title', { application: winner.reference ?? t('table.noReference') }) : ''}
      size="xl"
    >
      {winner ? <ProfileForm key={winner.applicationId} callId={callId} callLocales={callLocales} winner={winner} onClose={onClose} /> : null}
    </Modal>
  );
}
