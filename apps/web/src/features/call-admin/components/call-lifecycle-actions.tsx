import { Alert, Button, Group, List, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { allFields, LOCALES, type TCallStaff, type TFormResponse, type TLocale } from '@tahkim/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api';
import { localized } from '../call-display';
import { useCloseCallMutation, usePublishCallMutation } from '../mutations';
import { useLocale } from '../../locale/use-locale';
import { CallDate } from './call-date';

const TEXTS = ['title', 'summary', 'description', 'eligibility'] as const;

export interface TextGap {
  text: (typeof TEXTS)[number];
  /** The languages it is empty in. */
  missing: TLocale[];
  /** What readers of those languages see instead (the public pages fall back French, Arabic, English), or null: nothing. */
  shownIn: TLocale | null;
}

/** The call's texts that are empty in some language, and what readers of that language will see instead. */
export function textGaps(call: TCallStaff): TextGap[] {
  return TEXTS.flatMap((text) => {
    const missing = LOCALES.filter((locale) => !call[text][locale].trim());
    if (missing.length === 0) return [];
    const shownIn = FALLBACK_ORDER.find((locale) => call[text][locale].trim()) ?? null;
    return [{ text, missing, shownIn }];
  });
}
const FALLBACK_ORDER: TLocale[] = ['fr', 'ar', 'en'];

function PublishDialog({ call, form, opened, onClose }: { call: TCallStaff; form: TFormResponse | undefined; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['callAdmin', 'common']);
  const { locale } = useLocale();
  const publish = usePublishCallMutation(call.id);
  const gaps = textGaps(call);
  const questions = form ? allFields(form.definition).filter((field) => !field.hidden).length : 0;

  const confirm = () =>
    publish.mutate(undefined, {
      onSuccess: () => {
        notifications.show({ color: 'tahkim', message: t('lifecycle.published') });
        onClose();
      },
    });

  return (
    <Modal opened={opened} onClose={onClose} title={t('lifecycle.publishTitle')} size="lg">
      <Stack gap="md">
        <Text>{t('lifecycle.publishIntro')}</Text>
        <List spacing="xs">
          <List.Item>
            {t('lifecycle.seen.title')} <strong>{localized(call.title, locale)}</strong>
          </List.Item>
          <List.Item>
            {t('lifecycle.seen.opens')} <CallDate iso={call.opensAt} local={call.opensAtLocal} />
          </List.Item>
          <List.Item>
            {t('lifecycle.seen.closes')} <CallDate iso={call.closesAt} local={call.closesAtLocal} />
          </List.Item>
          <List.Item>{t('lifecycle.seen.questions', { number: questions })}</List.Item>
          <List.Item>{t('lifecycle.seen.maxApplications', { number: call.maxApplicationsPerApplicant })}</List.Item>
          <List.Item>{t('lifecycle.seen.url', { slug: call.slug })}</List.Item>
        </List>
        {gaps.length > 0 ? (
          <Alert color="orange" variant="light" title={t('lifecycle.textGaps.title')}>
            <List size="sm" spacing={4}>
              {gaps.map((gap) => {
                const values = { text: t(`editor.fields.${gap.text}`), languages: gap.missing.map((lng) => t(`languages.${lng}`)).join(', ') };
                return (
                  <List.Item key={gap.text}>
                    {gap.shownIn === null
                      ? t('lifecycle.textGaps.nowhere', values)
                      : t('lifecycle.textGaps.shownIn', { ...values, language: t(`languages.${gap.shownIn}`) })}
                  </List.Item>
                );
              })}
            </List>
          </Alert>
        ) : null}
        {questions === 0 ? (
          <Alert color="orange" variant="light">
            {t('lifecycle.noQuestions')}
          </Alert>
        ) : null}
        {publish.error ? (
          <Alert color="red" variant="light" role="alert">
            {publish.error instanceof ApiError ? [publish.error.message, ...publish.error.issues.map((issue) => issue.message)].join(' ') : publish.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button onClick={confirm} loading={publish.isPending} data-autofocus>
            {t('lifecycle.publishConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CloseDialog({ call, opened, onClose }: { call: TCallStaff; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('callAdmin');
  const close = useCloseCallMutation(call.id);
  const [reason, setReason] = useState('');
  const confirm = () =>
    close.mutate(
      { reason: reason.trim() || undefined },
      {
        onSuccess: () => {
          notifications.show({ color: 'tahkim', message: t('lifecycle.closed') });
          onClose();
        },
      },
    );
  return (
    <Modal opened={opened} onClose={onClose} title={t('lifecycle.closeTitle')}>
      <Stack gap="md">
        <Text>{t('lifecycle.closeIntro', { submitted: call.applicationCounts.submitted, drafts: call.applicationCounts.draft })}</Text>
        <Textarea label={t('lifecycle.closeReason')} value={reason} onChange={(event) => setReason(event.currentTarget.value)} maxLength={1000} autosize minRows={2} data-autofocus />
        {close.error ? (
          <Alert color="red" variant="light" role="alert">
            {close.error.message}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button color="orange" onClick={confirm} loading={close.isPending}>
            {t('lifecycle.closeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Publish a draft (after reviewing what applicants will see) or close a published call early. */
export function CallLifecycleActions({ call, form, unsavedChanges }: { call: TCallStaff; form: TFormResponse | undefined; unsavedChanges: boolean }) {
  const { t } = useTranslation('callAdmin');
  const [dialog, setDialog] = useState<'publish' | 'close' | null>(null);
  const canClose = call.status === 'PUBLISHED';
  if (call.status !== 'DRAFT' && !canClose) return null;
  return (
    <>
      <Stack gap={4} align="flex-end">
        {call.status === 'DRAFT' ? (
          <Button onClick={() => setDialog('publish')} disabled={unsavedChanges}>
            {t('lifecycle.publish')}
          </Button>
        ) : (
          <Button color="orange" variant="light" onClick={() => setDialog('close')} disabled={unsavedChanges}>
            {t('lifecycle.close')}
          </Button>
        )}
        {unsavedChanges ? (
          <Text size="xs" c="dimmed">
            {t('lifecycle.saveFirst')}
          </Text>
        ) : null}
      </Stack>
      <PublishDialog call={call} form={form} opened={dialog === 'publish'} onClose={() => setDialog(null)} />
      <CloseDialog call={call} opened={dialog === 'close'} onClose={() => setDialog(null)} />
    </>
  );
}
